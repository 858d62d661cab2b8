"""Self-assessment across the five domains: start one, take the 1-5 clicks.

State: ``{p}:{team}:flow:assess:{id}`` holds an AssessFlow (owner, place, scores so far),
TTL ``STATE_TTL_SECONDS``. Only the person who started it rates. A click costs two Redis round
trips (read, compare-and-set); a stale or lost click gets an ephemeral notice.
"""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import BoltContext, Respond
from slack_sdk import WebClient

from bot.blocks import assess as blocks
from bot.blocks.clicks import FlowRef
from bot.deps import Deps
from bot.domain import assess
from bot.domain.assess import AssessError, AssessFlow
from bot.features.flows import Flows
from bot.features.places import at_for
from bot.features.replies import tell
from bot.texts import assess as texts
from bot.texts import common
from bot.texts.errors import describe

log = logging.getLogger(__name__)


def render(deps: Deps, ref: FlowRef, state: AssessFlow) -> dict[str, Any]:
    omap = deps.knowledge.operating_map
    domain = assess.next_domain(omap, state.scores)
    if domain is not None:
        return blocks.question(ref, omap, domain, state.scores)
    result = assess.result(omap, state.scores)
    assert result is not None  # every domain is rated
    return blocks.result(omap, result, at=at_for(state.channel))


FLOWS = Flows(
    kind="assess",
    model=AssessFlow,
    render=render,
    expired=texts.EXPIRED,
    not_yours=texts.NOT_YOURS,
    log=log,
    label="self-assessment",
)


def start(
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
    state = AssessFlow(user=user, channel=channel, thread_ts=thread_ts)
    FLOWS.start(client, deps, team=team, state=state)


def click(body: dict, action: dict, respond: Respond, context: BoltContext) -> None:
    clicked = FLOWS.clicked(body, action, respond, context)
    if clicked is None:
        return
    state = clicked.state
    try:
        score = int(clicked.answer)
        scores = assess.rate(clicked.deps.knowledge.operating_map, state.scores, score)
    except ValueError:
        tell(respond, common.BAD_PAYLOAD)
        return
    except AssessError as error:
        tell(respond, describe(error, at=clicked.at))
        return
    FLOWS.advance(clicked, respond, state.model_copy(update={"scores": scores}))
