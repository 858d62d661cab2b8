"""Interview prep in DMs: the session model, its transitions, the scorecard and its rule.

Pure: no Slack, no Redis. A :class:`PrepSession` is one practice run (the user
answers probes and rates themselves) or one scorecard (an interviewer rates a
candidate), one area at a time. Every transition returns a new session; ``seq``
changes whenever the meaning of the buttons on screen changes, so a click from
an older card is recognised as stale. Typing a note does not change ``seq``:
the rating buttons above it stay live.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from bot.domain.knowledge.rubric import Level, Outcome, Recommendation, Rubric

Mode = Literal["practice", "scorecard"]
Step = Literal["name", "answer", "rate"]
Rating = Literal["green", "mixed", "red"]
RATINGS: tuple[Rating, ...] = ("green", "mixed", "red")
ANSWER_LIMIT = 2500
NOTE_LIMIT = 600
NAME_LIMIT = 80


class AreaResult(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    area: str
    rating: Rating | None = None
    skipped: bool = False
    answer: str = ""
    note: str = ""


class PrepSession(BaseModel):
    """One user's practice run or scorecard, stored in Redis between messages."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    sid: str = Field(min_length=1, max_length=16)
    owner: str
    mode: Mode
    level: str
    areas: tuple[str, ...] = Field(min_length=1)
    results: tuple[AreaResult, ...]
    index: int = 0
    step: Step
    seq: int = 1
    candidate: str = ""
    last_ts: str = ""  # the DM line last taken: Slack's retry of the same event is ignored

    @property
    def finished(self) -> bool:
        return self.index >= len(self.areas)

    @property
    def area(self) -> str:
        """The id of the area on screen (the last one when finished)."""
        return self.areas[min(self.index, len(self.areas) - 1)]

    @property
    def result(self) -> AreaResult:
        return self.results[min(self.index, len(self.results) - 1)]

    @property
    def number(self) -> int:
        """1-based position of the current area ("area 3 of 8")."""
        return min(self.index, len(self.areas) - 1) + 1

    @property
    def total(self) -> int:
        return len(self.areas)

    def matches(self, sid: str, seq: int) -> bool:
        return self.sid == sid and self.seq == seq

    def took(self, ts: str | None) -> bool:
        """Whether the DM line with this ``ts`` was already taken (a retried event)."""
        return bool(ts) and ts == self.last_ts


def start(
    *, mode: Mode, sid: str, owner: str, level: str, areas: Sequence[str], candidate: str = ""
) -> PrepSession:
    """A new session on the first area: practice asks for an answer; a scorecard for a name
    unless ``candidate`` is given."""
    name = clean(candidate, NAME_LIMIT)
    step: Step = "answer" if mode == "practice" else ("rate" if name else "name")
    return PrepSession(
        sid=sid,
        owner=owner,
        mode=mode,
        level=level,
        areas=tuple(areas),
        results=tuple(AreaResult(area=a) for a in areas),
        step=step,
        candidate=name,
    )


TextOutcome = Literal["named", "answered", "noted", "ignored"]


def take_text(session: PrepSession, text: str) -> tuple[PrepSession, TextOutcome]:
    """A DM line: the candidate's name, an answer to the probe, or a note on the current area."""
    if session.finished or not text.strip():
        return session, "ignored"
    if session.step == "name":
        name = clean(text, NAME_LIMIT)
        return session.model_copy(
            update={"candidate": name, "step": "rate", "seq": session.seq + 1}
        ), "named"
    if session.step == "answer":
        changed = _with_result(session, answer=clean(text, ANSWER_LIMIT, keep_lines=True))
        return changed.model_copy(update={"step": "rate", "seq": session.seq + 1}), "answered"
    note = clean(text, NOTE_LIMIT, keep_lines=True)
    joined = f"{session.result.note}\n{note}" if session.result.note else note
    return _with_result(session, note=clean(joined, NOTE_LIMIT, keep_lines=True)), "noted"


def rate(session: PrepSession, rating: Rating) -> PrepSession:
    """Rate the current area and move to the next one."""
    return _advance(_with_result(session, rating=rating, skipped=False))


