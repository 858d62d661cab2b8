"""``bot.webhook_http``: response_url posts reuse a thread's connection while the server keeps
it open, start a new one when the server closed it, and fail as urllib does."""

from __future__ import annotations

import json
import logging
import socket
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.error import URLError

import pytest
from slack_sdk.webhook import WebhookClient

from bot import webhook_http
from bot.webhook_http import KeptAliveWebhook, webhook_for


class Hooks(ThreadingHTTPServer):
    """A keep-alive HTTP/1.1 endpoint: records each post's body and connection; answers
    ``status`` (with ``Retry-After`` on a 429) after ``delay`` s; with ``close_after`` set,
    closes every connection that long after its answer (a server's idle timeout)."""

    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.posts: list[tuple[int, dict]] = []  # (connection number, body)
        self.connections = 0
        self.status, self.delay, self.close_after = 200, 0.0, None
        self.lock = threading.Lock()

    def handle_error(self, request: object, client_address: object) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):  # a client that gave up
            super().handle_error(request, client_address)  # type: ignore[arg-type]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/actions/T1/1/abc?x=1"


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: Hooks

    def setup(self) -> None:
        super().setup()
        with self.server.lock:
            self.server.connections += 1
            self.number = self.server.connections

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        assert self.path == "/actions/T1/1/abc?x=1"
        assert self.headers["Content-Type"] == "application/json;charset=utf-8"
        with self.server.lock:
            self.server.posts.append((self.number, body))
        time.sleep(self.server.delay)
        status = self.server.status
        self.send_response(status)
        if status == 429:
            self.send_header("Retry-After", "1")
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")
        if self.server.close_after is not None:
            self.wfile.flush()
            time.sleep(self.server.close_after)
            self.close_connection = True

    def log_message(self, *args: object) -> None:
        pass


@contextmanager
def hooks() -> Iterator[Hooks]:
    server = Hooks()
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    try:
        yield server
    finally:
        webhook_http.close_kept()
        server.shutdown()
        server.server_close()


def post(url: str, text: str, timeout: float = 2.0):
    return KeptAliveWebhook(url, timeout=timeout).send_dict({"text": text, "blocks": None})


def test_posts_from_one_thread_share_one_connection() -> None:
    with hooks() as server:
        answers = [post(server.url, f"m{i}") for i in range(3)]
    assert [a.status_code for a in answers] == [200, 200, 200]
    assert answers[0].body == "ok"
    assert server.posts == [(1, {"text": "m0"}), (1, {"text": "m1"}), (1, {"text": "m2"})]


def test_each_thread_keeps_its_own_connection() -> None:
    with hooks() as server:
        post(server.url, "main")
        worker = threading.Thread(target=lambda: post(server.url, "worker"))
        worker.start()
        worker.join()
        post(server.url, "main again")
    numbers = {text: n for n, text in ((n, body["text"]) for n, body in server.posts)}
    assert numbers["main"] == numbers["main again"] != numbers["worker"]


def test_a_connection_the_server_closed_is_replaced_and_the_post_sent_once() -> None:
    with hooks() as server:
        server.close_after = 0.0
        post(server.url, "first")
        time.sleep(0.1)  # the server has closed it by now
        second = post(server.url, "second")
    assert second.status_code == 200
    assert server.posts == [(1, {"text": "first"}), (2, {"text": "second"})]


def test_a_connection_idle_too_long_is_not_reused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(webhook_http, "IDLE_SECONDS", 0.0)
    with hooks() as server:
        post(server.url, "a")
        post(server.url, "b")
    assert [n for n, _ in server.posts] == [1, 2]


def test_an_http_error_status_is_an_answer_with_its_headers() -> None:
    with hooks() as server:
        server.status = 429
        answer = post(server.url, "busy")
        server.status = 200
        after = post(server.url, "again")
    assert (answer.status_code, answer.headers["Retry-After"]) == (429, "1")
    assert after.status_code == 200
    assert [n for n, _ in server.posts] == [1, 1]  # a 429 does not cost the connection


def test_no_answer_in_time_is_the_timeout_itself_not_a_url_error() -> None:
    with hooks() as server:
        server.delay = 0.5
        with pytest.raises(TimeoutError) as raised:
            post(server.url, "slow", timeout=0.1)
    assert not isinstance(raised.value, URLError)  # it may have arrived


def test_a_refused_connection_is_a_url_error() -> None:
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]
    with pytest.raises(URLError):
        post(f"http://127.0.0.1:{port}/r", "nobody")


@pytest.mark.parametrize("url", ["http://", "ftp://example.com/x", "http://h:port/x", "/r"])
def test_a_malformed_url_is_a_value_error(url: str) -> None:
    with pytest.raises(ValueError, match="not an http"):
        post(url, "x")


@pytest.mark.parametrize(
    ("proxy", "env", "kind"),
    [
        (None, {}, KeptAliveWebhook),
        ("http://proxy:3128", {}, WebhookClient),
        (None, {"HTTPS_PROXY": "http://proxy:3128"}, WebhookClient),
        ("  ", {}, KeptAliveWebhook),
    ],
)
def test_a_proxy_goes_through_webhook_client(
    proxy: str | None, env: dict[str, str], kind: type, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    hook = webhook_for(
        "https://hooks.slack.com/actions/T1/1/abc", timeout=4, proxy=proxy, ssl_context=None,
        logger=logging.getLogger(__name__),
    )  # fmt: skip
    assert isinstance(hook, kind)
    if isinstance(hook, WebhookClient):
        assert hook.retry_handlers == []
