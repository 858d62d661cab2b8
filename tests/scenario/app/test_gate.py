"""The gate in front of Bolt, black box: raw bytes on a socket to the real WSGI app
(``bot.server.make_wsgi_app``, as served: ack first). Each class of bad request from issue 16
gets a 4xx with a short plain answer, one WARNING line from the gate that does not carry the
body, no ERROR, no traceback, and nothing processed (no Web API call, no Redis key)."""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import time
from collections.abc import Callable, Iterator
from urllib.parse import urlencode

import pytest

from bot.app import create_app
from bot.gate import MAX_BODY_BYTES, RefusalLog, Refused
from bot.server import EVENTS_PATH, make_wsgi_app
from tests.conftest import SIGNING_SECRET
from tests.support.loopback import http, post_bytes, raw, serve

pytestmark = pytest.mark.slow
FORM, JSON = "application/x-www-form-urlencoded", "application/json"
CANARY = "gate-canary-7f3a"  # in every body below: it must never reach a log line


@pytest.fixture
def site(app_settings, store, knowledge) -> Iterator[str]:
    app = create_app(app_settings, store=store, knowledge=knowledge)
    with serve(make_wsgi_app(app, store)) as base:
        yield base


def signed(body: bytes, content_type: str = JSON, *, age: int = 0, secret: str = SIGNING_SECRET) -> dict:  # fmt: skip
    timestamp = str(int(time.time()) - age)
    mac = hmac.new(secret.encode(), b"v0:" + timestamp.encode() + b":" + body, hashlib.sha256)
    return {"Content-Type": content_type, "X-Slack-Request-Timestamp": timestamp,
            "X-Slack-Signature": "v0=" + mac.hexdigest()}  # fmt: skip


def with_timestamp(value: str | bytes) -> Callable[[bytes], dict]:
    return lambda body: {**signed(body), "X-Slack-Request-Timestamp": value}


def payload(data: object) -> bytes:
    return urlencode({"payload": json.dumps(data), "canary": CANARY}).encode()


def interaction(**fields: object) -> bytes:
    return payload({"type": "block_actions", "team": {"id": "T0TEST"}, "user": {"id": "U1"},
                    "actions": [{"action_id": "bvb.yes", "value": CANARY}], **fields})  # fmt: skip


def event(**fields: object) -> bytes:
    body = {"type": "event_callback", "team_id": "T0TEST", "event_id": "Ev" + CANARY,
            "event": {"type": "message", "channel": "D1", "user": "U1", "text": CANARY}, **fields}  # fmt: skip
    return json.dumps(body).encode()


