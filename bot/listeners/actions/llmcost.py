"""Buttons on an /llmcost answer: "Share in channel", "Change inputs", "Break-even chart"."""

from __future__ import annotations

from slack_bolt import App

from bot.blocks.llmcost import CHART_ACTION, EDIT_ACTION, SHARE_ACTION
from bot.features.llmcost import buttons, chart
from bot.listeners.later import after_ack


def register(app: App) -> None:
    app.action(SHARE_ACTION)(after_ack(buttons.share))
    app.action(EDIT_ACTION)(after_ack(buttons.edit))
    app.action(CHART_ACTION)(after_ack(chart.post_chart))
