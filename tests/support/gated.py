"""SlackSim through the WSGI app (``bot.server.make_wsgi_app``: the gate, then Bolt's
adapter), in process: every request is raw bytes in a WSGI environ, as gunicorn hands it."""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import Any

from slack_bolt import BoltResponse

from bot.devtools.signed import Request
from bot.devtools.sim import SlackSim
from bot.server import EVENTS_PATH, WSGIApp


def call(wsgi: WSGIApp, method: str, path: str, body: bytes = b"", headers: dict[str, str] | None = None, query: str = "") -> BoltResponse:  # fmt: skip
    """One request through ``wsgi``; the answer as a BoltResponse (status, headers, text)."""
    environ: dict[str, Any] = {
        "REQUEST_METHOD": method, "PATH_INFO": path, "QUERY_STRING": query,
        "SERVER_PROTOCOL": "HTTP/1.1", "wsgi.input": io.BytesIO(body),
        "CONTENT_LENGTH": str(len(body)),
    }  # fmt: skip
    for name, value in (headers or {}).items():
        key = name.upper().replace("-", "_")
        environ[key if key in ("CONTENT_TYPE", "CONTENT_LENGTH") else "HTTP_" + key] = value
    started: dict[str, Any] = {}

    def start_response(status: str, response_headers: list, *exc_info: Any) -> None:
        started["status"], started["headers"] = int(status.split()[0]), response_headers

    chunks: Iterable[bytes] = wsgi(environ, start_response)
    text = b"".join(chunks).decode("utf-8", "replace")
    headers_out: dict = {k: [v] for k, v in started["headers"]}
    return BoltResponse(status=started["status"], body=text, headers=headers_out)


class GatedSim(SlackSim):
    """A SlackSim whose requests go through ``wsgi`` instead of straight to ``app.dispatch``."""

    def __init__(self, wsgi: WSGIApp, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.wsgi = wsgi
        self.sent: list[Request] = []

    def deliver(self, request: Request) -> BoltResponse:
        self.sent.append(request)
        body, headers = request
        return call(self.wsgi, "POST", EVENTS_PATH, body.encode(), headers)
