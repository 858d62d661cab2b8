"""Prioritizing initiatives: start a scoring flow, take the 1-5 clicks, post the ranking.

State: ``{p}:{team}:flow:prioritize:{id}`` holds a PrioFlow (initiatives, place, scores so far),
TTL ``STATE_TTL_SECONDS``. Anyone in the conversation may score: it is the team's ranking.
A click costs two Redis round trips (read, compare-and-set); two people clicking the same
step at once: the first counts, the second gets an ephemeral "moved on".
"""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import BoltContext, Respond
from slack_sdk import WebClient

from bot.blocks import prioritize as blocks
from bot.blocks.clicks import FlowRef
from bot.deps import Deps
from bot.domain import prioritize
from bot.domain.prioritize import PrioFlow, PrioritizeError
from bot.features.flows import Flows
from bot.features.replies import tell
from bot.texts import common
from bot.texts import prioritize as texts
from bot.texts.errors import describe

log = logging.getLogger(__name__)


def render(deps: Deps, ref: FlowRef, state: PrioFlow) -> dict[str, Any]:
    rules = deps.knowledge.frameworks.prioritizing
    question = prioritize.next_question(rules, state)
    if question is not None:
        return blocks.question(ref, rules, state, question)
    ranking = prioritize.rank(rules, state.initiatives, state.scores)
    return blocks.ranking(rules, ranking)


FLOWS = Flows(
    kind="prioritize",
    model=PrioFlow,
    render=render,
    expired=texts.EXPIRED,
    not_yours=None,  # the team's ranking: anyone in the conversation scores
    log=log,
    label="prioritize",
)


def start(
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
    state = PrioFlow(
        user=user,
        channel=channel,
        thread_ts=thread_ts,
        initiatives=names,
        scores=prioritize.new_scores(names),
    )
    FLOWS.start(client, deps, team=team, state=state)


def click(body: dict, action: dict, respond: Respond, context: BoltContext) -> None:
    clicked = FLOWS.clicked(body, action, respond, context)
    if clicked is None:
        return
    rules = clicked.deps.knowledge.frameworks.prioritizing
    try:
        scores = prioritize.score(rules, clicked.state, int(clicked.answer))
    except ValueError:
        tell(respond, common.BAD_PAYLOAD)
        return
    except PrioritizeError as error:
        tell(respond, describe(error, at=clicked.at))
        return
    FLOWS.advance(clicked, respond, clicked.state.model_copy(update={"scores": scores}))
