""" "Should I learn this now?": walk the operating map's three filters to a learning plan.

Pure. The walk asks the filters in the map's order (Relevance, Temporal, Depth) and stops
as soon as the learning-plan rules (``operating_map.yaml``: ``learning_plan``) decide, so
"no" on relevance ends it after one question.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from pydantic import Field

from bot.domain.flows import FlowState
from bot.domain.knowledge.learning import FilterOption, Plan, PlanRule
from bot.domain.knowledge.operating_map import Filter, OperatingMap
from bot.errors import CodedError

TOPIC_LIMIT = 120


class LearnError(CodedError):
    """A topic or an answer the walk can't take; ``code`` keys the words in bot/texts/learn.py."""

    topic: ClassVar[str] = "learn"


class LearnFlow(FlowState):
    """One walk, as stored: whose it is, where it lives, the answers so far."""

    topic: str = Field(min_length=1, max_length=TOPIC_LIMIT)
    answers: dict[str, str] = Field(default_factory=dict)  # filter id -> answer id

    @property
    def turn(self) -> int:
        return len(self.answers)


@dataclass(frozen=True)
class Question:
    filter: Filter
    options: tuple[FilterOption, ...]
    number: int  # 1-based position among the filters
    total: int


@dataclass(frozen=True)
class Outcome:
    plan: Plan
    rule: PlanRule
    answered: tuple[tuple[Filter, FilterOption], ...]


def clean_topic(text: str) -> str:
    """The topic as typed, trimmed; LearnError when empty or too long."""
    topic = " ".join(text.split())
    if not topic:
        raise LearnError("no_topic")
    if len(topic) > TOPIC_LIMIT:
        raise LearnError("topic_too_long", length=len(topic), limit=TOPIC_LIMIT)
    return topic


def next_question(omap: OperatingMap, answers: dict[str, str]) -> Question | None:
    """The next filter to ask, or None once the rules decide."""
    if omap.learning_plan.decide(answers) is not None:
        return None
    filters = omap.discernment.filters
    for number, item in enumerate(filters, start=1):
        if item.id not in answers:
            return Question(item, omap.learning_plan.options[item.id], number, len(filters))
    return None  # unreachable: the loader checks that full answers always decide


def answer(omap: OperatingMap, answers: dict[str, str], option_id: str) -> dict[str, str]:
    """The answers with ``option_id`` given to the current question."""
    question = next_question(omap, answers)
    if question is None:
        raise LearnError("already_decided")
    if option_id not in {option.id for option in question.options}:
        raise LearnError("unknown_answer", answer=option_id)
    return {**answers, question.filter.id: option_id}


def outcome(omap: OperatingMap, answers: dict[str, str]) -> Outcome | None:
    """The plan the answers lead to, or None while a question is still open."""
    rule = omap.learning_plan.decide(answers)
    if rule is None:
        return None
    return Outcome(omap.learning_plan.plan(rule.plan), rule, answered(omap, answers))


def answered(
    omap: OperatingMap, answers: dict[str, str]
) -> tuple[tuple[Filter, FilterOption], ...]:
    """The filters answered so far with the answer given, in the map's order."""
    found = []
    for item in omap.discernment.filters:
        options = {o.id: o for o in omap.learning_plan.options[item.id]}
        if answers.get(item.id) in options:
            found.append((item, options[answers[item.id]]))
    return tuple(found)
