"""Post decision record: the ADR goes into the flow message's thread, once per reached
outcome, numbered in the workspace's decision log (kept for good), with its revisit
reminder scheduled; the records it supersedes (the same flow's earlier one, or one on the
same topic in the same channel) are marked "Superseded by" it.

Safe to retry: the flow's compare-and-set lets one click through (a double click posts one
record), filing is idempotent per flow turn, and a ``chat.postMessage`` timeout is taken as
"probably posted" (kept, not posted twice), not as a failure.
"""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import BoltContext, Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.blocks.decisions import record_message
from bot.domain.buildvsbuy import DecisionRecord, Flow, decision_record
from bot.errors import StateConflict, StateError, StateUnavailable
from bot.features.buildvsbuy import decisions, lifecycle
from bot.features.buildvsbuy.clicks import Advanced, advance
from bot.features.buildvsbuy.store import now, render
from bot.features.places import container
from bot.features.replies import tell
from bot.texts import buildvsbuy as texts
from bot.texts import common

log = logging.getLogger(__name__)
Posted = tuple[str, str | None]  # ("posted" | "responded" | "unconfirmed", message ts)


def post_record(
    body: dict, action: dict, respond: Respond, client: WebClient, context: BoltContext
) -> None:
    advanced = advance(body, action, context, respond)
    if advanced is None:
        return
    deps, flow = advanced.deps, advanced.flow
    place = container(body)
    thread = flow.thread_ts or place.get("thread_ts") or place.get("message_ts")
    draft = decision_record(flow, deps.knowledge, today=now().date(), thread_ts=thread)
    try:
        record = decisions.file(deps.store, flow.team, draft, flow_turn=flow.turn)
    except (StateUnavailable, StateConflict):
        _undo(advanced, respond)
        tell(respond, common.STATE_UNAVAILABLE)
        return
    payload = record_message(record, flow.team)
    try:
        how, ts = _post(client, respond, record, payload)
    except SlackApiError as exc:
        error = str(exc.response.get("error", "unknown_error"))
        try:
            decisions.unfile(deps.store, flow.team, record.number)
        except StateError:
            log.warning("could not take back record %s", record.number)
        _undo(advanced, respond)
        tell(respond, texts.RECORD_FAILED.format(error=error))
        return
    record = _posted(client, advanced, record, ts)
    lifecycle.supersede(client, deps, flow.team, record)
    recorded = (record.number, record.link) if record.link else None
    respond(replace_original=True, **render(flow, deps, recorded))
    if how == "unconfirmed":
        tell(respond, texts.RECORD_UNCONFIRMED.format(number=record.number))


def _post(
    client: WebClient, respond: Respond, record: DecisionRecord, payload: dict[str, Any]
) -> Posted:
    """Post the record in its thread; where the bot is not a member, through the click's
    response_url. SlackApiError when neither worked."""
    try:
        sent = client.chat_postMessage(channel=record.channel, thread_ts=record.thread_ts, **payload)
        return "posted", str(sent["ts"])
    except OSError as exc:  # a timeout: Slack may well have posted it
        log.warning("posting decision record %s timed out (%s)", record.number, type(exc).__name__)
        return "unconfirmed", None
    except SlackApiError as exc:  # e.g. not_in_channel: the response_url needs no membership
        log.warning("posting the decision record failed: %s", exc.response.get("error"))
        if _respond_in_thread(respond, record.thread_ts, payload):
            return "responded", None
        raise


def _posted(
    client: WebClient, advanced: Advanced, record: DecisionRecord, ts: str | None
) -> DecisionRecord:
    """Keep what posting taught us: the message, its link, the scheduled reminder."""
    deps, team = advanced.deps, advanced.flow.team
    link = _permalink(client, record.channel, ts) if ts else None
    done = lifecycle.schedule_reminder(
        client, team, record.model_copy(update={"message_ts": ts, "link": link})
    )
    try:
        decisions.change_record(deps.store, team, record.number, lambda _: done)
        if link:
            decisions.note_posted(deps.store, team, done)
    except StateError:  # posted; only its link and reminder id are not kept
        log.warning("could not keep record %s's message and reminder", record.number)
    return done


def _permalink(client: WebClient, channel: str, ts: str) -> str | None:
    try:
        return str(client.chat_getPermalink(channel=channel, message_ts=ts)["permalink"])
    except (SlackApiError, OSError, KeyError):
        return None


def _undo(advanced: Advanced, respond: Respond) -> None:
    """The record was not posted: the flow offers Post decision record again."""
    flow: Flow = advanced.flow
    undone = flow.model_copy(update={"recorded_by": None, "turn": flow.turn + 1})
    try:
        advanced.deps.store.update(
            key=advanced.key, expected_version=advanced.saved.version, value=undone
        )
    except StateError:
        log.warning("could not reopen the flow after a failed record")
        return
    respond(replace_original=True, **render(undone, advanced.deps))


def _respond_in_thread(respond: Respond, thread: str | None, payload: dict[str, Any]) -> bool:
    try:
        sent = respond(
            response_type="in_channel", replace_original=False, thread_ts=thread, **payload
        )
    except OSError:
        return False
    return sent.status_code == 200
