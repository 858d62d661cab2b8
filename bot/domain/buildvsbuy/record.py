"""What a /buildvsbuy walk shows and leaves behind: the step, the recommendation, the
decision record (an ADR in Nygard's form, numbered like adr-tools). Pure: no Slack, no Redis."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from pydantic import BaseModel, ConfigDict

from bot.domain.buildvsbuy.flow import CostNote, Flow, Mode, Vote, current_node
from bot.domain.knowledge.frameworks import RolloutPhase, StackLayer
from bot.domain.knowledge.registry import Knowledge
from bot.domain.knowledge.tree import Answer, DecisionTree, Outcome, Question
from bot.errors import BadButtonValue

REVISIT_DAYS = 90  # the pricing-watch cadence
Status = Literal["Accepted", "Superseded"]

# -- results ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class PathLine:
    question: Question
    answer: Answer
    user: str
    votes: tuple[Vote, ...] = ()
    tie_broken: bool = False


@dataclass(frozen=True)
class Recommendation:
    outcome: Outcome
    summary: str  # the outcome's summary for the path taken
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
    return tuple(
        PathLine(tree.question(s.node), s.answer, s.user, s.votes, s.tie_broken) for s in flow.path
    )


def recommendation(flow: Flow, knowledge: Knowledge) -> Recommendation:
    """What the walk ended on, with the next step and the stack defaults that apply."""
    tree = knowledge.tree
    node = current_node(flow, tree)
    if not isinstance(node, Outcome):
        raise BadButtonValue("the walk has not reached an outcome")
    frameworks = knowledge.frameworks
    came_from = flow.path[-1].node if flow.path else None
    return Recommendation(
        outcome=node,
        summary=tree.summary_of(node, came_from),
        path=path_lines(flow, tree),
        next_phase=frameworks.phase(node.next_step.phase),
        next_action=node.next_step.action,
        stack=tuple(frameworks.stack_layer(layer) for layer in node.stack_layers),
    )


# -- the record ------------------------------------------------------------------------------


class ContextLine(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    question: str
    answer: Answer
    user: str  # who answered, or who closed the vote
    finding: str = ""  # the sentence this answer establishes
    votes: tuple[Vote, ...] = ()
    tie_broken: bool = False


class Alternative(BaseModel):
    """An outcome the path ruled out, and why (a sentence)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    title: str
    reason: str


class DecisionRecord(BaseModel):
    """An ADR for one reached outcome, kept for good under its number."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    number: int = 0  # 1, 2, ... per workspace, like adr-tools; 0 until numbered
    flow_id: str
    topic: str
    decided_on: date
    status: Status = "Accepted"
    mode: Mode = "walk"
    owner: str = ""
    recorded_by: str = ""
    revisit_on: date | None = None
    participants: tuple[str, ...]
    context: tuple[ContextLine, ...]
    outcome: str
    title: str
    decision: str
    wins: tuple[str, ...]  # consequences we want
    risks: tuple[str, ...]  # consequences we accept
    alternatives: tuple[Alternative, ...] = ()
    next_step: str
    cost: CostNote | None = None
    channel: str
    thread_ts: str | None = None
    message_ts: str | None = None  # the record's own message, once posted
    link: str | None = None  # its permalink
    supersedes: tuple[int, ...] = ()
    superseded_by: int | None = None
    superseded_link: str | None = None
    reminder_id: str | None = None  # chat.scheduleMessage id of the revisit reminder
    reminder_at: int | None = None  # its post_at (epoch seconds)

    @property
    def filename(self) -> str:
        return filename(self.number, self.topic)

    @property
    def topic_key(self) -> str:
        return topic_key(self.topic)


def topic_key(topic: str) -> str:
    """Topics that differ only in case or spacing are the same decision."""
    return " ".join(topic.casefold().split())


def slug(text: str) -> str:
    """adr-tools' file-name slug: lower case, runs of anything else become one hyphen."""
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")[:60].strip("-") or "decision"


def filename(number: int, topic: str) -> str:
    """``0003-contract-review.md``."""
    return f"{number:04d}-{slug(topic)}.md"


def alternatives(flow: Flow, tree: DecisionTree, chosen: str) -> tuple[Alternative, ...]:
    """The outcomes behind each branch the path did not take, with the answer that ruled
    them out (as a sentence); each outcome once, the decision itself never."""
    seen = {chosen}
    found: list[Alternative] = []
    for step in flow.path:
        question = tree.question(step.node)
        other = question.edge("no" if step.answer == "yes" else "yes")
        for outcome in tree.outcomes_from(other):
            if outcome.id not in seen:
                seen.add(outcome.id)
                reason = question.found.of(step.answer)
                if outcome.ruled_out:
                    reason += " " + outcome.ruled_out
                found.append(Alternative(title=outcome.title, reason=reason))
    return tuple(found)


def decision_record(
    flow: Flow,
    knowledge: Knowledge,
    *,
    today: date,
    thread_ts: str | None = None,
    revisit_days: int = REVISIT_DAYS,
) -> DecisionRecord:
    rec = recommendation(flow, knowledge)
    phase = rec.next_phase
    return DecisionRecord(
        flow_id=flow.id,
        topic=flow.topic,
        decided_on=today,
        mode=flow.mode,
        owner=flow.started_by,
        recorded_by=flow.recorded_by or flow.started_by,
        revisit_on=today + timedelta(days=revisit_days),
        participants=flow.participants,
        context=tuple(
            ContextLine(
                question=p.question.text, answer=p.answer, user=p.user,
                finding=p.question.found.of(p.answer), votes=p.votes, tie_broken=p.tie_broken,
            )
            for p in rec.path
        ),
        outcome=rec.outcome.id,
        title=rec.outcome.title,
        decision=rec.summary,
        wins=rec.outcome.gains,
        risks=rec.outcome.costs_and_risks,
        alternatives=alternatives(flow, knowledge.tree, rec.outcome.id),
        next_step=f"{phase.name} ({phase.duration}): {rec.next_action} "
        f"Exit criteria: {phase.exit_criteria}.",
        cost=flow.cost,
        channel=flow.channel,
        thread_ts=thread_ts,
    )
