"""Direct messages to the bot that no other feature claimed: general help."""

from __future__ import annotations

from slack_bolt import App, BoltContext, Say
from slack_sdk import WebClient

from bot.listeners.messages import intents, prep
from bot.listeners.messages.people import from_person_in_dm


def register(app: App) -> None:
    # Every message event, not app.message(): that skips an empty text (a 404 Slack retries)
    # and every subtype (edits, deletions), which are acknowledged here and ignored.
    app.event("message")(reply_help)


def reply_help(message: dict, say: Say, client: WebClient, context: BoltContext) -> None:
    if not from_person_in_dm(message):
        return
    if prep.handle_dm(message, say, client, context):
        return
    intents.handle_dm(message, client, context)  # by intent; anything else: general help
