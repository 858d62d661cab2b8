"""Parsing what /rubric was asked for: levels by alias, areas by name or clear abbreviation."""

from __future__ import annotations

import pytest

from bot.domain.knowledge.rubric import Rubric
from bot.domain.rubric import (
    RubricInputError,
    find_area,
    find_areas,
    level_names,
    parse_query,
    split_level,
)
from bot.knowledge_loader import KNOWLEDGE_DIR, load_knowledge
from bot.texts.errors import describe


@pytest.fixture(scope="module")
def rubric() -> Rubric:
    return load_knowledge(KNOWLEDGE_DIR).rubric


@pytest.mark.parametrize(
    ("text", "kind", "level", "area"),
    [
        ("", "choose", None, None),
        ("   ", "choose", None, None),
        ("help", "help", None, None),
        ("HELP", "help", None, None),
        ("senior", "show", "senior", None),
        ("SENIOR", "show", "senior", None),
        ("L5", "show", "senior", None),
        ("l4", "show", "mid", None),
        ("L6", "show", "staff", None),
        ("L7", "show", "lead", None),
        ("principal", "show", "lead", None),
        ("Lead", "show", "lead", None),
        ("senior rag", "show", "senior", "rag"),
        ("Senior RAG", "show", "senior", "rag"),
        ("rag senior", "show", "senior", "rag"),
        ("first ic evals", "show", "lead", "evals"),
        ("mid level build vs buy", "show", "mid", "judgment"),
        ("staff LLM fundamentals", "show", "staff", "llm_fundamentals"),
        ("l6 comms", "show", "staff", "communication"),
        ("lead ev", "show", "lead", "evals"),
        ("senior fund", "show", "senior", "llm_fundamentals"),
        ("senior lf", "show", "senior", "llm_fundamentals"),
        ("senior bvb", "show", "senior", "judgment"),
        ("senior ml", "show", "senior", "mlops"),
        ("senior ag", "show", "senior", "agents"),
        ("senior co", "show", "senior", "communication"),
        ("mid orchestration", "show", "mid", "prompting"),
        # every area by the name the error message lists
        ("mid MLOps / production", "show", "mid", "mlops"),
        ("senior Judgment / build-vs-buy", "show", "senior", "judgment"),
        ("staff Communication & collaboration", "show", "staff", "communication"),
        ("lead prompting & orchestration", "show", "lead", "prompting"),
        ("senior mlops production", "show", "senior", "mlops"),
        # an area alone: that area across the levels
        ("rag", "area", None, "rag"),
        ("RAG", "area", None, "rag"),
        ("build vs buy", "area", None, "judgment"),
        ("bvb", "area", None, "judgment"),
        ("comms", "area", None, "communication"),
        ("Communication & collaboration", "area", None, "communication"),
    ],
)
def test_parse_query(
    rubric: Rubric, text: str, kind: str, level: str | None, area: str | None
) -> None:
    query = parse_query(text, rubric)
    assert query.kind == kind
    assert (query.level.id if query.level else None) == level
    assert (query.area.id if query.area else None) == area


@pytest.mark.parametrize(
    ("text", "code", "typed", "choices"),
    [
        ("l9", "unknown_word", "l9", None),
        ("vibes", "unknown_word", "vibes", None),
        ("junior vibes", "unknown_word", "junior vibes", None),
        ("junior rag", "unknown_level", "junior", None),
        ("intern build vs buy", "unknown_level", "intern", None),
        ("pr", "ambiguous_area", "pr", ("Prompting & orchestration", "MLOps / production")),
        ("senior vibes", "unknown_area", "vibes", None),
        ("senior r", "unknown_area", "r", None),
        ("senior c", "unknown_area", "c", None),
        ("senior pr", "ambiguous_area", "pr", ("Prompting & orchestration", "MLOps / production")),
        ("lead rag evals", "unknown_area", "rag evals", None),
    ],
)
def test_bad_queries(
    rubric: Rubric, text: str, code: str, typed: str, choices: tuple[str, ...] | None
) -> None:
    with pytest.raises(RubricInputError) as caught:
        parse_query(text, rubric)
    assert (caught.value.code, caught.value.typed) == (code, typed)
    if choices is not None:
        assert caught.value.choices == choices


