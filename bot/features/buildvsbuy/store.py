"""Build or buy: where its flows and decision records live, and how a flow starts.

``command`` is ``/buildvsbuy [topic]``'s answer, given in the ack (``in_channel``): no Web API
call, so it also works where the bot is not a member. ``start`` posts a new flow with
chat.postMessage (threads, App Home). ``/buildvsbuy vote <topic>`` (or ``vote`` first in a
mention's topic) starts one in vote mode. The decision records live in ``decisions``.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from slack_bolt import BoltContext
from slack_sdk import WebClient

from bot.blocks.buildvsbuy import ask_topic_message, flow_message, help_message
from bot.blocks.common import notice, unescape
from bot.deps import Deps, team_of
from bot.domain.buildvsbuy import Flow, Mode, clean_topic, new_flow, where
from bot.domain.flows import FlowKind, new_id
from bot.errors import StateUnavailable
from bot.features import threads
from bot.features.flows import flow_key
from bot.features.places import is_dm
from bot.state import Key
from bot.texts import buildvsbuy as texts
from bot.texts import common

KIND: FlowKind = "bvb"


def key(team: str, flow_id: str) -> Key:
    return flow_key(team, KIND, flow_id)


def now() -> datetime:
    return datetime.now(UTC)


def render(
    flow: Flow, deps: Deps, recorded: tuple[int, str] | None = None
) -> dict[str, Any]:
    """The flow message for where ``flow`` stands."""
    return flow_message(flow, where(flow, deps.knowledge), recorded)


def mode_and_topic(text: str) -> tuple[Mode, str]:
    """``vote contract review`` -> ("vote", "contract review"); anything else is a walk."""
    first, _, rest = text.strip().partition(" ")
    if first.lower() == texts.VOTE_WORD:
        return "vote", clean_topic(rest)
    return "walk", clean_topic(text)


def create(
    deps: Deps,
    *,
    team: str,
    user: str,
    channel: str,
    topic: str,
    thread_ts: str | None = None,
    mode: Mode = "walk",
) -> Flow:
    """A new flow at its first question, stored (one round trip). In a thread or a DM it
    becomes that conversation's flow (one more), so ``status`` there finds it whichever way it
    was started: a mention, the topic form, ``/buildvsbuy`` in a DM, the App Home button."""
    flow = new_flow(
        flow_id=new_id(), team=team, topic=topic, user=user, channel=channel,
        thread_ts=thread_ts, now=now(), mode=mode,
    )  # fmt: skip
    deps.store.create(key=key(team, flow.id), value=flow)
    if thread_ts or is_dm(channel):
        threads.point(
            deps, team=team, channel=channel, thread_ts=thread_ts, kind=KIND, flow_id=flow.id
        )
    return flow


def command(command: dict[str, Any], context: BoltContext) -> dict[str, Any]:
    """The ack of ``/buildvsbuy [topic]``: the help, the ask-for-a-topic message, or the new
    flow's first question for everyone in the channel."""
    deps = Deps.of(context)
    text = unescape(command.get("text") or "")
    if text.strip().lower() in texts.HELP_WORDS:
        return {"response_type": "ephemeral", **help_message()}
    mode, topic = mode_and_topic(text)
    if not topic:
        return {"response_type": "ephemeral", **ask_topic_message()}
    try:
        flow = create(
            deps, team=team_of(context), user=command["user_id"], channel=command["channel_id"],
            topic=topic, mode=mode,
        )  # fmt: skip
    except StateUnavailable:
        return {"response_type": "ephemeral", **notice(common.STATE_UNAVAILABLE)}
    return {"response_type": "in_channel", **render(flow, deps)}


def start(
    client: WebClient,
    deps: Deps,
    *,
    team: str,
    user: str,
    channel: str,
    topic: str,
    thread_ts: str | None = None,
) -> str | None:
    """Post a new flow in ``channel`` (in the thread ``thread_ts`` if given); its id.

    An empty topic posts the ask-for-a-topic message there instead (and returns None).
    Raises StateUnavailable or slack_sdk's SlackApiError (e.g. not_in_channel)."""
    mode, topic = mode_and_topic(topic)
    if not topic:
        client.chat_postMessage(channel=channel, thread_ts=thread_ts, **ask_topic_message())
        return None
    flow = create(
        deps, team=team, user=user, channel=channel, topic=topic, thread_ts=thread_ts, mode=mode
    )
    client.chat_postMessage(channel=channel, thread_ts=thread_ts, **render(flow, deps))
    return flow.id


def current(deps: Deps, team: str, flow_id: str) -> dict[str, Any] | None:
    """The flow's message as it stands now, or None when it has expired."""
    found = deps.store.get(key=key(team, flow_id), model=Flow)
    return render(found.value, deps) if found else None
