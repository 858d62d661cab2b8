"""The Workflow Builder step ``estimate_llm_cost`` (manifest ``functions``, Bolt
``app.function``): the /llmcost engine on a step's inputs, for a pre-launch cost review a
team builds without code.

The inputs become /llmcost arguments and go through the same parser, so a step fails with
the sentence a bad /llmcost input gets (``functions.completeError``) and succeeds with the
estimate's outputs (``functions.completeSuccess``). Stateless, like /llmcost, unless the step
is given a ``forecast`` (a feature name): then the estimate is also saved as that feature's
forecast (owning ``team``, ``alert_channel``, ``monthly_budget`` defaulting to the estimate
rounded up to the dollar), as *Save as forecast* on an answer does.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping

from slack_bolt import BoltContext, Complete, Fail

from bot.deps import Deps, team_of
from bot.domain.cost.errors import CostInputError
from bot.domain.cost.result import Estimate
from bot.domain.usage import UsageError
from bot.domain.usage.forecast import channel_id, default_budget, parse_budget
from bot.domain.usage.records import feature_name
from bot.errors import StateUnavailable
from bot.features.llmcost import answer
from bot.features.spend.forecasts import forecast_from, store_for
from bot.plaintext.llmcost_step import step_outputs
from bot.texts.errors import describe

log = logging.getLogger(__name__)
CALLBACK_ID = "estimate_llm_cost"
# step input -> /llmcost argument; the manifest declares the same names
INPUTS = (
    ("model", "model"),
    ("input_tokens", "in"),
    ("output_tokens", "out"),
    ("calls_per_day", "per_day"),
    ("cached_tokens", "cached"),
)
FORECAST_INPUTS = ("forecast", "team", "alert_channel", "monthly_budget")  # all optional


def step_args(inputs: Mapping[str, object]) -> str:
    """``model=gpt-4o in=2000 out=500 per_day=259200``: the inputs given, as typed (the
    parser checks them; an empty optional input is left out)."""
    parts = []
    for name, key in INPUTS:
        value = inputs.get(name)
        text = "" if value is None else str(value).strip()
        if text:
            parts.append(f"{key}={text}")
    return " ".join(parts)


def run(inputs: dict, complete: Complete, fail: Fail, context: BoltContext) -> None:
    deps = Deps.of(context)
    try:
        estimate, args = answer.run(step_args(inputs), deps)
        saved = _save_forecast(inputs, estimate, args, deps, team_of(context))
    except (CostInputError, UsageError, StateUnavailable) as error:
        log.info("estimate_llm_cost step refused its inputs: %s", getattr(error, "code", error))
        fail(describe(error, style="terminal"))
        return
    complete(outputs={**step_outputs(estimate), "forecast": saved})


def _text(inputs: dict, name: str) -> str:
    value = inputs.get(name)
    return "" if value is None else str(value).strip()


def _save_forecast(inputs: dict, estimate: Estimate, args: str, deps: Deps, team: str) -> str:
    """The feature the estimate was saved for as a forecast, or "" when none was asked for.
    Raises UsageError for a bad name, team, channel or budget; StateUnavailable."""
    feature = _text(inputs, "forecast")
    if not feature:
        return ""
    budget = _text(inputs, "monthly_budget")
    forecast = forecast_from(
        estimate, args,
        feature=feature_name(feature), team=feature_name(_text(inputs, "team"), "team"),
        channel=channel_id(_text(inputs, "alert_channel")),
        budget=parse_budget(budget) if budget else default_budget(estimate.primary.per_month),
        user="",
    )  # fmt: skip
    store_for(deps, team).save_forecast(forecast)
    return forecast.feature
