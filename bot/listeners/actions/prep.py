"""Buttons of interview prep (``prep.*``): menu, level choice, ratings, skip / stop,
continue / start over."""

from __future__ import annotations

import re

from slack_bolt import App

from bot.features.prep import clicks
from bot.listeners.later import after_ack


def register(app: App) -> None:
    app.action(re.compile(r"^prep\."))(after_ack(clicks.click))
