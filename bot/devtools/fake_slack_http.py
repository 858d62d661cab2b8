"""The HTTP side of FakeSlack: decode form / JSON bodies and the token, send answers."""

from __future__ import annotations

import contextlib
import json
import logging
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import parse_qs, urlsplit

log = logging.getLogger(__name__)
_JSON_ARGS = ("blocks", "attachments", "view", "metadata")


def _parse_body(raw: bytes, content_type: str) -> dict[str, Any]:
    if not raw:
        return {}
    if "json" in content_type:
        decoded = json.loads(raw.decode("utf-8"))
        return decoded if isinstance(decoded, dict) else {"_body": decoded}
    if "x-www-form-urlencoded" in content_type:
        args: dict[str, Any] = {k: v[0] for k, v in parse_qs(raw.decode("utf-8")).items()}
        for key in _JSON_ARGS:
            if isinstance(args.get(key), str) and args[key][:1] in "[{":
                with contextlib.suppress(ValueError):  # else the validator reports it
                    args[key] = json.loads(args[key])
        return args
    return {"_raw": raw.decode("utf-8", "replace")}


class Handler(BaseHTTPRequestHandler):
    """Hands each request to `self.fake.handle(path, args, token)`; FakeSlack subclasses it
    with the `fake` attribute set."""

    fake: Any
    disable_nagle_algorithm = True  # an answer's headers and body are two writes

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        if urlsplit(self.path).path.startswith("/upload/"):  # a file's bytes, not form fields
            self._send(*self.fake.handle(self.path, {"_bytes": raw}, None))
            return
        try:
            args = _parse_body(raw, self.headers.get("Content-Type", ""))
        except ValueError:
            self._send(400, {"ok": False, "error": "invalid_json"}, {})
            return
        query = {k: v[0] for k, v in parse_qs(urlsplit(self.path).query).items()}
        args = {**query, **args}
        token = args.pop("token", None)
        auth = self.headers.get("Authorization", "")
        if auth.startswith("Bearer "):
            token = auth.removeprefix("Bearer ")
        self._send(*self.fake.handle(self.path, args, token))

    do_GET = do_POST

    def _send(self, status: int, body: dict | str, headers: dict) -> None:
        is_json = isinstance(body, dict)
        data = (json.dumps(body) if isinstance(body, dict) else body).encode("utf-8")
        self.send_response(status)
        self.send_header(
            "Content-Type", "application/json; charset=utf-8" if is_json else "text/plain"
        )
        self.send_header("Content-Length", str(len(data)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("fake slack: " + format, *args)
