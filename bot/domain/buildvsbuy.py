"""The /buildvsbuy walk: flow state, moves over the decision tree, button values.

Pure: no Slack, no Redis. A :class:`Flow` is what the store keeps per walk; every
change (answer, back, restart, record) returns a new flow with ``turn`` one higher,
and every button carries the turn it was rendered at, so an old button is told
apart from a live one (:class:`StaleStep`) and a forged one (:class:`BadButtonValue`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field

from bot.domain.knowledge import Knowledge
from bot.domain.knowledge.frameworks import RolloutPhase, StackLayer
from bot.domain.knowledge.tree import Answer, DecisionTree, Outcome, Question
from bot.errors import BadButtonValue, CodedError

TOPIC_LIMIT = 150  # fits a Block Kit header
Verb = Literal["yes", "no", "back", "restart", "record", "cost"]
VERBS: tuple[Verb, ...] = ("yes", "no", "back", "restart", "record", "cost")
_VALUE = re.compile(
    r"(?P<team>[A-Za-z0-9-]{1,40})\.(?P<flow>[0-9a-f]{16})\.(?P<turn>[0-9]{1,4})\."
    r"(?P<node>[a-z][a-z0-9_]{0,39})\.(?P<verb>[a-z]{2,8})"
)


# -- errors ----------------------------------------------------------------------------------


class BuildVsBuyError(CodedError):
    """Base of the walk's own errors; their words are in ``bot/texts/buildvsbuy.py``."""

    topic: ClassVar[str] = "buildvsbuy"


class StaleStep(BuildVsBuyError):
    """The button was rendered for an earlier turn: the flow has moved on since."""

    def __init__(self) -> None:
        super().__init__("stale_step")


class FlowOutdated(BuildVsBuyError):
    """The stored path no longer fits the decision tree (the knowledge changed); ``why``
    is for the log."""

    def __init__(self, why: str) -> None:
        super().__init__("outdated")
        self.why = why


class AlreadyRecorded(BuildVsBuyError):
    """The decision record for this outcome was already posted (``by`` whom)."""

    def __init__(self, by: str) -> None:
        super().__init__("already_recorded", user=by)
        self.by = by


# -- state -----------------------------------------------------------------------------------


