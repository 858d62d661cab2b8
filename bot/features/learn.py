""" "Should I learn this now?": start a flow, take the clicks on its filters, and the topic
form App Home opens.

State: ``{p}:{team}:flow:learn:{id}`` holds a LearnFlow (topic, owner, place, answers),
TTL ``STATE_TTL_SECONDS``. Only the person who started a walk answers it. A click costs two
Redis round trips (read, compare-and-set); a stale or lost click gets an ephemeral notice.
"""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import Ack, BoltContext, Respond
from slack_sdk import WebClient

from bot.blocks import learn as blocks
from bot.blocks.clicks import FlowRef
from bot.blocks.common import notice
from bot.deps import Deps, team_of
from bot.domain import learn
from bot.domain.learn import LearnError, LearnFlow
from bot.errors import StateUnavailable
from bot.features.flows import Flows
from bot.features.places import open_dm
from bot.features.replies import tell
from bot.texts import common
from bot.texts import learn as texts
from bot.texts.errors import describe

log = logging.getLogger(__name__)


def render(deps: Deps, ref: FlowRef, state: LearnFlow) -> dict[str, Any]:
    omap = deps.knowledge.operating_map
    question = learn.next_question(omap, state.answers)
    if question is not None:
        answered = learn.answered(omap, state.answers)
        return blocks.question(ref, state.topic, question, answered)
    outcome = learn.outcome(omap, state.answers)
    assert outcome is not None  # no open question means the rules decided
    return blocks.plan(state.topic, outcome)


FLOWS = Flows(
    kind="learn",
    model=LearnFlow,
    render=render,
    expired=texts.EXPIRED,
    not_yours=texts.NOT_YOURS,
    log=log,
    label="learn walk",
)


def start(
    client: WebClient,
    deps: Deps,
    *,
    team: str,
    user: str,
    channel: str,
    topic: str,
    thread_ts: str | None = None,
) -> None:
    """Post the first filter for ``topic`` in ``channel`` (in the thread, if given).

    LearnError when the topic is empty or too long; StateUnavailable without Redis."""
    state = LearnFlow(
        topic=learn.clean_topic(topic), user=user, channel=channel, thread_ts=thread_ts
    )
    FLOWS.start(client, deps, team=team, state=state)


def click(body: dict, action: dict, respond: Respond, context: BoltContext) -> None:
    clicked = FLOWS.clicked(body, action, respond, context)
    if clicked is None:
        return
    state = clicked.state
    try:
        answers = learn.answer(clicked.deps.knowledge.operating_map, state.answers, clicked.answer)
    except LearnError as error:
        tell(respond, describe(error, at=clicked.at))
        return
    FLOWS.advance(clicked, respond, state.model_copy(update={"answers": answers}))


def submit_topic(ack: Ack, body: dict, view: dict, client: WebClient, context: BoltContext) -> None:
    """The topic form (from App Home): a bad topic stays in the form; a good one starts the
    flow in the person's DM."""
    values = (view.get("state") or {}).get("values") or {}
    raw = ((values.get(blocks.TOPIC_BLOCK) or {}).get(blocks.TOPIC_INPUT) or {}).get("value")
    try:
        topic = learn.clean_topic(raw or "")
    except LearnError as error:
        text = texts.MODAL_EMPTY if error.code == "no_topic" else describe(error, style="field")
        ack(response_action="errors", errors={blocks.TOPIC_BLOCK: text})
        return
    deps, team, user = Deps.of(context), team_of(context), body["user"]["id"]

    def start_in_dm() -> None:  # after the ack, in the post-ack pool
        channel = open_dm(client, user)
        try:
            start(client, deps, team=team, user=user, channel=channel, topic=topic)
        except StateUnavailable:
            client.chat_postMessage(channel=channel, **notice(common.STATE_UNAVAILABLE))

    if not deps.later.submit(start_in_dm, what="learn topic"):
        ack(response_action="errors", errors={blocks.TOPIC_BLOCK: common.BUSY_FIELD})
        return
    ack()
