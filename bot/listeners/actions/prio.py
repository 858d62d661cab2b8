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
from bot.blocks.clicks import decode
from bot.blocks.common import escape
from bot.deps import Deps, team_of
from bot.domain import prioritize
from bot.domain.prioritize import PrioritizeError, PrioSession
from bot.listeners import thread_state
from bot.listeners.walks import at_for, new_id, save, tell
from bot.state import Key
from bot.texts import common
from bot.texts import prio as t

log = logging.getLogger(__name__)
KIND = "prio"
SCORE = re.compile(rf"^{re.escape(blocks.SCORE_ACTION)}\.\d+$")


def register(app: App) -> None:
    app.action(SCORE)(on_score)


def key(team: str, flow_id: str) -> Key:
    return Key(team, KIND, flow_id)


def render(deps: Deps, flow_id: str, session: PrioSession) -> dict[str, Any]:
    rules = deps.knowledge.frameworks.prioritizing
    question = prioritize.next_question(rules, session)
    if question is not None:
        return blocks.question(flow_id, rules, session, question)
    ranking = prioritize.rank(rules, session.initiatives, session.scores)
    return blocks.ranking(rules, ranking)


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
    flow_id = new_id()
    deps.store.create(key=key(team, flow_id), value=session, ttl=deps.settings.state_ttl_seconds)
    thread_state.point(
        deps, team=team, channel=channel, thread_ts=thread_ts, kind=KIND, flow_id=flow_id
    )
    client.chat_postMessage(channel=channel, thread_ts=thread_ts, **render(deps, flow_id, session))


def current(deps: Deps, team: str, flow_id: str) -> dict[str, Any] | None:
    found = deps.store.get(key=key(team, flow_id), model=PrioSession)
    return render(deps, flow_id, found.value) if found else None


def error_text(error: PrioritizeError, at: str) -> str:
    details = {k: escape(v) if isinstance(v, str) else v for k, v in error.details.items()}
    return t.ERRORS[error.code].format(at=at, **details)


def on_score(ack: Ack, body: dict, action: dict, respond: Respond, context: BoltContext) -> None:
    ack()
    deps, team = Deps.of(context), team_of(context)
    click = decode(action.get("value"))
    at = at_for((body.get("channel") or {}).get("id"))
    found = deps.store.get(key=key(team, click.flow_id), model=PrioSession)
    if found is None:
        tell(respond, t.EXPIRED.format(at=at))
        return
    session = found.value
    if click.step != session.step:
        tell(respond, common.STALE)
        return
    rules = deps.knowledge.frameworks.prioritizing
    try:
        scores = prioritize.score(rules, session, int(click.answer))
    except ValueError:
        tell(respond, common.BAD_PAYLOAD)
        return
    except PrioritizeError as error:
        tell(respond, error_text(error, at))
        return
    new = session.model_copy(update={"scores": scores})
    if not save(deps, key(team, click.flow_id), found, new):
        tell(respond, common.STALE)
        return
    log.info("prio %s: step %d", click.flow_id, new.step)
    respond(replace_original=True, **render(deps, click.flow_id, new))
