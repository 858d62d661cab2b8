"""Workflow Builder steps this app provides (manifest ``functions``): Bolt acks the
``function_executed`` event, the feature completes or fails the step."""

from slack_bolt import App

from bot.features.llmcost import step
from bot.listeners.later import after_ack


def register(app: App) -> None:
    app.function(step.CALLBACK_ID)(after_ack(step.run))