class Step(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    node: str
    answer: Answer
    user: str
    at: datetime


class Flow(BaseModel):
    """One walk through the tree, as stored under ``flow:{id}``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[0-9a-f]{16}$")
    team: str
    topic: str = Field(min_length=1, max_length=TOPIC_LIMIT)
    started_by: str
    started_at: datetime
    channel: str
    thread_ts: str | None = None
    message_ts: str | None = None  # learnt from the first click on the flow message
    turn: int = 0
    path: tuple[Step, ...] = ()
    last_user: str | None = None  # who made the latest change, for "already answered by"
    last_verb: Verb | None = None
    recorded_by: str | None = None

    @property
    def participants(self) -> tuple[str, ...]:
        """Who started, answered or recorded, in order of first appearance."""
        people = [self.started_by, *(s.user for s in self.path)]
        if self.recorded_by:
            people.append(self.recorded_by)
        return tuple(dict.fromkeys(people))


def clean_topic(text: str) -> str:
    """One line of at most TOPIC_LIMIT characters (clipped with an ellipsis), or ''."""
    line = " ".join("".join(c if c.isprintable() else " " for c in text).split())
    return line if len(line) <= TOPIC_LIMIT else line[: TOPIC_LIMIT - 1] + "…"


def new_flow(
    *,
    flow_id: str,
    team: str,
    topic: str,
    user: str,
    channel: str,
    now: datetime,
    thread_ts: str | None = None,
) -> Flow:
    return Flow(
        id=flow_id, team=team, topic=topic, started_by=user, started_at=now,
        channel=channel, thread_ts=thread_ts,
    )  # fmt: skip


# -- walking ---------------------------------------------------------------------------------


def current_node(flow: Flow, tree: DecisionTree) -> Question | Outcome:
    """Where the walk stands: replays the path from the tree's start."""
    node: Question | Outcome = tree.question(tree.start)
    for step in flow.path:
        if not isinstance(node, Question) or node.id != step.node:
            raise FlowOutdated(f"step {step.node!r} does not follow from {node.id!r}")
        target = node.edge(step.answer)
        if target not in tree.nodes:
            raise FlowOutdated(f"unknown node {target!r}")
        node = tree.nodes[target]
    return node


def _changed(flow: Flow, user: str, verb: Verb, **update: object) -> Flow:
    return flow.model_copy(
        update={"turn": flow.turn + 1, "last_user": user, "last_verb": verb, **update}
    )


def answer(
    flow: Flow, tree: DecisionTree, node: str, reply: Answer, user: str, now: datetime
) -> Flow:
    """Answer the current question ``node`` with ``reply``."""
    here = current_node(flow, tree)
    if not isinstance(here, Question) or here.id != node:
        raise BadButtonValue(f"{node!r} is not the current question")
    step = Step(node=node, answer=reply, user=user, at=now)
    return _changed(flow, user, reply, path=(*flow.path, step), recorded_by=None)


def back(flow: Flow, user: str) -> Flow:
    """Undo the latest answer."""
    if not flow.path:
        raise BadButtonValue("nothing to go back to")
    return _changed(flow, user, "back", path=flow.path[:-1], recorded_by=None)


def restart(flow: Flow, user: str) -> Flow:
    """Back to the first question, same topic; the old path is forgotten."""
    return _changed(flow, user, "restart", path=(), recorded_by=None)


def record(flow: Flow, tree: DecisionTree, user: str) -> Flow:
    """Mark the outcome as recorded by ``user``; once per reached outcome."""
    if not isinstance(current_node(flow, tree), Outcome):
        raise BadButtonValue("no outcome to record yet")
    if flow.recorded_by:
        raise AlreadyRecorded(flow.recorded_by)
    return _changed(flow, user, "record", recorded_by=user)


# -- button values ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ButtonValue:
    team: str
    flow: str
    turn: int
    node: str
    verb: Verb

    def encode(self) -> str:
        return f"{self.team}.{self.flow}.{self.turn}.{self.node}.{self.verb}"


def button_value(flow: Flow, node: str, verb: Verb) -> str:
    return ButtonValue(flow.team, flow.id, flow.turn, node, verb).encode()


def decode_value(raw: object, *, verb: str | None = None) -> ButtonValue:
    """Parse a button value; ``verb`` (from the action id) must match the value's own."""
    match = _VALUE.fullmatch(raw) if isinstance(raw, str) else None
    if match is None:
        raise BadButtonValue("malformed button value")
    found = match["verb"]
    if found not in VERBS or (verb is not None and found != verb):
        raise BadButtonValue("button value does not match its button")
    return ButtonValue(match["team"], match["flow"], int(match["turn"]), match["node"], found)


def apply(flow: Flow, tree: DecisionTree, value: ButtonValue, user: str, now: datetime) -> Flow:
    """The flow after the click ``value`` by ``user``; raises on anything not live."""
    if value.team != flow.team or value.flow != flow.id:
        raise BadButtonValue("button of another flow")
    if value.node not in tree.nodes:
        raise BadButtonValue("unknown node")
    if value.turn > flow.turn:
        raise BadButtonValue("button from the future")
    if value.turn < flow.turn:
        raise StaleStep()
    if value.node != current_node(flow, tree).id:
        raise BadButtonValue("node is not the current one")
    if value.verb in ("yes", "no"):
        return answer(flow, tree, value.node, value.verb, user, now)
    if value.verb == "back":
        return back(flow, user)
    if value.verb == "restart":
        return restart(flow, user)
    if value.verb == "record":
        return record(flow, tree, user)
    raise BadButtonValue(f"{value.verb!r} does not change the flow")


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
