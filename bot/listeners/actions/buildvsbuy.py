"""Clicks on a build-or-buy message: answer or vote, close a vote, back, start over, record,
estimate, topic; and on a decision record: Export Markdown, Change owner, Re-run the cost estimate."""

from __future__ import annotations

import re

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient

from bot.blocks.buildvsbuy import ACTION_COST, ACTION_RECORD, ACTION_TOPIC
from bot.blocks.decisions import ACTION_EXPORT, ACTION_OWNER, ACTION_REVISIT_COST
from bot.features.buildvsbuy import clicks, export, owner, record, topic_form
from bot.listeners.later import after_ack

STEP_ACTIONS = re.compile(r"^bvb\.(yes|no|back|restart|close)$")


def register(app: App) -> None:
    app.action(STEP_ACTIONS)(after_ack(on_step))
    app.action(ACTION_RECORD)(after_ack(on_record))
    app.action(ACTION_COST)(after_ack(on_cost))
    app.action(ACTION_TOPIC)(after_ack(on_topic))
    app.action(ACTION_EXPORT)(after_ack(on_export))
    app.action(ACTION_REVISIT_COST)(after_ack(on_revisit_cost))
    app.action(ACTION_OWNER)(after_ack(on_owner))


def on_step(ack: Ack, body: dict, action: dict, respond: Respond, context: BoltContext) -> None:
    ack()
    clicks.step(body, action, respond, context)


def on_record(
    ack: Ack, body: dict, action: dict, respond: Respond, client: WebClient, context: BoltContext
) -> None:
    ack()
    record.post_record(body, action, respond, client, context)


def on_cost(
    ack: Ack, body: dict, action: dict, respond: Respond, client: WebClient, context: BoltContext
) -> None:
    ack()
    clicks.estimate_cost(body, action, respond, client, context)


def on_topic(ack: Ack, body: dict, respond: Respond, client: WebClient) -> None:
    ack()
    topic_form.open_form(body, respond, client)


def on_export(
    ack: Ack, body: dict, action: dict, respond: Respond, client: WebClient, context: BoltContext
) -> None:
    ack()
    export.export(body, action, respond, client, context)


def on_revisit_cost(
    ack: Ack, body: dict, action: dict, respond: Respond, client: WebClient, context: BoltContext
) -> None:
    ack()
    export.rerun_cost(body, action, respond, client, context)


def on_owner(
    ack: Ack, body: dict, action: dict, respond: Respond, client: WebClient, context: BoltContext
) -> None:
    ack()
    owner.open_form(body, action, respond, client, context)