def skip(session: PrepSession) -> PrepSession:
    """Leave the current area unrated and move on (a scorecard's name step cannot be skipped)."""
    if session.step == "name" or session.finished:
        return session
    return _advance(_with_result(session, rating=None, skipped=True))


def restart(session: PrepSession) -> PrepSession:
    """Back to the first area with nothing rated; a scorecard keeps its candidate."""
    fresh = start(
        mode=session.mode,
        sid=session.sid,
        owner=session.owner,
        level=session.level,
        areas=session.areas,
        candidate=session.candidate,
    )
    return fresh.model_copy(update={"seq": session.seq + 1})


def _with_result(session: PrepSession, **changes: object) -> PrepSession:
    results = list(session.results)
    results[session.index] = results[session.index].model_copy(update=changes)
    return session.model_copy(update={"results": tuple(results)})


def _advance(session: PrepSession) -> PrepSession:
    step: Step = "answer" if session.mode == "practice" else "rate"
    return session.model_copy(
        update={"index": session.index + 1, "step": step, "seq": session.seq + 1}
    )


def clean(text: str, limit: int, *, keep_lines: bool = False) -> str:
    """Whitespace tidied (newlines kept if asked), cut to ``limit`` characters."""
    if keep_lines:
        lines = [" ".join(line.split()) for line in text.strip().splitlines()]
        tidy = "\n".join(line for line in lines if line)
    else:
        tidy = " ".join(text.split())
    return tidy if len(tidy) <= limit else tidy[: limit - 1] + "…"


# --- the scorecard ------------------------------------------------------------------------

_WEAKNESS = {"red": 0, "mixed": 1, None: 2, "green": 3}


@dataclass(frozen=True)
class Tally:
    green: int
    mixed: int
    red: int
    unrated: int

    @property
    def rated(self) -> int:
        return self.green + self.mixed + self.red


def tally(results: Sequence[AreaResult]) -> Tally:
    ratings = [r.rating for r in results]
    return Tally(
        green=ratings.count("green"),
        mixed=ratings.count("mixed"),
        red=ratings.count("red"),
        unrated=ratings.count(None),
    )


def weakest_first(results: Sequence[AreaResult]) -> list[AreaResult]:
    """Red, then Mixed, then unrated, then Green; the rubric's order within each."""
    return sorted(results, key=lambda r: _WEAKNESS[r.rating])


def practise_next(results: Sequence[AreaResult], limit: int = 3) -> list[AreaResult]:
    """The areas to work on first: Red and Mixed ones, else skipped ones; none if all Green."""
    weak = [r for r in weakest_first(results) if r.rating in ("red", "mixed")]
    if not weak:
        weak = [r for r in results if r.skipped]
    return weak[:limit]


def recommend(counts: Tally, rule: Recommendation | None) -> Outcome | None:
    """The rule's outcome, or None without a rule or with fewer rated areas than it needs."""
    if rule is None or counts.rated < rule.min_rated:
        return None
    return rule.outcome(green=counts.green, red=counts.red)


def next_level(rubric: Rubric, level_id: str) -> Level | None:
    """The level after ``level_id`` in the rubric's order (None for the last)."""
    ids = [level.id for level in rubric.levels]
    position = ids.index(level_id) if level_id in ids else len(ids)
    return rubric.levels[position + 1] if position + 1 < len(ids) else None


# --- what a DM line asks for --------------------------------------------------------------

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
    during a session is the caller's call (a command needs a level after the keyword)."""
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


# --- what a button carries ----------------------------------------------------------------


@dataclass(frozen=True)
class ButtonRef:
    """Who may press a button, which session and step it belongs to, and its argument.

    Menu buttons (no session yet) carry an empty ``sid`` and ``seq`` 0."""

    owner: str
    sid: str = ""
    seq: int = 0
    arg: str = ""

    def encode(self) -> str:
        return f"{self.owner}|{self.sid}|{self.seq}|{self.arg}"

    @staticmethod
    def decode(value: str) -> ButtonRef | None:
        parts = value.split("|")
        if len(parts) != 4 or not parts[0] or not parts[2].isdigit():
            return None
        return ButtonRef(parts[0], parts[1], int(parts[2]), parts[3])

    @staticmethod
    def of(session: PrepSession, arg: str = "") -> ButtonRef:
        return ButtonRef(session.owner, session.sid, session.seq, arg)
