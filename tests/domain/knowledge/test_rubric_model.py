"""The rubric model: level and area look-ups, bars, and alias/id validation."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from bot.domain.knowledge.base import Problems
from bot.domain.knowledge.rubric import Rubric
from bot.knowledge_loader import KNOWLEDGE_DIR, load_knowledge


@pytest.fixture(scope="module")
def rubric() -> Rubric:
    return load_knowledge(KNOWLEDGE_DIR).rubric


@pytest.mark.parametrize(
    ("typed", "level_id"),
    [
        ("mid", "mid"),
        ("L4", "mid"),
        ("mid level", "mid"),
        (" Senior ", "senior"),
        ("l5", "senior"),
        ("staff", "staff"),
        ("L6", "staff"),
        ("principal", "lead"),
        ("L7+", "lead"),
        ("first IC", "lead"),
        ("lead", "lead"),
        ("l9", None),
        ("", None),
        ("senior lead", None),
    ],
)
def test_level_lookup(rubric: Rubric, typed: str, level_id: str | None) -> None:
    found = rubric.level(typed)
    assert (found.id if found else None) == level_id


@pytest.mark.parametrize(
    ("typed", "area_id"),
    [
        ("RAG", "rag"),
        ("retrieval", "rag"),
        ("llm_fundamentals", "llm_fundamentals"),
        ("LLM fundamentals", "llm_fundamentals"),
        ("build vs buy", "judgment"),
        ("judgement", "judgment"),
        ("evals", "evals"),
        ("eval", "evals"),
        ("MLOps", "mlops"),
        ("comms", "communication"),
        ("tool calls", "agents"),
        ("prompt", "prompting"),
        ("vibes", None),
    ],
)
def test_area_lookup(rubric: Rubric, typed: str, area_id: str | None) -> None:
    found = rubric.area(typed)
    assert (found.id if found else None) == area_id


@pytest.mark.parametrize(
    ("level", "area", "bar"),
    [
        ("mid", "rag", "Chunk, embed, retrieve, augment prompt"),
        (
            "senior",
            "rag",
            "Hybrid retrieval, rerank, citations, evals, freshness and when not to RAG",
        ),
        (
            "staff",
            "evals",
            "LLM-as-judge, human review, drift detection, regression gates, blast radius",
        ),
        ("lead", "judgment", "Adds vendor risk, data sensitivity, talent cost, real numbers"),
    ],
)
def test_bar_for_level(rubric: Rubric, level: str, area: str, bar: str) -> None:
    level_model, area_model = rubric.level(level), rubric.area(area)
    assert level_model is not None
    assert area_model is not None
    assert area_model.bar_for(level_model) == bar


def test_real_rubric_has_the_seed_counts(rubric: Rubric) -> None:
    assert [lv.label for lv in rubric.levels] == [
        "Mid (L4-equiv)",
        "Senior (L5-equiv)",
        "Staff (L6-equiv)",
        "Lead / Principal (L7+ or first IC at small company)",
    ]
    assert [a.id for a in rubric.areas] == [
        "llm_fundamentals",
        "prompting",
        "rag",
        "agents",
        "evals",
        "mlops",
        "judgment",
        "communication",
    ]
    assert (len(rubric.calibration_questions), len(rubric.anti_patterns)) == (3, 5)


def _level(level_id: str, aliases: list[str]) -> dict[str, object]:
    return {
        "id": level_id,
        "label": level_id.title(),
        "aliases": aliases,
        "years": "1",
        "scope": "s",
        "headline": "h",
        "bar": "mid",
    }


@pytest.mark.parametrize(
    ("levels", "problems"),
    [
        pytest.param(
            [_level("mid", ["l4"]), _level("mid", ["l5"])],
            [(("levels", 1, "id"), "duplicate id 'mid' (first used at levels.0)")],
            id="duplicate-id",
        ),
        pytest.param(
            [_level("mid", ["l4"]), _level("senior", ["l5", "l4"])],
            [(("levels", 1, "aliases", 1), "alias 'l4' already names 'mid'")],
            id="alias-clash",
        ),
        pytest.param(
            [_level("mid", ["senior"]), _level("senior", ["l5"])],
            [(("levels", 0, "aliases", 0), "alias 'senior' already names 'senior'")],
            id="alias-is-another-id",
        ),
    ],
)
def test_level_validation(levels: list[object], problems: list[object]) -> None:
    area = {
        "id": "rag",
        "name": "RAG",
        "aliases": ["rag"],
        "probe": "p",
        "mid_bar": "m",
        "senior_lead_bar": "s",
        "green": "g",
        "red": "r",
    }
    data = {
        "levels": levels,
        "areas": [area],
        "calibration_questions": ["q"],
        "anti_patterns": ["a"],
    }
    with pytest.raises(ValidationError) as caught:
        Rubric.model_validate(data)
    [error] = caught.value.errors()
    assert isinstance(error["ctx"]["error"], Problems)
    assert list(error["ctx"]["error"].problems) == problems
