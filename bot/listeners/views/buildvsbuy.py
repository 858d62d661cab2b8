"""The /buildvsbuy topic modal: its submission starts the walk where it was asked for.

The flow is posted with chat.postMessage in the original conversation (and thread);
where the bot is not a member, the asking message's response_url posts it instead.
The asking message is then deleted. Posting happens before the modal closes, so a
failure shows up in the form instead of vanishing.
"""

from __future__ import annotations

import json
import logging
import re
from typing import Any

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.blocks.buildvsbuy import TOPIC_BLOCK, TOPIC_CALLBACK, TOPIC_INPUT
from bot.deps import Deps, team_of
from bot.domain.buildvsbuy import clean_topic
from bot.errors import StateUnavailable
from bot.listeners.commands.buildvsbuy import create_flow, render
from bot.texts import buildvsbuy as t
from bot.texts import common

log = logging.getLogger(__name__)
_CHANNEL = re.compile(r"^[CDG][A-Z0-9]{2,30}$")
_TS = re.compile(r"^\d{1,12}\.\d{1,9}$")


def register(app: App) -> None:
    app.view(TOPIC_CALLBACK)(on_topic_submit)


def parse_metadata(raw: object) -> tuple[str, str | None, str | None] | None:
    """(channel, thread_ts, response_url) from the modal's private_metadata, or None."""
    try:
        data = json.loads(raw) if isinstance(raw, str) else None
    except ValueError:
        return None
    if not isinstance(data, dict):
        return None
    channel, thread, url = data.get("c"), data.get("t"), data.get("r")
    if not isinstance(channel, str) or not _CHANNEL.match(channel):
        return None
    if thread is not None and not (isinstance(thread, str) and _TS.match(thread)):
        return None
    if not (isinstance(url, str) and url.startswith(("https://", "http://"))):
        url = None
    return channel, thread, url


def _topic(view: dict) -> str:
    values = (view.get("state") or {}).get("values") or {}
    entry = (values.get(TOPIC_BLOCK) or {}).get(TOPIC_INPUT) or {}
    return clean_topic(entry.get("value") or "")


def _errors(ack: Ack, text: str) -> None:
    ack(response_action="errors", errors={TOPIC_BLOCK: text})


def on_topic_submit(
    ack: Ack, body: dict, view: dict, client: WebClient, context: BoltContext
) -> None:
    topic = _topic(view)
    if not topic:
        _errors(ack, t.TOPIC_EMPTY)
        return
    place = parse_metadata(view.get("private_metadata"))
    if place is None:
        _errors(ack, t.CANT_POST_HERE)
        return
    channel, thread, url = place
    deps = Deps.of(context)
    try:
        flow = create_flow(
            deps, team=team_of(context), user=body["user"]["id"], channel=channel, topic=topic,
            thread_ts=thread,
        )  # fmt: skip
    except StateUnavailable:
        _errors(ack, common.STATE_UNAVAILABLE)
        return
    if not _post(client, url, channel, thread, render(flow, deps)):
        _errors(ack, t.CANT_POST_HERE)
        return
    ack()
    if url:  # the asking message has done its job
        try:
            Respond(response_url=url)(delete_original=True)
        except OSError:
            log.info("could not delete the topic question")


def _post(
    client: WebClient, url: str | None, channel: str, thread: str | None, payload: dict[str, Any]
) -> bool:
    try:
        client.chat_postMessage(channel=channel, thread_ts=thread, **payload)
        return True
    except SlackApiError as exc:
        log.warning("posting the flow failed: %s", exc.response.get("error", "unknown_error"))
    if not url:
        return False
    try:
        sent = Respond(response_url=url)(
            response_type="in_channel", replace_original=False, thread_ts=thread, **payload
        )
    except OSError:
        return False
    return sent.status_code == 200
