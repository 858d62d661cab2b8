"""The interview-prep share modal's submission (``prep.share``): the feature acks, with the
field's error when nothing or both were picked or the post failed."""

from __future__ import annotations

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient

from bot.blocks.prep_share import SHARE_CALLBACK
from bot.features.prep import share
from bot.listeners.later import ack_from_pool


def register(app: App) -> None:
    app.view(SHARE_CALLBACK)(ack_from_pool(on_share))


def on_share(ack: Ack, body: dict, view: dict, client: WebClient, context: BoltContext) -> None:
    share.submit(ack, body, view, client, context)
