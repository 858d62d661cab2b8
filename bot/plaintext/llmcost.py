"""Plain-text rendering of an Estimate, for ``python -m bot estimate`` (words from texts).

The Block Kit renderer (``bot/blocks/llmcost.py``) shares its lines for the workload, the
prices and a lever's savings."""

from __future__ import annotations

from bot.domain.cost.money import format_count, format_pct, format_usd, format_usd_delta
from bot.domain.cost.pricing import CUSTOM_SOURCE
from bot.domain.cost.result import BreakEven, Estimate, LeverSaving, ModelCost, Workload
from bot.texts import llmcost as texts


def render_text(estimate: Estimate) -> str:
    """The whole estimate as text: one section per paragraph."""
    sections = [
        _headline(estimate),
        _money(estimate.primary, estimate.workload),
        texts.VERDICT.format(label=estimate.verdict.label, advice=estimate.verdict.advice),
    ]
    if len(estimate.ranking) > 1:
        sections.append(_ranking(estimate))
    sections.append(_levers(estimate))
    sections.append(_self_host(estimate.breakeven))
    return "\n\n".join(sections) + "\n"


def workload_line(workload: Workload) -> str:
    volume = texts.VOLUME[workload.volume_kind].format(value=format_count(workload.volume_value))
    template = texts.WORKLOAD if workload.cached_tokens else texts.WORKLOAD_NO_CACHE
    return template.format(
        input=format_count(workload.input_tokens),
        cached=format_count(workload.cached_tokens),
        output=format_count(workload.output_tokens),
        volume=volume,
        batch=texts.BATCH_SUFFIX if workload.batch else "",
    )


def lever_savings(lever: LeverSaving) -> str:
    """What a lever could save here: ``$7,776.00-$31,104.00/month``, or, when the part of
    the bill it acts on is smaller than its typical range, that cap and why."""
    low, high = format_usd(lever.save_low), format_usd(lever.save_high)
    if not lever.capped:
        return texts.SAVE_RANGE.format(low=low, high=high)
    amount = texts.SAVE_UP_TO if low == high else texts.SAVE_RANGE
    part = texts.SAVE_LIMITS[lever.acts_on]
    return amount.format(low=low, high=high) + texts.SAVE_CAPPED.format(part=part)


def prices_line(cost: ModelCost) -> str:
    rates = texts.RATES.format(
        input=format_usd(cost.rates.input),
        cached=format_usd(cost.rates.cached_input),
        output=format_usd(cost.rates.output),
    )
    provider = cost.provider_id or texts.CUSTOM_PROVIDER
    return texts.PRICES.format(
        source=source_label(cost.price_source), model_id=cost.model_id, provider=provider, rates=rates
    )


def source_label(source: str) -> str:
    """Where a price came from, in words: the genai-prices version, or the user's own."""
    return texts.CUSTOM_SOURCE if source == CUSTOM_SOURCE else source


def _headline(estimate: Estimate) -> str:
    primary = estimate.primary
    lines = [
        texts.TITLE.format(model=primary.ref),
        workload_line(estimate.workload),
        prices_line(primary),
    ]
    lines.extend(texts.NOTE.format(note=texts.NOTES[code]) for code in primary.notes)
    return "\n".join(lines)


def _money(cost: ModelCost, workload: Workload) -> str:
    call = cost.per_call
    parts = texts.PER_CALL_PARTS.format(
        input=format_usd(call.input),
        cached=format_usd(call.cached_input),
        output=format_usd(call.output),
    )
    if call.other:
        parts += texts.PER_CALL_OTHER.format(other=format_usd(call.other))
    share = texts.OUTPUT_SHARE.format(share=format_pct(call.output_share * 100))
    return "\n".join(
        [
            texts.PER_CALL.format(total=format_usd(call.total), parts=parts, share=share),
            texts.VOLUME_LINE.format(
                calls_month=format_count(workload.calls_per_month),
                qps=format_count(workload.qps),
            ),
            texts.PER_MONTH.format(
                month=format_usd(cost.per_month), year=format_usd(cost.per_year)
            ),
        ]
    )


def _ranking(estimate: Estimate) -> str:
    lines = [texts.COMPARE_HEAD]
    for rank, cost in enumerate(estimate.ranking, start=1):
        if cost.is_primary:
            delta = texts.COMPARE_PRIMARY
        else:
            delta = texts.COMPARE_DELTA.format(
                amount=format_usd_delta(cost.vs_primary), primary=estimate.primary.ref
            )
        lines.append(
            texts.COMPARE_ROW.format(
                rank=rank,
                model=cost.ref if cost.provider_id else texts.CUSTOM_ROW.format(model=cost.ref),
                month=format_usd(cost.per_month),
                call=format_usd(cost.per_call.total),
                delta=delta,
            )
        )
        if not cost.is_primary:
            lines.extend("   " + texts.NOTE.format(note=texts.NOTES[code]) for code in cost.notes)
    return "\n".join(lines)


def _levers(estimate: Estimate) -> str:
    if not estimate.levers:
        return texts.LEVERS_NONE
    lines = [texts.LEVERS_HEAD.format(month=format_usd(estimate.primary.per_month))]
    for rank, lever in enumerate(estimate.levers, start=1):
        lines.append(
            texts.LEVER_ROW.format(
                rank=rank,
                name=lever.name,
                effort=lever.effort,
                low=format_pct(lever.impact_low_pct),
                high=format_pct(lever.impact_high_pct),
                savings=lever_savings(lever),
                why=lever.why,
                notes=lever.notes,
            )
        )
    lines.append(texts.LEVERS_NOTE)
    return "\n".join(lines)


def _self_host(be: BreakEven) -> str:
    gpu = texts.GPU_COST.format(
        gpus=format_count(be.gpus),
        gpu_hour=format_usd(be.gpu_hour),
        hours=be.hours_per_month,
        ops=format_usd(be.ops),
        monthly=format_usd(be.gpu_monthly),
    )
    if be.defaults_used:
        gpu += " " + texts.DEFAULTS_USED.format(names=", ".join(be.defaults_used))
    if be.savings_monthly > 0:
        difference = texts.CHEAPER_SELF_HOST.format(
            amount=format_usd(be.savings_monthly), gpus=format_count(be.savings_gpus)
        )
    else:
        difference = texts.CHEAPER_API.format(
            amount=format_usd(-be.savings_monthly), gpus=format_count(be.savings_gpus)
        )
    api = texts.API_COST.format(monthly=format_usd(be.api_monthly), difference=difference)
    if be.break_even_qps is None or be.break_even_calls_per_month is None:
        even = texts.BREAK_EVEN_NONE
    else:
        even = texts.BREAK_EVEN.format(
            qps=format_count(be.break_even_qps),
            calls=format_count(be.break_even_calls_per_month),
        )
        if not be.break_even_within_capacity:
            even += texts.BREAK_EVEN_BEYOND.format(
                gpus=format_count(be.gpus), max_qps=format_count(be.max_qps)
            )
    capacity = texts.CAPACITY.format(
        needed=format_count(be.needed_tps),
        gpus=format_count(be.gpus),
        tps=format_count(be.tps),
        available=format_count(be.available_tps),
        util=format_pct(be.utilization_pct),
    )
    if be.can_carry:
        capacity += " " + texts.CAN_CARRY
    else:
        capacity += " " + texts.CANNOT_CARRY.format(
            needed_gpus=format_count(be.gpus_needed), cost=format_usd(be.gpu_monthly_needed)
        )
    return "\n".join([texts.SELF_HOST_HEAD, gpu, api, even, capacity])
