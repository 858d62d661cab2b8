"""Clicks on the Home tab: start a flow in the user's DM, or open a modal.

Build or buy, interview prep and the self-assessment are posted to the user's DM with the bot
(conversations.open, which needs the ``im:write`` scope); the cost estimate and "learn this
now?" open a modal with the click's trigger_id.
"""

from __future__ import annotations

import logging

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient

from bot.blocks import home as blocks
from bot.blocks.common import notice
from bot.blocks.learn import topic_modal
from bot.deps import Deps, team_of
from bot.errors import StateUnavailable
from bot.listeners.actions.assess import start_assess
from bot.listeners.commands.buildvsbuy import start_flow
from bot.listeners.messages.prep import post_prep_menu
from bot.listeners.views.llmcost import open_cost_modal
from bot.texts import common

log = logging.getLogger(__name__)


def register(app: App) -> None:
    app.action(blocks.BVB)(on_bvb)
    app.action(blocks.COST)(on_cost)
    app.action(blocks.PREP)(on_prep)
    app.action(blocks.LEARN)(on_learn)
    app.action(blocks.ASSESS)(on_assess)


def open_dm(client: WebClient, user: str) -> str:
    return client.conversations_open(users=user)["channel"]["id"]


def on_bvb(ack: Ack, body: dict, client: WebClient, context: BoltContext) -> None:
    ack()
    user = body["user"]["id"]
    channel = open_dm(client, user)
    try:
        start_flow(
            client, Deps.of(context), team=team_of(context), user=user, channel=channel, topic=""
        )
    except StateUnavailable:
        client.chat_postMessage(channel=channel, **notice(common.STATE_UNAVAILABLE))


def on_cost(ack: Ack, body: dict, client: WebClient) -> None:
    ack()
    open_cost_modal(client, trigger_id=body["trigger_id"])


def on_prep(ack: Ack, body: dict, client: WebClient, context: BoltContext) -> None:
    ack()
    user = body["user"]["id"]
    post_prep_menu(
        client, channel=open_dm(client, user), user=user, deps=Deps.of(context),
        team=team_of(context),
    )  # fmt: skip


def on_learn(ack: Ack, body: dict, client: WebClient) -> None:
    ack()
    client.views_open(trigger_id=body["trigger_id"], view=topic_modal())


def on_assess(ack: Ack, body: dict, client: WebClient, context: BoltContext) -> None:
    ack()
    user = body["user"]["id"]
    channel = open_dm(client, user)
    try:
        start_assess(client, Deps.of(context), team=team_of(context), user=user, channel=channel)
    except StateUnavailable:
        client.chat_postMessage(channel=channel, **notice(common.STATE_UNAVAILABLE))
