"""Answer a request (a mention or a DM) by its intent, in the place it was asked.

A ``Turn`` is one request: who, where (channel + thread), what (``Intent``). ``answer(turn)``
posts the reply with chat.postMessage in that thread (or DM), starting a flow where the intent
is one; build or buy, cost, rubric and prep go to those features' entry points. Never silent:
an unknown request gets short help with examples.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from slack_sdk import WebClient

from bot.blocks import frameworks as fw
from bot.blocks.common import notice
from bot.blocks.help import help_message, unknown_message
from bot.deps import Deps
from bot.domain.cost.parse import wants_help
from bot.domain.intent import Intent, Kind
from bot.domain.learn import LearnError
from bot.domain.prioritize import PrioritizeError
from bot.errors import StateUnavailable
from bot.listeners import thread_state
from bot.listeners.actions import assess, learn, prio
from bot.listeners.commands import buildvsbuy
from bot.listeners.commands.buildvsbuy import start_flow
from bot.listeners.commands.llmcost import estimate_payload
from bot.listeners.commands.rubric import rubric_payload
from bot.listeners.messages.prep import prep_request
from bot.texts import common
from bot.texts import help as t
from bot.texts import threads as tt

log = logging.getLogger(__name__)
Payload = dict[str, Any]


@dataclass(frozen=True)
class Turn:
    client: WebClient
    deps: Deps
    team: str
    user: str
    channel: str
    thread_ts: str | None  # None: a DM's main conversation
    intent: Intent
    at: str  # how requests start here: "@Tradeoffs " or "" in a DM

    def post(self, payload: Payload) -> None:
        self.client.chat_postMessage(channel=self.channel, thread_ts=self.thread_ts, **payload)


def answer(turn: Turn) -> None:
    """Post the answer to ``turn`` where it was asked."""
    log.info("request: %s", turn.intent.kind.value)
    try:
        HANDLERS[turn.intent.kind](turn)
    except StateUnavailable:
        turn.post(notice(common.STATE_UNAVAILABLE))


def _help(turn: Turn) -> None:
    turn.post(help_message(turn.at))


def _unknown(turn: Turn) -> None:
    turn.post(unknown_message(turn.at))


def _framework(render: Callable[[Deps, str], Payload]) -> Callable[[Turn], None]:
    def handle(turn: Turn) -> None:
        turn.post(render(turn.deps, turn.at))

    return handle


def _prioritize(turn: Turn) -> None:
    if not turn.intent.argument:
        turn.post(fw.prioritizing(turn.deps.knowledge.frameworks, at=turn.at))
        return
    try:
        prio.start_prio(
            turn.client, turn.deps, team=turn.team, user=turn.user, channel=turn.channel,
            text=turn.intent.argument, thread_ts=turn.thread_ts,
        )  # fmt: skip
    except PrioritizeError as error:
        turn.post(notice(prio.WALK.error_text(error, turn.at)))


def _learn(turn: Turn) -> None:
    try:
        learn.start_learn(
            turn.client, turn.deps, team=turn.team, user=turn.user, channel=turn.channel,
            topic=turn.intent.argument, thread_ts=turn.thread_ts,
        )  # fmt: skip
    except LearnError as error:
        turn.post(notice(learn.WALK.error_text(error, turn.at)))


def _assess(turn: Turn) -> None:
    assess.start_assess(
        turn.client, turn.deps, team=turn.team, user=turn.user, channel=turn.channel,
        thread_ts=turn.thread_ts,
    )  # fmt: skip


def _build_or_buy(turn: Turn) -> None:
    start_flow(
        turn.client, turn.deps, team=turn.team, user=turn.user, channel=turn.channel,
        topic=turn.intent.argument, thread_ts=turn.thread_ts,
    )  # fmt: skip


def _cost(turn: Turn) -> None:
    if wants_help(turn.intent.argument):  # /llmcost's help speaks slash-command syntax
        turn.post(notice(tt.COST_HELP.format(at=turn.at)))
        return
    turn.post(_as_message(estimate_payload(turn.intent.argument, turn.deps)))


def _rubric(turn: Turn) -> None:
    private = turn.channel.startswith("D")  # a DM with me; a thread is seen by the channel
    turn.post(_as_message(rubric_payload(turn.intent.argument, turn.deps, private=private)))


def _prep(turn: Turn) -> None:
    dm = turn.channel
    if not dm.startswith("D"):
        dm = turn.client.conversations_open(users=turn.user)["channel"]["id"]
    prep_request(
        turn.deps, turn.client, team=turn.team, user=turn.user, channel=dm, text=turn.intent.text
    )
    if dm != turn.channel:
        turn.post(notice(t.PREP_SENT))


def _status(turn: Turn) -> None:
    found = thread_state.pointer(
        turn.deps, team=turn.team, channel=turn.channel, thread_ts=turn.thread_ts
    )
    if found is None:
        turn.post(notice(tt.NO_FLOW.format(at=turn.at)))
        return
    current = {
        "bvb": buildvsbuy.current,
        "learn": learn.WALK.current,
        "assess": assess.WALK.current,
        "prio": prio.WALK.current,
    }[found.kind]
    payload = current(turn.deps, turn.team, found.flow_id)
    turn.post(payload if payload is not None else notice(tt.FLOW_EXPIRED.format(at=turn.at)))


def _as_message(payload: Payload) -> Payload:
    """A slash-command style payload as a chat.postMessage one (drop ack-only keys)."""
    return {k: v for k, v in payload.items() if k not in ("response_type", "replace_original")}


HANDLERS: dict[Kind, Callable[[Turn], None]] = {
    Kind.HELP: _help,
    Kind.UNKNOWN: _unknown,
    Kind.STATUS: _status,
    Kind.BUILD_OR_BUY: _build_or_buy,
    Kind.COST: _cost,
    Kind.RUBRIC: _rubric,
    Kind.PREP: _prep,
    Kind.PRIORITIZE: _prioritize,
    Kind.LEARN: _learn,
    Kind.ASSESS: _assess,
    Kind.ROLLOUT: _framework(lambda deps, at: fw.rollout(deps.knowledge.frameworks)),
    Kind.TEAM: _framework(lambda deps, at: fw.team(deps.knowledge.frameworks)),
    Kind.CONTRACTS: _framework(lambda deps, at: fw.contracts(deps.knowledge.frameworks)),
    Kind.DASHBOARD: _framework(lambda deps, at: fw.dashboard(deps.knowledge.frameworks)),
    Kind.GOVERNANCE: _framework(lambda deps, at: fw.governance(deps.knowledge.frameworks)),
    Kind.TEMPLATES: _framework(lambda deps, at: fw.templates(deps.knowledge.frameworks)),
    Kind.LEVERS: _framework(lambda deps, at: fw.levers(deps.knowledge.costs, at=at)),
}
