"""The cost estimate run from a flow, kept in its decision record.

*Estimate cost* on a recommendation opens the /llmcost form (``open_cost_modal``) and notes
who asked from which flow, with the click's response_url, which the form carries in its
place (``{p}:{team}:pending:bvb-cost:{user}``, one hour). When that person submits that
form, /llmcost answers as always and, if the input was good, the flow keeps the estimate
(arguments, model, $ a month, price source) for its record; nothing in /llmcost changes.
"""

from __future__ import annotations

import logging

from pydantic import BaseModel, ConfigDict
from slack_bolt import BoltContext

from bot.deps import Deps, team_of
from bot.domain.buildvsbuy import CostNote, Flow
from bot.domain.cost.errors import CostInputError
from bot.errors import StateConflict, StateError
from bot.features.buildvsbuy.store import key, now
from bot.features.llmcost.answer import run
from bot.features.llmcost.form import form_text
from bot.features.places import Place
from bot.state import Key

log = logging.getLogger(__name__)
ASK_TTL = 3600  # a form left open longer than this is answered, not kept
ATTEMPTS = 3


class CostAsk(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    flow_id: str
    response_url: str


def ask_key(team: str, user: str) -> Key:
    return Key(team, "pending", f"bvb-cost:{user}")


def asked(deps: Deps, *, team: str, user: str, flow_id: str, response_url: str | None) -> None:
    """``user`` opened the cost form from flow ``flow_id`` (the click's ``response_url``)."""
    if not response_url:
        return
    try:
        deps.store.put(
            key=ask_key(team, user), value=CostAsk(flow_id=flow_id, response_url=response_url),
            ttl=ASK_TTL,
        )  # fmt: skip
    except StateError:
        log.info("could not note the cost form's flow")


def submitted(body: dict, view: dict, context: BoltContext) -> None:
    """After /llmcost answered its form: keep the estimate in the flow it was opened from."""
    deps, team, user = Deps.of(context), team_of(context), body["user"]["id"]
    place = Place.decode(view.get("private_metadata"))
    try:
        found = deps.store.get(key=ask_key(team, user), model=CostAsk)
        if found is None or not place.response_url or found.value.response_url != place.response_url:
            return
        try:
            result, args = run(form_text(view), deps)
        except CostInputError:
            return
        primary = result.primary
        note = CostNote(
            args=args, model=primary.model_name, per_month=primary.per_month,
            prices=primary.price_source, by=user, on=now().date(),
        )  # fmt: skip
        _keep(deps, key(team, found.value.flow_id), note)
        deps.store.delete(key=ask_key(team, user))
    except StateError as exc:
        log.info("could not keep the flow's cost estimate: %s", type(exc).__name__)


def _keep(deps: Deps, flow_key: Key, note: CostNote) -> None:
    """The flow with ``note``; the turn stays, so its buttons stay live."""
    for _ in range(ATTEMPTS):
        found = deps.store.get(key=flow_key, model=Flow)
        if found is None:
            return
        try:
            deps.store.update(
                key=flow_key, expected_version=found.version,
                value=found.value.model_copy(update={"cost": note}),
            )  # fmt: skip
            return
        except StateConflict:
            continue
