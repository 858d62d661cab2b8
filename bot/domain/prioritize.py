"""Prioritizing initiatives: score each on the seed's five dimensions, rank by the app's rule.

Pure. ``parse_initiatives("search revamp; support bot")`` reads the names the team gave;
the session walks initiative by initiative, dimension by dimension (one score per click);
``rank`` applies ``prioritizing.scoring`` from ``frameworks.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import ClassVar

from pydantic import Field

from bot.domain.flows import FlowState
from bot.domain.knowledge.frameworks import Prioritizing, PriorityDimension
from bot.domain.knowledge.scoring import ScoreFlag
from bot.errors import CodedError

MIN_INITIATIVES = 2
MAX_INITIATIVES = 6
NAME_LIMIT = 60
_SEPARATORS = (r"\s*(?:;|\n|\|)\s*", r"\s*,\s*", r"\s+(?:vs\.?|versus|or|and)\s+")


class PrioritizeError(CodedError):
    """Names or a score the flow can't take; ``code`` keys the words in bot/texts/prio.py."""

    topic: ClassVar[str] = "prioritize"


class PrioFlow(FlowState):
    """One prioritization, as stored; ``user`` started it, anyone in the conversation scores."""

    initiatives: list[str] = Field(min_length=MIN_INITIATIVES, max_length=MAX_INITIATIVES)
    scores: list[dict[str, int]] = Field(default_factory=list)  # per initiative: dim -> score

    @property
    def turn(self) -> int:
        return sum(len(s) for s in self.scores)


@dataclass(frozen=True)
class Question:
    initiative: str
    index: int  # 0-based initiative
    dimension: PriorityDimension
    step: int  # 0-based overall
    total: int


@dataclass(frozen=True)
class Ranked:
    name: str
    scores: dict[str, int]
    total: int
    flags: tuple[ScoreFlag, ...]


@dataclass(frozen=True)
class Ranking:
    ranked: tuple[Ranked, ...]  # best first
    first_win: Ranked | None  # best-ranked initiative meeting the first-win minimums
    max_total: int


def parse_initiatives(text: str) -> list[str]:
    """Two to six distinct names, split on ``;``, new lines or ``|`` (else commas, else "vs")."""
    text = text.strip(" \t\n.:")
    if not text:
        raise PrioritizeError("none")
    names = [text]
    for separator in _SEPARATORS:
        names = [n.strip(" \t.:-•*") for n in re.split(separator, text, flags=re.IGNORECASE)]
        names = [n for n in names if n]
        if len(names) >= MIN_INITIATIVES:
            break
    if len(names) < MIN_INITIATIVES:
        raise PrioritizeError("too_few", names=names)
    if len(names) > MAX_INITIATIVES:
        raise PrioritizeError("too_many", count=len(names), limit=MAX_INITIATIVES)
    too_long = [n for n in names if len(n) > NAME_LIMIT]
    if too_long:
        raise PrioritizeError("too_long", name=too_long[0], limit=NAME_LIMIT)
    seen: set[str] = set()
    for name in names:
        if name.casefold() in seen:
            raise PrioritizeError("duplicate", name=name)
        seen.add(name.casefold())
    return names


def new_scores(initiatives: list[str]) -> list[dict[str, int]]:
    return [{} for _ in initiatives]


def next_question(rules: Prioritizing, session: PrioFlow) -> Question | None:
    dims = rules.dimensions
    total = len(session.initiatives) * len(dims)
    for index, name in enumerate(session.initiatives):
        scored = session.scores[index] if index < len(session.scores) else {}
        for dim in dims:
            if dim.id not in scored:
                step = index * len(dims) + dims.index(dim)
                return Question(name, index, dim, step, total)
    return None


def score(rules: Prioritizing, session: PrioFlow, value: int) -> list[dict[str, int]]:
    """The session's scores with ``value`` given to the current question."""
    question = next_question(rules, session)
    if question is None:
        raise PrioritizeError("already_done")
    scale = rules.scoring
    if not scale.low <= value <= scale.high:
        raise PrioritizeError("bad_score", score=value, low=scale.low, high=scale.high)
    scores = [dict(s) for s in session.scores] or new_scores(session.initiatives)
    scores[question.index][question.dimension.id] = value
    return scores


def rank(rules: Prioritizing, initiatives: list[str], scores: list[dict[str, int]]) -> Ranking:
    """Rank fully scored initiatives: total desc, then tie_break dims desc, then order named."""
    scoring = rules.scoring
    rows = []
    for order, (name, given) in enumerate(zip(initiatives, scores, strict=True)):
        total = sum(weight * given[dim] for dim, weight in scoring.weights.items())
        flags = tuple(f for f in scoring.flags if given[f.dimension] <= f.at_most)
        key = (-total, *(-given[dim] for dim in scoring.tie_break), order)
        rows.append((key, Ranked(name, dict(given), total, flags)))
    ranked = tuple(row for _, row in sorted(rows, key=lambda pair: pair[0]))
    first_win = next(
        (
            row
            for row in ranked
            if all(row.scores[dim] >= minimum for dim, minimum in scoring.first_win.items())
        ),
        None,
    )
    return Ranking(ranked, first_win, scoring.max_total)
