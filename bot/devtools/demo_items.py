"""What the demo shows: rendered items (a message, a view, a note) and the surface each
lives on, so a later click can carry it."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

from bot.devtools.render_text import Rendered, render_message, render_view

USER, CHANNEL, CHANNEL_NAME, DM = "U0DEMO", "C0DEMO", "demo", "D0DEMO"
Item = tuple[Callable[[int], Rendered], "Surface"]  # render(first_number), where it lives


@dataclass
class Surface:
    """Where a rendered message or view lives, so a click can carry it."""

    channel: str | None = None
    ts: str | None = None
    message: dict | None = None
    ephemeral: bool = False
    thread_ts: str | None = None
    view: dict | None = None


def _ack_body(body: str) -> dict | None:
    if not body:
        return None
    try:
        parsed = json.loads(body)
    except ValueError:
        return {"text": body}  # ack("plain text")
    return parsed if isinstance(parsed, dict) else None


def ack_body(body: str) -> dict | None:
    if not body:
        return None
    try:
        parsed = json.loads(body)
    except ValueError:
        return {"text": body}  # ack("plain text")
    return parsed if isinstance(parsed, dict) else None


def message_item(message: dict, where: Surface, tags: tuple[str, ...]) -> Item:
    place = "DM" if (where.channel or "").startswith("D") else f"#{CHANNEL_NAME}"
    return (lambda n: render_message(message, tags=(place, *tags), first_number=n)), where


def problem_notes(problems: list[str]) -> list[Item]:
    return [note(f"!! Block Kit: ack: {p}") for p in problems]


def note(text: str) -> Item:
    return (lambda n: Rendered(text)), Surface()


def view_item(view: dict) -> Item:
    return (lambda n: render_view(view, first_number=n)), Surface(view=view)
