"""``/rubric [level] [area]``: the hiring rubric, answered ephemerally in the ack."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import Ack, App, BoltContext

from bot.blocks.common import notice, unescape
from bot.blocks.rubric import choose_level_message, help_message, rubric_message
from bot.deps import Deps
from bot.domain.rubric import RubricInputError, parse_query
from bot.texts.errors import describe

log = logging.getLogger(__name__)


def register(app: App) -> None:
    app.command("/rubric")(show_rubric)


def rubric_payload(text: str, deps: Deps, *, private: bool = True) -> dict[str, Any]:
    """The message for ``/rubric`` arguments (``"senior rag"``), or a notice saying what was wrong.

    Also used by mentions (``@Tradeoffs rubric senior``): ``private=False`` where others see it."""
    rubric = deps.knowledge.rubric
    try:
        query = parse_query(text, rubric)
    except RubricInputError as error:
        log.info("rubric: %s", error.code)
        return notice(describe(error))
    if query.kind == "help":
        return help_message()
    if query.level is None:
        return choose_level_message(rubric)
    return rubric_message(rubric, query.level, query.area, private=private)


def show_rubric(ack: Ack, command: dict, context: BoltContext) -> None:
    text = unescape(command.get("text") or "")
    ack(response_type="ephemeral", **rubric_payload(text, Deps.of(context)))
