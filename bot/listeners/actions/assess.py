"""Self-assessment across the five domains: start one, take the 1-5 clicks.

State: ``{p}:{team}:assess:{flow id}`` holds an AssessSession (owner, place, scores so far),
TTL ``STATE_TTL_SECONDS``. Only the person who started it rates. A click costs two Redis round
trips (read, compare-and-set); a stale or lost click gets an ephemeral notice.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient

from bot.blocks import assess as blocks
from bot.deps import Deps
from bot.domain import assess
from bot.domain.assess import AssessError, AssessSession
from bot.listeners.replies import tell
from bot.listeners.walks import Walk, at_for
from bot.texts import assess as t
from bot.texts import common

log = logging.getLogger(__name__)
SCORE = re.compile(rf"^{re.escape(blocks.SCORE_ACTION)}\.\d+$")


def register(app: App) -> None:
    app.action(SCORE)(on_score)


def render(deps: Deps, flow_id: str, session: AssessSession) -> dict[str, Any]:
    omap = deps.knowledge.operating_map
    domain = assess.next_domain(omap, session.scores)
    if domain is not None:
        return blocks.question(flow_id, omap, domain, session.scores)
    result = assess.result(omap, session.scores)
    assert result is not None  # every domain is rated
    return blocks.result(omap, result, at=at_for(session.channel))


WALK = Walk(
    kind="assess",
    model=AssessSession,
    render=render,
    expired=t.EXPIRED,
    not_yours=t.NOT_YOURS,
    errors=t.ERRORS,
    log=log,
    label="self-assessment",
)


def start_assess(
    client: WebClient,
    deps: Deps,
    *,
    team: str,
    user: str,
    channel: str,
    thread_ts: str | None = None,
) -> None:
    """Post the first domain in ``channel`` (in the thread, if given). StateUnavailable
    without Redis."""
    session = AssessSession(user=user, channel=channel, thread_ts=thread_ts)
    WALK.start(client, deps, team=team, session=session)


def on_score(ack: Ack, body: dict, action: dict, respond: Respond, context: BoltContext) -> None:
    ack()
    clicked = WALK.clicked(body, action, respond, context)
    if clicked is None:
        return
    session = clicked.session
    try:
        score = int(clicked.answer)
        scores = assess.rate(clicked.deps.knowledge.operating_map, session.scores, score)
    except ValueError:
        tell(respond, common.BAD_PAYLOAD)
        return
    except AssessError as error:
        tell(respond, WALK.error_text(error, clicked.at))
        return
    WALK.advance(clicked, respond, session.model_copy(update={"scores": scores}))
