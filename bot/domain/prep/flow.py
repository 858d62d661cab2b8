"""An interview-prep flow: one practice run (the user answers probes, ticks the level's
expectations and rates themselves) or one scorecard (an interviewer rates a candidate), one
area at a time.

Pure: no Slack, no Redis. Every transition returns a new flow; ``turn`` changes whenever the
meaning of the buttons on screen changes, so a click from an older card is recognised as
stale. Typing a note or ticking an expectation does not change ``turn``: the rating buttons
above stay live.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from bot.domain.flows import ID_PATTERN

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
    ticked: tuple[int, ...] = ()  # indexes into the level's checklist for the area (practice)


class PrepFlow(BaseModel):
    """One user's practice run or scorecard, stored in Redis between messages."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=ID_PATTERN)
    owner: str = Field(pattern=r"^[A-Z0-9]{1,32}$")
    mode: Mode
    level: str
    areas: tuple[str, ...] = Field(min_length=1)
    results: tuple[AreaResult, ...]
    index: int = 0
    step: Step
    turn: int = 1
    candidate: str = ""
    last_ts: str = ""  # the DM line last taken: Slack's retry of the same event is ignored

    @property
    def ref_id(self) -> str:
        """The id its buttons carry: owner and flow id (``U0ALICE-1a2b...``)."""
        return ref_id(self.owner, self.id)

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

    def matches(self, flow_id: str, turn: int) -> bool:
        return self.id == flow_id and self.turn == turn

    def took(self, ts: str | None) -> bool:
        """Whether the DM line with this ``ts`` was already taken (a retried event)."""
        return bool(ts) and ts == self.last_ts


def ref_id(owner: str, flow_id: str = "") -> str:
    """``owner`` alone for buttons drawn before a flow exists (menu, level choice), else
    ``{owner}-{flow id}``."""
    return f"{owner}-{flow_id}" if flow_id else owner


def split_ref_id(value: str) -> tuple[str, str]:
    """``(owner, flow id)`` from :func:`ref_id`'s value (flow id ``""`` for a menu button)."""
    owner, _, flow_id = value.partition("-")
    return owner, flow_id


def start(
    *, mode: Mode, flow_id: str, owner: str, level: str, areas: Sequence[str], candidate: str = ""
) -> PrepFlow:
    """A new flow on the first area: practice asks for an answer; a scorecard for a name
    unless ``candidate`` is given."""
    name = clean(candidate, NAME_LIMIT)
    step: Step = "answer" if mode == "practice" else ("rate" if name else "name")
    return PrepFlow(
        id=flow_id,
        owner=owner,
        mode=mode,
        level=level,
        areas=tuple(areas),
        results=tuple(AreaResult(area=a) for a in areas),
        step=step,
        candidate=name,
    )


TextOutcome = Literal["named", "answered", "noted", "ignored"]


def take_text(flow: PrepFlow, text: str) -> tuple[PrepFlow, TextOutcome]:
    """A DM line: the candidate's name, an answer to the probe, or a note on the current area."""
    if flow.finished or not text.strip():
        return flow, "ignored"
    if flow.step == "name":
        name = clean(text, NAME_LIMIT)
        return flow.model_copy(
            update={"candidate": name, "step": "rate", "turn": flow.turn + 1}
        ), "named"
    if flow.step == "answer":
        changed = _with_result(flow, answer=clean(text, ANSWER_LIMIT, keep_lines=True))
        return changed.model_copy(update={"step": "rate", "turn": flow.turn + 1}), "answered"
    note = clean(text, NOTE_LIMIT, keep_lines=True)
    joined = f"{flow.result.note}\n{note}" if flow.result.note else note
    return _with_result(flow, note=clean(joined, NOTE_LIMIT, keep_lines=True)), "noted"


def tick(flow: PrepFlow, ticked: Iterable[int], total: int) -> PrepFlow:
    """The expectations ticked on the current practice card (all of them, as Slack sends a
    checkbox change); indexes outside ``range(total)`` are dropped."""
    kept = tuple(sorted({i for i in ticked if 0 <= i < total}))
    return _with_result(flow, ticked=kept)


def rate(flow: PrepFlow, rating: Rating) -> PrepFlow:
    """Rate the current area and move to the next one."""
    return _advance(_with_result(flow, rating=rating, skipped=False))


def skip(flow: PrepFlow) -> PrepFlow:
    """Leave the current area unrated and move on (a scorecard's name step cannot be skipped)."""
    if flow.step == "name" or flow.finished:
        return flow
    return _advance(_with_result(flow, rating=None, skipped=True))


def restart(flow: PrepFlow) -> PrepFlow:
    """Back to the first area with nothing rated; a scorecard keeps its candidate."""
    fresh = start(
        mode=flow.mode,
        flow_id=flow.id,
        owner=flow.owner,
        level=flow.level,
        areas=flow.areas,
        candidate=flow.candidate,
    )
    return fresh.model_copy(update={"turn": flow.turn + 1})


def _with_result(flow: PrepFlow, **changes: object) -> PrepFlow:
    results = list(flow.results)
    results[flow.index] = results[flow.index].model_copy(update=changes)
    return flow.model_copy(update={"results": tuple(results)})


def _advance(flow: PrepFlow) -> PrepFlow:
    step: Step = "answer" if flow.mode == "practice" else "rate"
    return flow.model_copy(update={"index": flow.index + 1, "step": step, "turn": flow.turn + 1})


def clean(text: str, limit: int, *, keep_lines: bool = False) -> str:
    """Whitespace tidied (newlines kept if asked), cut to ``limit`` characters."""
    if keep_lines:
        lines = [" ".join(line.split()) for line in text.strip().splitlines()]
        tidy = "\n".join(line for line in lines if line)
    else:
        tidy = " ".join(text.split())
    return tidy if len(tidy) <= limit else tidy[: limit - 1] + "…"
