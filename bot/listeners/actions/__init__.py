"""Button clicks: each acks, then hands the click to its feature."""

from slack_bolt import App

from bot.listeners.actions import buildvsbuy, flows, home, llmcost, prep, rubric, spend


def register(app: App) -> None:
    buildvsbuy.register(app)
    prep.register(app)
    rubric.register(app)
    flows.register(app)
    home.register(app)
    llmcost.register(app)
    spend.register(app)
