"""Prioritizing initiatives: start a scoring flow, take the 1-5 clicks, post the ranking.

State: ``{p}:{team}:prio:{flow id}`` holds a PrioSession (initiatives, place, scores so far),
TTL ``STATE_TTL_SECONDS``. Anyone in the conversation may score: it is the team's ranking.
A click costs two Redis round trips (read, compare-and-set); two people clicking the same
step at once: the first counts, the second gets an ephemeral "moved on".
"""

from __future__ import annotations

import logging
import re
from typing import Any

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient

from bot.blocks import prio as blocks
from bot.deps import Deps
from bot.domain import prioritize
from bot.domain.prioritize import PrioritizeError, PrioSession
from bot.listeners.replies import tell
from bot.listeners.walks import Walk
from bot.texts import common
from bot.texts import prio as t

log = logging.getLogger(__name__)
SCORE = re.compile(rf"^{re.escape(blocks.SCORE_ACTION)}\.\d+$")


def register(app: App) -> None:
    app.action(SCORE)(on_score)


def render(deps: Deps, flow_id: str, session: PrioSession) -> dict[str, Any]:
    rules = deps.knowledge.frameworks.prioritizing
    question = prioritize.next_question(rules, session)
    if question is not None:
        return blocks.question(flow_id, rules, session, question)
    ranking = prioritize.rank(rules, session.initiatives, session.scores)
    return blocks.ranking(rules, ranking)


WALK = Walk(
    kind="prio",
    model=PrioSession,
    render=render,
    expired=t.EXPIRED,
    not_yours=None,  # the team's ranking: anyone in the conversation scores
    errors=t.ERRORS,
    log=log,
    label="prio",
)


def start_prio(
    client: WebClient,
    deps: Deps,
    *,
    team: str,
    user: str,
    channel: str,
    text: str,
    thread_ts: str | None = None,
) -> None:
    """Post the first score question for the initiatives named in ``text``.

    PrioritizeError when the names can't be read; StateUnavailable without Redis."""
    names = prioritize.parse_initiatives(text)
    session = PrioSession(
        user=user,
        channel=channel,
        thread_ts=thread_ts,
        initiatives=names,
        scores=prioritize.new_scores(names),
    )
    WALK.start(client, deps, team=team, session=session)


def on_score(ack: Ack, body: dict, action: dict, respond: Respond, context: BoltContext) -> None:
    ack()
    clicked = WALK.clicked(body, action, respond, context)
    if clicked is None:
        return
    rules = clicked.deps.knowledge.frameworks.prioritizing
    try:
        scores = prioritize.score(rules, clicked.session, int(clicked.answer))
    except ValueError:
        tell(respond, common.BAD_PAYLOAD)
        return
    except PrioritizeError as error:
        tell(respond, WALK.error_text(error, clicked.at))
        return
    WALK.advance(clicked, respond, clicked.session.model_copy(update={"scores": scores}))