def test_unknown_level_lists_the_valid_ones(rubric: Rubric) -> None:
    with pytest.raises(RubricInputError) as caught:
        parse_query("junior rag", rubric)
    text = describe(caught.value)
    assert "I don't know the level `junior`" in text
    assert "mid (L4), senior (L5), staff (L6), lead (L7)" in text
    assert "`/rubric senior`" in text


def test_a_word_that_is_neither_lists_levels_and_areas(rubric: Rubric) -> None:
    with pytest.raises(RubricInputError) as caught:
        parse_query("l9", rubric)
    text = describe(caught.value)
    assert "I don't know the level or area `l9`" in text
    assert "Levels: mid (L4), senior (L5), staff (L6), lead (L7)." in text
    assert "Areas: LLM fundamentals, Prompting &amp; orchestration, RAG" in text
    assert "Try `/rubric rag`." in text


def test_unknown_area_lists_the_areas_and_a_working_example(rubric: Rubric) -> None:
    with pytest.raises(RubricInputError) as caught:
        parse_query("senior `vibes`", rubric)
    text = describe(caught.value)
    assert "`'vibes'`" in text  # backticks typed by the user cannot break the code span
    assert "RAG, Agents, Evals" in text
    assert "`/rubric senior rag`" in text


def test_level_names(rubric: Rubric) -> None:
    assert level_names(rubric) == ("mid (L4)", "senior (L5)", "staff (L6)", "lead (L7)")


@pytest.mark.parametrize(
    ("words", "areas"),
    [
        (["rag"], ("rag",)),
        (["rag", "evals", "agents"], ("rag", "evals", "agents")),
        (["build", "vs", "buy"], ("judgment",)),
        (["rag,", "build", "vs", "buy"], ("rag", "judgment")),
        (["evals", "rag", "evals"], ("evals", "rag")),
        (["LLM", "fundamentals"], ("llm_fundamentals",)),
        (["MLOps", "/", "production,", "rag"], ("mlops", "rag")),
    ],
)
def test_find_areas(rubric: Rubric, words: list[str], areas: tuple[str, ...]) -> None:
    assert tuple(a.id for a in find_areas(words, rubric)) == areas


@pytest.mark.parametrize("words", [["rag", "vibes"], ["pr"], ["x"]])
def test_find_areas_rejects_unknown_or_ambiguous(rubric: Rubric, words: list[str]) -> None:
    with pytest.raises(RubricInputError):
        find_areas(words, rubric)


def test_every_listed_area_name_finds_its_area(rubric: Rubric) -> None:
    for area in rubric.areas:
        assert find_area(area.name, rubric) is area
        assert find_area(area.name.upper(), rubric) is area


def test_find_area_of_nothing_is_unknown(rubric: Rubric) -> None:
    with pytest.raises(RubricInputError) as caught:
        find_area("  ", rubric)
    assert caught.value.code == "unknown_area"


@pytest.mark.parametrize(
    ("words", "from_end", "level", "rest"),
    [
        (["senior", "Jane", "Doe"], False, "senior", ["Jane", "Doe"]),
        (["Jane", "Lead"], False, None, ["Jane", "Lead"]),
        (["rag", "evals", "L5"], True, "senior", ["rag", "evals"]),
        (["first", "IC", "rag"], True, "lead", ["rag"]),
        (["staff"], True, "staff", []),
    ],
)
def test_split_level(
    rubric: Rubric, words: list[str], from_end: bool, level: str | None, rest: list[str]
) -> None:
    found, left = split_level(words, rubric, from_end=from_end)
    assert (found.id if found else None, left) == (level, rest)