COMMAND = urlencode({"command": "/llmcost", "text": CANARY, "team_id": "T0TEST"}).encode()
UNSIGNED = {"Content-Type": JSON}
# name: (body, headers for that body, status)
CASES: dict[str, tuple[bytes, Callable[[bytes], dict], int]] = {
    "unsigned JSON []": (b"[]", lambda b: UNSIGNED, 401),
    "unsigned payload=123": (b"payload=123", lambda b: {"Content-Type": FORM}, 401),
    "unsigned invalid UTF-8": (b"a=\xff" + CANARY.encode(), lambda b: {"Content-Type": FORM}, 401),
    "unsigned command": (COMMAND, lambda b: {"Content-Type": FORM}, 401),
    "timestamp abc": (COMMAND, with_timestamp("abc"), 401),
    "timestamp empty": (COMMAND, with_timestamp(""), 401),
    "timestamp 1e10": (COMMAND, with_timestamp("1e10"), 401),
    "timestamp 5000 digits": (COMMAND, with_timestamp("9" * 5000), 401),
    "timestamp -1": (COMMAND, with_timestamp("-1"), 401),
    "timestamp not ASCII": (COMMAND, with_timestamp("١٧٠٠٠٠٠٠٠٠".encode()), 401),
    "signature not ASCII": (
        COMMAND,
        lambda b: {**signed(b), "X-Slack-Signature": b"v0=\xe9\xff"},
        401,
    ),
    "signature empty": (COMMAND, lambda b: {**signed(b), "X-Slack-Signature": ""}, 401),
    "stale 301 s": (COMMAND, lambda b: signed(b, FORM, age=301), 401),
    "from the future": (COMMAND, lambda b: signed(b, FORM, age=-301), 401),
    "wrong secret": (COMMAND, lambda b: signed(b, FORM, secret="not-it"), 401),
    "Content-Length abc": (COMMAND, lambda b: {**signed(b, FORM), "Content-Length": "abc"}, 400),
    "signed invalid UTF-8": (b"a=\xff" + CANARY.encode(), lambda b: signed(b, FORM), 400),
    "signed JSON []": (b"[]", signed, 400),
    "signed JSON 5": (b"5", signed, 400),
    "signed JSON broken": (b'{"type": "' + CANARY.encode(), signed, 400),
    "signed payload=123": (b"payload=123", lambda b: signed(b, FORM), 400),
    "signed payload=[]": (b"payload=%5B%5D", lambda b: signed(b, FORM), 400),
    "signed payload not JSON": (b"payload=%7B" + CANARY.encode(), lambda b: signed(b, FORM), 400),
    "actions: null": (interaction(actions=None), lambda b: signed(b, FORM), 400),
    "actions: [null]": (interaction(actions=[None]), lambda b: signed(b, FORM), 400),
    "actions: [1]": (interaction(actions=[1]), lambda b: signed(b, FORM), 400),
    "view: null": (
        payload({"type": "view_submission", "view": None, "user": {"id": "U1"}}),
        lambda b: signed(b, FORM),
        400,
    ),
    "view: a string": (
        payload({"type": "view_submission", "view": CANARY}),
        lambda b: signed(b, FORM),
        400,
    ),
    "view state values a list": (
        payload({"type": "view_submission", "view": {"state": {"values": []}}}),
        lambda b: signed(b, FORM),
        400,
    ),
    "user: null": (interaction(user=None), lambda b: signed(b, FORM), 400),
    "team: a string": (interaction(team=CANARY), lambda b: signed(b, FORM), 400),
    "container: a string": (interaction(container=CANARY), lambda b: signed(b, FORM), 400),
    "event: a string": (event(event=CANARY), signed, 400),
    "event: null": (event(event=None), signed, 400),
    "event text a number": (event(event={"type": "message", "text": 5, "user": "U1"}), signed, 400),
    "authorizations: a string": (event(authorizations=CANARY), signed, 400),
}


def _gate_lines(caplog) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.name == "bot.gate"]


@pytest.mark.parametrize("case", list(CASES))
def test_each_bad_request_gets_a_4xx_one_warning_and_nothing_else(
    site, slack_api, store, redis_client, caplog, case
) -> None:
    body, headers, expected = CASES[case]
    caplog.set_level(logging.INFO)
    status, answer = raw(site, post_bytes(EVENTS_PATH, body, headers(body)))
    assert status == expected, answer
    assert len(answer) < 40
    assert b"Traceback" not in answer
    assert b"Tradeoffs" not in answer
    time.sleep(0.1)  # give an (unwanted) background listener time to show itself
    lines = _gate_lines(caplog)
    assert [r.levelname for r in lines] == ["WARNING"], [r.getMessage() for r in caplog.records]
    assert f"refused a request with {expected}" in lines[0].getMessage()
    assert [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info] == []
    assert all(CANARY not in r.getMessage() for r in caplog.records)
    assert slack_api.calls == []
    assert list(redis_client.scan_iter(match=f"{store.prefix}:*")) == []


def test_a_body_over_the_limit_is_refused_before_it_is_read(site, caplog) -> None:
    """Content-Length 100 MB and three bytes sent: a 413 at once (the gate never waits for,
    or holds, the body)."""
    caplog.set_level(logging.INFO)
    started = time.monotonic()
    request = post_bytes(EVENTS_PATH, b"abc", signed(b"abc"), length=100 * 1024 * 1024)
    status, answer = raw(site, request, timeout=5)
    assert (status, answer) == (413, b"request body too large\n")
    assert time.monotonic() - started < 2
    assert "413" in _gate_lines(caplog)[0].getMessage()


@pytest.mark.parametrize("size", [MAX_BODY_BYTES, MAX_BODY_BYTES + 1])
def test_the_limit_is_exact(site, size) -> None:
    body = b"a=" + b"x" * (size - 2)
    status, _ = raw(site, post_bytes(EVENTS_PATH, body, signed(body, FORM)))
    assert status == (404 if size <= MAX_BODY_BYTES else 413)  # in: a form no listener wants


