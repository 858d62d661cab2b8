"""What the learn / assess / prio click handlers share: ids, where "@Tradeoffs " applies,
ephemeral notices, and the compare-and-set save."""

from __future__ import annotations

import secrets

from pydantic import BaseModel
from slack_bolt import Respond

from bot.blocks.common import notice
from bot.deps import Deps
from bot.errors import StateConflict
from bot.state import Key, Versioned
from bot.texts.help import DM_AT, MENTION_AT


def new_id() -> str:
    return secrets.token_hex(6)


def at_for(channel: str | None) -> str:
    """How a request starts where this conversation lives: nothing in a DM with the bot."""
    return DM_AT if (channel or "").startswith("D") else MENTION_AT


def tell(respond: Respond, text: str) -> None:
    """A notice only the clicker sees; the message with the buttons stays as it was."""
    respond(response_type="ephemeral", replace_original=False, **notice(text))


def save(deps: Deps, key: Key, current: Versioned, new: BaseModel) -> bool:
    """Compare-and-set; False when someone else's click got there first."""
    try:
        deps.store.update(
            key=key,
            expected_version=current.version,
            value=new,
            ttl=deps.settings.state_ttl_seconds,
        )
    except StateConflict:
        return False
    return True
