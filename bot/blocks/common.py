"""Small Block Kit building blocks shared by every renderer (plain dicts)."""

from __future__ import annotations

from typing import Any

Block = dict[str, Any]
SECTION_LIMIT = 3000


def mrkdwn(text: str) -> dict[str, str]:
    return {"type": "mrkdwn", "text": text}


def plain(text: str) -> dict[str, Any]:
    return {"type": "plain_text", "text": text, "emoji": True}


def section(text: str) -> Block:
    return {"type": "section", "text": mrkdwn(clip(text, SECTION_LIMIT))}


def header(text: str) -> Block:
    return {"type": "header", "text": plain(clip(text, 150))}


def context(*texts: str) -> Block:
    return {"type": "context", "elements": [mrkdwn(clip(t, 2000)) for t in texts[:10]]}


def divider() -> Block:
    return {"type": "divider"}


def button(
    text: str, action_id: str, value: str = "", *, style: str | None = None, url: str | None = None
) -> Block:
    element: Block = {"type": "button", "text": plain(clip(text, 75)), "action_id": action_id}
    if value:
        element["value"] = value[:2000]
    if style:
        element["style"] = style
    if url:
        element["url"] = url
    return element


def actions(*elements: Block, block_id: str | None = None) -> Block:
    block: Block = {"type": "actions", "elements": list(elements)[:25]}
    if block_id:
        block["block_id"] = block_id
    return block


def message(text: str, blocks: list[Block]) -> dict[str, Any]:
    """A message payload: fallback ``text`` (notifications, screen readers) plus blocks."""
    return {"text": clip(text, 3000), "blocks": blocks}


def notice(text: str) -> dict[str, Any]:
    """A one-section message, for short answers and errors."""
    return message(text, [section(text)])


def escape(text: str) -> str:
    """Escape user-typed text for mrkdwn: Slack's three control characters."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def unescape(text: str) -> str:
    """The text Slack sent (message events and slash commands escape ``& < >``) as typed."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def clip(text: str, limit: int) -> str:
    """Cut ``text`` to ``limit`` characters, marking the cut with an ellipsis."""
    return text if len(text) <= limit else text[: limit - 1] + "…"
