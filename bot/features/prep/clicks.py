"""Buttons of interview prep: menu, level choice, ratings, skip / stop, continue / start over.

Every button carries a ButtonRef: only its owner may press it (anyone else gets
NOT_YOURS and nothing changes), and a session button whose session id or step no
longer matches the stored session is stale.
"""

from __future__ import annotations

from typing import Any, cast

from slack_bolt import BoltContext, Respond
from slack_sdk import WebClient

from bot.blocks.common import notice
from bot.blocks.prep import (
    choose_level_message,
    chosen_message,
    frozen_step,
    kit_message,
    menu_message,
    rated_mark,
    step_message,
)
from bot.deps import Deps, team_of
from bot.domain import prep
from bot.domain.prep import RATINGS, ButtonRef, Mode, PrepSession, Rating
from bot.features.places import click_channel
from bot.features.prep import session as flow
from bot.state import Versioned
from bot.texts import prep as texts

MODES = ("practice", "kit", "scorecard")


def click(
    body: dict, action: dict, respond: Respond, client: WebClient, context: BoltContext
) -> None:
    user = (body.get("user") or {}).get("id", "")
    ref = ButtonRef.decode(str(action.get("value") or ""))
    kind, arg = [*str(action.get("action_id", "")).split(".", 2), "", ""][1:3]

    def private(text: str) -> None:
        respond(replace_original=False, response_type="ephemeral", **notice(text))

    if ref is None:
        private(texts.BAD_PAYLOAD)
        return
    if ref.owner != user:
        private(texts.NOT_YOURS)
        return
    channel = str(click_channel(body))

    def post(**payload: Any) -> None:
        client.chat_postMessage(channel=channel, **payload)

    deps, team = Deps.of(context), team_of(context)
    if kind in ("menu", "start", "scorecard"):
        if not _choose(deps, respond, post, team=team, user=user, kind=kind, arg=arg, ref=ref):
            private(texts.BAD_PAYLOAD)
        return
    current = flow.load(deps, team, user)
    if current is None:
        private(texts.EXPIRED)
        return
    if not current.value.matches(ref.sid, ref.seq):
        private(texts.STALE)
        return
    problem = _session_click(deps, respond, post, team=team, current=current, kind=kind, arg=arg)
    if problem:
        private(problem)


def _session_click(
    deps: Deps,
    respond: Respond,
    post: Any,
    *,
    team: str,
    current: Versioned[PrepSession],
    kind: str,
    arg: str,
) -> str | None:
    """A click on a live session's card; returns what to tell the user privately, if anything."""
    session, rubric, user = current.value, deps.knowledge.rubric, current.value.owner
    if kind in ("rate", "skip"):
        if kind == "rate" and (arg not in RATINGS or session.step != "rate"):
            return texts.BAD_PAYLOAD
        new = prep.rate(session, cast(Rating, arg)) if kind == "rate" else prep.skip(session)
        mark = rated_mark(arg if kind == "rate" else None)

        def freeze() -> None:
            respond(replace_original=True, **frozen_step(session, rubric, mark))

        if not flow.move_on(deps, post, team=team, current=current, new=new, stored=freeze):
            return texts.STALE
    elif kind == "stop":
        respond(replace_original=True, **frozen_step(session, rubric, texts.STOPPED_MARK))
        flow.stop(deps, post, team=team, session=session)
    elif kind == "continue":
        respond(replace_original=True, **notice(texts.CONTINUING))
        post(**step_message(session, rubric))
    elif kind == "over":
        deps.store.delete(key=flow.key(team, user))
        respond(replace_original=True, **notice(texts.STARTED_OVER))
        post(**menu_message(user))
    else:
        return texts.BAD_PAYLOAD
    return None


def _choose(
    deps: Deps,
    respond: Respond,
    post: Any,
    *,
    team: str,
    user: str,
    kind: str,
    arg: str,
    ref: ButtonRef,
) -> bool:
    """Menu and level buttons: show a mode's levels, post a kit, or start a session.

    ``prep.start.{level}`` comes from a level chooser, which is replaced by the choice;
    ``prep.scorecard.{level}`` comes from a kit, which stays as it is."""
    rubric = deps.knowledge.rubric
    if kind == "menu":
        if ref.arg not in MODES:
            return False
        respond(replace_original=True, **choose_level_message(rubric, user, ref.arg))
        return True
    level = rubric.level(arg)
    mode = "scorecard" if kind == "scorecard" else ref.arg
    if level is None or mode not in MODES:
        return False
    if mode == "kit":
        respond(replace_original=True, **kit_message(rubric, level, user))
        return True
    if kind == "start":
        respond(replace_original=True, **chosen_message(mode, level))
    running = flow.load(deps, team, user) is not None
    flow.start(
        deps,
        post,
        team=team,
        user=user,
        mode=cast(Mode, mode),
        level=level.id,
        replaced=running,
    )
    return True
