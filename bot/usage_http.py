"""HTTP for real usage, on the same server as Slack's requests (mounted by bot/server.py):

* ``POST /usage``: usage records in (``bot.features.spend.ingest``);
* ``GET /budget/<feature>``: ``{"over": true|false, ...}``, an application's kill switch.

Both take ``Authorization: Bearer <token>``: the ``USAGE_TOKEN`` setting in single-workspace
mode; in OAuth mode the workspace's token from App Home (``tou-<team>-<secret>``, only its
SHA-256 is stored). A wrong or missing token is a 401 before anything is read or written;
a body over ``USAGE_MAX_BODY_BYTES`` a 413; Redis down a 503 with nothing counted (the
sender retries; record ids make the retry count once).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from typing import Any

from bot.domain.usage import UsageError
from bot.domain.usage.records import feature_name
from bot.errors import StateUnavailable
from bot.features.spend import alerts, budget, digest, tokens
from bot.features.spend.ingest import ingest
from bot.features.spend.store import SpendStore
from bot.settings import Settings, load_settings
from bot.state import Store
from bot.texts import spend as texts
from bot.texts.errors import describe

log = logging.getLogger(__name__)
USAGE_PATH = "/usage"
BUDGET_PREFIX = "/budget/"
Start = Callable[..., Any]


def handles(environ: dict[str, Any]) -> bool:
    path = environ.get("PATH_INFO") or ""
    return path == USAGE_PATH or path.startswith(BUDGET_PREFIX)


def make_usage_app(
    store: Store, settings: Settings | None = None, *, clock: Callable[[], datetime] | None = None
) -> Callable[[dict[str, Any], Start], Iterable[bytes]]:
    """The WSGI app for both paths; ``settings`` default to the environment's (as ``serve``
    reads them)."""
    settings = settings or load_settings()
    now = clock or (lambda: datetime.now(UTC))

    def app(environ: dict[str, Any], start_response: Start) -> Iterable[bytes]:
        path, method = environ.get("PATH_INFO") or "", environ.get("REQUEST_METHOD")
        want = "POST" if path == USAGE_PATH else "GET"
        if method != want:
            return _reply(start_response, 405, {"error": "method",
                          "message": texts.HTTP["method"].format(method=want)},
                          [("Allow", want)])  # fmt: skip
        try:
            team = tokens.authenticate(settings, store, environ.get("HTTP_AUTHORIZATION"))
            if team is None:
                code = "unauthorized" if tokens.configured(settings, store) else "no_token_set"
                return _reply(start_response, 401, {"error": code, "message": texts.HTTP[code]},
                              [("WWW-Authenticate", "Bearer")])  # fmt: skip
            spend = SpendStore(store, team, id_ttl=settings.usage_id_ttl_seconds)
            if path == USAGE_PATH:
                return _usage(environ, start_response, settings, spend, now())
            return _budget(start_response, spend, path[len(BUDGET_PREFIX):], now())
        except StateUnavailable:
            return _reply(start_response, 503, {"error": "unavailable",
                          "message": texts.HTTP["unavailable"]}, [("Retry-After", "5")])  # fmt: skip

    return app


def _usage(
    environ: dict, start: Start, settings: Settings, spend: SpendStore, now: datetime
) -> list[bytes]:
    limit = settings.usage_max_body_bytes
    body = _read(environ, limit)
    if body is None:
        return _reply(start, 413, {"error": "too_large",
                      "message": texts.HTTP["too_large"].format(limit=limit)})  # fmt: skip
    try:
        result = ingest(spend, body, now=now)
    except UsageError as error:
        status = 413 if error.code == "too_many" else 400
        return _reply(start, status, {"error": error.code,
                      "message": describe(error, style="terminal")})  # fmt: skip
    try:
        forecasts, digests = spend.after_ingest()
        alerts.check(settings, spend, month=result.month, month_to_date=result.month_to_date,
                     forecasts=forecasts)  # fmt: skip
        digest.refresh(settings, spend, now, digests)
    except StateUnavailable:  # counted already: the alerts go out with the next ingest
        log.warning("budget alerts skipped: the state store is unavailable")
    status = 200 if result.accepted or result.duplicates or not result.errors else 422
    return _reply(start, status, result.as_json())


def _budget(start: Start, spend: SpendStore, name: str, now: datetime) -> list[bytes]:
    try:
        feature = feature_name(name)
    except UsageError:
        return _reply(start, 404, {"over": False, "error": "bad_feature",
                      "message": texts.HTTP["bad_feature"]})  # fmt: skip
    answer = budget.status(spend, feature, now=now)
    if answer is None:
        return _reply(start, 404, {"over": False, "feature": feature, "error": "no_forecast",
                      "message": texts.HTTP["no_forecast"].format(feature=feature)})  # fmt: skip
    return _reply(start, 200, answer)


def _read(environ: dict, limit: int) -> bytes | None:
    """The body, or None when it is over ``limit`` bytes (read no further than that)."""
    try:
        length = int(environ.get("CONTENT_LENGTH") or -1)
    except ValueError:
        length = -1
    if length > limit:
        return None
    stream = environ["wsgi.input"]
    body = stream.read(length) if length >= 0 else stream.read(limit + 1)
    return None if len(body) > limit else body


def _reply(start: Start, status: int, data: dict, headers: list | None = None) -> list[bytes]:
    reason = {200: "OK", 400: "Bad Request", 401: "Unauthorized", 404: "Not Found",
              405: "Method Not Allowed", 413: "Content Too Large", 422: "Unprocessable Content",
              503: "Service Unavailable"}[status]  # fmt: skip
    body = json.dumps(data).encode()
    start(f"{status} {reason}", [("Content-Type", "application/json"),
          ("Content-Length", str(len(body))), *(headers or [])])  # fmt: skip
    return [body]
