"""The app's rule for ranking initiatives on the seed's five dimensions
(``frameworks.yaml``: ``prioritizing.scoring``; not seed text).

Score = sum of weight x score over the dimensions; ties go to the ``tie_break`` dimensions
in order, then to the order the team named the initiatives. The first win is the best-ranked
initiative meeting every ``first_win`` minimum (the seed's default: "ship one
high-confidence, high-leverage win first"). A flag marks a dimension scored at or below
``at_most``. ``Prioritizing`` checks that every dimension named here exists.
"""

from __future__ import annotations

from pydantic import Field, model_validator

from bot.domain.knowledge.base import Id, KnowledgeModel, Problem, Problems, Text


class ScoreFlag(KnowledgeModel):
    dimension: Id
    at_most: int = Field(ge=1)
    note: Text


class PriorityScoring(KnowledgeModel):
    low: int = Field(ge=0)
    high: int = Field(ge=1)
    weights: dict[Id, int]
    tie_break: tuple[Id, ...] = ()
    first_win: dict[Id, int] = Field(min_length=1)  # dimension -> minimum score
    flags: tuple[ScoreFlag, ...] = ()

    @model_validator(mode="after")
    def _in_range(self) -> PriorityScoring:
        problems: list[Problem] = []
        if self.high <= self.low:
            problems.append((("high",), "must be more than low"))
        problems += [
            (("weights", dim), "must not be negative") for dim, w in self.weights.items() if w < 0
        ]
        problems += [
            (("first_win", dim), f"must be within {self.low}..{self.high}")
            for dim, minimum in self.first_win.items()
            if not self.low <= minimum <= self.high
        ]
        if problems:
            raise Problems(problems)
        return self

    @property
    def max_total(self) -> int:
        return sum(self.weights.values()) * self.high


def scoring_problems(scoring: PriorityScoring, dimension_ids: tuple[str, ...]) -> list[Problem]:
    """Dimension names in ``scoring`` that are not dimensions, located from ``prioritizing``."""
    known = ", ".join(dimension_ids)
    problems: list[Problem] = []
    if set(scoring.weights) != set(dimension_ids):
        problems.append((("scoring", "weights"), f"must weigh exactly: {known}"))
    named: list[tuple[str, int | str, str]] = [
        ("tie_break", i, d) for i, d in enumerate(scoring.tie_break)
    ]
    named += [("first_win", d, d) for d in scoring.first_win]
    named += [("flags", i, f.dimension) for i, f in enumerate(scoring.flags)]
    for field, where, dimension in named:
        if dimension not in dimension_ids:
            problems.append(
                (("scoring", field, where), f"unknown dimension {dimension!r}; known: {known}")
            )
    return problems
