"""One error hierarchy for everything the app raises on purpose.

Domain code raises these; only the edge (listeners and the global error handler)
turns them into words a user sees, through ``bot.texts``.
"""

from __future__ import annotations


class TradeoffsError(Exception):
    """Base of every error this app raises on purpose."""


class CodedError(TradeoffsError):
    """A problem named by ``code``, a key into its feature's words in ``bot/texts``;
    ``details`` are what those words are formatted with."""

    def __init__(self, code: str, **details: object) -> None:
        super().__init__(code)
        self.code = code
        self.details = details


class ConfigError(TradeoffsError):
    """A setting in the environment is missing or malformed."""

    def __init__(self, variable: str, problem: str) -> None:
        super().__init__(f"{variable}: {problem}")
        self.variable = variable
        self.problem = problem


class StateError(TradeoffsError):
    """Base of conversation-state problems."""


class StateUnavailable(StateError):
    """The state store (Redis) cannot be reached."""


class StateConflict(StateError):
    """Someone else changed the state first (compare-and-set lost).

    ``current`` is the stored ``Versioned`` value that won, when the store knows it.
    """

    def __init__(self, message: str, *, current: object = None) -> None:
        super().__init__(message)
        self.current = current


class StateMissing(StateError):
    """The state expired or never existed."""


class InteractionError(TradeoffsError):
    """An interaction payload does not match any live conversation.

    ``reason`` is a key into the user-facing texts, never shown raw.
    """

    def __init__(self, reason: str, **details: object) -> None:
        super().__init__(reason)
        self.reason = reason
        self.details = details
