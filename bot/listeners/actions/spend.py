"""Spend's buttons: "Save as forecast" on an /llmcost answer, the dashboard's panel buttons,
"Weekly digest…" and "Create usage token" in App Home."""

from __future__ import annotations

import re

from slack_bolt import App

from bot.blocks.spend import DIGEST_ACTION, PANEL_ACTION, SAVE_ACTION, TOKEN_ACTION
from bot.features.spend import dashboard, digest, forecasts, tokens
from bot.listeners.later import after_ack


def register(app: App) -> None:
    app.action(SAVE_ACTION)(after_ack(forecasts.open_form))
    app.action(re.compile("^" + re.escape(PANEL_ACTION) + r"\.[a-z]+$"))(after_ack(dashboard.switch))
    app.action(DIGEST_ACTION)(after_ack(digest.open_form))
    app.action(TOKEN_ACTION)(after_ack(tokens.create_click))
