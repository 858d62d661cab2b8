"""Views listeners: one module per feature, each with `register(app)`."""

from slack_bolt import App

from bot.listeners.views import buildvsbuy, learn, llmcost


def register(app: App) -> None:
    buildvsbuy.register(app)
    learn.register(app)
    llmcost.register(app)
