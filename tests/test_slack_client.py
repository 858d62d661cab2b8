"""The app's Web API client: retries on rate limits it can wait out and on dropped
connections, nothing else."""

from __future__ import annotations

import http.client
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.error import URLError

import pytest
from slack_sdk.errors import SlackApiError

from bot.settings import Settings
from bot.slack_client import make_web_client


class _Flaky(BaseHTTPRequestHandler):
    """Drops the first `drops` connections without answering, then answers ok."""

    drops = 0
    seen = 0

    def do_POST(self) -> None:
        type(self).seen += 1
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if type(self).seen <= type(self).drops:
            self.close_connection = True
            return
        data = json.dumps({"ok": True, "channel": "C1", "ts": "1.1"}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def flaky() -> Iterator[type[_Flaky]]:
    handler = type("Handler", (_Flaky,), {"drops": 0, "seen": 0})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    handler.url = f"http://127.0.0.1:{server.server_address[1]}/api/"
    yield handler
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize(("drops", "attempts", "ok"), [(0, 1, True), (1, 2, True), (2, 2, False)])
def test_a_dropped_connection_is_retried_once(flaky, drops, attempts, ok) -> None:
    flaky.drops = drops
    client = make_web_client(Settings(slack_api_url=flaky.url), token="xoxb-test")
    if ok:
        assert client.chat_postMessage(channel="C1", text="hi")["ok"] is True
    else:
        with pytest.raises((URLError, ConnectionError, http.client.HTTPException)):
            client.chat_postMessage(channel="C1", text="hi")
    assert flaky.seen == attempts


@pytest.mark.parametrize(
    ("retry_after", "calls", "ok"), [("0", 2, True), ("6", 1, False), ("junk", 2, True)]
)
def test_rate_limit_retry_is_bounded_by_the_wait(
    fake_slack, retry_after, calls, ok, monkeypatch
) -> None:
    monkeypatch.setattr("bot.slack_client.time.sleep", lambda seconds: None)
    fake_slack.clear()
    fake_slack.fail_next("chat.postMessage", "ratelimited", 429, {"Retry-After": retry_after})
    client = make_web_client(Settings(slack_api_url=fake_slack.url), token="xoxb-test")
    if ok:
        assert client.chat_postMessage(channel="C1", text="hi")["ok"] is True
    else:
        with pytest.raises(SlackApiError, match="ratelimited"):
            client.chat_postMessage(channel="C1", text="hi")
    assert len(fake_slack.calls_to("chat.postMessage")) == calls
    fake_slack.clear()


@pytest.mark.parametrize("code", ["channel_not_found", "not_in_channel", "expired_trigger_id"])
def test_errors_that_cannot_succeed_are_not_retried(fake_slack, code) -> None:
    fake_slack.clear()
    fake_slack.fail_next("chat.postMessage", code)
    client = make_web_client(Settings(slack_api_url=fake_slack.url), token="xoxb-test")
    with pytest.raises(SlackApiError):
        client.chat_postMessage(channel="C1", text="hi")
    assert len(fake_slack.calls_to("chat.postMessage")) == 1
    fake_slack.clear()
