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
from bot.deps import Deps
from bot.domain import learn
from bot.domain.learn import LearnError, LearnSession
from bot.listeners.replies import tell
from bot.listeners.walks import Walk
from bot.texts import learn as t

log = logging.getLogger(__name__)
ANSWER = re.compile(rf"^{re.escape(blocks.ANSWER_ACTION)}\.[a-z0-9_]+$")


def register(app: App) -> None:
    app.action(ANSWER)(on_answer)


def render(deps: Deps, flow_id: str, session: LearnSession) -> dict[str, Any]:
    omap = deps.knowledge.operating_map
    question = learn.next_question(omap, session.answers)
    if question is not None:
        answered = learn.answered(omap, session.answers)
        return blocks.question(flow_id, session.topic, session.step, question, answered)
    outcome = learn.outcome(omap, session.answers)
    assert outcome is not None  # no open question means the rules decided
    return blocks.plan(session.topic, outcome)


WALK = Walk(
    kind="learn",
    model=LearnSession,
    render=render,
    expired=t.EXPIRED,
    not_yours=t.NOT_YOURS,
    errors=t.ERRORS,
    log=log,
    label="learn walk",
)


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
    WALK.start(client, deps, team=team, session=session)


def on_answer(ack: Ack, body: dict, action: dict, respond: Respond, context: BoltContext) -> None:
    ack()
    clicked = WALK.clicked(body, action, respond, context)
    if clicked is None:
        return
    session = clicked.session
    try:
        answers = learn.answer(
            clicked.deps.knowledge.operating_map, session.answers, clicked.answer
        )
    except LearnError as error:
        tell(respond, WALK.error_text(error, clicked.at))
        return
    WALK.advance(clicked, respond, session.model_copy(update={"answers": answers}))
