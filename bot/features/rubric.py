"""The hiring rubric: ``/rubric [level] [area]`` and ``/rubric <area>`` (that area across the
levels), answered in the ack, only for the asker;
mentions (``@Tradeoffs rubric senior``, seen by the thread), and the level buttons."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import BoltContext, Respond

from bot.blocks.common import notice, unescape
from bot.blocks.rubric import (
    across_levels_message,
    choose_level_message,
    help_message,
    rubric_message,
)
from bot.deps import Deps
from bot.domain.rubric import RubricInputError, parse_query
from bot.features.places import container, is_dm
from bot.features.replies import tell
from bot.texts import common
from bot.texts.errors import describe

log = logging.getLogger(__name__)


def payload(text: str, deps: Deps, *, private: bool = True) -> dict[str, Any]:
    """The message for ``/rubric`` arguments (``"senior rag"``), or a notice saying what was
    wrong. ``private=False`` where others see it (a thread)."""
    rubric = deps.knowledge.rubric
    try:
        query = parse_query(text, rubric)
    except RubricInputError as error:
        log.info("rubric: %s", error.code)
        return notice(describe(error))
    if query.kind == "help":
        return help_message()
    if query.kind == "area" and query.area is not None:
        return across_levels_message(rubric, query.area)
    if query.level is None:
        return choose_level_message(rubric)
    return rubric_message(rubric, query.level, query.area, private=private)


def command(command: dict[str, Any], context: BoltContext) -> dict[str, Any]:
    """The ack of ``/rubric``: only the asker sees it."""
    text = unescape(command.get("text") or "")
    return {"response_type": "ephemeral", **payload(text, Deps.of(context))}


def show_level(body: dict, action: dict, respond: Respond, context: BoltContext) -> None:
    """A level button under "Which level?": the rubric for it, in place."""
    rubric = Deps.of(context).knowledge.rubric
    level = rubric.level(str(action.get("value") or ""))
    if level is None:
        tell(respond, common.BAD_PAYLOAD)
        return
    place = container(body)
    private = bool(place.get("is_ephemeral")) or is_dm(str(place.get("channel_id") or ""))
    shown = rubric_message(rubric, level, private=private)
    respond(replace_original=True, response_type="ephemeral", **shown)
