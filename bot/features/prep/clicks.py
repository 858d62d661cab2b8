"""Buttons of interview prep: menu, level choice, kit lengths, checklist ticks, ratings, skip /
stop, continue / start over (Share and Export are in ``share``).

Every value is decoded by ``bot/blocks/clicks.py`` (kind ``prep``; a checklist's value is its
block id). Its id names the owner (and the flow): only the owner may press it (anyone else
gets NOT_YOURS and nothing changes); a flow button whose flow id or turn no longer matches the
stored flow is stale; anything malformed or forged is a BadButtonValue and changes nothing.
"""

from __future__ import annotations

import logging
from typing import Any, cast

from slack_bolt import BoltContext, Respond
from slack_sdk import WebClient

from bot.blocks.clicks import Click, decode, decode_action
from bot.blocks.common import notice
from bot.blocks.prep import (
    TICK,
    area_of,
    choose_level_message,
    chosen_message,
    frozen_step,
    level_of,
    menu_message,
    menu_ref,
    rated_mark,
    step_message,
)
from bot.blocks.prep_kit import kit_message
from bot.deps import Deps, team_of
from bot.domain.prep import flow as prep
from bot.domain.prep.flow import RATINGS, Mode, PrepFlow, Rating, split_ref_id
from bot.domain.prep.kit import KitLengthError
from bot.errors import BadButtonValue
from bot.features.places import click_channel
from bot.features.prep import flow
from bot.features.prep import share as sharing
from bot.state import Versioned
from bot.texts import prep as texts
from bot.texts.errors import describe

log = logging.getLogger(__name__)
MODES = ("practice", "kit", "scorecard")


def decode_prep(body: dict, action: dict, team: str) -> Click:
    """The click in a prep button's value, or in a checklist's block id (which must be the
    block id of a block in the clicked message)."""
    if action.get("action_id") != TICK:
        return decode_action(body, action, team=team, kind=flow.KIND)
    block_id = action.get("block_id")
    shown = [b.get("block_id") for b in (body.get("message") or {}).get("blocks") or []]
    if body.get("message") is not None and block_id not in shown:
        raise BadButtonValue("checklist block id differs from the message")
    return decode(block_id, team=team, kind=flow.KIND)


def click(
    body: dict, action: dict, respond: Respond, client: WebClient, context: BoltContext
) -> None:
    user = (body.get("user") or {}).get("id", "")
    deps, team = Deps.of(context), team_of(context)
    verb, arg = [*str(action.get("action_id", "")).split(".", 2), "", ""][1:3]

    def private(text: str) -> None:
        respond(replace_original=False, response_type="ephemeral", **notice(text))

    try:
        clicked = decode_prep(body, action, team)
    except BadButtonValue as error:
        log.info("ignored a prep click: %s", error.why)
        private(describe(error))
        return
    owner, flow_id = split_ref_id(clicked.id)
    if owner != user:
        private(texts.NOT_YOURS)
        return
    channel = str(click_channel(body))

    def post(**payload: Any) -> None:
        client.chat_postMessage(channel=channel, **payload)

    if verb in ("share", "export"):
        sharing.click(deps, client, body, team=team, verb=verb, ref_id=clicked.id, tell=private)
        return
    if not flow_id:
        if clicked.turn != 0 or not _choose(deps, respond, post, team, user, verb, arg, clicked):
            private(describe(BadButtonValue(f"no menu button {verb}")))
        return
    current = flow.load(deps, team, user)
    if current is None:
        private(texts.EXPIRED)
        return
    if not current.value.matches(flow_id, clicked.turn):
        private(texts.STALE)
        return
    problem = _flow_click(deps, respond, post, team, current, verb, clicked, action)
    if problem:
        private(problem)


