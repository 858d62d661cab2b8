"""Shortcuts (manifest ``features.shortcuts``): each acks and calls its feature."""

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient

from bot.features.buildvsbuy import shortcut
from bot.listeners.later import after_ack
from bot.texts import buildvsbuy as buildvsbuy_texts


def register(app: App) -> None:
    app.shortcut(buildvsbuy_texts.SHORTCUT_CALLBACK)(after_ack(decide))


def decide(ack: Ack, body: dict, client: WebClient, respond: Respond, context: BoltContext) -> None:
    ack()
    shortcut.decide(body, client, respond, context)
