"""What a /buildvsbuy walk shows and leaves behind: the step, the recommendation, the
decision record (ADR). Pure: no Slack, no Redis."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pydantic import BaseModel, ConfigDict

from bot.domain.buildvsbuy.flow import Flow, current_node
from bot.domain.knowledge import Knowledge
from bot.domain.knowledge.frameworks import RolloutPhase, StackLayer
from bot.domain.knowledge.tree import Answer, DecisionTree, Outcome, Question
from bot.errors import BadButtonValue

# -- results ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class PathLine:
    question: Question
    answer: Answer
    user: str


@dataclass(frozen=True)
class Recommendation:
    outcome: Outcome
    path: tuple[PathLine, ...]
    next_phase: RolloutPhase
    next_action: str
    stack: tuple[StackLayer, ...]


@dataclass(frozen=True)
class Progress:
    """A walk still on a question."""

    question: Question
    path: tuple[PathLine, ...]


def where(flow: Flow, knowledge: Knowledge) -> Progress | Recommendation:
    """What the flow message shows: the current question, or the recommendation."""
    node = current_node(flow, knowledge.tree)
    if isinstance(node, Outcome):
        return recommendation(flow, knowledge)
    return Progress(node, path_lines(flow, knowledge.tree))


def path_lines(flow: Flow, tree: DecisionTree) -> tuple[PathLine, ...]:
    current_node(flow, tree)  # raises FlowOutdated if the path no longer fits
    return tuple(PathLine(tree.question(s.node), s.answer, s.user) for s in flow.path)


def recommendation(flow: Flow, knowledge: Knowledge) -> Recommendation:
    """What the walk ended on, with the next step and the stack defaults that apply."""
    node = current_node(flow, knowledge.tree)
    if not isinstance(node, Outcome):
        raise BadButtonValue("the walk has not reached an outcome")
    frameworks = knowledge.frameworks
    return Recommendation(
        outcome=node,
        path=path_lines(flow, knowledge.tree),
        next_phase=frameworks.phase(node.next_step.phase),
        next_action=node.next_step.action,
        stack=tuple(frameworks.stack_layer(layer) for layer in node.stack_layers),
    )


class ContextLine(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    question: str
    answer: Answer
    user: str


class DecisionRecord(BaseModel):
    """An ADR for one reached outcome; kept in the recent-decisions lists."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    flow_id: str
    topic: str
    decided_on: date
    status: str = "Accepted"
    participants: tuple[str, ...]
    context: tuple[ContextLine, ...]
    outcome: str
    title: str
    decision: str
    wins: tuple[str, ...]  # consequences we want
    risks: tuple[str, ...]  # consequences we accept
    next_step: str
    channel: str
    thread_ts: str | None = None


def decision_record(
    flow: Flow, knowledge: Knowledge, *, today: date, thread_ts: str | None = None
) -> DecisionRecord:
    rec = recommendation(flow, knowledge)
    phase = rec.next_phase
    return DecisionRecord(
        flow_id=flow.id,
        topic=flow.topic,
        decided_on=today,
        participants=flow.participants,
        context=tuple(
            ContextLine(question=p.question.text, answer=p.answer, user=p.user) for p in rec.path
        ),
        outcome=rec.outcome.id,
        title=rec.outcome.title,
        decision=rec.outcome.summary,
        wins=rec.outcome.wins,
        risks=rec.outcome.costs_and_risks,
        next_step=f"{phase.name} ({phase.duration}): {rec.next_action} "
        f"Exit criteria: {phase.exit_criteria}.",
        channel=flow.channel,
        thread_ts=thread_ts,
    )
