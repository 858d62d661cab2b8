"""Answer a request (a mention or a DM line) by its intent, in the place it was asked.

A ``Request`` is one: who, where (channel + thread), what (``Intent``). ``answer(request)``
posts the reply with chat.postMessage in that thread (or DM), starting a flow where the intent
is one; build or buy, cost, rubric and prep go to those features' entry points. Never silent:
an unknown request gets short help with examples. ``mention`` and ``direct_message`` turn the
two events into requests.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from slack_bolt import BoltContext, Say
from slack_sdk import WebClient

from bot.blocks import frameworks as fw
from bot.blocks.common import notice
from bot.blocks.help import help_message, unknown_message
from bot.deps import Deps, team_of
from bot.domain.cost.parse import wants_help
from bot.domain.intent import Intent, Kind, parse_intent
from bot.domain.learn import LearnError
from bot.domain.prioritize import PrioritizeError
from bot.errors import StateUnavailable
from bot.features import assess, learn, prioritize, rubric, threads
from bot.features.buildvsbuy import store as buildvsbuy
from bot.features.llmcost.answer import estimate_payload
from bot.features.people import from_person_in_dm
from bot.features.places import is_dm, open_dm
from bot.features.prep import dm as prep
from bot.texts import common
from bot.texts import help as help_texts
from bot.texts import threads as thread_texts
from bot.texts.errors import describe
from bot.texts.help import DM_AT, MENTION_AT

log = logging.getLogger(__name__)
Payload = dict[str, Any]


@dataclass(frozen=True)
class Request:
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


def answer(request: Request) -> None:
    """Post the answer to ``turn`` where it was asked."""
    log.info("request: %s", request.intent.kind.value)
    try:
        HANDLERS[request.intent.kind](request)
    except StateUnavailable:
        request.post(notice(common.STATE_UNAVAILABLE))


def _help(request: Request) -> None:
    request.post(help_message(request.at))


def _unknown(request: Request) -> None:
    request.post(unknown_message(request.at))


def _framework(render: Callable[[Deps, str], Payload]) -> Callable[[Request], None]:
    def handle(request: Request) -> None:
        request.post(render(request.deps, request.at))

    return handle


def _prioritize(request: Request) -> None:
    if not request.intent.argument:
        request.post(fw.prioritizing(request.deps.knowledge.frameworks, at=request.at))
        return
    try:
        prioritize.start(
            request.client, request.deps, team=request.team, user=request.user, channel=request.channel,
            text=request.intent.argument, thread_ts=request.thread_ts,
        )  # fmt: skip
    except PrioritizeError as error:
        request.post(notice(describe(error, at=request.at)))


def _learn(request: Request) -> None:
    try:
        learn.start(
            request.client, request.deps, team=request.team, user=request.user, channel=request.channel,
            topic=request.intent.argument, thread_ts=request.thread_ts,
        )  # fmt: skip
    except LearnError as error:
        request.post(notice(describe(error, at=request.at)))


def _assess(request: Request) -> None:
    assess.start(
        request.client, request.deps, team=request.team, user=request.user, channel=request.channel,
        thread_ts=request.thread_ts,
    )  # fmt: skip


def _build_or_buy(request: Request) -> None:
    buildvsbuy.start(
        request.client, request.deps, team=request.team, user=request.user, channel=request.channel,
        topic=request.intent.argument, thread_ts=request.thread_ts,
    )  # fmt: skip


def _cost(request: Request) -> None:
    if wants_help(request.intent.argument):  # /llmcost's help speaks slash-command syntax
        request.post(notice(thread_texts.COST_HELP.format(at=request.at)))
        return
    request.post(_as_message(estimate_payload(request.intent.argument, request.deps)))


def _rubric(request: Request) -> None:
    private = is_dm(request.channel)  # a DM with me; a thread is seen by the channel
    request.post(_as_message(rubric.payload(request.intent.argument, request.deps, private=private)))


def _prep(request: Request) -> None:
    dm = request.channel if is_dm(request.channel) else open_dm(request.client, request.user)
    prep.prep_request(
        request.deps, request.client, team=request.team, user=request.user, channel=dm, text=request.intent.text
    )
    if dm != request.channel:
        request.post(notice(help_texts.PREP_SENT))


def _status(request: Request) -> None:
    found = threads.pointer(
        request.deps, team=request.team, channel=request.channel, thread_ts=request.thread_ts
    )
    if found is None:
        request.post(notice(thread_texts.NO_FLOW.format(at=request.at)))
        return
    current = {
        "bvb": buildvsbuy.current,
        "learn": learn.FLOWS.current,
        "assess": assess.FLOWS.current,
        "prioritize": prioritize.FLOWS.current,
    }[found.kind]
    payload = current(request.deps, request.team, found.flow_id)
    request.post(payload if payload is not None else notice(thread_texts.FLOW_EXPIRED.format(at=request.at)))


def _as_message(payload: Payload) -> Payload:
    """A slash-command style payload as a chat.postMessage one (drop ack-only keys)."""
    return {k: v for k, v in payload.items() if k not in ("response_type", "replace_original")}


HANDLERS: dict[Kind, Callable[[Request], None]] = {
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


def mention(event: dict, client: WebClient, context: BoltContext) -> None:
    """``@Tradeoffs <request>`` in a channel or thread: answered in the thread it was asked in
    (``event.thread_ts``), or a new thread under the mention (``event.ts``)."""
    if event.get("bot_id") or not event.get("user"):
        return
    thread = event.get("thread_ts") or event["ts"]
    intent = parse_intent(event.get("text") or "")
    answer(_request(client, context, event, thread, intent, MENTION_AT))


def direct_message(message: dict, say: Say, client: WebClient, context: BoltContext) -> None:
    """A person's line in their DM with the bot: interview prep's if it is one, else by
    intent; anything else gets the general help. Edits, deletions and bots' lines are
    acknowledged and ignored."""
    if not from_person_in_dm(message):
        return
    if prep.handle_dm(message, say, client, context):
        return
    intent = parse_intent(message.get("text") or "")
    if intent.kind is Kind.UNKNOWN:
        client.chat_postMessage(
            channel=message["channel"],
            thread_ts=message.get("thread_ts"),
            **help_message(DM_AT, fallback=common.GENERAL_HELP),
        )
        return
    answer(_request(client, context, message, message.get("thread_ts"), intent, DM_AT))


def _request(
    client: WebClient,
    context: BoltContext,
    event: dict,
    thread_ts: str | None,
    intent: Intent,
    at: str,
) -> Request:
    return Request(
        client=client, deps=Deps.of(context), team=team_of(context), user=event["user"],
        channel=event["channel"], thread_ts=thread_ts, intent=intent, at=at,
    )  # fmt: skip
