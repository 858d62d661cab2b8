"""``/rubric [level] [area]``: answered ephemerally in the ack."""

from __future__ import annotations

from slack_bolt import Ack, App, BoltContext

from bot.features import rubric


def register(app: App) -> None:
    app.command("/rubric")(on_command)


def on_command(ack: Ack, command: dict, context: BoltContext) -> None:
    ack(**rubric.command(command, context))
