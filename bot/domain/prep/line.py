"""What a DM line asks for: a keyword (``prep``, ``practice``, ``kit``, ``scorecard``, ``skip``,
``stop``, ``restart``, ``help``) and the words after it, or free text for a running flow."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Intent = Literal["menu", "help", "practice", "kit", "scorecard", "skip", "stop", "restart", "text"]
_KEYWORDS: dict[str, Intent] = {
    "prep": "menu",
    "interview": "menu",
    "menu": "menu",
    "help": "help",
    "practice": "practice",
    "practise": "practice",
    "kit": "kit",
    "interviewer": "kit",
    "scorecard": "scorecard",
    "score": "scorecard",
    "skip": "skip",
    "stop": "stop",
    "restart": "restart",
}
_ALONE_ONLY = frozenset({"skip", "stop", "restart", "menu", "help"})


@dataclass(frozen=True)
class DmLine:
    """``intent`` and the words after the keyword, as typed (``("senior", "rag")``)."""

    intent: Intent
    words: tuple[str, ...] = ()


def parse_line(text: str) -> DmLine:
    """``"practice senior rag"`` -> practice + words; ``"Stop."`` -> stop; else text.

    skip / stop / restart / menu / help count only as the whole line, so an answer that
    starts with "stop" stays an answer. Whether ``practice ...`` is a command or an answer
    during a flow is the caller's call (a command needs a level after the keyword)."""
    words = text.split()
    if not words:
        return DmLine("text")
    first = re.sub(r"[^a-z]", "", words[0].lower())
    intent = _KEYWORDS.get(first)
    if intent is None or (intent in _ALONE_ONLY and len(words) > 1):
        return DmLine("text")
    rest = words[1:]
    if first == "interviewer" and rest and rest[0].lower() == "kit":
        rest = rest[1:]
    return DmLine(intent, tuple(rest))
