"""Through the real WSGI app on loopback: only correctly signed, fresh requests get in.
A bad, missing or stale signature is a 401 and nothing is processed: no Web API call,
no Redis key, no reply."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator

import pytest

from bot.app import create_app
from bot.devtools.signed import SlackRequests
from bot.server import EVENTS_PATH, make_wsgi_app
from tests.support.loopback import http, serve

pytestmark = pytest.mark.slow


@pytest.fixture
def site(app_settings, store, knowledge) -> Iterator[str]:
    app = create_app(app_settings, store=store, knowledge=knowledge)  # as served: ack first
    with serve(make_wsgi_app(app, store)) as base:
        yield base


def _command(signer: SlackRequests, fake) -> tuple[str, dict]:
    return signer.slash_command("/buildvsbuy", "support triage", user_id="U1", channel_id="C1",
                                response_url=fake.new_response_url())  # fmt: skip


def _dm(signer: SlackRequests, fake) -> tuple[str, dict]:
    return signer.direct_message("hello", user_id="U1", channel_id="D1")


def _click(signer: SlackRequests, fake) -> tuple[str, dict]:
    return signer.block_action("bvb.yes", "x", user_id="U1", channel_id="C1", message_ts="1.1",
                               response_url=fake.new_response_url())  # fmt: skip


KINDS = {"command": _command, "event": _dm, "click": _click}


def _without(*names: str):
    return lambda headers: {k: v for k, v in headers.items() if k not in names}


SIGNERS = {
    "forged": (lambda s: s.forged(), None),
    "stale 301 s": (lambda s: s.aged(301), None),
    "from the future": (lambda s: s.aged(-301), None),
    "no signature headers": (None, _without("x-slack-signature", "x-slack-request-timestamp")),
    "no signature": (None, _without("x-slack-signature")),
    "no timestamp": (None, _without("x-slack-request-timestamp")),
    "garbage signature": (None, lambda h: {**h, "x-slack-signature": "v0=" + "0" * 64}),
}


@pytest.mark.parametrize("kind", list(KINDS))
@pytest.mark.parametrize("case", list(SIGNERS))
def test_bad_signatures_are_401_and_nothing_happens(
    site, slack_api, store, redis_client, requests_, kind, case
) -> None:
    change_signer, change_headers = SIGNERS[case]
    signer = change_signer(requests_) if change_signer else requests_
    body, headers = KINDS[kind](signer, slack_api)
    if change_headers:
        headers = change_headers(headers)
    status, _, text = http("POST", site + EVENTS_PATH, body=body, headers=headers)
    assert status == 401
    assert "Tradeoffs" not in text
    time.sleep(0.1)  # give an (unwanted) background listener time to show itself
    assert slack_api.calls == []
    assert list(redis_client.scan_iter(match=f"{store.prefix}:*")) == []


def test_a_body_changed_after_signing_is_401(site, slack_api, requests_) -> None:
    body, headers = _command(requests_, slack_api)
    status, _, _ = http("POST", site + EVENTS_PATH, body=body.replace("support", "evil"),
                        headers=headers)  # fmt: skip
    assert status == 401


@pytest.mark.parametrize("age", [0, 290])
def test_good_fresh_signatures_get_in(site, slack_api, store, redis_client, requests_, age):
    body, headers = _command(requests_.aged(age), slack_api)
    status, response_headers, text = http("POST", site + EVENTS_PATH, body=body, headers=headers)
    assert status == 200
    assert json.loads(text)["response_type"] == "in_channel"
    assert response_headers["server-timing"].startswith("app;dur=")
    assert len(list(redis_client.scan_iter(match=f"{store.prefix}:{{T0TEST}}:flow:*"))) == 1


def test_healthz_and_unknown_paths(site) -> None:
    status, headers, text = http("GET", site + "/healthz")
    assert (status, json.loads(text)) == (200, {"ok": True, "redis": "ok"})
    assert headers["content-type"] == "application/json"
    assert http("GET", site + EVENTS_PATH)[0] == 404
    assert http("GET", site + "/slack/install")[0] == 404  # no OAuth in single-workspace mode
    assert http("POST", site + "/elsewhere", body="x")[0] == 404
