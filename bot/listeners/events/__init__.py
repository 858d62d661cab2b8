"""Events listeners: one module per feature, each with `register(app)`."""

from slack_bolt import App

from bot.listeners.events import home, mention


def register(app: App) -> None:
    home.register(app)
    mention.register(app)
