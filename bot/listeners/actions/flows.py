"""The answer and score buttons of the learn, assess and prioritize flows (``learn.answer.<id>``,
``assess.score.<n>``, ``prioritize.score.<n>``): acked at once, then the flow's feature takes the click."""

from __future__ import annotations

import re
from collections.abc import Callable

from slack_bolt import App, BoltContext, Respond

from bot.blocks import assess as assess_blocks
from bot.blocks import learn as learn_blocks
from bot.blocks import prioritize as prioritize_blocks
from bot.features import assess, learn, prioritize
from bot.listeners.later import after_ack

Click = Callable[[dict, dict, Respond, BoltContext], None]
CLICKS: dict[str, tuple[str, Click]] = {  # action id prefix -> (what follows it, feature)
    learn_blocks.ANSWER_ACTION: (r"[a-z0-9_]+", learn.click),
    assess_blocks.SCORE_ACTION: (r"\d+", assess.click),
    prioritize_blocks.SCORE_ACTION: (r"\d+", prioritize.click),
}


def register(app: App) -> None:
    for prefix, (rest, click) in CLICKS.items():
        app.action(re.compile(rf"^{re.escape(prefix)}\.{rest}$"))(after_ack(click))
