"""Self-hosting knowledge (``knowledge/selfhost.yaml``): GPU price, ops that grow with the
fleet, peak sizing, the open-weights classes with their per-replica throughput, and the
vendor tiers that pick a class as the stand-in for a priced model.

Validation guarantees: class and tier ids are unique; every tier's ``stand_in`` names a
class; only the last tier matches everything (no patterns); every pattern compiles; an
interactive figure never exceeds its offline peak.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cached_property
from typing import ClassVar

from pydantic import Field, model_validator

from bot.domain.knowledge.base import Id, KnowledgeModel, Problem, Problems, Text, duplicate_ids

Money = Decimal
Rate = Decimal  # tokens per second, > 0


class Gpu(KnowledgeModel):
    name: Text
    hour_usd: Money = Field(gt=0, allow_inf_nan=False)
    source: Text


class Ops(KnowledgeModel):
    base_usd: Money = Field(ge=0, allow_inf_nan=False)  # $ a month for any fleet
    per_gpu_usd: Money = Field(ge=0, allow_inf_nan=False)  # $ a month per GPU on top
    source: Text

    def monthly(self, gpus: int) -> Decimal:
        return self.base_usd + self.per_gpu_usd * gpus


class Sizing(KnowledgeModel):
    peak_to_average: Decimal = Field(ge=1, le=20, allow_inf_nan=False)
    target_utilization_pct: Decimal = Field(gt=0, le=100, allow_inf_nan=False)
    min_replicas: int = Field(ge=1, le=10)
    source: Text


class OssClass(KnowledgeModel):
    """One open-weights class: a representative model and what one replica serves."""

    id: Id
    name: Text
    example: Text
    quality_rank: int = Field(ge=1)
    gpus_per_replica: int = Field(ge=1, le=64)
    memory: Text
    prefill_tps: Rate = Field(gt=0, allow_inf_nan=False)  # interactive, per replica
    decode_tps: Rate = Field(gt=0, allow_inf_nan=False)
    peak_prefill_tps: Rate = Field(gt=0, allow_inf_nan=False)  # offline peak: upper bound
    peak_decode_tps: Rate = Field(gt=0, allow_inf_nan=False)
    source: Text

    @model_validator(mode="after")
    def _interactive_below_peak(self) -> OssClass:
        problems: list[Problem] = [
            ((name,), f"must not exceed peak_{name}")
            for name in ("prefill_tps", "decode_tps")
            if getattr(self, name) > getattr(self, f"peak_{name}")
        ]
        if problems:
            raise Problems(problems)
        return self


class Tier(KnowledgeModel):
    """A vendor quality tier: which models it holds (patterns) and its open-weights stand-in."""

    id: Id
    label: Text
    quality_rank: int = Field(ge=1)
    stand_in: Id
    patterns: tuple[Text, ...] = ()

    @model_validator(mode="after")
    def _patterns_compile(self) -> Tier:
        problems: list[Problem] = []
        for index, pattern in enumerate(self.patterns):
            try:
                re.compile(pattern)
            except re.error as exc:
                problems.append((("patterns", index), f"not a regular expression: {exc}"))
        if not problems and self.patterns:
            try:
                _combined(self.patterns)
            except re.error as exc:  # e.g. a (?i) flag, allowed only at the very start
                problems.append((("patterns",), f"the patterns do not combine into one: {exc}"))
        if problems:
            raise Problems(problems)
        return self

    @cached_property
    def _pattern(self) -> re.Pattern[str] | None:
        return _combined(self.patterns) if self.patterns else None

    def matches(self, model_id: str) -> bool:
        return self._pattern is None or self._pattern.search(model_id) is not None


def _combined(patterns: tuple[str, ...]) -> re.Pattern[str]:
    """The patterns as one expression, matched case-insensitively: one search a model id,
    not one a pattern."""
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


class SelfHostKnowledge(KnowledgeModel):
    FILE: ClassVar[str] = "selfhost.yaml"  # its file under knowledge/

    source: Text
    gpu: Gpu
    ops: Ops
    sizing: Sizing
    classes: tuple[OssClass, ...] = Field(min_length=1)
    tiers: tuple[Tier, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _references(self) -> SelfHostKnowledge:
        problems = duplicate_ids("classes", self.classes) + duplicate_ids("tiers", self.tiers)
        ids = {c.id for c in self.classes}
        for index, tier in enumerate(self.tiers):
            if tier.stand_in not in ids:
                problems.append((("tiers", index, "stand_in"), f"no class {tier.stand_in!r}"))
            last = index == len(self.tiers) - 1
            if last and tier.patterns:
                problems.append((("tiers", index, "patterns"), "the last tier matches all: none"))
            if not last and not tier.patterns:
                problems.append((("tiers", index, "patterns"), "only the last tier may have none"))
        if problems:
            raise Problems(problems)
        return self

    @cached_property
    def class_by_id(self) -> dict[str, OssClass]:
        return {c.id: c for c in self.classes}

    def tier_for(self, model_id: str) -> Tier:
        """The first tier whose patterns match ``model_id`` (the last one matches all)."""
        return next(t for t in self.tiers if t.matches(model_id))

    def summary(self) -> str:
        return f"{len(self.classes)} open-weights classes, {len(self.tiers)} vendor tiers"
