"""`/buildvsbuy [topic]`, plus the entry points other features call.

`start_flow` posts a new walk with chat.postMessage (threads, App Home);
`recent_decisions` lists the decision records kept per workspace and per user.
The slash command itself answers in its ack (`in_channel`): no Web API call, so it
also works where the bot is not a member.
"""

from __future__ import annotations

import logging
import secrets
from datetime import UTC, datetime
from typing import Any

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient

from bot.blocks.buildvsbuy import ask_topic_message, flow_message, help_message
from bot.blocks.common import notice
from bot.deps import Deps, team_of
from bot.domain.buildvsbuy import DecisionRecord, Flow, clean_topic, new_flow, where
from bot.errors import StateUnavailable
from bot.listeners import thread_state
from bot.state import Key
from bot.texts import buildvsbuy as t
from bot.texts import common

log = logging.getLogger(__name__)

FLOW = "flow"
DECISIONS = "decisions"
RECENT_KEEP = 50  # decisions kept per workspace
USER_KEEP = 20  # decisions kept per participant
DECISIONS_TTL = 90 * 86_400


def register(app: App) -> None:
    app.command(t.COMMAND)(on_command)


def flow_key(team: str, flow_id: str) -> Key:
    return Key(team, FLOW, flow_id)


def now() -> datetime:
    return datetime.now(UTC)


def render(flow: Flow, deps: Deps) -> dict[str, Any]:
    """The flow message for where ``flow`` stands."""
    return flow_message(flow, where(flow, deps.knowledge))


def create_flow(
    deps: Deps, *, team: str, user: str, channel: str, topic: str, thread_ts: str | None = None
) -> Flow:
    """A new walk at its first question, stored (one round trip). In a thread or a DM it
    becomes that conversation's flow (one more), so ``status`` there finds it whichever way it
    was started: a mention, the topic form, ``/buildvsbuy`` in a DM, the App Home button."""
    flow = new_flow(
        flow_id=secrets.token_hex(8), team=team, topic=topic, user=user, channel=channel,
        thread_ts=thread_ts, now=now(),
    )  # fmt: skip
    deps.store.create(key=flow_key(team, flow.id), value=flow)
    if thread_ts or channel.startswith("D"):
        thread_state.point(
            deps, team=team, channel=channel, thread_ts=thread_ts, kind="bvb", flow_id=flow.id
        )
    return flow


def unescape(text: str) -> str:
    """Slack sends a command's ``&``, ``<`` and ``>`` as HTML entities; the topic keeps them."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def on_command(ack: Ack, command: dict, context: BoltContext) -> None:
    deps = Deps.of(context)
    text = unescape(command.get("text") or "")
    if text.strip().lower() in t.HELP_WORDS:
        ack(response_type="ephemeral", **help_message())
        return
    topic = clean_topic(text)
    if not topic:
        ack(response_type="ephemeral", **ask_topic_message())
        return
    try:
        flow = create_flow(
            deps, team=team_of(context), user=command["user_id"], channel=command["channel_id"],
            topic=topic,
        )  # fmt: skip
    except StateUnavailable:
        ack(response_type="ephemeral", **notice(common.STATE_UNAVAILABLE))
        return
    ack(response_type="in_channel", **render(flow, deps))


def start_flow(
    client: WebClient,
    deps: Deps,
    *,
    team: str,
    user: str,
    channel: str,
    topic: str,
    thread_ts: str | None = None,
) -> str | None:
    """Post a new walk in ``channel`` (in the thread ``thread_ts`` if given); its flow id.

    An empty topic posts the ask-for-a-topic message there instead (and returns None).
    Raises StateUnavailable or slack_sdk's SlackApiError (e.g. not_in_channel)."""
    topic = clean_topic(topic)
    if not topic:
        client.chat_postMessage(channel=channel, thread_ts=thread_ts, **ask_topic_message())
        return None
    flow = create_flow(
        deps, team=team, user=user, channel=channel, topic=topic, thread_ts=thread_ts
    )
    client.chat_postMessage(channel=channel, thread_ts=thread_ts, **render(flow, deps))
    return flow.id


def current(deps: Deps, team: str, flow_id: str) -> dict[str, Any] | None:
    """The walk's message as it stands now, or None when it has expired."""
    found = deps.store.get(key=flow_key(team, flow_id), model=Flow)
    return render(found.value, deps) if found else None


def decisions_key(team: str, user: str | None = None) -> Key:
    return Key(team, DECISIONS, f"user:{user}" if user else "recent")


def recent_decisions(
    deps: Deps, *, team: str, user: str | None = None, limit: int = 5
) -> list[DecisionRecord]:
    """Newest first: the workspace's decision records, or those ``user`` took part in."""
    return deps.store.recent(key=decisions_key(team, user), model=DecisionRecord, limit=limit)


def remember_decision(deps: Deps, *, team: str, record: DecisionRecord) -> None:
    """Keep ``record`` in the workspace list and in each participant's list."""
    lists = [(decisions_key(team), RECENT_KEEP)]
    lists += [(decisions_key(team, user), USER_KEEP) for user in record.participants]
    deps.store.push_recent_many(lists=lists, value=record, ttl=DECISIONS_TTL)
