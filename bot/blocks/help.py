"""Help as a message: what the bot can do, with examples for where it is asked."""

from __future__ import annotations

from typing import Any

from bot.blocks.common import context, header, message, notice, section
from bot.texts import help as texts


def help_message(at: str, *, fallback: str | None = None) -> dict[str, Any]:
    """Every feature with a working example. ``fallback`` overrides the notification text."""
    blocks = [header(texts.HELP_TITLE), section(texts.HELP_INTRO)]
    blocks += [section(f"*{title}*\n{body}") for title, body in texts.help_lines(at)]
    blocks.append(context(texts.HELP_MORE.format(at=at)))
    return message(fallback or texts.fallback_text(at), blocks)


def unknown_message(at: str) -> dict[str, Any]:
    return notice(texts.UNKNOWN.format(at=at))
