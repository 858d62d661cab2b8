"""``/buildvsbuy [topic]``: the answer is the ack itself (the flow's first question)."""

from __future__ import annotations

from slack_bolt import Ack, App, BoltContext

from bot.features.buildvsbuy import store
from bot.texts import buildvsbuy as texts


def register(app: App) -> None:
    app.command(texts.COMMAND)(on_command)


def on_command(ack: Ack, command: dict, context: BoltContext) -> None:
    ack(**store.command(command, context))
