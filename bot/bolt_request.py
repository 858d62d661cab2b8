"""Build the ``BoltRequest`` for an HTTP request from Slack, working around one Bolt parse bug.

Bolt (1.x, ``slack_bolt.request.internals.parse_body``) reads any form body that contains
the letters ``payload`` anywhere as an interaction payload; a slash command does not have
one, so ``/buildvsbuy payload pipeline`` (or a channel named ``payloads``) parses as an empty
body, matches no listener and gets a 404 ("/buildvsbuy failed"). Such a body is read again
here as the plain form it is, before any middleware sees it. The raw body is untouched, so
the signature check is the same.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import parse_qsl

from slack_bolt import BoltContext, BoltRequest
from slack_bolt.request.internals import build_context

FORM = "application/x-www-form-urlencoded"


def bolt_request(
    *,
    body: str,
    headers: Mapping[str, str | Sequence[str]] | None = None,
    query: str | Mapping[str, str] | Mapping[str, Sequence[str]] | None = None,
    parsed: dict[str, Any] | None = None,
) -> BoltRequest:
    """``BoltRequest(body=, headers=, query=)``, with a slash command's form read as one.
    ``parsed``: what Bolt's parser makes of ``body``, already known (the gate parsed it,
    ``bot.gate.PARSED``), so the body is not parsed a second time; the raw body stays for
    Bolt's signature check."""
    if parsed is not None:
        request = BoltRequest(body="", query=query, headers=dict(headers or {}))  # type: ignore[arg-type]
        request.raw_body, request.body = body, parsed
        request.context = build_context(BoltContext(), parsed)
        return request
    request = BoltRequest(body=body, query=query, headers=dict(headers or {}))  # type: ignore[arg-type]
    if request.body or request.content_type not in (FORM, None) or body.startswith("{"):
        return request
    form = dict(parse_qsl(body, keep_blank_values=True))
    if "payload" not in form:  # a form Bolt took for an interaction because of its text
        request.body = form
        request.context = build_context(BoltContext(), form)
    return request
