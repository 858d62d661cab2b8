"""Forecasts: "Save as forecast" on an /llmcost answer opens the form (feature, owning team,
alert channel, monthly budget defaulting to the estimate); saving stores it with no TTL;
``/llmcost forecasts`` lists them with their month to date.

The button's value (the answer's /llmcost arguments) and the form's private_metadata are
untrusted: the estimate is computed again from them each time, never read as a result."""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from slack_bolt import Ack, BoltContext, Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.blocks.common import notice
from bot.blocks.spend import forecasts_message
from bot.blocks.spend_forms import BUDGET, CHANNEL, FEATURE, TEAM, forecast_modal, submitted
from bot.deps import Deps, team_of
from bot.domain.cost.errors import CostInputError
from bot.domain.cost.money import format_usd
from bot.domain.cost.result import Estimate
from bot.domain.usage import UsageError
from bot.domain.usage.forecast import Forecast, Lever, channel_id, parse_budget
from bot.domain.usage.ledger import feature_field, month_of
from bot.domain.usage.records import feature_name
from bot.errors import StateUnavailable
from bot.features.llmcost.answer import run
from bot.features.places import click_channel
from bot.features.replies import tell
from bot.features.spend.store import SpendStore, spend_team
from bot.texts import common
from bot.texts import spend as texts
from bot.texts.errors import describe

log = logging.getLogger(__name__)


def store_for(deps: Deps, team: str) -> SpendStore:
    settings = deps.settings
    return SpendStore(deps.store, spend_team(settings, team), id_ttl=settings.usage_id_ttl_seconds)


def open_form(body: dict, action: dict, respond: Respond, client: WebClient, context: BoltContext) -> None:
    """The "Save as forecast" click: the form, filled from the answer's estimate."""
    args = action.get("value") if isinstance(action.get("value"), str) else ""
    try:
        estimate, args = run(str(args), Deps.of(context))
    except CostInputError as error:
        log.info("save-as-forecast click with an unreadable value (%s)", error.code)
        tell(respond, texts.BAD_VALUE)
        return
    primary = estimate.primary
    view = forecast_modal(
        model=primary.ref, estimate=primary.per_month, channel=click_channel(body),
        metadata=json.dumps({"args": args}),
    )  # fmt: skip
    try:
        client.views_open(trigger_id=body["trigger_id"], view=view)
    except SlackApiError as exc:
        log.warning("views.open for a forecast failed: %s", exc.response.get("error"))
        tell(respond, texts.FORM_FAILED)


def submit(ack: Ack, body: dict, view: dict, client: WebClient, context: BoltContext) -> None:
    deps = Deps.of(context)
    try:
        metadata = json.loads(view.get("private_metadata") or "{}")
        estimate, args = run(str(metadata.get("args", "")), deps)
    except (ValueError, AttributeError, CostInputError):
        ack(response_action="errors", errors={FEATURE: texts.BAD_VALUE})
        return
    values = submitted(view)
    errors: dict[str, str] = {}
    forecast = _forecast(values, estimate, args, body["user"]["id"], errors)
    if forecast is None:
        ack(response_action="errors", errors=errors)
        return
    try:
        store_for(deps, team_of(context)).save_forecast(forecast)
    except StateUnavailable:
        ack(response_action="errors", errors={FEATURE: describe(StateUnavailable(), style="field")})
        return
    ack()
    saved = texts.SAVED.format(
        feature=forecast.feature, estimate=format_usd(forecast.estimate), budget=format_usd(forecast.budget),
        channel=forecast.channel, team=forecast.team,
    )  # fmt: skip
    try:
        client.chat_postMessage(channel=body["user"]["id"], **notice(saved))
    except SlackApiError as exc:
        log.info("forecast confirmation not sent (%s)", exc.response.get("error"))


def _forecast(
    values: dict[str, str], estimate: Estimate, args: str, user: str, errors: dict[str, str]
) -> Forecast | None:
    def field(block: str, parse: Any) -> Any:
        try:
            return parse(values.get(block, ""))
        except UsageError as error:
            errors[block] = describe(error, style="field")
            return None

    feature = field(FEATURE, feature_name)
    team = field(TEAM, lambda v: feature_name(v, "team"))
    budget = field(BUDGET, parse_budget)
    channel = field(CHANNEL, channel_id)
    if errors:
        return None
    return forecast_from(estimate, args, feature=feature, team=team, channel=str(channel),
                         budget=budget, user=user)  # fmt: skip


def forecast_from(
    estimate: Estimate, args: str, *, feature: str, team: str, channel: str, budget: Decimal,
    user: str,
) -> Forecast:  # fmt: skip
    """A forecast of ``estimate`` (its workload and levers kept for the dashboard and the
    100% alert), saved by ``user`` now."""
    primary, workload = estimate.primary, estimate.workload
    return Forecast(
        feature=feature, team=team, channel=channel, budget=budget,
        estimate=primary.per_month, model=primary.model_id, args=args,
        calls_per_month=workload.calls_per_month, input_tokens=workload.input_tokens,
        cached_tokens=workload.cached_tokens, output_tokens=workload.output_tokens,
        batch=workload.batch,
        levers=[Lever(name=lv.name, save_low=lv.save_low, save_high=lv.save_high)
                for lv in estimate.levers],
        saved_by=user, saved_at=datetime.now(UTC),
    )  # fmt: skip


def wants_listing(text: str) -> bool:
    return text.strip().lower() == texts.LIST_WORD


def listing(deps: Deps, team: str) -> dict[str, Any]:
    """``/llmcost forecasts`` (private to the asker)."""
    spend = store_for(deps, team)
    try:
        found = spend.forecasts()
        month = month_of(datetime.now(UTC))
        fields, _ = spend.month(month) if found else ({}, 0)
    except StateUnavailable:
        return {"response_type": "ephemeral", **notice(common.STATE_UNAVAILABLE)}
    spent = {f: fields.get(feature_field(f), 0) for f in found}
    return {"response_type": "ephemeral", **forecasts_message(found, spent)}
