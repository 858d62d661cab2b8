"""`python -m bot serve` under gunicorn: signed requests in, forged ones out, /healthz."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from bot.devtools.fake_slack import FakeSlack
from bot.devtools.signed import SlackRequests
from bot.settings import PROJECT_ROOT
from tests.conftest import BOT_TOKEN, SIGNING_SECRET

pytestmark = pytest.mark.slow


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
def running_server(env_extra: dict[str, str], redis_url: str, key_prefix: str, redis_client):
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
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "serve", "--workers", "1"],
        cwd=PROJECT_ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if process.poll() is not None:
                pytest.fail("server exited: " + process.stdout.read().decode())
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
