"""The build-or-buy topic form: the ask-for-a-topic button opens it; its submission starts
the flow where it was asked for.

The flow is posted with chat.postMessage in the original conversation (and thread); where the
bot is not a member, the asking message's response_url posts it instead. The asking message
is then deleted. The modal closes first (the ack) and the posting happens after it, in the
post-ack pool (`Deps.later`), so a slow Slack cannot time the submission out; where it
cannot be posted, the person is told in a DM.
"""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import Ack, BoltContext, Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.blocks.buildvsbuy import MODE_BLOCK, MODE_INPUT, TOPIC_BLOCK, TOPIC_INPUT, topic_modal
from bot.blocks.common import notice
from bot.deps import Deps, team_of
from bot.domain.buildvsbuy import Mode, clean_topic
from bot.errors import StateUnavailable
from bot.features.buildvsbuy.store import create, render
from bot.features.places import Place, click_channel, container
from bot.features.replies import ResponseUrl, tell
from bot.texts import buildvsbuy as texts
from bot.texts import common

log = logging.getLogger(__name__)


def open_form(body: dict, respond: Respond, client: WebClient) -> None:
    """The ask-for-a-topic button: open the topic modal, remembering where to post."""
    place = Place(click_channel(body), container(body).get("thread_ts"), body.get("response_url"))
    try:
        client.views_open(trigger_id=body["trigger_id"], view=topic_modal(place.encode()))
    except SlackApiError as exc:
        tell(respond, texts.MODAL_FAILED.format(error=exc.response.get("error", "unknown_error")))


def _topic(view: dict) -> str:
    values = (view.get("state") or {}).get("values") or {}
    entry = (values.get(TOPIC_BLOCK) or {}).get(TOPIC_INPUT) or {}
    return clean_topic(entry.get("value") or "")


def _mode(view: dict) -> Mode:
    """The form's choice: vote mode only when chosen (anything else: a walk)."""
    values = (view.get("state") or {}).get("values") or {}
    entry = (values.get(MODE_BLOCK) or {}).get(MODE_INPUT) or {}
    chosen = (entry.get("selected_option") or {}).get("value")
    return "vote" if chosen == "vote" else "walk"


def _errors(ack: Ack, text: str) -> None:
    ack(response_action="errors", errors={TOPIC_BLOCK: text})


def submit(ack: Ack, body: dict, view: dict, client: WebClient, context: BoltContext) -> None:
    topic = _topic(view)
    if not topic:
        _errors(ack, texts.TOPIC_EMPTY)
        return
    place = Place.decode(view.get("private_metadata"))
    if place.channel is None:
        _errors(ack, texts.CANT_POST_HERE)
        return
    deps = Deps.of(context)
    try:
        flow = create(
            deps, team=team_of(context), user=body["user"]["id"], channel=place.channel,
            topic=topic, thread_ts=place.thread_ts, mode=_mode(view),
        )  # fmt: skip
    except StateUnavailable:
        _errors(ack, common.STATE_UNAVAILABLE)
        return
    user, payload = body["user"]["id"], render(flow, deps)
    if not deps.later.submit(lambda: _post_flow(client, place, payload, user), what="bvb topic"):
        _errors(ack, common.BUSY_FIELD)
        return
    ack()


def _post_flow(client: WebClient, place: Place, payload: dict[str, Any], user: str) -> None:
    """After the ack: post the flow, then delete the asking message (or tell the person)."""
    if not _post(client, place, payload):
        client.chat_postMessage(channel=user, **notice(texts.CANT_POST_HERE))
        return
    if place.response_url:  # the asking message has done its job
        try:
            ResponseUrl(response_url=place.response_url)(delete_original=True)
        except OSError:
            log.info("could not delete the topic question")


def _post(client: WebClient, place: Place, payload: dict[str, Any]) -> bool:
    try:
        client.chat_postMessage(channel=str(place.channel), thread_ts=place.thread_ts, **payload)
        return True
    except SlackApiError as exc:
        log.warning("posting the flow failed: %s", exc.response.get("error", "unknown_error"))
    if not place.response_url:
        return False
    try:
        sent = ResponseUrl(response_url=place.response_url)(
            response_type="in_channel", replace_original=False, thread_ts=place.thread_ts,
            **payload,
        )  # fmt: skip
    except OSError:
        return False
    return sent.status_code == 200
