"""App Home: the Home tab (start buttons, recent decisions, a compact reference) and its
buttons.

Build or buy, interview prep and the self-assessment start in the person's DM with the bot
(conversations.open, which needs the ``im:write`` scope); the cost estimate and "learn this
now?" open a modal with the click's trigger_id.
"""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import BoltContext
from slack_sdk import WebClient

from bot.blocks.common import notice
from bot.blocks.home import home_view
from bot.blocks.learn import topic_modal
from bot.deps import Deps, team_of
from bot.errors import StateUnavailable
from bot.features import assess
from bot.features.buildvsbuy import decisions as decision_log
from bot.features.buildvsbuy import store as buildvsbuy
from bot.features.llmcost.form import open_cost_modal
from bot.features.places import open_dm
from bot.features.prep.dm import post_prep_menu
from bot.texts import common

log = logging.getLogger(__name__)
RECENT_LIMIT = 5


def decisions(
    deps: Deps, team: str, user: str
) -> tuple[list[Any] | None, list[Any] | None, int]:
    """(the user's, the workspace's) current decisions, newest first, and how many were
    superseded; None where they can't be read. One read: the workspace's decision index."""
    try:
        index = decision_log.read_index(deps.store, team)
    except StateUnavailable:
        log.warning("home: decision records unavailable")
        return None, None, 0
    mine = decision_log.current(index, user=user, limit=RECENT_LIMIT)
    workspace = decision_log.current(index, limit=RECENT_LIMIT)
    return mine, workspace, sum(1 for e in index.entries if not e.current)


def publish(client: WebClient, deps: Deps, *, team: str, user: str) -> None:
    mine, workspace, superseded = decisions(deps, team, user)
    view = home_view(deps.knowledge, mine=mine, workspace=workspace, superseded=superseded)
    client.views_publish(user_id=user, view=view)


def opened(event: dict, client: WebClient, context: BoltContext) -> None:
    """``app_home_opened`` on the Home tab: publish it for that person."""
    if event.get("tab") not in (None, "home") or not event.get("user"):
        return
    publish(client, Deps.of(context), team=team_of(context), user=event["user"])


def start_buildvsbuy(body: dict, client: WebClient, context: BoltContext) -> None:
    user = body["user"]["id"]
    channel = open_dm(client, user)
    try:
        buildvsbuy.start(
            client, Deps.of(context), team=team_of(context), user=user, channel=channel, topic=""
        )
    except StateUnavailable:
        client.chat_postMessage(channel=channel, **notice(common.STATE_UNAVAILABLE))


def open_cost(body: dict, client: WebClient) -> None:
    open_cost_modal(client, trigger_id=body["trigger_id"])


def start_prep(body: dict, client: WebClient, context: BoltContext) -> None:
    user = body["user"]["id"]
    post_prep_menu(
        client, channel=open_dm(client, user), user=user, deps=Deps.of(context),
        team=team_of(context),
    )  # fmt: skip


def open_learn(body: dict, client: WebClient) -> None:
    client.views_open(trigger_id=body["trigger_id"], view=topic_modal())


def start_assess(body: dict, client: WebClient, context: BoltContext) -> None:
    user = body["user"]["id"]
    channel = open_dm(client, user)
    try:
        assess.start(client, Deps.of(context), team=team_of(context), user=user, channel=channel)
    except StateUnavailable:
        client.chat_postMessage(channel=channel, **notice(common.STATE_UNAVAILABLE))
