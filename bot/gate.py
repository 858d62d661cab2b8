"""The gate in front of Bolt: a WSGI layer that lets only signed, fresh, well-formed
requests reach the app (``bot/server.py`` puts it in front of ``POST /slack/events``).

In order, before anything is parsed:

1. **Size**: a body over ``MAX_BODY_BYTES`` (1 MiB; Slack's payloads are a few KB, a
   full modal submission well under 100 KB) is a 413, refused on its ``Content-Length``
   before a byte of it is read; a body without one (chunked) is read at most one byte past
   the limit. A ``Content-Length`` that is not a number is a 400.
2. **Signature** on the raw bytes (``v0=`` HMAC-SHA256 of ``v0:{timestamp}:{body}``, as
   ``slack_sdk.signature.SignatureVerifier`` computes it): a missing, malformed (``abc``,
   empty, ``1e10``) or more than 5 minutes old timestamp, or a wrong signature, is a 401.
3. **Shape**: the signed body must be UTF-8, a JSON object or a form (whose ``payload``, if
   any, is a JSON object), and every field Bolt or a listener reads must have the type
   Slack sends (``bot.payload_shape``); anything else is a 400.

Every refusal is a short plain-text answer, no traceback, and one WARNING line naming the
reason (never the body, a header value or the client's text), at most one per reason every
``LOG_EVERY_SECONDS`` with a count of the ones in between. Only then does the request go on,
its body re-wrapped, to Bolt, which checks the signature once more (defence in depth) and
reads the payload the gate parsed (``PARSED``) instead of parsing it again.
"""

from __future__ import annotations

import hashlib
import hmac
import io
import json
import logging
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl

from bot.payload_shape import shape_problem

log = logging.getLogger(__name__)
MAX_BODY_BYTES = 1_048_576
MAX_AGE_SECONDS = 300
LOG_EVERY_SECONDS = 10.0
_CHUNK = 65_536
WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]
PARSED = "tradeoffs.gate.parsed"  # environ key: the body as parsed and checked here, if any

_ANSWERS = {
    400: ("400 Bad Request", "malformed request\n"),
    401: ("401 Unauthorized", "invalid request signature\n"),
    413: ("413 Content Too Large", "request body too large\n"),
}


@dataclass(frozen=True)
class Refused(Exception):
    """Why a request does not get past the gate: the HTTP status and a reason for the log
    (a fixed phrase, never anything the request carried)."""

    status: int
    reason: str


def read_body(environ: dict[str, Any], limit: int = MAX_BODY_BYTES) -> bytes:
    """The request body, read only if it fits in ``limit`` bytes (Refused otherwise)."""
    stream = environ.get("wsgi.input")
    declared = str(environ.get("CONTENT_LENGTH") or "").strip()
    if declared:
        if not (declared.isascii() and declared.isdigit()):
            raise Refused(400, "Content-Length is not a number")
        if len(declared) > 12 or int(declared) > limit:
            raise Refused(413, f"body over {limit} bytes (Content-Length)")
        return _read(stream, int(declared))
    if not environ.get("wsgi.input_terminated"):
        return b""  # PEP 3333: no Content-Length and no terminated stream means no body
    body = _read(stream, limit + 1)
    if len(body) > limit:
        raise Refused(413, f"body over {limit} bytes (chunked)")
    return body


def _read(stream: Any, size: int) -> bytes:
    """Up to ``size`` bytes; a connection cut mid-body (gunicorn's ``NoMoreData``, a bad chunk)
    is a 400, not a traceback."""
    if stream is None or size <= 0:
        return b""
    parts, got = [], 0
    try:
        while got < size:
            part = stream.read(min(_CHUNK, size - got))
            if not part:
                break
            parts.append(part)
            got += len(part)
    except (OSError, ValueError):
        raise Refused(400, "body could not be read (connection cut or bad chunk)") from None
    return b"".join(parts)


def verify_signature(
    secret: bytes, body: bytes, timestamp: str | None, signature: str | None, now: float
) -> None:
    """Raise Refused(401) unless ``signature`` is Slack's for ``body`` at a fresh
    ``timestamp``. Header values are taken as they come (any text); nothing here raises
    anything else."""
    if not timestamp or not signature:
        raise Refused(401, "unsigned (no signature or timestamp header)")
    if not (timestamp.isascii() and timestamp.isdigit() and len(timestamp) <= 11):
        raise Refused(401, "malformed timestamp header")
    if abs(now - int(timestamp)) > MAX_AGE_SECONDS:
        raise Refused(401, "stale timestamp (more than 5 minutes off)")
    expected = "v0=" + hmac.new(secret, b"v0:" + timestamp.encode() + b":" + body, hashlib.sha256).hexdigest()  # fmt: skip
    given = signature.encode("latin-1", "replace")
    if not hmac.compare_digest(expected.encode(), given):
        raise Refused(401, "bad signature")


