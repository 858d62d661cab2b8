"""The message shortcut *Decide with Tradeoffs*: a build-or-buy flow in the thread of the
message it was picked on, with the message's text as the topic. Slash commands can't run in
threads; this is how a thread's discussion becomes a decision.

An empty topic (a message of only mentions or a file) or one longer than a topic may be opens
the topic form first, filled with what there is; its submission posts the flow in the same
thread (``topic_form.submit``).
"""

from __future__ import annotations

import logging

from slack_bolt import BoltContext, Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.blocks.buildvsbuy import topic_modal
from bot.deps import Deps, team_of
from bot.domain.buildvsbuy.flow import TOPIC_LIMIT
from bot.domain.intent import tidy
from bot.errors import StateUnavailable
from bot.features.buildvsbuy.store import start
from bot.features.places import NOT_A_MEMBER, Place
from bot.features.replies import tell
from bot.texts import buildvsbuy as texts
from bot.texts import common

log = logging.getLogger(__name__)


def topic_of(message: dict) -> str:
    """The message's text as one line of plain words (mentions and markup out)."""
    return " ".join(
        "".join(c if c.isprintable() else " " for c in tidy(message.get("text") or "")).split()
    )


def decide(body: dict, client: WebClient, respond: Respond, context: BoltContext) -> None:
    message = body.get("message") or {}
    channel = (body.get("channel") or {}).get("id")
    thread_ts = message.get("thread_ts") or message.get("ts")
    if not channel or not thread_ts:
        tell(respond, texts.SHORTCUT_FAILED.format(error="no message"))
        return
    topic = topic_of(message)
    if not topic or len(topic) > TOPIC_LIMIT:
        _ask(body, client, respond, Place(channel, thread_ts), topic)
        return
    try:
        start(
            client, Deps.of(context), team=team_of(context), user=body["user"]["id"],
            channel=channel, topic=topic, thread_ts=thread_ts,
        )  # fmt: skip
    except StateUnavailable:
        tell(respond, common.STATE_UNAVAILABLE)
    except SlackApiError as exc:
        error = exc.response.get("error", "unknown_error")
        log.warning("shortcut: posting the flow failed: %s", error)
        failed = texts.SHORTCUT_FAILED.format(error=error)
        tell(respond, texts.SHORTCUT_NOT_IN_CHANNEL if error in NOT_A_MEMBER else failed)


def _ask(body: dict, client: WebClient, respond: Respond, place: Place, topic: str) -> None:
    """The topic form, filled with the text there is. No response_url in the place: the
    form's submission deletes the message behind a response_url, and this one is a person's."""
    try:
        client.views_open(trigger_id=body["trigger_id"], view=topic_modal(place.encode(), topic))
    except SlackApiError as exc:
        tell(respond, texts.MODAL_FAILED.format(error=exc.response.get("error", "unknown_error")))
