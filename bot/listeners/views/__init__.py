"""Modal submissions: each hands the submission to its feature, which acks (with field
errors when the input is bad); one that calls Slack after acking runs from the post-ack
pool (``ack_from_pool``)."""

from slack_bolt import App

from bot.blocks.buildvsbuy import TOPIC_CALLBACK
from bot.blocks.decisions import OWNER_CALLBACK
from bot.blocks.learn import TOPIC_MODAL
from bot.blocks.llmcost_form import CALLBACK as COST_CALLBACK
from bot.features import learn
from bot.features.buildvsbuy import owner, topic_form
from bot.listeners.later import ack_from_pool
from bot.listeners.views import prep, spend
from bot.listeners.views.buildvsbuy import on_cost_submit


def register(app: App) -> None:
    app.view(TOPIC_CALLBACK)(topic_form.submit)
    app.view(OWNER_CALLBACK)(ack_from_pool(owner.submit))
    app.view(TOPIC_MODAL)(learn.submit_topic)
    app.view(COST_CALLBACK)(ack_from_pool(on_cost_submit))  # /llmcost's answer, a flow keeps it
    prep.register(app)
    spend.register(app)
