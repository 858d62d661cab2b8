"""The AI leadership operating map (``knowledge/operating_map.yaml``).

Five domains, three mental filters, a four-layer personal discovery system with
its synthesis rhythm, and the ways to use the framework.
"""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field, model_validator

from bot.domain.knowledge.base import Id, KnowledgeModel, Problems, Text
from bot.domain.knowledge.learning import LearningPlan, SelfAssessment, plan_problems

Cadence = Literal["weekly", "monthly", "quarterly", "yearly"]


class Skill(KnowledgeModel):
    name: Text
    description: Text


class CoreChallenge(KnowledgeModel):
    intro: Text
    skills: tuple[Skill, ...] = Field(min_length=1)
    purpose: Text


class Domain(KnowledgeModel):
    id: Id
    number: int = Field(ge=1)
    name: Text
    tagline: Text  # e.g. "the engineering spine"
    core_question: Text
    summary: Text
    why_it_matters: Text
    key_capabilities: tuple[Text, ...] = Field(min_length=1)


class Example(KnowledgeModel):
    label: Text  # e.g. "✓ Yes", "Fast-changing", "Working fluency"
    text: Text


class Filter(KnowledgeModel):
    id: Id
    number: int = Field(ge=1)
    name: Text
    question: Text
    examples: tuple[Example, ...] = Field(min_length=1)
    guidance: Text | None = None


class Discernment(KnowledgeModel):
    intro: Text
    filters: tuple[Filter, ...] = Field(min_length=1)


class Synthesis(KnowledgeModel):
    cadence: Cadence
    practice: Text  # e.g. "What changed and why does it matter?"


class DiscoveryLayer(KnowledgeModel):
    id: Id
    number: int = Field(ge=1)
    name: Text
    focus: Text
    items: tuple[Text, ...] = ()
    rhythm: tuple[Synthesis, ...] = ()  # the reasoning layer's regular synthesis
    note: Text | None = None

    @model_validator(mode="after")
    def _has_content(self) -> DiscoveryLayer:
        if not self.items and not self.rhythm:
            raise Problems([((), "a layer needs `items` or `rhythm`")])
        return self


class DiscoverySystem(KnowledgeModel):
    intro: Text
    layers: tuple[DiscoveryLayer, ...] = Field(min_length=1)

    @property
    def rhythm(self) -> tuple[Synthesis, ...]:
        """The weekly / monthly / quarterly / yearly synthesis, from whichever layer has it."""
        return tuple(step for layer in self.layers for step in layer.rhythm)


class Use(KnowledgeModel):
    id: Id
    label: Text  # e.g. "For self-assessment"
    text: Text


class OperatingMap(KnowledgeModel):
    FILE: ClassVar[str] = "operating_map.yaml"  # its file under knowledge/

    title: Text
    subtitle: Text
    core_challenge: CoreChallenge
    domains: tuple[Domain, ...] = Field(min_length=1)
    discernment: Discernment
    discovery_system: DiscoverySystem
    uses: tuple[Use, ...] = Field(min_length=1)
    learning_plan: LearningPlan  # the app's rule: three filters -> plan (bot/domain/learn.py)
    self_assessment: SelfAssessment  # the app's rating scale (bot/domain/assess.py)

    @model_validator(mode="after")
    def _plan_fits_filters(self) -> OperatingMap:
        filter_ids = tuple(f.id for f in self.discernment.filters)
        problems = plan_problems(self.learning_plan, filter_ids)
        if problems:
            raise Problems(problems)
        return self

    def domain(self, key: str) -> Domain | None:
        """The domain with this id or number (``"systems"``, ``"1"``), else None."""
        wanted = key.strip().lower()
        return next((d for d in self.domains if wanted in (d.id, str(d.number))), None)

    def summary(self) -> str:
        return (
            f"{len(self.domains)} domains, {len(self.discernment.filters)} filters, "
            f"{len(self.discovery_system.layers)} discovery layers, {len(self.uses)} uses"
        )
