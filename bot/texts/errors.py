"""Turn the app's own errors into the short words a user sees: the one place that does.

``describe(error)`` looks ``error.code`` up in the ``ERRORS`` table of ``bot/texts/<topic>.py``
for the error's ``topic`` (then in ``common``), formats it with the error's details, and frames it
where the topic has a frame (``FRAMES``: /llmcost's "`token`: problem / Try: example"). Text
someone typed is clipped to one short line and, for Slack, escaped. A topic module may derive
composed pieces from the details (``derived(details)``), in words it owns. Raw exception text
never reaches a user: anything that is not a ``CodedError`` gets the generic sentence.

Styles: ``mrkdwn`` for Slack messages, ``terminal`` for the CLI (one line, no emoji),
``field`` for the plain text under a modal's input (no markup at all).
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Mapping
from types import ModuleType
from typing import Any, Literal

from bot.errors import CodedError
from bot.texts import common
from bot.texts.help import MENTION_AT

Style = Literal["mrkdwn", "terminal", "field"]
TYPED_LIMIT = 60  # characters of typed text echoed back (a topic may set its own)
WHOLE = frozenset({"example"})  # details shown whole (escaped, never clipped)
FIELD_LIMIT = 1000  # plain text under a modal input
_EMOJI = re.compile(r"^(:[a-z0-9_+-]+:\s*)+")


def describe(
    error: BaseException,
    *,
    at: str = MENTION_AT,
    style: Style = "mrkdwn",
    topic: str | None = None,
    **overrides: object,
) -> str:
    """The sentence for ``error``; ``at`` is how a request starts where it is shown
    (``@Tradeoffs `` or nothing in a DM); ``topic`` looks in that feature's table first;
    ``overrides`` replace details (an ``example`` that fits where the error is shown)."""
    if not isinstance(error, CodedError):
        return _styled(common.UNEXPECTED, style)
    module, template = _template(error, topic)
    if template is None:
        return _styled(common.UNEXPECTED, style)
    limit = getattr(module, "TYPED_LIMIT", TYPED_LIMIT)
    whole = WHOLE | getattr(module, "WHOLE", frozenset())  # a topic may show more details whole
    details = {
        k: _safe(v, style, None if k in whole else limit) for k, v in (error.details | overrides).items()
    }
    derive: Callable[[str, dict[str, Any]], Mapping[str, Any]] | None = getattr(
        module, "derived", None
    )
    words = {"at": at, **details}
    if derive is not None:
        words |= derive(error.code, words)
    text = template.format_map(_Missing(words))
    frames: Mapping[str, str] = getattr(module, "FRAMES", {})
    if style in frames:
        text = frames[style].format_map(_Missing({**words, "problem": text}))
    return _styled(text, style)


def _template(error: CodedError, topic: str | None) -> tuple[ModuleType, str | None]:
    for name in dict.fromkeys((topic or error.topic, error.topic, "common")):
        module = _words(name)
        table: Mapping[str, str] = getattr(module, "ERRORS", {}) if module else {}
        if module is not None and error.code in table:
            return module, table[error.code]
    return common, None


def _words(topic: str) -> ModuleType | None:
    """``bot/texts/<topic>.py``, where a feature keeps its words (None if there is none)."""
    if not topic.isidentifier():
        return None
    try:
        return importlib.import_module(f"bot.texts.{topic}")
    except ModuleNotFoundError:
        return None


def typed(text: str, limit: int = TYPED_LIMIT) -> str:
    """Text someone typed, safe inside a code span: no backticks or newlines, short."""
    flat = " ".join(text.replace("`", "'").split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _safe(value: object, style: Style, limit: int | None) -> object:
    if isinstance(value, str):
        clipped = value if limit is None else typed(value, limit)
        return _mrkdwn(clipped) if style == "mrkdwn" else clipped
    if isinstance(value, tuple | list):
        return tuple(_safe(item, style, limit) for item in value)
    return value


def _mrkdwn(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _styled(text: str, style: Style) -> str:
    if style == "mrkdwn":
        return text
    plain = _EMOJI.sub("", text).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    line = " ".join(plain.split())
    if style == "field":
        line = line.replace("`", "")
        return line if len(line) <= FIELD_LIMIT else line[: FIELD_LIMIT - 1] + "…"
    return line


class _Missing(dict[str, Any]):
    """Format values; a placeholder the details lack stays visible instead of raising."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"
