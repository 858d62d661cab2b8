"""``estimate(request, costs)``: price the workload on each model, then the verdict band,
the levers that apply and the self-host break-even for the main model."""

from __future__ import annotations

from decimal import Decimal

from bot.domain.cost.breakeven import SECONDS_PER_DAY, break_even
from bot.domain.cost.levers import applicable_levers, bill_parts, workload_facts
from bot.domain.cost.money import to_cents
from bot.domain.cost.pricing import PricedCall, price_call, price_custom
from bot.domain.cost.request import CostRequest, Volume
from bot.domain.cost.result import Estimate, ModelCost, Verdict, Workload
from bot.domain.knowledge.costs import Calendar, CostKnowledge


def estimate(request: CostRequest, costs: CostKnowledge) -> Estimate:
    """The full answer for one request. Raises CostInputError for models genai-prices
    cannot price (unknown, no token price, prompt beyond the context window)."""
    workload = make_workload(request, costs.calendar)
    main = _model_cost(request.model, _price_main(request), workload, costs, None)
    others = tuple(
        _model_cost(ref, _price_listed(request, ref), workload, costs, main.per_month)
        for ref in request.compare
    )
    ranking = tuple(sorted((main, *others), key=lambda c: (c.per_month, not c.is_primary)))
    # judged on the monthly spend as shown: $19,999.995 reads $20,000.00, so not "under $20K"
    band = costs.band_for(to_cents(main.per_month))
    facts = workload_facts(workload, main)
    return Estimate(
        request=request,
        workload=workload,
        primary=main,
        ranking=ranking,
        verdict=Verdict(band.id, band.label, band.advice, main.per_month),
        levers=applicable_levers(costs.levers, facts, main.per_month, bill_parts(workload, main)),
        breakeven=break_even(workload, main, request.self_host, costs),
        price_sources=tuple(dict.fromkeys(c.price_source for c in (main, *others))),
    )


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
        batch=request.batch,
        volume_kind=request.volume.kind,
        volume_value=request.volume.value,
        qps=qps,
        calls_per_day=per_day,
        calls_per_month=per_month,
        calls_per_year=per_month * calendar.months_per_year,
    )


def calls_per_day(volume: Volume, days_per_month: int) -> Decimal:
    if volume.kind == "qps":
        return volume.value * SECONDS_PER_DAY
    if volume.kind == "per_day":
        return volume.value
    return volume.value / days_per_month


def _price_main(request: CostRequest) -> PricedCall:
    tokens = (request.input_tokens, request.cached_tokens, request.output_tokens)
    if request.custom is not None:
        return price_custom(
            request.model,
            *tokens,
            price_in=request.custom.price_in,
            price_out=request.custom.price_out,
            price_cached=request.custom.price_cached,
            batch=request.batch,
        )
    return price_call(
        request.model,
        *tokens,
        batch=request.batch,
        token=f"model={request.model}",
        option="model",
    )


def _price_listed(request: CostRequest, ref: str) -> PricedCall:
    return price_call(
        ref,
        request.input_tokens,
        request.cached_tokens,
        request.output_tokens,
        batch=request.batch,
        token=f"compare={ref}",
        option="compare",
    )


def _model_cost(
    ref: str,
    priced: PricedCall,
    workload: Workload,
    costs: CostKnowledge,
    primary_month: Decimal | None,
) -> ModelCost:
    per_month = priced.per_call.total * workload.calls_per_month
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
    )
