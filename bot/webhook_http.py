"""POSTs to response URLs over kept-alive connections: one per host in each thread.

slack_sdk's ``WebhookClient`` opens a new connection for every post (over the internet, a
TCP and a TLS handshake with hooks.slack.com; on loopback, 0.4 ms of CPU a post, more than
the rest of a click's work after its ack). ``KeptAliveWebhook`` keeps the connection a
thread used open for its next post to the same host, and before reusing one checks that
the server has not closed it meanwhile (an idle connection with something to read has been
closed, or is out of step: it is dropped); one unused for ``IDLE_SECONDS`` is not reused.

It answers and fails as ``WebhookClient`` does, so ``bot.features.replies.post_once`` keeps
its policy: any HTTP status is a ``WebhookResponse``; connecting or sending fails as a
``URLError`` (Slack did not take the post), except that a send on a reused connection the
server closed is sent again at once on a new one; waiting for the answer fails as the
``OSError`` it is (Slack may have taken it); a malformed URL is a ``ValueError``.
``webhook_for`` uses ``WebhookClient`` itself where a proxy is set (given, or in the
environment as slack_sdk reads it).

A post can still meet a connection the server closes in the instant after the check; the
send then fails (sent again on a new one) or the answer does (reported as "may have
arrived", as any dropped answer is). Open connections are bounded by the threads that post
(the post-ack pool and the serving threads of each worker), one per host each.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import select
import ssl
import threading
import time
from typing import Any, Protocol
from urllib.error import URLError
from urllib.parse import urlsplit

from slack_sdk.proxy_env_variable_loader import load_http_proxy_from_env
from slack_sdk.web.internal_utils import get_user_agent
from slack_sdk.webhook import WebhookClient, WebhookResponse
from slack_sdk.webhook.internal_utils import _build_body

IDLE_SECONDS = 30.0  # below the idle timeouts servers commonly keep (60 s and up)
USER_AGENT = get_user_agent()  # as WebhookClient sends it
Where = tuple[str, str, int | None, ssl.SSLContext | None]  # scheme, host, port, context
Kept = dict[Where, tuple[http.client.HTTPConnection, float]]
_local = threading.local()
_default_context: ssl.SSLContext | None = None
_context_lock = threading.Lock()


class Webhook(Protocol):
    def send_dict(self, body: dict[str, Any]) -> WebhookResponse: ...


def webhook_for(
    url: str, *, timeout: float, proxy: str | None, ssl_context: ssl.SSLContext | None, logger: Any
) -> Webhook:
    """The poster for ``url``: kept-alive connections, or ``WebhookClient`` behind a proxy
    (``logger`` and no retry handlers for it: the caller decides what is repeated)."""
    if (proxy and proxy.strip()) or load_http_proxy_from_env(logger):
        return WebhookClient(
            url=url, timeout=timeout, proxy=proxy, ssl=ssl_context, logger=logger,  # type: ignore[arg-type]
            retry_handlers=[],
        )  # fmt: skip
    return KeptAliveWebhook(url, timeout=timeout, ssl_context=ssl_context)


class KeptAliveWebhook:
    def __init__(
        self, url: str, *, timeout: float, ssl_context: ssl.SSLContext | None = None
    ) -> None:
        self.url = url
        self.timeout = timeout
        self._context = ssl_context

    def send_dict(self, body: dict[str, Any]) -> WebhookResponse:
        where, target = self._split()
        data = json.dumps(_build_body(body)).encode("utf-8")
        headers = {"Content-Type": "application/json;charset=utf-8", "User-Agent": USER_AGENT}
        connection = self._sent(where, target, data, headers)
        try:
            response = connection.getresponse()
            text = response.read().decode(response.headers.get_content_charset() or "utf-8")
        except BaseException:
            _close(connection)
            raise
        if response.will_close:
            _close(connection)
        else:
            _kept()[where] = (connection, time.monotonic())
        return WebhookResponse(
            url=self.url, status_code=response.status, body=text, headers=dict(response.headers)
        )

    def _split(self) -> tuple[Where, str]:
        """(where to connect, the request target); ValueError for a malformed URL."""
        parts = urlsplit(self.url)
        try:
            port = parts.port  # ValueError for one that is not a number
        except ValueError:
            port = -1
        if parts.scheme not in ("http", "https") or not parts.hostname or port == -1:
            raise ValueError("not an http(s) URL with a host (and a numeric port, if any)")
        where = (parts.scheme, parts.hostname, port, self._context)
        return where, (parts.path or "/") + (f"?{parts.query}" if parts.query else "")

    def _sent(
        self, where: Where, target: str, data: bytes, headers: dict[str, str]
    ) -> http.client.HTTPConnection:
        """The connection the request went out on: this thread's kept one if it is still
        open, else (or if the server closed it just before the send) a new one."""
        kept = _kept().pop(where, None)
        if kept is not None:
            connection, used = kept
            if time.monotonic() - used < IDLE_SECONDS and _idle_and_open(connection):
                try:
                    if connection.sock is not None:
                        connection.sock.settimeout(self.timeout)
                    connection.request("POST", target, body=data, headers=headers)
                    return connection
                except OSError:
                    pass  # closed by the server meanwhile: nothing was taken
                except BaseException:
                    _close(connection)
                    raise
            _close(connection)
        connection = self._new(where)
        try:
            connection.request("POST", target, body=data, headers=headers)
        except OSError as error:
            _close(connection)
            raise URLError(error) from error
        except BaseException:
            _close(connection)
            raise
        return connection

    def _new(self, where: Where) -> http.client.HTTPConnection:
        scheme, host, port, _context = where
        if scheme == "https":
            context = self._context or _verifying_context()
            return http.client.HTTPSConnection(host, port, timeout=self.timeout, context=context)
        return http.client.HTTPConnection(host, port, timeout=self.timeout)


def _verifying_context() -> ssl.SSLContext:
    """One verifying client context per process (building one reads the CA store)."""
    global _default_context
    with _context_lock:
        if _default_context is None:
            _default_context = ssl.create_default_context()
        return _default_context


def _kept() -> Kept:
    kept: Kept | None = getattr(_local, "kept", None)
    if kept is None:
        kept = _local.kept = {}
    return kept


def _idle_and_open(connection: http.client.HTTPConnection) -> bool:
    """Nothing to read on a connection between requests: the server has not closed it."""
    sock = connection.sock
    if sock is None:
        return False
    try:
        readable, _, _ = select.select([sock], [], [], 0)
    except (OSError, ValueError):
        return False
    return not readable


def _close(connection: http.client.HTTPConnection) -> None:
    with contextlib.suppress(OSError):
        connection.close()


def close_kept() -> None:
    """Close this thread's kept connections (tests; a thread that ends drops its own)."""
    kept = _kept()
    for connection, _ in kept.values():
        _close(connection)
    kept.clear()
