"""The end of a prep flow: tallies, what to practise next, and the recommendation.

The recommendation rule is data (``knowledge/rubric.yaml`` ``recommendation``): rules tried in
order on the counts of rated areas, first match wins; then a Red in a critical area (the
rule's own, Judgment / build-vs-buy and Evals, plus the ones the level marks) caps the outcome
at ``blocked`` (No hire): a critical Red never gets "Hire".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.domain.knowledge.rubric import Level, Outcome, Rubric
from bot.domain.prep.flow import AreaResult

_WEAKNESS = {"red": 0, "mixed": 1, None: 2, "green": 3}
_RANK: dict[Outcome, int] = {"strong_hire": 0, "hire": 1, "no_hire": 2, "strong_no_hire": 3}


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


@dataclass(frozen=True)
class Verdict:
    """The recommendation (None: no rule, or too few areas rated), what the counts alone
    gave, and the critical areas rated Red that capped it."""

    outcome: Outcome | None
    by_counts: Outcome | None = None
    blocked_by: tuple[str, ...] = ()

    @property
    def blocked(self) -> bool:
        return self.outcome != self.by_counts


def recommend(rubric: Rubric, level: Level, results: Sequence[AreaResult]) -> Verdict:
    """Apply the rubric's rule to a scorecard's results at ``level``."""
    rule, counts = rubric.recommendation, tally(results)
    if rule is None or counts.rated < rule.min_rated:
        return Verdict(None)
    by_counts = rule.outcome(green=counts.green, red=counts.red)
    critical = set(rubric.critical_for(level))
    reds = tuple(r.area for r in results if r.rating == "red" and r.area in critical)
    if reds and _RANK[by_counts] < _RANK[rule.blocked]:
        return Verdict(rule.blocked, by_counts, reds)
    return Verdict(by_counts, by_counts, reds)


def next_level(rubric: Rubric, level_id: str) -> Level | None:
    """The level after ``level_id`` in the rubric's order (None for the last)."""
    ids = [level.id for level in rubric.levels]
    position = ids.index(level_id) if level_id in ids else len(ids)
    return rubric.levels[position + 1] if position + 1 < len(ids) else None
