"""Turn the app's own errors into the short words a user sees.

This is the only place an error becomes text; raw exception text never does.
"""

from __future__ import annotations

from bot.errors import InteractionError, StateMissing, StateUnavailable, TradeoffsError
from bot.texts import common


def describe(error: BaseException) -> str:
    """The user-facing sentence for ``error`` (generic for anything unexpected)."""
    if isinstance(error, StateUnavailable):
        return common.STATE_UNAVAILABLE
    if isinstance(error, StateMissing):
        return common.EXPIRED
    if isinstance(error, InteractionError):
        return common.INTERACTION.get(error.reason, common.BAD_PAYLOAD)
    user_text = getattr(error, "user_text", None)
    if isinstance(error, TradeoffsError) and callable(user_text):
        return str(user_text())
    return common.UNEXPECTED
