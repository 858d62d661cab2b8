"""Buttons on an /llmcost answer: "Share in channel" and "Change inputs"."""

from __future__ import annotations

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient

from bot.blocks.llmcost import EDIT_ACTION, SHARE_ACTION
from bot.features.llmcost import buttons
from bot.listeners.later import after_ack


def register(app: App) -> None:
    app.action(SHARE_ACTION)(after_ack(on_share))
    app.action(EDIT_ACTION)(after_ack(on_edit))


def on_share(
    ack: Ack, body: dict, action: dict, respond: Respond, client: WebClient, context: BoltContext
) -> None:
    ack()
    buttons.share(body, action, respond, client, context)


def on_edit(ack: Ack, body: dict, action: dict, respond: Respond, client: WebClient) -> None:
    ack()
    buttons.edit(body, action, respond, client)
