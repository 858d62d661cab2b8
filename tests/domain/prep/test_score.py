"""The end of a prep flow: tallies, what to practise next, and the recommendation rule, whose
critical areas block Hire."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from bot.domain.knowledge.base import Problems
from bot.domain.knowledge.rubric import Level, Recommendation, Rubric
from bot.domain.prep.flow import AreaResult
from bot.domain.prep.score import (
    Tally,
    next_level,
    practise_next,
    recommend,
    tally,
    weakest_first,
)
from bot.knowledge_loader import KNOWLEDGE_DIR, load_knowledge

RUBRIC: Rubric = load_knowledge(KNOWLEDGE_DIR).rubric
AREAS = [area.id for area in RUBRIC.areas]


def level(level_id: str) -> Level:
    found = RUBRIC.level(level_id)
    assert found is not None
    return found


def scored(ratings: dict[str, str | None]) -> list[AreaResult]:
    """Results in rubric order: the rating given per area id, Green for the rest."""
    return [AreaResult(area=a, rating=ratings.get(a, "green")) for a in AREAS]  # type: ignore[arg-type]


def counted(green: int, mixed: int, red: int, unrated: int) -> list[AreaResult]:
    """Results with these counts, the Reds first in the areas not critical at Senior."""
    critical = set(RUBRIC.critical_for(level("senior")))
    order = [a for a in AREAS if a not in critical] + [a for a in AREAS if a in critical]
    ratings = ["red"] * red + ["mixed"] * mixed + [None] * unrated + ["green"] * green
    by_area = dict(zip(order, ratings, strict=True))
    return [AreaResult(area=a, rating=by_area[a]) for a in AREAS]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("green", "mixed", "red", "unrated", "outcome"),
    [
        (8, 0, 0, 0, "strong_hire"),
        (6, 2, 0, 0, "strong_hire"),
        (6, 0, 0, 2, "strong_hire"),
        (6, 1, 1, 0, "hire"),
        (5, 3, 0, 0, "hire"),
        (4, 3, 1, 0, "hire"),
        (3, 5, 0, 0, "no_hire"),
        (4, 2, 2, 0, "no_hire"),
        (0, 5, 3, 0, "no_hire"),
        (2, 2, 4, 0, "strong_no_hire"),
        (0, 0, 8, 0, "strong_no_hire"),
        (5, 0, 0, 3, None),  # fewer than 6 rated areas
        (0, 0, 0, 8, None),
    ],
)
def test_the_counts_rule(
    green: int, mixed: int, red: int, unrated: int, outcome: str | None
) -> None:
    results = counted(green, mixed, red, unrated)
    assert tally(results) == Tally(green, mixed, red, unrated)
    verdict = recommend(RUBRIC, level("senior"), results)
    assert (verdict.outcome, verdict.blocked) == (outcome, False)


@pytest.mark.parametrize(
    ("level_id", "red_in", "outcome", "blocked_by"),
    [
        # Judgment / build-vs-buy and Evals block Hire at every level
        ("mid", "judgment", "no_hire", ("judgment",)),
        ("senior", "evals", "no_hire", ("evals",)),
        ("staff", "judgment", "no_hire", ("judgment",)),
        ("lead", "evals", "no_hire", ("evals",)),
        # the level's own critical areas
        ("mid", "agents", "no_hire", ("agents",)),
        ("mid", "rag", "no_hire", ("rag",)),
        ("senior", "mlops", "no_hire", ("mlops",)),
        ("staff", "communication", "no_hire", ("communication",)),
        ("lead", "communication", "no_hire", ("communication",)),
        # a Red where the level does not mark it critical leaves Strong hire / Hire alone
        ("senior", "agents", "hire", ()),
        ("lead", "mlops", "hire", ()),
        ("mid", "communication", "hire", ()),
    ],
)
def test_a_red_in_a_critical_area_blocks_hire(
    level_id: str, red_in: str, outcome: str, blocked_by: tuple[str, ...]
) -> None:
    verdict = recommend(RUBRIC, level(level_id), scored({red_in: "red"}))
    assert verdict.by_counts == "hire"  # 7 Green, 1 Red: Hire by the counts
    assert (verdict.outcome, verdict.blocked_by) == (outcome, blocked_by)
    assert verdict.blocked is (outcome != "hire")


def test_blocking_never_improves_an_outcome() -> None:
    results = scored({"evals": "red", "judgment": "red", "rag": "red", "agents": "red"})
    verdict = recommend(RUBRIC, level("mid"), results)
    assert (verdict.outcome, verdict.blocked) == ("strong_no_hire", False)
    assert verdict.blocked_by == ("rag", "agents", "evals", "judgment")


def test_no_rule_no_recommendation() -> None:
    bare = RUBRIC.model_copy(update={"recommendation": None})
    assert recommend(bare, level("mid"), scored({})).outcome is None


@pytest.mark.parametrize(
    ("rules", "problems"),
    [
        pytest.param(
            [{"id": "hire", "max_red": 1}],
            [(("rules", 0), "the last rule must set no limits (catch-all)")],
            id="no-catch-all",
        ),
        pytest.param(
            [{"id": "no_hire"}, {"id": "strong_no_hire"}],
            [(("rules", 0), "only the last rule may set no limits")],
            id="catch-all-too-early",
        ),
    ],
)
def test_rule_validation(rules: list[dict], problems: list[object]) -> None:
    with pytest.raises(ValidationError) as caught:
        Recommendation.model_validate(
            {"source": "written for Tradeoffs", "min_rated": 1, "rules": rules}
        )
    [error] = caught.value.errors()
    assert isinstance(error["ctx"]["error"], Problems)
    assert list(error["ctx"]["error"].problems) == problems


@pytest.mark.parametrize(
    "data",
    [
        {"source": "written for Tradeoffs", "min_rated": 1, "rules": [{"id": "maybe"}]},
        {
            "source": "written for Tradeoffs",
            "min_rated": 1,
            "rules": [{"id": "hire"}],
            "blocked": "maybe",
        },
        {"min_rated": 1, "rules": [{"id": "hire"}]},  # not marked as ours
    ],
)
def test_rule_rejects_unknown_outcomes_and_unmarked_rules(data: dict) -> None:
    with pytest.raises(ValidationError):
        Recommendation.model_validate(data)


def _results(*ratings: str | None) -> list[AreaResult]:
    return [
        AreaResult(area=f"a{i}", rating=r if r != "skip" else None, skipped=r == "skip")  # type: ignore[arg-type]
        for i, r in enumerate(ratings)
    ]


def test_weakest_first_and_practise_next() -> None:
    results = _results("green", "mixed", "skip", "red", None, "mixed")
    assert [r.area for r in weakest_first(results)] == ["a3", "a1", "a5", "a2", "a4", "a0"]
    assert [r.area for r in practise_next(results)] == ["a3", "a1", "a5"]
    assert [r.area for r in practise_next(_results("green", "skip"))] == ["a1"]
    assert practise_next(_results("green", "green")) == []
    assert tally(results) == Tally(green=1, mixed=2, red=1, unrated=2)


@pytest.mark.parametrize(
    ("level_id", "following"), [("mid", "senior"), ("staff", "lead"), ("lead", None)]
)
def test_next_level(level_id: str, following: str | None) -> None:
    found = next_level(RUBRIC, level_id)
    assert (found.id if found else None) == following


@pytest.mark.parametrize(
    ("ticked", "total", "rating"),
    [
        (5, 5, "green"),
        (4, 5, "green"),
        (3, 5, "mixed"),
        (1, 2, "mixed"),
        (2, 5, "red"),
        (0, 3, "red"),
        (0, 0, "red"),
    ],
)
def test_self_rating_suggested_from_ticks(ticked: int, total: int, rating: str) -> None:
    assert RUBRIC.self_rating.suggest(ticked, total) == rating
