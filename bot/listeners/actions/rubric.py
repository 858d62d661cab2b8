"""The level buttons ``/rubric`` offers without a level (``rubric.level.<id>``)."""

from __future__ import annotations

import re

from slack_bolt import App

from bot.blocks.rubric import LEVEL_ACTION
from bot.features import rubric
from bot.listeners.later import after_ack


def register(app: App) -> None:
    app.action(re.compile(rf"^{re.escape(LEVEL_ACTION)}\."))(after_ack(rubric.show_level))
