"""Messages: every message event, not ``app.message()`` (that skips an empty text, a 404
Slack retries, and every subtype); edits, deletions and bots' lines are acknowledged and
ignored by the feature."""

from slack_bolt import App

from bot.features import requests
from bot.listeners.later import after_ack


def register(app: App) -> None:
    app.event("message")(after_ack(requests.direct_message))
