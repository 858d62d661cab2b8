"""Clicks on a build-or-buy message: answer or vote, close a vote, back, start over, record,
estimate, topic; and on a decision record: Export Markdown, Change owner, Re-run the cost estimate."""

from __future__ import annotations

import re

from slack_bolt import App

from bot.blocks.buildvsbuy import ACTION_COST, ACTION_RECORD, ACTION_TOPIC
from bot.blocks.decisions import ACTION_EXPORT, ACTION_OWNER, ACTION_REVISIT_COST
from bot.features.buildvsbuy import clicks, export, owner, record, topic_form
from bot.listeners.later import after_ack

STEP_ACTIONS = re.compile(r"^bvb\.(yes|no|back|restart|close)$")


def register(app: App) -> None:
    app.action(STEP_ACTIONS)(after_ack(clicks.step))
    app.action(ACTION_RECORD)(after_ack(record.post_record))
    app.action(ACTION_COST)(after_ack(clicks.estimate_cost))
    app.action(ACTION_TOPIC)(after_ack(topic_form.open_form))
    app.action(ACTION_EXPORT)(after_ack(export.export))
    app.action(ACTION_REVISIT_COST)(after_ack(export.rerun_cost))
    app.action(ACTION_OWNER)(after_ack(owner.open_form))
