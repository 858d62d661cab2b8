"""The executive dashboard in App Home: this month's spend against the forecasts, one panel
(a table block) at a time. ``insert`` is App Home's one call; a panel button swaps the
section in the view it was clicked in and publishes it again (no state kept)."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any

from slack_bolt import BoltContext
from slack_sdk import WebClient

from bot.blocks.common import Block
from bot.blocks.spend import PANELS, Dashboard, dashboard_blocks
from bot.deps import Deps, team_of
from bot.domain.cost.pricing import PRICE_SOURCE
from bot.domain.usage.ledger import month_figures, month_of
from bot.errors import StateUnavailable
from bot.features.spend.forecasts import store_for

log = logging.getLogger(__name__)
MARK = "spend."  # block_id prefix of every block of the section
VIEW_LIMIT = 100


def section(deps: Deps, team: str, *, panel: str = PANELS[0], now: datetime | None = None) -> list[Block]:
    now = now or datetime.now(UTC)
    spend = store_for(deps, team)
    month = month_of(now)
    try:
        fields, users, forecasts = spend.dashboard(month)
        figures = month_figures(month, fields, users)
    except StateUnavailable:
        log.warning("home: spend figures unavailable")
        figures, forecasts = None, {}
    board = Dashboard(
        month=figures, forecasts=forecasts, panel=panel, day=now.day, source=PRICE_SOURCE,
        tokens=deps.settings.oauth_enabled,
    )  # fmt: skip
    blocks = dashboard_blocks(board)
    for i, block in enumerate(blocks):
        block.setdefault("block_id", f"{MARK}{i}")
    return blocks


def place(blocks: list[Block], dashboard: list[Block]) -> list[Block]:
    """``blocks`` with the dashboard where it was, else before the first divider."""
    kept = [b for b in blocks if not str(b.get("block_id", "")).startswith(MARK)]
    at = next((i for i, b in enumerate(blocks) if str(b.get("block_id", "")).startswith(MARK)),
              None)  # fmt: skip
    if at is None:
        at = next((i for i, b in enumerate(kept) if b.get("type") == "divider"), len(kept))
    else:
        at = sum(1 for b in blocks[:at] if not str(b.get("block_id", "")).startswith(MARK))
    room = VIEW_LIMIT - len(kept)
    return [*kept[:at], *dashboard[:room], *kept[at:]]


def insert(view: dict[str, Any], deps: Deps, *, team: str) -> dict[str, Any]:
    """App Home's call: the dashboard section into the Home view."""
    view["blocks"] = place(view["blocks"], section(deps, team))
    return view


def switch(body: dict, action: dict, client: WebClient, context: BoltContext) -> None:
    """A panel button: the same Home view with that panel (an unknown value: the first
    panel; a click that doesn't come with its Home view: the whole Home tab again)."""
    value = action.get("value")
    panel = value if isinstance(value, str) and value in PANELS else PANELS[0]
    current = body.get("view") or {}
    deps, team, user = Deps.of(context), team_of(context), body["user"]["id"]
    if current.get("type") != "home" or not isinstance(current.get("blocks"), list):
        from bot.features import home  # home calls insert(): imported here, not at the top

        home.publish(client, deps, team=team, user=user)
        return
    blocks = place(list(current["blocks"]), section(deps, team, panel=panel))
    client.views_publish(user_id=user, view={"type": "home", "blocks": blocks})