def _flow_click(
    deps: Deps,
    respond: Respond,
    post: Any,
    team: str,
    current: Versioned[PrepFlow],
    verb: str,
    clicked: Click,
    action: dict,
) -> str | None:
    """A click on a live flow's card; returns what to tell the user privately, if anything."""
    state, rubric, user = current.value, deps.knowledge.rubric, current.value.owner
    ref = flow.ref(team, state)
    if verb == "tick":
        return _tick(deps, respond, team, current, action)
    if verb in ("rate", "skip"):
        arg = clicked.arg
        if verb == "rate" and (arg not in RATINGS or state.step != "rate"):
            return describe(BadButtonValue(f"no rating {arg}"))
        new = prep.rate(state, cast(Rating, arg)) if verb == "rate" else prep.skip(state)
        mark = rated_mark(arg if verb == "rate" else None)

        def freeze() -> None:
            respond(replace_original=True, **frozen_step(rubric, state, mark))

        if not flow.move_on(deps, post, team=team, current=current, new=new, stored=freeze):
            return texts.STALE
    elif verb == "stop":
        respond(replace_original=True, **frozen_step(rubric, state, texts.STOPPED_MARK))
        flow.stop(deps, post, team=team, flow=state)
    elif verb == "continue":
        respond(replace_original=True, **notice(texts.CONTINUING))
        post(**step_message(ref, rubric, state))
    elif verb == "over":
        deps.store.delete(key=flow.key(team, user))
        respond(replace_original=True, **notice(texts.STARTED_OVER))
        post(**menu_message(menu_ref(team, user)))
    else:
        return describe(BadButtonValue(f"no prep button {verb}"))
    return None


def _tick(
    deps: Deps, respond: Respond, team: str, current: Versioned[PrepFlow], action: dict
) -> str | None:
    """A change to a practice card's checklist: store every ticked item, redraw the card
    with the suggestion (the turn stays: the rating buttons stay live)."""
    state, rubric = current.value, deps.knowledge.rubric
    if state.mode != "practice" or state.step != "rate":
        return describe(BadButtonValue("a checklist outside a practice card"))
    area, level = area_of(rubric, state.area), level_of(rubric, state.level)
    selected = action.get("selected_options") or []
    values = [str(o.get("value")) for o in selected if isinstance(o, dict)]
    if not all(v.isdigit() for v in values):
        return describe(BadButtonValue("checklist option values are indexes"))
    new = prep.tick(state, (int(v) for v in values), len(area.checks_for(level)))
    if new != state and not flow.save(deps, team, current, new):
        return texts.STALE
    respond(replace_original=True, **step_message(flow.ref(team, new), rubric, new))
    return None


def _choose(
    deps: Deps,
    respond: Respond,
    post: Any,
    team: str,
    user: str,
    verb: str,
    arg: str,
    clicked: Click,
) -> bool:
    """Menu, level and kit buttons: show a mode's levels, post a kit, or start a flow.

    ``prep.start.{level}`` comes from a level chooser, which is replaced by the choice;
    ``prep.scorecard.{level}`` comes from a kit, which stays as it is; ``prep.kit.{level}``
    redraws the kit for the length it carries."""
    rubric, ref = deps.knowledge.rubric, menu_ref(team, user)
    if verb == "menu":
        if clicked.arg not in MODES:
            return False
        respond(replace_original=True, **choose_level_message(rubric, ref, clicked.arg))
        return True
    level = rubric.level(arg)
    mode = {"scorecard": "scorecard", "kit": "kit"}.get(verb, clicked.arg)
    if level is None or mode not in MODES or verb not in ("start", "scorecard", "kit"):
        return False
    if mode == "kit":
        minutes = int(clicked.arg) if verb == "kit" and clicked.arg.isdigit() else None
        try:
            respond(replace_original=True, **kit_message(rubric, level, ref, minutes))
        except KitLengthError:
            return False
        return True
    if verb == "start":
        respond(replace_original=True, **chosen_message(mode, level))
    running = flow.load(deps, team, user) is not None
    flow.start(
        deps, post, team=team, user=user, mode=cast(Mode, mode), level=level.id, replaced=running
    )
    return True
