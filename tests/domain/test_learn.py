""" "Should I learn this now?": the three filters, the rule table, early stop, bad input."""

from __future__ import annotations

import pytest

from bot.domain import learn
from bot.domain.knowledge.registry import Knowledge
from bot.domain.learn import LearnError


@pytest.fixture
def omap(knowledge: Knowledge):
    return knowledge.operating_map


@pytest.mark.parametrize(
    ("clicks", "plan", "asked"),
    [
        (["no"], "skip", 1),  # not on the mission: stop after one question
        (["yes", "fast", "strategic"], "strategic_literacy", 3),
        (["yes", "slow", "strategic"], "strategic_literacy", 3),
        (["yes", "slow", "working"], "working_fluency", 3),
        (["yes", "fast", "working"], "working_fluency", 3),
    ],
)
def test_walk_reaches_plan(omap, clicks: list[str], plan: str, asked: int) -> None:
    answers: dict[str, str] = {}
    asked_filters = []
    for option in clicks:
        question = learn.next_question(omap, answers)
        assert question is not None
        asked_filters.append(question.filter.id)
        answers = learn.answer(omap, answers, option)
    assert learn.next_question(omap, answers) is None
    outcome = learn.outcome(omap, answers)
    assert outcome is not None
    assert outcome.plan.id == plan
    assert asked_filters == ["relevance", "temporal", "depth"][:asked]
    assert [f.id for f, _ in outcome.answered] == asked_filters


def test_questions_are_numbered_in_map_order(omap) -> None:
    first = learn.next_question(omap, {})
    assert (first.filter.name, first.number, first.total) == ("Relevance Filter", 1, 3)
    assert [o.id for o in first.options] == ["yes", "no"]
    second = learn.next_question(omap, {"relevance": "yes"})
    assert (second.filter.id, second.number) == ("temporal", 2)


def test_no_outcome_while_a_question_is_open(omap) -> None:
    assert learn.outcome(omap, {"relevance": "yes", "temporal": "fast"}) is None


@pytest.mark.parametrize(
    ("answers", "option", "code"),
    [
        ({}, "fast", "unknown_answer"),  # an answer to another question
        ({}, "maybe", "unknown_answer"),
        ({"relevance": "no"}, "yes", "already_decided"),
    ],
)
def test_bad_answers(omap, answers: dict, option: str, code: str) -> None:
    with pytest.raises(LearnError) as caught:
        learn.answer(omap, answers, option)
    assert caught.value.code == code


@pytest.mark.parametrize(
    ("raw", "topic", "code"),
    [
        ("  mixture   of experts ", "mixture of experts", None),
        ("", None, "no_topic"),
        ("   ", None, "no_topic"),
        ("x" * 121, None, "topic_too_long"),
        ("x" * 120, "x" * 120, None),
    ],
)
def test_clean_topic(raw: str, topic: str | None, code: str | None) -> None:
    if code is None:
        assert learn.clean_topic(raw) == topic
    else:
        with pytest.raises(LearnError) as caught:
            learn.clean_topic(raw)
        assert caught.value.code == code