def test_refusals_are_rate_limited_per_reason(site, caplog) -> None:
    """200 two-byte requests write one line per reason, not 200 tracebacks."""
    caplog.set_level(logging.INFO)
    for _ in range(100):
        assert raw(site, post_bytes(EVENTS_PATH, b"[]", UNSIGNED))[0] == 401
        assert raw(site, post_bytes(EVENTS_PATH, b"[]", signed(b"[]")))[0] == 400
    messages = [r.getMessage() for r in _gate_lines(caplog)]
    assert len(messages) == 2, messages
    assert sum(len(r.getMessage()) for r in caplog.records) < 500


def test_the_rate_limit_counts_what_it_held_back() -> None:
    now = [0.0]
    refusals = RefusalLog(every=10, clock=lambda: now[0])
    lines: list[str] = []
    handler = logging.Handler()
    handler.emit = lambda record: lines.append(record.getMessage())  # type: ignore[method-assign]
    logger = logging.getLogger("bot.gate")
    logger.addHandler(handler)
    try:
        for step in range(25):
            now[0] = step
            refusals.refused(Refused(401, "bad signature"))
    finally:
        logger.removeHandler(handler)
    assert lines == [
        "refused a request with 401: bad signature",
        "refused a request with 401: bad signature (and 9 more since the last such line)",
        "refused a request with 401: bad signature (and 9 more since the last such line)",
    ]


def test_good_requests_healthz_and_ssl_check_still_get_through(site, slack_api, requests_) -> None:
    body, headers = requests_.slash_command("/buildvsbuy", "support triage", user_id="U1",
                                            channel_id="C1", response_url=slack_api.new_response_url())  # fmt: skip
    status, _, text = http("POST", site + EVENTS_PATH, body=body, headers=headers)
    assert status == 200
    assert json.loads(text)["response_type"] == "in_channel"
    assert http("GET", site + "/healthz")[0] == 200
    ssl_check = b"ssl_check=1&token=x"
    assert raw(site, post_bytes(EVENTS_PATH, ssl_check, {"Content-Type": FORM}))[0] == 200
    challenge = json.dumps({"type": "url_verification", "challenge": "c-1", "token": "x"}).encode()
    status, answer = raw(site, post_bytes(EVENTS_PATH, challenge, signed(challenge)))
    assert (status, json.loads(answer)) == (200, {"challenge": "c-1"})


GENUINE = {
    "command": lambda r, url: r.slash_command(
        "/llmcost", "help", user_id="U1", channel_id="C1", response_url=url
    ),
    "click": lambda r, url: r.block_action(
        "bvb.yes", "x", user_id="U1", channel_id="C1", message_ts="1.2", response_url=url
    ),
    "click in a view": lambda r, url: r.block_action(
        "cost.share", "x", user_id="U1", view={"id": "V1", "blocks": []}
    ),
    "shortcut": lambda r, url: r.message_shortcut(
        "bvb.decide",
        {"ts": "1.2", "text": "hi", "user": "U2"},
        user_id="U1",
        channel_id="C1",
        response_url=url,
    ),
    "view submission": lambda r, url: r.view_submission(
        "cost.modal", {"b": {"a": {"type": "plain_text_input", "value": "x"}}}, user_id="U1"
    ),
    "dm": lambda r, url: r.direct_message("hello", user_id="U1", channel_id="D1"),
    "mention": lambda r, url: r.app_mention("help", user_id="U1", channel_id="C1", thread_ts="1.2"),
    "home": lambda r, url: r.app_home_opened(user_id="U1"),
    "workflow step": lambda r, url: r.function_executed("estimate_llm_cost", {"model": "gpt-4o"}),
    "uninstall": lambda r, url: r.event({"type": "app_uninstalled"}),
}


@pytest.mark.parametrize("kind", list(GENUINE))
def test_what_slack_sends_passes_the_gate(site, slack_api, requests_, caplog, kind) -> None:
    body, headers = GENUINE[kind](requests_, slack_api.new_response_url())
    status, _ = raw(site, post_bytes(EVENTS_PATH, body.encode(), headers))
    assert status not in (400, 401, 413)
    assert _gate_lines(caplog) == []
