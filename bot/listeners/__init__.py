"""Every listener package registers itself here."""

from slack_bolt import App

from bot.listeners import actions, commands, events, messages, views


def register(app: App) -> None:
    commands.register(app)
    actions.register(app)
    views.register(app)
    events.register(app)
    messages.register(app)
