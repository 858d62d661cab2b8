"""Post decision record: the ADR goes into the flow message's thread, once per reached
outcome, and into the workspace's and each participant's recent-decision lists."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import BoltContext, Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.blocks.buildvsbuy import record_message
from bot.domain.buildvsbuy import decision_record
from bot.errors import StateUnavailable
from bot.features.buildvsbuy.clicks import advance
from bot.features.buildvsbuy.store import now, remember_decision, render
from bot.features.places import container
from bot.features.replies import tell
from bot.texts import buildvsbuy as texts

log = logging.getLogger(__name__)


def post_record(
    body: dict, action: dict, respond: Respond, client: WebClient, context: BoltContext
) -> None:
    advanced = advance(body, action, context, respond)
    if advanced is None:
        return
    deps, flow = advanced.deps, advanced.flow
    place = container(body)
    thread = flow.thread_ts or place.get("thread_ts") or place.get("message_ts")
    record = decision_record(flow, deps.knowledge, today=now().date(), thread_ts=thread)
    payload = record_message(record)
    try:
        client.chat_postMessage(channel=flow.channel, thread_ts=thread, **payload)
    except SlackApiError as exc:  # e.g. not_in_channel: the response_url needs no membership
        error = str(exc.response.get("error", "unknown_error"))
        log.warning("posting the decision record failed: %s", error)
        if not _respond_in_thread(respond, thread, payload):
            undone = flow.model_copy(update={"recorded_by": None, "turn": flow.turn + 1})
            deps.store.update(
                key=advanced.key, expected_version=advanced.saved.version, value=undone
            )
            respond(replace_original=True, **render(undone, deps))
            tell(respond, texts.RECORD_FAILED.format(error=error))
            return
    try:
        remember_decision(deps, team=flow.team, record=record)
    except StateUnavailable:  # the record is posted; only the App Home list misses it
        log.warning("could not keep the decision record in the recent lists")
    respond(replace_original=True, **render(flow, deps))


def _respond_in_thread(respond: Respond, thread: str | None, payload: dict[str, Any]) -> bool:
    try:
        sent = respond(
            response_type="in_channel", replace_original=False, thread_ts=thread, **payload
        )
    except OSError:
        return False
    return sent.status_code == 200
