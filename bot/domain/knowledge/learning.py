"""The app's own rules on top of the operating map: the learning plan the three filters lead
to, and the scale of the self-assessment (``operating_map.yaml``: ``learning_plan``,
``self_assessment``; not seed text).

A learning-plan rule is ``when`` (filter id -> answer id) + ``plan``; the first rule whose
conditions hold decides. ``OperatingMap`` checks that every condition names a filter and an
answer it offers, and that every combination of answers is decided by some rule.
"""

from __future__ import annotations

from collections.abc import Mapping

from pydantic import Field, model_validator

from bot.domain.knowledge.base import Id, KnowledgeModel, Problem, Problems, Text


class FilterOption(KnowledgeModel):
    id: Id
    label: Text  # button text


class Plan(KnowledgeModel):
    id: Id
    name: Text  # "Skip for now", "Strategic literacy", "Working fluency"
    summary: Text


class PlanRule(KnowledgeModel):
    when: dict[Id, Id] = Field(min_length=1)  # filter id -> answer id
    plan: Id
    why: Text
    next_step: Text

    def verdict(self, answers: Mapping[str, str]) -> bool | None:
        """True if it holds, False if an answered filter rules it out, None if it can't tell yet."""
        undecided = False
        for filter_id, option_id in self.when.items():
            if filter_id not in answers:
                undecided = True
            elif answers[filter_id] != option_id:
                return False
        return None if undecided else True


class LearningPlan(KnowledgeModel):
    options: dict[Id, tuple[FilterOption, ...]]  # filter id -> its answers, in button order
    plans: tuple[Plan, ...] = Field(min_length=1)
    rules: tuple[PlanRule, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _rules_name_plans(self) -> LearningPlan:
        plan_ids = [plan.id for plan in self.plans]
        problems: list[Problem] = [
            (("rules", index, "plan"), f"unknown plan {rule.plan!r}; known: {', '.join(plan_ids)}")
            for index, rule in enumerate(self.rules)
            if rule.plan not in plan_ids
        ]
        for filter_id, options in self.options.items():
            if len(options) < 2:
                problems.append((("options", filter_id), "a filter needs at least 2 answers"))
        if problems:
            raise Problems(problems)
        return self

    def plan(self, plan_id: str) -> Plan:
        return next(plan for plan in self.plans if plan.id == plan_id)

    def decide(self, answers: Mapping[str, str]) -> PlanRule | None:
        """The first rule that holds; None while an earlier rule still depends on a missing answer."""
        for rule in self.rules:
            verdict = rule.verdict(answers)
            if verdict is None:
                return None
            if verdict:
                return rule
        return None


class ScalePoint(KnowledgeModel):
    score: int = Field(ge=1, le=9)
    label: Text  # "Could teach it"


class SelfAssessment(KnowledgeModel):
    scale: tuple[ScalePoint, ...] = Field(min_length=2, max_length=9)

    @model_validator(mode="after")
    def _scale_counts_up(self) -> SelfAssessment:
        scores = [point.score for point in self.scale]
        if scores != list(range(1, len(scores) + 1)):
            raise Problems([(("scale",), f"scores must be 1..{len(scores)} in order")])
        return self


def plan_problems(plan: LearningPlan, filter_ids: tuple[str, ...]) -> list[Problem]:
    """Problems of ``plan`` against the map's filters, located from the map's root."""
    problems: list[Problem] = []
    if set(plan.options) != set(filter_ids):
        problems.append(
            (
                ("learning_plan", "options"),
                f"must give answers for exactly: {', '.join(filter_ids)}",
            )
        )
    answers = {f: {o.id for o in plan.options.get(f, ())} for f in filter_ids}
    for index, rule in enumerate(plan.rules):
        for filter_id, option_id in rule.when.items():
            loc = ("learning_plan", "rules", index, "when", filter_id)
            if filter_id not in answers:
                problems.append((loc, f"unknown filter; known: {', '.join(filter_ids)}"))
            elif option_id not in answers[filter_id]:
                known = ", ".join(sorted(answers[filter_id]))
                problems.append((loc, f"unknown answer {option_id!r}; known: {known}"))
    if problems:
        return problems
    for combination in _combinations(filter_ids, plan.options):
        if plan.decide(combination) is None:
            shown = ", ".join(f"{k}={v}" for k, v in combination.items())
            problems.append((("learning_plan", "rules"), f"no rule decides {shown}"))
    return problems


def _combinations(
    filter_ids: tuple[str, ...], options: Mapping[str, tuple[FilterOption, ...]]
) -> list[dict[str, str]]:
    combos: list[dict[str, str]] = [{}]
    for filter_id in filter_ids:
        combos = [{**c, filter_id: o.id} for c in combos for o in options[filter_id]]
    return combos
