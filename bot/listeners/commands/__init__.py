"""Slash commands: each adapts the command payload, calls its feature, and acks."""

from slack_bolt import App

from bot.listeners.commands import buildvsbuy, llmcost, rubric


def register(app: App) -> None:
    buildvsbuy.register(app)
    rubric.register(app)
    llmcost.register(app)
