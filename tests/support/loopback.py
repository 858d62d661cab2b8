"""Serve a WSGI app on a loopback port in a thread, and a tiny HTTP client for it."""

from __future__ import annotations

import contextlib
import socket
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server


class _ThreadingWSGIServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@contextmanager
def serve(wsgi) -> Iterator[str]:
    """Yield the base URL (http://127.0.0.1:port) of ``wsgi`` served on loopback."""
    server = make_server(
        "127.0.0.1", 0, wsgi, server_class=_ThreadingWSGIServer, handler_class=_QuietHandler
    )
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


_opener = urllib.request.build_opener(_NoRedirect)


def http(
    method: str, url: str, *, body: str | None = None, headers: dict[str, str] | None = None
) -> tuple[int, dict[str, str], str]:
    """(status, headers with lower-case names, text); no redirects followed, no raising."""
    data = body.encode() if body is not None else None
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with _opener.open(request, timeout=10) as response:
            return response.status, _lower(response.headers), response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, _lower(exc.headers), exc.read().decode()


def _lower(headers) -> dict[str, str]:
    return {name.lower(): value for name, value in headers.items()}


def raw(base: str, data: bytes, *, timeout: float = 10.0) -> tuple[int, bytes]:
    """Send ``data`` as it is on a new connection to ``base``; (status, response body)."""
    host, port = base.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=timeout) as conn:
        with contextlib.suppress(OSError):  # the server may answer (and close) before
            conn.sendall(data)  # reading everything we send
        received = b""
        while b"\r\n\r\n" not in received or not _complete(received):
            try:
                part = conn.recv(65536)
            except OSError:
                break
            if not part:
                break
            received += part
    head, _, body = received.partition(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1]) if head.startswith(b"HTTP/") else 0
    return status, body


def _complete(received: bytes) -> bool:
    head, _, body = received.partition(b"\r\n\r\n")
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            return len(body) >= int(value.strip() or 0)
    return False


def post_bytes(path: str, body: bytes, headers: dict[str, str | bytes], *, length: int | None = None) -> bytes:  # fmt: skip
    """An HTTP/1.1 POST as raw bytes (header values may be bytes, e.g. not UTF-8)."""
    lines = [f"POST {path} HTTP/1.1".encode(), b"Host: 127.0.0.1", b"Connection: close"]
    if length is not None or not {"transfer-encoding", "content-length"} & {k.lower() for k in headers}:
        lines.append(b"Content-Length: " + str(len(body) if length is None else length).encode())
    for name, value in headers.items():
        lines.append(name.encode() + b": " + (value if isinstance(value, bytes) else value.encode()))
    return b"\r\n".join(lines) + b"\r\n\r\n" + body
