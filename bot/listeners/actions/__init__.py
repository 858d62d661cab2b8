"""Actions listeners: one module per feature, each with `register(app)`."""

from slack_bolt import App

from bot.listeners.actions import assess, buildvsbuy, home, learn, llmcost, prep, prio, rubric


def register(app: App) -> None:
    buildvsbuy.register(app)
    prep.register(app)
    rubric.register(app)
    assess.register(app)
    home.register(app)
    learn.register(app)
    prio.register(app)
    llmcost.register(app)
