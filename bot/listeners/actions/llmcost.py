"""Buttons on an /llmcost answer: "Share in channel", "Change inputs", "Break-even chart"."""

from __future__ import annotations

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient

from bot.blocks.llmcost import CHART_ACTION, EDIT_ACTION, SHARE_ACTION
from bot.features.llmcost import buttons, chart
from bot.listeners.later import after_ack


def register(app: App) -> None:
    app.action(SHARE_ACTION)(after_ack(on_share))
    app.action(EDIT_ACTION)(after_ack(on_edit))
    app.action(CHART_ACTION)(after_ack(on_chart))


def on_share(
    ack: Ack, body: dict, action: dict, respond: Respond, client: WebClient, context: BoltContext
) -> None:
    ack()
    buttons.share(body, action, respond, client, context)


def on_edit(ack: Ack, body: dict, action: dict, respond: Respond, client: WebClient) -> None:
    ack()
    buttons.edit(body, action, respond, client)


def on_chart(
    ack: Ack, body: dict, action: dict, respond: Respond, client: WebClient, context: BoltContext
) -> None:
    ack()
    chart.post_chart(body, action, respond, client, context)
