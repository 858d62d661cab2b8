"""Buttons of interview prep (``prep.*``): menu, level choice, ratings, skip / stop,
continue / start over."""

from __future__ import annotations

import re

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient

from bot.features.prep import clicks
from bot.listeners.later import after_ack


def register(app: App) -> None:
    app.action(re.compile(r"^prep\."))(after_ack(on_click))


def on_click(
    ack: Ack, body: dict, action: dict, respond: Respond, client: WebClient, context: BoltContext
) -> None:
    ack()
    clicks.click(body, action, respond, client, context)
