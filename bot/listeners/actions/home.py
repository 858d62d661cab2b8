"""Clicks on the Home tab's start buttons."""

from __future__ import annotations

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient

from bot.blocks import home as blocks
from bot.features import home
from bot.listeners.later import after_ack


def register(app: App) -> None:
    app.action(blocks.BVB)(after_ack(on_buildvsbuy))
    app.action(blocks.COST)(after_ack(on_cost))
    app.action(blocks.PREP)(after_ack(on_prep))
    app.action(blocks.LEARN)(after_ack(on_learn))
    app.action(blocks.ASSESS)(after_ack(on_assess))


def on_buildvsbuy(ack: Ack, body: dict, client: WebClient, context: BoltContext) -> None:
    ack()
    home.start_buildvsbuy(body, client, context)


def on_cost(ack: Ack, body: dict, client: WebClient) -> None:
    ack()
    home.open_cost(body, client)


def on_prep(ack: Ack, body: dict, client: WebClient, context: BoltContext) -> None:
    ack()
    home.start_prep(body, client, context)


def on_learn(ack: Ack, body: dict, client: WebClient) -> None:
    ack()
    home.open_learn(body, client)


def on_assess(ack: Ack, body: dict, client: WebClient, context: BoltContext) -> None:
    ack()
    home.start_assess(body, client, context)
