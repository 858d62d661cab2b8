"""Clicks on the Home tab's start buttons."""

from __future__ import annotations

from slack_bolt import App

from bot.blocks import home as blocks
from bot.features import home
from bot.listeners.later import after_ack


def register(app: App) -> None:
    app.action(blocks.BVB)(after_ack(home.start_buildvsbuy))
    app.action(blocks.COST)(after_ack(home.open_cost))
    app.action(blocks.PREP)(after_ack(home.start_prep))
    app.action(blocks.LEARN)(after_ack(home.open_learn))
    app.action(blocks.ASSESS)(after_ack(home.start_assess))
