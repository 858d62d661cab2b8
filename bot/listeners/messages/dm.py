"""Direct messages to the bot that no other feature claimed: general help."""

from __future__ import annotations

from slack_bolt import App, Say

from bot.blocks.common import notice
from bot.texts import common


def register(app: App) -> None:
    app.message()(reply_help)


def reply_help(message: dict, say: Say) -> None:
    if message.get("channel_type") != "im" or message.get("subtype") or message.get("bot_id"):
        return
    say(**notice(common.GENERAL_HELP))
