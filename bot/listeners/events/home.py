"""``app_home_opened``: publish the Home tab (start buttons, recent decisions, reference)."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import App, BoltContext
from slack_sdk import WebClient

from bot.blocks.home import home_view
from bot.deps import Deps, team_of
from bot.errors import StateUnavailable
from bot.listeners.commands.buildvsbuy import recent_decisions

log = logging.getLogger(__name__)
RECENT_LIMIT = 5


def register(app: App) -> None:
    app.event("app_home_opened")(on_home_opened)


def decisions(deps: Deps, team: str, user: str) -> tuple[list[Any] | None, list[Any] | None]:
    """(the user's, the workspace's) recent decision records; None where they can't be read."""
    try:
        mine = recent_decisions(deps, team=team, user=user, limit=RECENT_LIMIT)
        workspace = recent_decisions(deps, team=team, limit=RECENT_LIMIT)
    except StateUnavailable:
        log.warning("home: decision records unavailable")
        return None, None
    return mine, workspace


def publish_home(client: WebClient, deps: Deps, *, team: str, user: str) -> None:
    mine, workspace = decisions(deps, team, user)
    view = home_view(deps.knowledge, mine=mine, workspace=workspace)
    client.views_publish(user_id=user, view=view)


def on_home_opened(event: dict, client: WebClient, context: BoltContext) -> None:
    if event.get("tab") not in (None, "home") or not event.get("user"):
        return
    publish_home(client, Deps.of(context), team=team_of(context), user=event["user"])
