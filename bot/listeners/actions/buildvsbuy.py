"""Clicks on a /buildvsbuy message: answer, back, start over, record, estimate cost, topic.

A click that changes the walk costs two Redis round trips: one read (HMGET) and
one compare-and-set (EVALSHA). Whatever is wrong with a click (expired, stale,
lost race, tampered) ends in an ephemeral notice, never in a state change.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.blocks.buildvsbuy import (
    ACTION_COST,
    ACTION_RECORD,
    ACTION_TOPIC,
    PREFIX,
    button_values,
    record_message,
    topic_modal,
    without_buttons,
)
from bot.deps import Deps, team_of
from bot.domain.buildvsbuy import (
    AlreadyRecorded,
    BadButtonValue,
    ButtonValue,
    Flow,
    FlowOutdated,
    StaleStep,
    apply,
    decision_record,
    decode_value,
)
from bot.errors import StateConflict, StateMissing, StateUnavailable
from bot.listeners.commands.buildvsbuy import flow_key, now, remember_decision, render
from bot.listeners.replies import tell
from bot.listeners.views.llmcost import open_cost_modal
from bot.state import Versioned
from bot.texts import buildvsbuy as t
from bot.texts import common

log = logging.getLogger(__name__)
STEP_ACTIONS = re.compile(r"^bvb\.(yes|no|back|restart)$")


def register(app: App) -> None:
    app.action(STEP_ACTIONS)(on_step)
    app.action(ACTION_RECORD)(on_record)
    app.action(ACTION_COST)(on_cost)
    app.action(ACTION_TOPIC)(on_topic)


def _value(body: dict, action: dict, team: str) -> ButtonValue:
    """The click's button value, checked against the action, workspace and message."""
    action_id = str(action.get("action_id", ""))
    value = decode_value(action.get("value"), verb=action_id.removeprefix(PREFIX))
    if value.team != team:
        raise BadButtonValue("button of another workspace")
    shown = button_values(body.get("message"))
    if action_id in shown and shown[action_id] != action.get("value"):
        raise BadButtonValue("value differs from the button in the message")
    return value


def _container(body: dict) -> dict:
    container = body.get("container")
    return container if isinstance(container, dict) else {}


def _load(body: dict, action: dict, context: BoltContext, respond: Respond):
    """(deps, key, stored flow, value) for a click, or None after telling the user why not."""
    deps, team = Deps.of(context), team_of(context)
    try:
        value = _value(body, action, team)
    except BadButtonValue as exc:
        log.info("ignored a bvb click: %s", exc)
        tell(respond, t.BAD_VALUE)
        return None
    key = flow_key(team, value.flow)
    got = deps.store.get(key=key, model=Flow)  # round trip 1
    if got is None:
        _expired(body, respond)
        return None
    return deps, key, got, value


def _expired(body: dict, respond: Respond) -> None:
    if body.get("message"):
        respond(replace_original=True, **without_buttons(body["message"], t.EXPIRED_NOTE))
    tell(respond, t.EXPIRED)


def _stale(body: dict, respond: Respond, flow: Flow, value: ButtonValue, deps: Deps) -> None:
    """The flow moved on: refresh its own message; strip the buttons of any other copy.

    One turn behind, the click lost to the latest change: say who made it."""
    message_ts = _container(body).get("message_ts")
    if flow.message_ts in (None, message_ts):
        try:
            current = render(flow, deps)
        except FlowOutdated:
            _expired(body, respond)
            return
        respond(replace_original=True, **current)
        just_missed = value.turn == flow.turn - 1 and flow.last_verb in t.CONFLICT
        if just_missed and flow.last_user:
            tell(respond, t.CONFLICT[flow.last_verb].format(user=flow.last_user))
        else:
            tell(respond, t.STALE_REFRESHED)
    else:
        respond(replace_original=True, **without_buttons(body.get("message"), t.STALE_NOTE))
        tell(respond, t.STALE_STRIPPED)


def _conflict(respond: Respond, exc: StateConflict) -> None:
    current = exc.current.value if isinstance(exc.current, Versioned) else None
    if isinstance(current, Flow) and current.last_user and current.last_verb in t.CONFLICT:
        tell(respond, t.CONFLICT[current.last_verb].format(user=current.last_user))
    else:
        tell(respond, t.CONFLICT_UNKNOWN)


