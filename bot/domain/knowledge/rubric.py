"""The hiring rubric (``knowledge/rubric.yaml``): levels, 8 areas, calibration, anti-patterns.

Levels and areas are found by id or alias, whatever the case or separators the
user typed (``"L5"``, ``"Senior"``, ``"build vs buy"``). Aliases must be unique
within levels and within areas, so a look-up never has two answers.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, Literal, TypeVar

from pydantic import Field, model_validator

from bot.domain.knowledge.base import (
    Alias,
    Id,
    KnowledgeModel,
    Problem,
    Problems,
    Text,
    normalize_key,
)
from bot.domain.knowledge.rubric_added import (
    AreaAdded,
    Kit,
    LevelAdded,
    Probe,
    SelfRating,
    Source,
    Tier,
    TierAdds,
)

Bar = Literal["mid", "senior_lead"]
Outcome = Literal["strong_hire", "hire", "no_hire", "strong_no_hire"]
_Item = TypeVar("_Item", "Level", "Area")


class Level(KnowledgeModel):
    id: Id
    label: Text  # e.g. "Mid (L4-equiv)"
    aliases: tuple[Alias, ...]
    years: Text
    scope: Text
    headline: Text
    bar: Bar  # which rubric column applies: Area.mid_bar or Area.senior_lead_bar
    added: LevelAdded  # written for Tradeoffs: tiers beyond the bar, critical areas, probes

    @property
    def tiers(self) -> tuple[Tier, ...]:
        return self.added.adds

    @property
    def probes(self) -> tuple[Probe, ...]:
        return self.added.probes


class Area(KnowledgeModel):
    id: Id
    name: Text
    aliases: tuple[Alias, ...]
    probe: Text
    mid_bar: Text
    senior_lead_bar: Text
    green: Text
    red: Text
    added: AreaAdded  # written for Tradeoffs: checklist, Staff / Lead additions, follow-ups

    def bar_for(self, level: Level) -> str:
        """The framework's bar a candidate at this level must clear in this area."""
        return self.mid_bar if level.bar == "mid" else self.senior_lead_bar

    def adds_for(self, level: Level) -> tuple[tuple[Tier, TierAdds], ...]:
        """What the level adds on top of the framework's bar (Staff; Staff and Lead)."""
        return tuple((tier, self.added.tier(tier)) for tier in level.tiers)

    def checks_for(self, level: Level) -> tuple[str, ...]:
        """The level's expectations in this area as items to tick: the bar's, then each
        tier's additions."""
        checks = self.added.checks
        base = checks.mid if level.bar == "mid" else checks.senior
        return base + tuple(item for _, adds in self.adds_for(level) for item in adds.adds)

    def red_flags_for(self, level: Level) -> tuple[str, ...]:
        """The framework's red signal, ours for the area, and the level's own (highest tier)."""
        flags = [self.red, self.added.red_flag]
        if level.tiers:
            flags.append(self.added.tier(level.tiers[-1]).red_flag)
        return tuple(flags)


class OutcomeRule(KnowledgeModel):
    """One row of the recommendation rule: holds when every limit it sets holds."""

    id: Outcome
    max_red: int | None = Field(default=None, ge=0)
    min_green: int | None = Field(default=None, ge=0)

    @property
    def catch_all(self) -> bool:
        return self.max_red is None and self.min_green is None

    def holds(self, *, green: int, red: int) -> bool:
        return (self.max_red is None or red <= self.max_red) and (
            self.min_green is None or green >= self.min_green
        )


