"""The /buildvsbuy walk: its state and its moves over the decision tree.

Pure: no Slack, no Redis. A :class:`Flow` is what the store keeps per walk; every
change (answer, back, restart, record) returns a new flow with ``turn`` one higher,
and every button carries the turn it was drawn at and its :class:`Move`, so an old
button is told apart from a live one (:class:`StaleStep`) and a forged one
(:class:`~bot.errors.BadButtonValue`).
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field

from bot.domain.flows import ID_PATTERN
from bot.domain.knowledge.tree import Answer, DecisionTree, Outcome, Question
from bot.errors import BadButtonValue, CodedError

TOPIC_LIMIT = 150  # fits a Block Kit header
Verb = Literal["yes", "no", "back", "restart", "record", "cost", "close"]
VERBS: tuple[Verb, ...] = ("yes", "no", "back", "restart", "record", "cost", "close")
Mode = Literal["walk", "vote"]  # walk: the first click decides; vote: each person votes


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


class Vote(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    user: str
    answer: Answer


class CostNote(BaseModel):
    """An /llmcost estimate run from the flow: its arguments and what it said then."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    args: str
    model: str
    per_month: Decimal
    prices: str  # where the prices came from, e.g. "genai-prices 0.2.3 (offline data)"
    by: str
    on: date


class Step(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    node: str
    answer: Answer
    user: str  # who answered (walk) or closed the vote (vote)
    at: datetime
    votes: tuple[Vote, ...] = ()  # vote mode: everyone's vote when it was closed
    tie_broken: bool = False  # vote mode: a tie the starter's vote decided


class Flow(BaseModel):
    """One walk through the tree, as stored under ``flow:{id}``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=ID_PATTERN)
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
    mode: Mode = "walk"
    votes: tuple[Vote, ...] = ()  # vote mode: the votes on the current question so far
    asked_turn: int = 0  # the turn the current question was first shown at (votes count)
    cost: CostNote | None = None  # the latest cost estimate run from the flow's button

    @property
    def participants(self) -> tuple[str, ...]:
        """Who started, answered, voted or recorded, in order of first appearance."""
        people = [self.started_by]
        for step in self.path:
            people += [v.user for v in step.votes] or [step.user]
        people += [v.user for v in self.votes]
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
    mode: Mode = "walk",
) -> Flow:
    return Flow(
        id=flow_id, team=team, topic=topic, started_by=user, started_at=now,
        channel=channel, thread_ts=thread_ts, mode=mode,
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


def changed(flow: Flow, user: str, verb: Verb, **update: object) -> Flow:
    """The next turn; a move that changes the question also clears its votes."""
    moved = {"asked_turn": flow.turn + 1, "votes": ()} if "path" in update else {}
    return flow.model_copy(
        update={"turn": flow.turn + 1, "last_user": user, "last_verb": verb, **moved, **update}
    )


def answer(
    flow: Flow, tree: DecisionTree, node: str, reply: Answer, user: str, now: datetime
) -> Flow:
    """Answer the current question ``node`` with ``reply``."""
    here = current_node(flow, tree)
    if not isinstance(here, Question) or here.id != node:
        raise BadButtonValue(f"{node!r} is not the current question")
    step = Step(node=node, answer=reply, user=user, at=now)
    return changed(flow, user, reply, path=(*flow.path, step), recorded_by=None)


def back(flow: Flow, user: str) -> Flow:
    """Undo the latest answer."""
    if not flow.path:
        raise BadButtonValue("nothing to go back to")
    return changed(flow, user, "back", path=flow.path[:-1], recorded_by=None)


def restart(flow: Flow, user: str) -> Flow:
    """Back to the first question, same topic; the old path is forgotten."""
    return changed(flow, user, "restart", path=(), recorded_by=None)


def mark_recorded(flow: Flow, tree: DecisionTree, user: str) -> Flow:
    """Mark the outcome as recorded by ``user``; once per reached outcome."""
    if not isinstance(current_node(flow, tree), Outcome):
        raise BadButtonValue("no outcome to record yet")
    if flow.recorded_by:
        raise AlreadyRecorded(flow.recorded_by)
    return changed(flow, user, "record", recorded_by=user)
