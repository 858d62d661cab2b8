"""The "Should I learn this now?" topic modal (from App Home): start the walk in the DM."""

from __future__ import annotations

import logging

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient

from bot.blocks.common import notice
from bot.blocks.learn import TOPIC_BLOCK, TOPIC_INPUT, TOPIC_MODAL
from bot.deps import Deps, team_of
from bot.domain.learn import LearnError, clean_topic
from bot.errors import StateUnavailable
from bot.listeners.actions.learn import WALK, start_learn
from bot.listeners.walks import at_for
from bot.texts import common
from bot.texts import learn as t

log = logging.getLogger(__name__)


def register(app: App) -> None:
    app.view(TOPIC_MODAL)(on_topic)


def on_topic(ack: Ack, body: dict, view: dict, client: WebClient, context: BoltContext) -> None:
    raw = (view.get("state", {}).get("values", {}).get(TOPIC_BLOCK, {}).get(TOPIC_INPUT) or {}).get(
        "value"
    ) or ""
    try:
        topic = clean_topic(raw)
    except LearnError as error:
        text = t.MODAL_EMPTY if error.code == "no_topic" else WALK.error_text(error, at_for("D"))
        ack(response_action="errors", errors={TOPIC_BLOCK: text})
        return
    ack()
    user = body["user"]["id"]
    channel = client.conversations_open(users=user)["channel"]["id"]
    try:
        start_learn(
            client, Deps.of(context), team=team_of(context), user=user, channel=channel, topic=topic
        )
    except StateUnavailable:
        client.chat_postMessage(channel=channel, **notice(common.STATE_UNAVAILABLE))
