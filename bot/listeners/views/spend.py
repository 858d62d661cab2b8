"""Spend's modal submissions: the forecast form and the weekly digest's channel choice."""

from __future__ import annotations

from slack_bolt import App

from bot.blocks.spend_forms import DIGEST_CALLBACK, FORECAST_CALLBACK
from bot.features.spend import digest, forecasts
from bot.listeners.later import ack_from_pool


def register(app: App) -> None:
    app.view(FORECAST_CALLBACK)(ack_from_pool(forecasts.submit))
    app.view(DIGEST_CALLBACK)(ack_from_pool(digest.submit))
