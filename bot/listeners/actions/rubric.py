"""The level buttons ``/rubric`` offers without a level (``rubric.level.<id>``)."""

from __future__ import annotations

import re

from slack_bolt import Ack, App, BoltContext, Respond

from bot.blocks.rubric import LEVEL_ACTION
from bot.features import rubric
from bot.listeners.later import after_ack


def register(app: App) -> None:
    app.action(re.compile(rf"^{re.escape(LEVEL_ACTION)}\."))(after_ack(on_level))


def on_level(ack: Ack, body: dict, action: dict, respond: Respond, context: BoltContext) -> None:
    ack()
    rubric.show_level(body, action, respond, context)
