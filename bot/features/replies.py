"""Replies every listener uses: a notice only the person who acted sees."""

from __future__ import annotations

from typing import Any

from slack_bolt import Respond

from bot.blocks.common import notice


def tell(respond: Respond, text: str) -> None:
    """A notice only the clicker sees; the message with the buttons stays as it was."""
    tell_payload(respond, notice(text))


def tell_payload(respond: Respond, payload: dict[str, Any]) -> None:
    """Like ``tell``, for a message already rendered (text + blocks)."""
    respond(response_type="ephemeral", replace_original=False, **payload)
