"""`python -m bot serve` under gunicorn: signed requests in, forged ones out, /healthz."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
import redis

from bot.devtools.fake_slack import FakeSlack
from bot.devtools.signed import SlackRequests
from bot.settings import PROJECT_ROOT
from tests.conftest import BOT_TOKEN, SIGNING_SECRET

pytestmark = pytest.mark.slow
EVENTS = "/slack/events"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def _post(url: str, body: str, headers: dict[str, str]) -> tuple[int, bytes]:
    request = urllib.request.Request(url, data=body.encode(), headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


@contextmanager
def running_server(
    env_extra: dict[str, str], redis_url: str, key_prefix: str, redis_client, output: list | None = None
):
    """The server on a free port; ``output`` (if given) gets what it printed, once it stopped."""
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("SLACK_")}
    env |= {
        "PORT": str(port),
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "REDIS_URL": redis_url,
        "REDIS_PREFIX": key_prefix,
        "LOG_LEVEL": "WARNING",
        **env_extra,
    }
    log_file = tempfile.TemporaryFile()  # noqa: SIM115 (closed in the finally below)
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "serve", "--workers", "1"],
        cwd=PROJECT_ROOT, env=env, stdout=log_file, stderr=subprocess.STDOUT,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if process.poll() is not None:
                log_file.seek(0)
                pytest.fail("server exited: " + log_file.read().decode())
            try:
                if _get(base + "/healthz")[0] == 200:
                    break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("server did not start in 30 s")
        yield base
    finally:
        process.terminate()
        process.wait(timeout=15)
        log_file.seek(0)
        if output is not None:
            output.append(log_file.read().decode("utf-8", "replace"))
        log_file.close()
        keys = list(redis_client.scan_iter(match=f"{key_prefix}:*"))
        if keys:
            redis_client.delete(*keys)


@pytest.fixture
def server(slack_api: FakeSlack, redis_url: str, key_prefix: str, redis_client) -> Iterator[str]:
    extra = {"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_API_URL": slack_api.url}
    with running_server(extra, redis_url, key_prefix, redis_client) as base:
        yield base


def test_healthz_reports_redis(server: str) -> None:
    status, body = _get(server + "/healthz")
    assert status == 200
    assert json.loads(body) == {"ok": True, "redis": "ok"}


def test_signed_event_is_answered_and_forged_one_rejected(
    server: str, slack_api: FakeSlack
) -> None:
    signer = SlackRequests(SIGNING_SECRET)
    body, headers = signer.direct_message("hello", user_id="U0ALICE", channel_id="D0ALICE")
    status, _ = _post(server + "/slack/events", body, headers)
    assert status == 200
    posted = slack_api.wait_for("chat.postMessage", 1, timeout=10)
    assert posted[0].args["channel"] == "D0ALICE"
    assert posted[0].token == BOT_TOKEN

    before = len(slack_api.calls)
    for forged in (signer.forged(), signer.aged(301)):
        body, headers = forged.direct_message("hello", user_id="U0ALICE", channel_id="D0ALICE")
        assert _post(server + "/slack/events", body, headers)[0] == 401
    body, headers = signer.direct_message("hello", user_id="U0ALICE", channel_id="D0ALICE")
    bare = {"content-type": headers["content-type"]}
    assert _post(server + "/slack/events", body, bare)[0] == 401
    time.sleep(0.3)
    assert len(slack_api.calls) == before, "a forged request was processed"


def test_serve_in_oauth_mode_needs_no_bot_token(redis_url, key_prefix, redis_client) -> None:
    extra = {"SLACK_CLIENT_ID": "111.222", "SLACK_CLIENT_SECRET": "client-secret"}
    with running_server(extra, redis_url, key_prefix, redis_client) as base:
        status, body = _get(base + "/slack/install")
        assert status == 200
        assert b"slack.com/oauth/v2/authorize" in body
        assert b"client_id=111.222" in body


def _chunked(path: str, chunks: list[bytes], headers: dict[str, str]) -> bytes:
    head = [f"POST {path} HTTP/1.1", "Host: 127.0.0.1", "Connection: close",
            "Transfer-Encoding: chunked", *(f"{k}: {v}" for k, v in headers.items())]  # fmt: skip
    body = b"".join(b"%x\r\n%s\r\n" % (len(c), c) for c in chunks) + b"0\r\n\r\n"
    return "\r\n".join(head).encode() + b"\r\n\r\n" + body


def test_bodies_over_the_limit_are_413_under_gunicorn(server: str) -> None:
    """Chunked (no Content-Length): read one byte past the limit, no further; declared: not
    read at all. A body under the limit in chunks still gets through the gate."""
    from bot.gate import MAX_BODY_BYTES
    from tests.support.loopback import post_bytes, raw

    chunk = b"x" * 65536
    big = _chunked(EVENTS, [chunk] * (MAX_BODY_BYTES // len(chunk) + 2), {"Content-Type": "x"})
    status, answer = raw(server, big)
    assert status == 413
    assert answer == b"request body too large\n"
    declared = post_bytes(EVENTS, b"abc", {"Content-Type": "x"}, length=100 * 1024 * 1024)
    started = time.monotonic()
    assert raw(server, declared, timeout=5)[0] == 413
    assert time.monotonic() - started < 2
    signer = SlackRequests(SIGNING_SECRET)
    body, headers = signer.direct_message("hello", user_id="U0ALICE", channel_id="D0ALICE")
    small = _chunked(EVENTS, [body[:10].encode(), body[10:].encode()], headers)
    assert raw(server, small)[0] == 200


def test_healthz_reports_a_read_only_redis(slack_api: FakeSlack) -> None:
    """A Redis that is a replica (a demoted primary after a failover) takes no writes."""
    from bot.devtools.redis_server import RedisServer

    with RedisServer() as replica:
        own = redis.Redis.from_url(replica.url)
        own.execute_command("REPLICAOF", "127.0.0.1", "1")  # a primary that is not there
        extra = {"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_API_URL": slack_api.url}
        with running_server(extra, replica.url, "test-ro", own) as base:
            assert json.loads(_get(base + "/healthz")[1]) == {"ok": True, "redis": "read-only"}
            signer = SlackRequests(SIGNING_SECRET)
            url = slack_api.new_response_url()
            body, headers = signer.slash_command("/buildvsbuy", "triage", user_id="U1",
                                                 channel_id="C1", response_url=url)  # fmt: skip
            status, answer = _post(base + EVENTS, body, headers)
            assert status == 200
            assert "state store is unavailable" in json.loads(answer)["text"], answer


def test_no_request_data_in_the_servers_log(slack_api, redis_url, key_prefix, redis_client) -> None:
    """`python -m bot serve` at LOG_LEVEL=INFO, its own output: forged, stale and malformed
    requests and a real DM carrying a canary leave no trace of it."""
    canary = "ServeCanary9f"
    extra = {"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_API_URL": slack_api.url, "LOG_LEVEL": "INFO"}
    printed: list[str] = []
    with running_server(extra, redis_url, key_prefix, redis_client, printed) as base:
        signer = SlackRequests(SIGNING_SECRET)
        for forged in (signer.forged(), signer.aged(301), signer):
            body, headers = forged.direct_message(canary, user_id="U0ALICE", channel_id="D0ALICE")
            _post(base + EVENTS, body, headers)
        body, headers = signer.sign(json.dumps({"type": "event_callback", "event": canary}), "application/json")  # fmt: skip
        assert _post(base + EVENTS, body, headers)[0] == 400
        slack_api.wait_for("chat.postMessage", 1, timeout=10)
    output = printed[0]
    assert "refused a request with 401: bad signature" in output
    assert "refused a request with 401: stale timestamp" in output
    assert canary not in output
    assert BOT_TOKEN not in output


def test_a_broken_chunked_body_is_400_without_a_traceback(server: str) -> None:
    from tests.support.loopback import raw

    broken = (f"POST {EVENTS} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
              "Transfer-Encoding: chunked\r\nContent-Type: x\r\n\r\nzz\r\nabc\r\n0\r\n\r\n")  # fmt: skip
    status, answer = raw(server, broken.encode())
    assert status == 400
    assert b"Traceback" not in answer
