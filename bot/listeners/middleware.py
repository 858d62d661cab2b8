"""Global middleware: put ``Deps`` into every request's context (and our ``respond``: short
timeout, safe retries, ``bot/features/replies.py``), and answer each Events API event once,
however often Slack delivers it.

Slack retries an event it got no ack for within 3 seconds (up to three times, with
``x-slack-retry-num``). The first delivery claims ``{p}:{team}:event:{event_id}``
(SET NX with a TTL); later deliveries are acked with 200 and go no further. The
retry header is only a hint for the log: a retry of an event nobody claimed (the
first delivery never arrived) is processed. If Redis is down the event is processed
anyway (fail open): a rare double answer beats silence.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from slack_bolt import BoltRequest, BoltResponse
from slack_bolt.middleware import Middleware

from bot.deps import Deps, team_of
from bot.errors import StateUnavailable
from bot.features.replies import ResponseUrl
from bot.state import Key

log = logging.getLogger(__name__)


# Middleware classes, not functions: Bolt calls a function middleware through
# build_required_kwargs (every argument it can inject, built anew: ~30 us a call on this
# machine), and these run on every request, before its ack.


class WithDeps(Middleware):
    """Hands ``deps`` to every listener as ``context["deps"]``, and a ``respond`` on the
    request's response_url with our timeout and retries."""

    def __init__(self, deps: Deps) -> None:
        self.deps = deps

    def process(self, *, req: BoltRequest, resp: BoltResponse, next: Callable[[], Any]) -> Any:
        context = req.context
        context["deps"] = self.deps
        if context.response_url:
            client = context.client
            context["respond"] = ResponseUrl(
                response_url=context.response_url,
                proxy=client.proxy if client else None,
                ssl=client.ssl if client else None,
            )
        return next()


def _header(request: BoltRequest, name: str) -> str | None:
    values = request.headers.get(name) or []
    return values[0] if values else None


class DedupeEvents(Middleware):
    """The first delivery of an Events API event goes on; later ones are acked, no further."""

    def process(self, *, req: BoltRequest, resp: BoltResponse, next: Callable[[], Any]) -> Any:
        body = req.body
        event_id = body.get("event_id") if body.get("type") == "event_callback" else None
        if not event_id:
            return next()
        context = req.context
        retry = _header(req, "x-slack-retry-num")
        deps = Deps.of(context)
        try:
            first = deps.store.claim(
                key=Key(team_of(context), "event", str(event_id)),
                ttl=deps.settings.event_dedupe_ttl_seconds,
            )
        except StateUnavailable:
            log.warning("event dedupe skipped (state store unavailable); processing %s", event_id)
            return next()
        if not first:
            log.info("duplicate delivery of %s skipped (retry %s)", event_id, retry or "-")
            return BoltResponse(status=200, body="")
        if retry:
            log.info("retry %s of %s is its first delivery here; processing", retry, event_id)
        return next()
