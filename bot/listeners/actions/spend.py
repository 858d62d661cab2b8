"""Spend's buttons: "Save as forecast" on an /llmcost answer, the dashboard's panel buttons,
"Weekly digest…" and "Create usage token" in App Home."""

from __future__ import annotations

import re

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient

from bot.blocks.spend import DIGEST_ACTION, PANEL_ACTION, SAVE_ACTION, TOKEN_ACTION
from bot.features.spend import dashboard, digest, forecasts, tokens
from bot.listeners.later import after_ack


def register(app: App) -> None:
    app.action(SAVE_ACTION)(after_ack(on_save))
    app.action(re.compile("^" + re.escape(PANEL_ACTION) + r"\.[a-z]+$"))(after_ack(on_panel))
    app.action(DIGEST_ACTION)(after_ack(on_digest))
    app.action(TOKEN_ACTION)(after_ack(on_token))


def on_save(
    ack: Ack, body: dict, action: dict, respond: Respond, client: WebClient, context: BoltContext
) -> None:
    ack()
    forecasts.open_form(body, action, respond, client, context)


def on_panel(ack: Ack, body: dict, action: dict, client: WebClient, context: BoltContext) -> None:
    ack()
    dashboard.switch(body, action, client, context)


def on_digest(ack: Ack, body: dict, client: WebClient) -> None:
    ack()
    digest.open_form(body, client)


def on_token(ack: Ack, body: dict, client: WebClient, context: BoltContext) -> None:
    ack()
    tokens.create_click(body, client, context)
