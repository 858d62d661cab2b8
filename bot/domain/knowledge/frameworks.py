"""Lead frameworks (``knowledge/frameworks.yaml``): rollout, sourcing, team, governance.

One model per seed table; each row has an ``id`` so other files and the app can
point at it (the decision tree names stack layers and the Spike phase by id).
"""

from __future__ import annotations

from typing import ClassVar, TypeVar

from pydantic import Field, model_validator

from bot.domain.knowledge.base import Id, KnowledgeModel, Problems, Text
from bot.domain.knowledge.scoring import PriorityScoring, scoring_problems

_Row = TypeVar("_Row", bound=KnowledgeModel)


class RolloutPhase(KnowledgeModel):
    id: Id
    name: Text
    goal: Text
    exit_criteria: Text
    duration: Text


class Rollout(KnowledgeModel):
    phases: tuple[RolloutPhase, ...] = Field(min_length=1)
    anti_pattern: Text


class VendorFactor(KnowledgeModel):
    id: Id
    factor: Text
    vendor_api: Text
    open_weights: Text


class VendorVsOpenWeights(KnowledgeModel):
    factors: tuple[VendorFactor, ...] = Field(min_length=1)
    default: Text


class StackLayer(KnowledgeModel):
    id: Id
    layer: Text
    default_choice: Text
    build_only_when: Text


class TeamShape(KnowledgeModel):
    id: Id
    name: Text
    when_to_use: Text
    headcount: Text
    trade_off: Text


class TeamShapes(KnowledgeModel):
    shapes: tuple[TeamShape, ...] = Field(min_length=1)
    defaults: tuple[Text, ...] = Field(min_length=1)


class Role(KnowledgeModel):
    id: Id
    name: Text
    owns: Text
    hire_when: Text


class PriorityDimension(KnowledgeModel):
    id: Id
    name: Text
    question: Text


class Prioritizing(KnowledgeModel):
    dimensions: tuple[PriorityDimension, ...] = Field(min_length=1)
    default: Text
    scoring: PriorityScoring  # the app's ranking rule (bot/domain/prioritize.py)

    @model_validator(mode="after")
    def _scoring_names_dimensions(self) -> Prioritizing:
        problems = scoring_problems(self.scoring, tuple(d.id for d in self.dimensions))
        if problems:
            raise Problems(problems)
        return self


class Contract(KnowledgeModel):
    id: Id
    partner: Text
    we_owe: Text
    they_owe: Text


class DashboardPanel(KnowledgeModel):
    id: Id
    panel: Text
    why_it_matters: Text


class GovernancePractice(KnowledgeModel):
    id: Id
    practice: Text
    what_it_means: Text


class AnswerTemplate(KnowledgeModel):
    id: Id
    topic: Text
    answer: Text


class Frameworks(KnowledgeModel):
    FILE: ClassVar[str] = "frameworks.yaml"  # its file under knowledge/

    rollout: Rollout
    vendor_vs_open_weights: VendorVsOpenWeights
    stack_layers: tuple[StackLayer, ...] = Field(min_length=1)
    team_shapes: TeamShapes
    roles: tuple[Role, ...] = Field(min_length=1)
    prioritizing: Prioritizing
    contracts: tuple[Contract, ...] = Field(min_length=1)
    executive_dashboard: tuple[DashboardPanel, ...] = Field(min_length=1)
    governance: tuple[GovernancePractice, ...] = Field(min_length=1)
    answer_templates: tuple[AnswerTemplate, ...] = Field(min_length=1)

    @property
    def phase_ids(self) -> tuple[str, ...]:
        return tuple(phase.id for phase in self.rollout.phases)

    @property
    def stack_layer_ids(self) -> tuple[str, ...]:
        return tuple(layer.id for layer in self.stack_layers)

    def phase(self, phase_id: str) -> RolloutPhase:
        """The rollout phase with this id; raises KeyError (ids are checked at load)."""
        return _by_id(self.rollout.phases, phase_id)

    def stack_layer(self, layer_id: str) -> StackLayer:
        return _by_id(self.stack_layers, layer_id)

    def answer_template(self, template_id: str) -> AnswerTemplate:
        return _by_id(self.answer_templates, template_id)

    def summary(self) -> str:
        counts = [
            (len(self.rollout.phases), "rollout phases"),
            (len(self.vendor_vs_open_weights.factors), "vendor factors"),
            (len(self.stack_layers), "stack layers"),
            (len(self.team_shapes.shapes), "team shapes"),
            (len(self.roles), "roles"),
            (len(self.prioritizing.dimensions), "priority dimensions"),
            (len(self.contracts), "contracts"),
            (len(self.executive_dashboard), "dashboard panels"),
            (len(self.governance), "governance practices"),
            (len(self.answer_templates), "answer templates"),
        ]
        return ", ".join(f"{n} {what}" for n, what in counts)


def _by_id(items: tuple[_Row, ...], item_id: str) -> _Row:
    for item in items:
        if getattr(item, "id", None) == item_id:
            return item
    raise KeyError(item_id)
