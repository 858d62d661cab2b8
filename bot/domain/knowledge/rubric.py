"""The hiring rubric (``knowledge/rubric.yaml``): levels, 8 areas, calibration, anti-patterns.

Levels and areas are found by id or alias, whatever the case or separators the
user typed (``"L5"``, ``"Senior"``, ``"build vs buy"``). Aliases must be unique
within levels and within areas, so a look-up never has two answers.
"""

from __future__ import annotations

from typing import Literal, TypeVar

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

Bar = Literal["mid", "senior_lead"]
_Item = TypeVar("_Item", "Level", "Area")


class Level(KnowledgeModel):
    id: Id
    label: Text  # e.g. "Mid (L4-equiv)"
    aliases: tuple[Alias, ...]
    years: Text
    scope: Text
    headline: Text
    bar: Bar  # which rubric column applies: Area.mid_bar or Area.senior_lead_bar


class Area(KnowledgeModel):
    id: Id
    name: Text
    aliases: tuple[Alias, ...]
    probe: Text
    mid_bar: Text
    senior_lead_bar: Text
    green: Text
    red: Text

    def bar_for(self, level: Level) -> str:
        """The bar a candidate at this level must clear in this area."""
        return self.mid_bar if level.bar == "mid" else self.senior_lead_bar


class Rubric(KnowledgeModel):
    levels: tuple[Level, ...] = Field(min_length=1)
    areas: tuple[Area, ...] = Field(min_length=1)
    calibration_questions: tuple[Text, ...] = Field(min_length=1)
    anti_patterns: tuple[Text, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _aliases_are_unambiguous(self) -> Rubric:
        problems = _alias_clashes("levels", self.levels) + _alias_clashes("areas", self.areas)
        if problems:
            raise Problems(problems)
        return self

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


def _keys(item: Level | Area) -> list[str]:
    return [normalize_key(item.id), *item.aliases]


def _find(items: tuple[_Item, ...], key: str) -> _Item | None:
    wanted = normalize_key(key)
    return next((item for item in items if wanted in _keys(item)), None)


def _alias_clashes(field: str, items: tuple[Level, ...] | tuple[Area, ...]) -> list[Problem]:
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
