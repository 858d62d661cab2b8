"""Clicks on a build-or-buy flow message: answer, back, start over, estimate cost, and the
checks every click of the flow goes through.

A click that changes the flow costs two Redis round trips: one read (HMGET) and one
compare-and-set (EVALSHA). Whatever is wrong with a click (expired, stale, lost race,
tampered) ends in an ephemeral notice, never in a state change.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from slack_bolt import BoltContext, Respond
from slack_sdk import WebClient

from bot.blocks.buildvsbuy import PREFIX, without_buttons
from bot.blocks.clicks import Click, decode_action
from bot.deps import Deps, team_of
from bot.domain.buildvsbuy import (
    BuildVsBuyError,
    Flow,
    FlowOutdated,
    Move,
    StaleStep,
    apply,
)
from bot.errors import BadButtonValue, StateConflict, StateMissing, StateUnavailable
from bot.features.buildvsbuy import costs
from bot.features.buildvsbuy.store import KIND, key, now, render
from bot.features.llmcost.form import open_cost_modal
from bot.features.places import click_channel, container
from bot.features.replies import tell
from bot.state import Key, Versioned
from bot.texts import buildvsbuy as texts
from bot.texts import common
from bot.texts.errors import describe

log = logging.getLogger(__name__)
VOTE_ATTEMPTS = 3  # votes cast at once: each is applied to the latest tally


@dataclass(frozen=True)
class Advanced:
    """A click taken: the new flow as stored, and where it is stored."""

    deps: Deps
    flow: Flow
    saved: Versioned[Flow]
    key: Key


def decode(body: dict, action: dict, team: str) -> tuple[Click, Move]:
    """The click's button value and its move, checked against the action, workspace and
    message (BadButtonValue otherwise)."""
    click = decode_action(body, action, team=team, kind=KIND)
    verb = str(action.get("action_id", "")).removeprefix(PREFIX)
    return click, Move.parse(click.arg, verb=verb)


def bad_value(respond: Respond, error: BadButtonValue) -> None:
    log.info("ignored a bvb click: %s", error.why)
    tell(respond, describe(error, topic="buildvsbuy"))


def expired(body: dict, respond: Respond) -> None:
    if body.get("message"):
        respond(replace_original=True, **without_buttons(body["message"], texts.EXPIRED_NOTE))
    tell(respond, texts.EXPIRED)


def _stale(body: dict, respond: Respond, flow: Flow, click: Click, deps: Deps) -> None:
    """The flow moved on: refresh its own message; strip the buttons of any other copy.

    One turn behind, the click lost to the latest change: say who made it."""
    message_ts = container(body).get("message_ts")
    if flow.message_ts in (None, message_ts):
        try:
            current = render(flow, deps)
        except FlowOutdated:
            expired(body, respond)
            return
        respond(replace_original=True, **current)
        verb = flow.last_verb or ""
        if click.turn == flow.turn - 1 and verb in texts.CONFLICT and flow.last_user:
            tell(respond, texts.CONFLICT[verb].format(user=flow.last_user))
        else:
            tell(respond, texts.STALE_REFRESHED)
    else:
        respond(replace_original=True, **without_buttons(body.get("message"), texts.STALE_NOTE))
        tell(respond, texts.STALE_STRIPPED)


def _conflict(respond: Respond, exc: StateConflict) -> None:
    current = exc.current.value if isinstance(exc.current, Versioned) else None
    if isinstance(current, Flow) and current.last_user and current.last_verb in texts.CONFLICT:
        tell(respond, texts.CONFLICT[current.last_verb].format(user=current.last_user))
    else:
        tell(respond, texts.CONFLICT_UNKNOWN)


def _advance(body: dict, action: dict, context: BoltContext, respond: Respond) -> Advanced | None:
    """Apply the click and compare-and-set it; None after telling the user why not. A vote
    that lost the race to another vote is applied again to the winner's flow."""
    deps, team = Deps.of(context), team_of(context)
    try:
        click, move = decode(body, action, team)
    except BadButtonValue as error:
        bad_value(respond, error)
        return None
    flow_key = key(team, click.id)
    for attempt in range(VOTE_ATTEMPTS):
        got = deps.store.get(key=flow_key, model=Flow)  # round trip 1
        if got is None:
            expired(body, respond)
            return None
        new = _apply(body, respond, got.value, click, move, deps)
        if new is None:
            return None
        message_ts = container(body).get("message_ts")
        if new.message_ts is None and message_ts:
            new = new.model_copy(update={"message_ts": message_ts})
        try:
            saved = deps.store.update(key=flow_key, expected_version=got.version, value=new)  # 2
        except StateConflict as exc:
            if _is_vote(got.value, move) and attempt + 1 < VOTE_ATTEMPTS:
                continue
            _conflict(respond, exc)
            return None
        except StateMissing:
            expired(body, respond)
            return None
        return Advanced(deps, new, saved, flow_key)
    return None


def _is_vote(flow: Flow, move: Move) -> bool:
    return flow.mode == "vote" and move.verb in ("yes", "no")


def _apply(
    body: dict, respond: Respond, flow: Flow, click: Click, move: Move, deps: Deps
) -> Flow | None:
    """The flow after the click, or None after telling the clicker why it changed nothing."""
    try:
        return apply(flow, deps.knowledge.tree, move, turn=click.turn, user=body["user"]["id"], now=now())
    except StaleStep:
        _stale(body, respond, flow, click, deps)
    except FlowOutdated:
        expired(body, respond)
    except BuildVsBuyError as error:  # already recorded; a vote only its starter may close
        tell(respond, describe(error))
    except BadButtonValue as error:
        bad_value(respond, error)
    return None


def advance(body: dict, action: dict, context: BoltContext, respond: Respond) -> Advanced | None:
    """``_advance``, telling the clicker when the state store is down."""
    try:
        return _advance(body, action, context, respond)
    except StateUnavailable:
        tell(respond, common.STATE_UNAVAILABLE)
        return None


def step(body: dict, action: dict, respond: Respond, context: BoltContext) -> None:
    """Yes, No, Back, Start over or Close vote: the message shows the flow's next step (or
    the new tally) in place."""
    advanced = advance(body, action, context, respond)
    if advanced is not None:
        respond(replace_original=True, **render(advanced.flow, advanced.deps))


def estimate_cost(
    body: dict, action: dict, respond: Respond, client: WebClient, context: BoltContext
) -> None:
    """Estimate cost: open the /llmcost form; its answer goes privately to the flow's channel
    and thread, and the flow keeps it for its record (``costs``)."""
    team = team_of(context)
    try:
        click, _move = decode(body, action, team)
    except BadButtonValue as error:
        bad_value(respond, error)
        return
    costs.asked(
        Deps.of(context), team=team, user=body["user"]["id"], flow_id=click.id,
        response_url=body.get("response_url"),
    )  # fmt: skip
    open_cost_modal(
        client,
        trigger_id=body["trigger_id"],
        channel=click_channel(body),
        thread_ts=container(body).get("thread_ts"),
        response_url=body.get("response_url"),
    )
