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
from bot.blocks.clicks import decode
from bot.deps import Deps, team_of
from bot.domain import assess
from bot.domain.assess import AssessError, AssessSession
from bot.listeners import thread_state
from bot.listeners.walks import at_for, new_id, save, tell
from bot.state import Key
from bot.texts import assess as t
from bot.texts import common

log = logging.getLogger(__name__)
KIND = "assess"
SCORE = re.compile(rf"^{re.escape(blocks.SCORE_ACTION)}\.\d+$")


def register(app: App) -> None:
    app.action(SCORE)(on_score)


def key(team: str, flow_id: str) -> Key:
    return Key(team, KIND, flow_id)


def render(deps: Deps, flow_id: str, session: AssessSession) -> dict[str, Any]:
    omap = deps.knowledge.operating_map
    domain = assess.next_domain(omap, session.scores)
    if domain is not None:
        return blocks.question(flow_id, omap, domain, session.scores)
    result = assess.result(omap, session.scores)
    assert result is not None  # every domain is rated
    return blocks.result(omap, result, at=at_for(session.channel))


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
    flow_id = new_id()
    deps.store.create(key=key(team, flow_id), value=session, ttl=deps.settings.state_ttl_seconds)
    thread_state.point(
        deps, team=team, channel=channel, thread_ts=thread_ts, kind=KIND, flow_id=flow_id
    )
    client.chat_postMessage(channel=channel, thread_ts=thread_ts, **render(deps, flow_id, session))


def current(deps: Deps, team: str, flow_id: str) -> dict[str, Any] | None:
    found = deps.store.get(key=key(team, flow_id), model=AssessSession)
    return render(deps, flow_id, found.value) if found else None


def on_score(ack: Ack, body: dict, action: dict, respond: Respond, context: BoltContext) -> None:
    ack()
    deps, team = Deps.of(context), team_of(context)
    click = decode(action.get("value"))
    at = at_for((body.get("channel") or {}).get("id"))
    found = deps.store.get(key=key(team, click.flow_id), model=AssessSession)
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
        score = int(click.answer)
        scores = assess.rate(deps.knowledge.operating_map, session.scores, score)
    except ValueError:
        tell(respond, common.BAD_PAYLOAD)
        return
    except AssessError as error:
        tell(respond, t.ERRORS[error.code].format(at=at, **error.details))
        return
    new = session.model_copy(update={"scores": scores})
    if not save(deps, key(team, click.flow_id), found, new):
        tell(respond, common.STALE)
        return
    log.info("self-assessment %s: step %d", click.flow_id, new.step)
    respond(replace_original=True, **render(deps, click.flow_id, new))
