"""One error hierarchy for everything the app raises on purpose.

Code raises these with a ``code`` and the ``details`` the words need, never with English;
``bot.texts.errors.describe`` is the one place an error becomes a sentence, at the edge
(listeners, the global error handler, the CLI). ``topic`` names the ``bot/texts`` table the
code is a key of.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar


class TradeoffsError(Exception):
    """Base of every error this app raises on purpose."""


class CodedError(TradeoffsError):
    """A problem named by ``code``, a key into ``ERRORS`` of ``bot/texts/<topic>.py``;
    ``details`` are what those words are formatted with (typed text is escaped there)."""

    topic: ClassVar[str] = "common"

    def __init__(self, code: str, **details: object) -> None:
        super().__init__(code)
        self.code = code
        self.details = details


class ConfigError(TradeoffsError):
    """A setting in the environment is missing or malformed (shown to the operator)."""

    def __init__(self, variable: str, problem: str) -> None:
        super().__init__(f"{variable}: {problem}")
        self.variable = variable
        self.problem = problem


class KnowledgeError(TradeoffsError):
    """The knowledge files are missing or invalid; ``problems`` holds one line each,
    ``knowledge/<file>: <location>: <message>`` (shown to the operator)."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = tuple(problems)
        super().__init__(
            f"{len(self.problems)} problem(s) in the knowledge files:\n" + "\n".join(self.problems)
        )


class StateError(CodedError):
    """Base of conversation-state problems; ``note`` is for the log only."""

    default_code: ClassVar[str] = "state_unavailable"

    def __init__(self, note: str = "") -> None:
        super().__init__(self.default_code)
        self.note = note


class StateUnavailable(StateError):
    """The state store (Redis) cannot be reached."""

    default_code = "state_unavailable"


class StateConflict(StateError):
    """Someone else changed the state first (compare-and-set lost).

    ``current`` is the stored ``Versioned`` value that won, when the store knows it.
    """

    default_code = "stale"

    def __init__(self, note: str = "", *, current: object = None) -> None:
        super().__init__(note)
        self.current = current


class StateMissing(StateError):
    """The state expired or never existed."""

    default_code = "expired"


class BadButtonValue(CodedError):
    """A click whose button value is malformed, forged, from another workspace or another
    flow, or names a step that cannot be: nothing is changed. ``why`` is for the log."""

    def __init__(self, why: str = "malformed button value") -> None:
        super().__init__("bad_payload")
        self.why = why