class Recommendation(KnowledgeModel):
    """How a scorecard's ratings become an overall recommendation.

    Counts are over the rated areas; below ``min_rated`` there is no
    recommendation. The first rule that holds wins; the last rule sets no
    limits, so one always does."""

    source: Source
    min_rated: int = Field(ge=1)
    rules: tuple[OutcomeRule, ...] = Field(min_length=1)
    critical: tuple[Id, ...] = ()  # a Red in one of these (or a level's critical) blocks Hire
    blocked: Outcome = "no_hire"  # the best outcome a scorecard with a critical Red can get

    @model_validator(mode="after")
    def _last_rule_catches_all(self) -> Recommendation:
        problems: list[Problem] = [
            (("rules", index), "only the last rule may set no limits")
            for index, rule in enumerate(self.rules[:-1])
            if rule.catch_all
        ]
        if not self.rules[-1].catch_all:
            problems.append(
                (("rules", len(self.rules) - 1), "the last rule must set no limits (catch-all)")
            )
        if problems:
            raise Problems(problems)
        return self

    def outcome(self, *, green: int, red: int) -> Outcome:
        return next(rule.id for rule in self.rules if rule.holds(green=green, red=red))


class Rubric(KnowledgeModel):
    FILE: ClassVar[str] = "rubric.yaml"  # its file under knowledge/

    levels: tuple[Level, ...] = Field(min_length=1)
    areas: tuple[Area, ...] = Field(min_length=1)
    calibration_questions: tuple[Text, ...] = Field(min_length=1)
    anti_patterns: tuple[Text, ...] = Field(min_length=1)
    recommendation: Recommendation | None = None  # scorecards give none without it
    kit: Kit
    self_rating: SelfRating

    @model_validator(mode="after")
    def _aliases_are_unambiguous(self) -> Rubric:
        problems = _alias_clashes("levels", self.levels) + _alias_clashes("areas", self.areas)
        problems += _unknown_critical(self)
        if problems:
            raise Problems(problems)
        return self

    def critical_for(self, level: Level) -> tuple[str, ...]:
        """The ids of the areas where a Red blocks Hire at ``level``, in rubric order."""
        named = set(level.added.critical)
        if self.recommendation is not None:
            named |= set(self.recommendation.critical)
        return tuple(area.id for area in self.areas if area.id in named)

    def level(self, key: str) -> Level | None:
        """The level whose id or alias matches ``key`` (``"l5"``, ``"Senior"``), else None."""
        return _find(self.levels, key)

    def area(self, key: str) -> Area | None:
        """The area whose id or alias matches ``key`` (``"RAG"``, ``"evals"``), else None."""
        return _find(self.areas, key)

    def summary(self) -> str:
        return (
            f"{len(self.levels)} levels, {len(self.areas)} areas, "
            f"{len(self.calibration_questions)} calibration questions, "
            f"{len(self.anti_patterns)} anti-patterns"
        )


def _unknown_critical(rubric: Rubric) -> list[Problem]:
    ids = {area.id for area in rubric.areas}
    problems: list[Problem] = [
        (("levels", index, "added", "critical"), f"no area {area_id!r}")
        for index, level in enumerate(rubric.levels)
        for area_id in level.added.critical
        if area_id not in ids
    ]
    if rubric.recommendation is not None:
        problems += [
            (("recommendation", "critical"), f"no area {area_id!r}")
            for area_id in rubric.recommendation.critical
            if area_id not in ids
        ]
    return problems


def _keys(item: Level | Area) -> list[str]:
    return [normalize_key(item.id), *item.aliases]


def _find(items: tuple[_Item, ...], key: str) -> _Item | None:
    wanted = normalize_key(key)
    return next((item for item in items if wanted in _keys(item)), None)


def _alias_clashes(field: str, items: Sequence[Level | Area]) -> list[Problem]:
    owner = {normalize_key(item.id): item.id for item in items}
    problems: list[Problem] = []
    for index, item in enumerate(items):
        for alias_index, alias in enumerate(item.aliases):
            other = owner.setdefault(alias, item.id)
            if other != item.id:
                problems.append(
                    (
                        (field, index, "aliases", alias_index),
                        f"alias {alias!r} already names {other!r}",
                    )
                )
    return problems
