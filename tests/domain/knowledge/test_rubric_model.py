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
        "added": {"source": OURS},
    }


OURS = "written for Tradeoffs"
AREA = {
    "id": "rag",
    "name": "RAG",
    "aliases": ["rag"],
    "probe": "p",
    "mid_bar": "m",
    "senior_lead_bar": "s",
    "green": "g",
    "red": "r",
    "added": {
        "source": OURS,
        "checks": {"mid": ["m1"], "senior": ["s1", "s2"]},
        "follow_ups": ["f1", "f2"],
        "red_flag": "rf",
        "staff": {"adds": ["st1", "st2"], "red_flag": "srf"},
        "lead": {"adds": ["l1"], "red_flag": "lrf"},
    },
}
KIT = {
    "source": OURS,
    "default_minutes": 45,
    "lengths": [{"minutes": 45, "opening": 3, "calibration": 5, "closing": 2}],
    "weights": {"area": 2, "critical": 3, "probe": 3},
}


def _rubric(levels: list[object], **changes: object) -> dict[str, object]:
    return {
        "levels": levels,
        "areas": [AREA],
        "calibration_questions": ["q"],
        "anti_patterns": ["a"],
        "kit": KIT,
        "self_rating": {"source": OURS, "green_from": 80, "mixed_from": 50},
        **changes,
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
    with pytest.raises(ValidationError) as caught:
        Rubric.model_validate(_rubric(levels))
    [error] = caught.value.errors()
    assert isinstance(error["ctx"]["error"], Problems)
    assert list(error["ctx"]["error"].problems) == problems


def test_a_minimal_rubric_is_valid() -> None:
    rubric = Rubric.model_validate(_rubric([_level("mid", ["l4"])]))
    assert rubric.area("rag") is not None


def _with_level_added(**added: object) -> dict[str, object]:
    return {**_level("staff", ["l6"]), "bar": "senior_lead", "added": {"source": OURS, **added}}


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        pytest.param(
            _rubric([_with_level_added(critical=["vibes"])]),
            (("levels", 0, "added", "critical"), "no area 'vibes'"),
            id="unknown-critical-area",
        ),
        pytest.param(
            _rubric([_level("mid", ["l4"])], kit={**KIT, "default_minutes": 60}),
            (("kit", "default_minutes"), "must be one of the lengths"),
            id="kit-default-not-a-length",
        ),
    ],
)
def test_added_validation(data: dict[str, object], problem: object) -> None:
    with pytest.raises(ValidationError) as caught:
        Rubric.model_validate(data)
    found = [p for e in caught.value.errors() for p in getattr(e.get("ctx", {}).get("error"), "problems", ())]  # fmt: skip
    if problem[0][0] == "kit":  # nested model: pydantic gives the location
        assert any(e["loc"][:1] == ("kit",) for e in caught.value.errors())
    else:
        assert problem in found


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("source", "the lead frameworks"),  # our additions must say they are ours
        ("follow_ups", ["only one"]),
        ("checks", {"mid": ["x" * 76], "senior": ["s"]}),  # longer than a checkbox option
    ],
)
def test_area_added_is_marked_and_shaped(field: str, value: object) -> None:
    area = {**AREA, "added": {**AREA["added"], field: value}}
    with pytest.raises(ValidationError):
        Rubric.model_validate(_rubric([_level("mid", ["l4"])], areas=[area]))


def test_checks_and_red_flags_build_up_by_level(rubric: Rubric) -> None:
    rag = rubric.area("rag")
    assert rag is not None
    counts = [len(rag.checks_for(level)) for level in rubric.levels]
    assert counts == sorted(counts)
    assert len(set(counts[1:])) == 3
    lead = rubric.level("lead")
    assert lead is not None
    assert rag.red_flags_for(lead)[0] == rag.red
    assert rag.red_flags_for(lead)[-1] == rag.added.lead.red_flag


@pytest.mark.parametrize(
    ("level", "critical"),
    [
        ("mid", ("rag", "agents", "evals", "judgment")),
        ("senior", ("evals", "mlops", "judgment")),
        ("lead", ("evals", "judgment", "communication")),
    ],
)
def test_critical_areas_always_include_judgment_and_evals(
    rubric: Rubric, level: str, critical: tuple[str, ...]
) -> None:
    found = rubric.level(level)
    assert found is not None
    assert rubric.critical_for(found) == critical
