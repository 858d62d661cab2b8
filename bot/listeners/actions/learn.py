""" "Should I learn this now?": start a walk, take the clicks on its filters.

State: ``{p}:{team}:learn:{flow id}`` holds a LearnSession (topic, owner, place, answers),
TTL ``STATE_TTL_SECONDS``. Only the person who started a walk answers it. A click costs two
Redis round trips (read, compare-and-set); a stale or lost click gets an ephemeral notice.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient

from bot.blocks import learn as blocks
from bot.blocks.clicks import decode
from bot.deps import Deps, team_of
from bot.domain import learn
from bot.domain.learn import LearnError, LearnSession
from bot.listeners import thread_state
from bot.listeners.walks import at_for, new_id, save, tell
from bot.state import Key
from bot.texts import common
from bot.texts import learn as t

log = logging.getLogger(__name__)
KIND = "learn"
ANSWER = re.compile(rf"^{re.escape(blocks.ANSWER_ACTION)}\.[a-z0-9_]+$")


def register(app: App) -> None:
    app.action(ANSWER)(on_answer)


def key(team: str, flow_id: str) -> Key:
    return Key(team, KIND, flow_id)


def render(deps: Deps, flow_id: str, session: LearnSession) -> dict[str, Any]:
    omap = deps.knowledge.operating_map
    question = learn.next_question(omap, session.answers)
    if question is not None:
        answered = learn.answered(omap, session.answers)
        return blocks.question(flow_id, session.topic, session.step, question, answered)
    outcome = learn.outcome(omap, session.answers)
    assert outcome is not None  # no open question means the rules decided
    return blocks.plan(session.topic, outcome)


def start_learn(
    client: WebClient,
    deps: Deps,
    *,
    team: str,
    user: str,
    channel: str,
    topic: str,
    thread_ts: str | None = None,
) -> None:
    """Post the first filter for ``topic`` in ``channel`` (in the thread, if given).

    LearnError when the topic is empty or too long; StateUnavailable without Redis."""
    session = LearnSession(
        topic=learn.clean_topic(topic), user=user, channel=channel, thread_ts=thread_ts
    )
    flow_id = new_id()
    deps.store.create(key=key(team, flow_id), value=session, ttl=deps.settings.state_ttl_seconds)
    thread_state.point(
        deps, team=team, channel=channel, thread_ts=thread_ts, kind=KIND, flow_id=flow_id
    )
    client.chat_postMessage(channel=channel, thread_ts=thread_ts, **render(deps, flow_id, session))


def current(deps: Deps, team: str, flow_id: str) -> dict[str, Any] | None:
    """The walk's message as it stands now, or None when it has expired."""
    found = deps.store.get(key=key(team, flow_id), model=LearnSession)
    return render(deps, flow_id, found.value) if found else None


def error_text(error: LearnError, at: str) -> str:
    return t.ERRORS[error.code].format(at=at, **error.details)


def on_answer(ack: Ack, body: dict, action: dict, respond: Respond, context: BoltContext) -> None:
    ack()
    deps, team = Deps.of(context), team_of(context)
    click = decode(action.get("value"))
    at = at_for((body.get("channel") or {}).get("id"))
    found = deps.store.get(key=key(team, click.flow_id), model=LearnSession)
    if found is None:
        tell(respond, t.EXPIRED.format(at=at))
        return
    session = found.value
    if session.user != body["user"]["id"]:
        tell(respond, t.NOT_YOURS.format(owner=session.user))
        return
    if click.step != session.step:
        tell(respond, common.STALE)
        return
    try:
        answers = learn.answer(deps.knowledge.operating_map, session.answers, click.answer)
    except LearnError as error:
        tell(respond, error_text(error, at))
        return
    new = session.model_copy(update={"answers": answers})
    if not save(deps, key(team, click.flow_id), found, new):
        tell(respond, common.STALE)
        return
    log.info("learn walk %s: step %d", click.flow_id, new.step)
    respond(replace_original=True, **render(deps, click.flow_id, new))