def parse_signed(body: bytes, content_type: str) -> dict[str, Any] | None:
    """Raise Refused(400) unless a signed body is one Bolt can read without surprises.
    Returns what Bolt's own parser would make of a JSON body or an interaction form (its
    ``payload``, the last one if repeated, as Bolt takes it), so that Bolt need not parse
    it again (``PARSED``); None for other bodies (slash commands, plain forms)."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise Refused(400, "body is not UTF-8") from None
    if not text:
        return None  # Bolt answers an empty body with a 404 of its own
    try:
        if text.startswith("{") or content_type.startswith("application/json"):
            parsed = json.loads(text)
            handed = text.startswith("{")  # Bolt parses these as JSON too
        else:
            form = dict(parse_qsl(text, keep_blank_values=True))  # as Bolt reads a form
            if "payload" not in form:
                return None  # a slash command (or another plain form): every value is a string
            parsed, handed = json.loads(form["payload"]), True
    except ValueError:
        raise Refused(400, "body is not JSON or a form") from None
    problem = shape_problem(parsed)
    if problem is not None:
        raise Refused(400, f"unexpected payload shape ({problem})")
    return parsed if handed else None


class RefusalLog:
    """One WARNING line per reason every ``every`` seconds, counting the ones in between."""

    def __init__(self, every: float = LOG_EVERY_SECONDS, clock: Callable[[], float] = time.monotonic) -> None:  # fmt: skip
        self.every = every
        self.clock = clock
        self._next: dict[str, float] = {}
        self._skipped: Counter[str] = Counter()
        self._lock = threading.Lock()

    def refused(self, refusal: Refused) -> None:
        now = self.clock()
        with self._lock:
            if now < self._next.get(refusal.reason, 0.0):
                self._skipped[refusal.reason] += 1
                return
            self._next[refusal.reason] = now + self.every
            skipped = self._skipped.pop(refusal.reason, 0)
        more = f" (and {skipped} more since the last such line)" if skipped else ""
        log.warning("refused a request with %d: %s%s", refusal.status, refusal.reason, more)


def _is_ssl_check(body: bytes) -> bool:
    """Slack's SSL check (``ssl_check=1``) may come unsigned; it is answered 200, unread."""
    return body.startswith(b"ssl_check=1") or b"&ssl_check=1" in body


class Gate:
    """WSGI middleware: ``path`` (POST) goes through the checks above to ``app``; other
    requests go to ``app`` as they are, bodies over the limit refused the same way."""

    def __init__(
        self,
        app: WSGIApp,
        *,
        signing_secret: str,
        path: str,
        limit: int = MAX_BODY_BYTES,
        clock: Callable[[], float] = time.time,
        refusals: RefusalLog | None = None,
    ) -> None:
        self.app = app
        self.secret = signing_secret.encode()
        self.path = path
        self.limit = limit
        self.clock = clock
        self.refusals = refusals or RefusalLog()

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:  # fmt: skip
        try:
            body = read_body(environ, self.limit)
            if environ.get("REQUEST_METHOD") == "POST" and environ.get("PATH_INFO") == self.path:
                if _is_ssl_check(body) and "HTTP_X_SLACK_SIGNATURE" not in environ:
                    start_response("200 OK", [("Content-Type", "text/plain; charset=utf-8")])
                    return [b""]
                parsed = self.check(environ, body)
                if parsed is not None:
                    environ[PARSED] = parsed
        except Refused as refusal:
            self.refusals.refused(refusal)
            status, text = _ANSWERS[refusal.status]
            answer = text.encode()
            start_response(status, [("Content-Type", "text/plain; charset=utf-8"), ("Content-Length", str(len(answer)))])  # fmt: skip
            return [answer]
        environ["wsgi.input"] = io.BytesIO(body)
        environ["CONTENT_LENGTH"] = str(len(body))
        return self.app(environ, start_response)

    def check(self, environ: dict[str, Any], body: bytes) -> dict[str, Any] | None:
        verify_signature(
            self.secret,
            body,
            environ.get("HTTP_X_SLACK_REQUEST_TIMESTAMP"),
            environ.get("HTTP_X_SLACK_SIGNATURE"),
            self.clock(),
        )
        return parse_signed(body, str(environ.get("CONTENT_TYPE") or ""))
