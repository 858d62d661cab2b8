"""The level buttons ``/rubric`` offers without a level: show that level in place."""

from __future__ import annotations

import re

from slack_bolt import Ack, App, BoltContext, Respond

from bot.blocks.common import notice
from bot.blocks.rubric import LEVEL_ACTION, rubric_message
from bot.deps import Deps
from bot.texts import common


def register(app: App) -> None:
    app.action(re.compile(rf"^{re.escape(LEVEL_ACTION)}\."))(show_level)


def show_level(ack: Ack, body: dict, action: dict, respond: Respond, context: BoltContext) -> None:
    ack()
    rubric = Deps.of(context).knowledge.rubric
    level = rubric.level(str(action.get("value") or ""))
    if level is None:
        respond(replace_original=False, response_type="ephemeral", **notice(common.BAD_PAYLOAD))
        return
    container = body.get("container") or {}
    channel = str(container.get("channel_id") or "")
    private = bool(container.get("is_ephemeral")) or channel.startswith("D")
    payload = rubric_message(rubric, level, private=private)
    respond(replace_original=True, response_type="ephemeral", **payload)
