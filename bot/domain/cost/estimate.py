"""``estimate(request, costs, selfhost)``: price the workload on each model, size the
self-host fleet, then the one verdict and the levers in the playbook's order."""

from __future__ import annotations

from decimal import Decimal

from bot.domain.cost.args import request_args
from bot.domain.cost.errors import CostInputError
from bot.domain.cost.fleet import SECONDS_PER_DAY, size_fleet
from bot.domain.cost.levers import applicable_levers, bill_parts, ceilings, workload_facts
from bot.domain.cost.money import to_cents
from bot.domain.cost.pricing import PricedCall, price_call, price_custom
from bot.domain.cost.request import CostRequest, Volume
from bot.domain.cost.result import (
    Estimate,
    ModelCost,
    SelfHost,
    SelfHostStance,
    Verdict,
    Workload,
)
from bot.domain.knowledge.costs import Calendar, CostKnowledge
from bot.domain.knowledge.selfhost import SelfHostKnowledge

SELF_HOST_LEVER = "self_host"
_PER_DAY = {"qps": SECONDS_PER_DAY, "per_minute": 1440, "per_hour": 24, "per_day": 1}


def estimate(request: CostRequest, costs: CostKnowledge, selfhost: SelfHostKnowledge) -> Estimate:
    """The full answer for one request. Raises CostInputError for models genai-prices
    cannot price (unknown, no token price, prompt beyond the context window) and an
    ``oss=`` that names no open-weights class (with the request's arguments in ``args``)."""
    try:
        return _estimate(request, costs, selfhost)
    except CostInputError as error:
        error.details.setdefault("args", request_args(request))
        raise


def _estimate(request: CostRequest, costs: CostKnowledge, selfhost: SelfHostKnowledge) -> Estimate:
    workload = make_workload(request, costs.calendar)
    main = _model_cost(request.model, request, workload, costs, None, main=True)
    others = tuple(
        _model_cost(ref, request, workload, costs, main.per_month, main=False)
        for ref in request.compare
    )
    ranking = tuple(sorted((main, *others), key=lambda c: (c.per_month, not c.is_primary)))
    fleet = size_fleet(workload, main, request.self_host, selfhost, costs.calendar)
    facts = workload_facts(workload, main)
    stance = self_host_stance(fleet, costs, facts)
    cheapest = min(others, key=lambda c: c.per_month, default=None)
    limits = ceilings(
        workload, main, cheapest, fleet.savings_monthly if stance == "model_it" else None
    )
    # judged on the monthly spend as shown: $19,999.995 reads $20,000.00, so not "under $20K"
    band = costs.band_for(to_cents(main.per_month))
    notes = ("reasoning_left_out",) if main.reasons and request.reasoning_tokens is None else ()
    return Estimate(
        request=request,
        workload=workload,
        primary=main,
        ranking=ranking,
        verdict=Verdict(band.id, band.label, band.advice, main.per_month, stance),
        levers=applicable_levers(
            costs.levers,
            facts,
            bill_parts(workload, main),
            limits,
            cheaper_model=cheapest.ref if cheapest is not None else None,
        ),
        self_host=fleet,
        price_sources=tuple(dict.fromkeys(c.price_source for c in (main, *others))),
        notes=notes,
    )


def self_host_stance(
    fleet: SelfHost, costs: CostKnowledge, facts: dict[str, Decimal | bool]
) -> SelfHostStance:
    """``model_it`` only when the fleet is cheaper and the self-host lever's own rule (spend
    at or above the threshold) holds: the verdict and the levers then agree by construction."""
    if not fleet.cheaper:
        return "api_cheaper"
    lever = next((item for item in costs.levers if item.id == SELF_HOST_LEVER), None)
    return "model_it" if lever is not None and lever.applies(facts) else "not_worth_it"


def make_workload(request: CostRequest, calendar: Calendar) -> Workload:
    per_day = calls_per_day(request.volume, calendar.days_per_month)
    per_month = (
        request.volume.value
        if request.volume.kind == "per_month"
        else per_day * calendar.days_per_month
    )
    qps = request.volume.value if request.volume.kind == "qps" else per_day / SECONDS_PER_DAY
    return Workload(
        input_tokens=request.input_tokens,
        cached_tokens=request.cached_tokens,
        output_tokens=request.output_tokens,
        reasoning_tokens=request.reasoning_tokens or 0,
        cache_write_tokens=request.cache_write_tokens + request.cache_write_1h_tokens,
        batch=request.batch,
        volume_kind=request.volume.kind,
        volume_value=request.volume.value,
        qps=qps,
        calls_per_day=per_day,
        calls_per_month=per_month,
        calls_per_year=per_month * calendar.months_per_year,
    )


def calls_per_day(volume: Volume, days_per_month: int) -> Decimal:
    if volume.kind == "per_month":
        return volume.value / days_per_month
    return volume.value * _PER_DAY[volume.kind]


def _price(ref: str, request: CostRequest, *, main: bool) -> PricedCall:
    if main and request.custom is not None:
        return price_custom(
            ref,
            request.tokens,
            price_in=request.custom.price_in,
            price_out=request.custom.price_out,
            price_cached=request.custom.price_cached,
            batch=request.batch,
        )
    option = "model" if main else "compare"
    return price_call(
        ref,
        request.tokens,
        batch=request.batch,
        tier=request.tier,
        token=f"{option}={ref}",
        option=option,
    )


def _model_cost(
    typed: str,
    request: CostRequest,
    workload: Workload,
    costs: CostKnowledge,
    primary_month: Decimal | None,
    *,
    main: bool,
) -> ModelCost:
    custom = main and request.custom is not None
    resolved = None if custom else costs.alias_for(typed)
    ref = resolved or typed
    priced = _price(ref, request, main=main)
    calls = workload.calls_per_month
    per_month = priced.per_call.total * calls
    return ModelCost(
        ref=ref,
        model_id=priced.model_id,
        model_name=priced.model_name,
        provider_id=priced.provider_id,
        price_source=priced.price_source,
        rates=priced.rates,
        per_call=priced.per_call,
        batch_applied=priced.batch_applied,
        notes=priced.notes,
        per_month=per_month,
        per_year=per_month * costs.calendar.months_per_year,
        vs_primary=per_month - primary_month if primary_month is not None else Decimal(0),
        is_primary=primary_month is None,
        alias_of=typed if resolved else None,
        cache_priced=priced.cache_priced,
        batch_per_month=priced.batch_total * calls if priced.batch_total is not None else None,
        reasons=costs.reasoning.match(priced.model_id),
    )
