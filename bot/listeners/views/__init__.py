"""Modal submissions: each hands the submission to its feature, which acks (with field
errors when the input is bad)."""

from slack_bolt import App

from bot.blocks.buildvsbuy import TOPIC_CALLBACK
from bot.blocks.decisions import OWNER_CALLBACK
from bot.blocks.learn import TOPIC_MODAL
from bot.blocks.llmcost_form import CALLBACK as COST_CALLBACK
from bot.features import learn
from bot.features.buildvsbuy import owner, topic_form
from bot.listeners.views import prep, spend
from bot.listeners.views.buildvsbuy import on_cost_submit


def register(app: App) -> None:
    app.view(TOPIC_CALLBACK)(topic_form.submit)
    app.view(OWNER_CALLBACK)(owner.submit)
    app.view(TOPIC_MODAL)(learn.submit_topic)
    app.view(COST_CALLBACK)(on_cost_submit)  # /llmcost's answer, then a flow keeps it
    prep.register(app)
    spend.register(app)