def _advance(body, action, context, respond) -> tuple[Deps, Flow, Versioned, Any] | None:
    """Apply the click and compare-and-set it; None after telling the user why not."""
    loaded = _load(body, action, context, respond)
    if loaded is None:
        return None
    deps, key, got, value = loaded
    user = body["user"]["id"]
    try:
        new = apply(got.value, deps.knowledge.tree, value, user, now())
    except StaleStep:
        _stale(body, respond, got.value, value, deps)
        return None
    except FlowOutdated:
        _expired(body, respond)
        return None
    except AlreadyRecorded as exc:
        tell(respond, t.ALREADY_RECORDED.format(user=exc.by))
        return None
    except BadButtonValue as exc:
        log.info("ignored a bvb click: %s", exc)
        tell(respond, t.BAD_VALUE)
        return None
    if new.message_ts is None and _container(body).get("message_ts"):
        new = new.model_copy(update={"message_ts": _container(body)["message_ts"]})
    try:
        saved = deps.store.update(key=key, expected_version=got.version, value=new)  # trip 2
    except StateConflict as exc:
        _conflict(respond, exc)
        return None
    except StateMissing:
        _expired(body, respond)
        return None
    return deps, new, saved, key


def _advance_or_tell(body, action, context, respond):
    try:
        return _advance(body, action, context, respond)
    except StateUnavailable:
        tell(respond, common.STATE_UNAVAILABLE)
        return None


def on_step(ack: Ack, body: dict, action: dict, respond: Respond, context: BoltContext) -> None:
    ack()
    advanced = _advance_or_tell(body, action, context, respond)
    if advanced is not None:
        deps, new, _saved, _key = advanced
        respond(replace_original=True, **render(new, deps))


def on_record(
    ack: Ack, body: dict, action: dict, respond: Respond, client: WebClient, context: BoltContext
) -> None:
    """Post the ADR in the flow message's thread, once per reached outcome."""
    ack()
    advanced = _advance_or_tell(body, action, context, respond)
    if advanced is None:
        return
    deps, flow, saved, key = advanced
    container = _container(body)
    thread = flow.thread_ts or container.get("thread_ts") or container.get("message_ts")
    record = decision_record(flow, deps.knowledge, today=now().date(), thread_ts=thread)
    payload = record_message(record)
    try:
        client.chat_postMessage(channel=flow.channel, thread_ts=thread, **payload)
    except SlackApiError as exc:  # e.g. not_in_channel: the response_url needs no membership
        error = str(exc.response.get("error", "unknown_error"))
        log.warning("posting the decision record failed: %s", error)
        if not _respond_in_thread(respond, thread, payload):
            undone = flow.model_copy(update={"recorded_by": None, "turn": flow.turn + 1})
            deps.store.update(key=key, expected_version=saved.version, value=undone)
            respond(replace_original=True, **render(undone, deps))
            tell(respond, t.RECORD_FAILED.format(error=error))
            return
    try:
        remember_decision(deps, team=flow.team, record=record)
    except StateUnavailable:  # the record is posted; only the App Home list misses it
        log.warning("could not keep the decision record in the recent lists")
    respond(replace_original=True, **render(flow, deps))


def _respond_in_thread(respond: Respond, thread: str | None, payload: dict) -> bool:
    try:
        sent = respond(
            response_type="in_channel", replace_original=False, thread_ts=thread, **payload
        )
    except OSError:
        return False
    return sent.status_code == 200


def on_cost(
    ack: Ack, body: dict, action: dict, respond: Respond, client: WebClient, context: BoltContext
) -> None:
    """Open the /llmcost form; its answer goes privately to the flow's channel and thread."""
    ack()
    try:
        _value(body, action, team_of(context))
    except BadButtonValue:
        tell(respond, t.BAD_VALUE)
        return
    container = _container(body)
    open_cost_modal(
        client,
        trigger_id=body["trigger_id"],
        channel=container.get("channel_id") or (body.get("channel") or {}).get("id"),
        thread_ts=container.get("thread_ts"),
        response_url=body.get("response_url"),
    )


def on_topic(
    ack: Ack, body: dict, respond: Respond, client: WebClient, context: BoltContext
) -> None:
    """The ask-for-a-topic button: open the topic modal, remembering where to post."""
    ack()
    container = _container(body)
    channel = container.get("channel_id") or (body.get("channel") or {}).get("id")
    metadata = {"c": channel, "t": container.get("thread_ts"), "r": body.get("response_url")}
    try:
        client.views_open(trigger_id=body["trigger_id"], view=topic_modal(metadata))
    except SlackApiError as exc:
        tell(respond, t.MODAL_FAILED.format(error=exc.response.get("error", "unknown_error")))
