"""Direct-message listeners: one module per feature, each with `register(app)`."""

from slack_bolt import App

from bot.listeners.messages import dm


def register(app: App) -> None:
    dm.register(app)
