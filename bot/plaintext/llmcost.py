"""Plain-text rendering of an Estimate, for ``python -m bot estimate`` (words from
bot/texts/llmcost_answer.py; no Slack markup).

The Block Kit renderer (``bot/blocks/llmcost.py``) shares its lines for the workload, the
prices, the verdict, a lever's savings and the stand-in."""

from __future__ import annotations

from decimal import Decimal

from bot.domain.cost.money import format_count, format_pct, format_usd, format_usd_delta
from bot.domain.cost.pricing import CUSTOM_SOURCE
from bot.domain.cost.result import Estimate, LeverSaving, ModelCost, SelfHost, Workload
from bot.texts import llmcost as topic
from bot.texts import llmcost_answer as texts


def render_text(estimate: Estimate) -> str:
    """The whole estimate as text: one section per paragraph."""
    sections = [
        _headline(estimate),
        _money(estimate.primary, estimate.workload),
        texts.VERDICT.format(
            label=estimate.verdict.label,
            advice=estimate.verdict.advice,
            stance=stance_line(estimate),
        ),
    ]
    if len(estimate.ranking) > 1:
        sections.append(_ranking(estimate))
    sections.append(_levers(estimate))
    sections.append(_self_host(estimate))
    return "\n\n".join(sections) + "\n"


def stance_line(estimate: Estimate) -> str:
    """What the verdict means for self-hosting, said once (with the quality caveat)."""
    fleet = estimate.self_host
    line = texts.STANCE[estimate.verdict.self_host].format(
        amount=format_usd(abs(fleet.savings_monthly))
    )
    if fleet.oss.lower_quality and fleet.cheaper:
        line += texts.QUALITY_CAVEAT.format(model=estimate.primary.ref)
    return line


def workload_line(workload: Workload, tier: str | None = None) -> str:
    volume = texts.VOLUME[workload.volume_kind].format(value=format_count(workload.volume_value))
    extras = []
    if workload.cached_tokens:
        extras.append(texts.CACHED.format(count=format_count(workload.cached_tokens)))
    if workload.cache_write_tokens:
        extras.append(texts.WRITTEN.format(count=format_count(workload.cache_write_tokens)))
    pricing = (texts.BATCH_SUFFIX if workload.batch else "") + (
        texts.TIER_SUFFIX.format(tier=tier) if tier else ""
    )
    reasoning = workload.reasoning_tokens
    return texts.WORKLOAD.format(
        input=format_count(workload.input_tokens),
        extras=texts.EXTRAS.format(parts=", ".join(extras)) if extras else "",
        output=format_count(workload.output_tokens),
        reasoning=texts.REASONING.format(count=format_count(reasoning)) if reasoning else "",
        volume=volume,
        pricing=pricing,
    )


def lever_savings(lever: LeverSaving) -> str:
    """What a lever could save here: ``$7,776.00-$31,104.00/month``, or, when its ceiling
    cut the typical range, that ceiling and why; routing names the cheaper model."""
    low, high = format_usd(lever.save_low), format_usd(lever.save_high)
    amount = texts.SAVE_UP_TO if low == high else texts.SAVE_RANGE
    text = amount.format(low=low, high=high)
    if lever.capped and lever.ceiling:
        text += texts.SAVE_CAPPED.format(limit=texts.CEILINGS[lever.ceiling])
    return text


def route_line(lever: LeverSaving) -> str:
    if lever.cheaper_model is None or lever.ceiling_usd is None:
        return ""
    return texts.ROUTE_TO.format(model=lever.cheaper_model, amount=format_usd(lever.ceiling_usd))


def prices_line(cost: ModelCost) -> str:
    rates = texts.RATES.format(
        input=format_usd(cost.rates.input),
        cached=format_usd(cost.rates.cached_input),
        output=format_usd(cost.rates.output),
    )
    provider = cost.provider_id or texts.CUSTOM_PROVIDER
    return texts.PRICES.format(
        source=source_label(cost.price_source),
        model_id=cost.model_id,
        provider=provider,
        rates=rates,
    )


def source_label(source: str) -> str:
    """Where a price came from, in words: the genai-prices version, or the user's own."""
    return texts.CUSTOM_SOURCE if source == CUSTOM_SOURCE else source


def note_lines(estimate: Estimate) -> list[str]:
    """The main model's notes: an alias read, price caveats, estimate-wide notes."""
    primary = estimate.primary
    notes = []
    if primary.alias_of:
        notes.append(topic.ALIAS_NOTE.format(alias=primary.alias_of, model=primary.ref))
    notes.extend(topic.NOTES[code] for code in (*primary.notes, *estimate.notes))
    return [texts.NOTE.format(note=note) for note in notes]


def stand_in_line(fleet: SelfHost, model: str) -> str:
    template = texts.STAND_IN_CHOSEN if fleet.oss.chosen_by_user else texts.STAND_IN
    line = template.format(
        name=fleet.oss.name,
        example=fleet.oss.example,
        model=model,
        tier=fleet.oss.vendor_tier_label,
    )
    return line + (texts.LOWER_QUALITY if fleet.oss.lower_quality else "")


def _headline(estimate: Estimate) -> str:
    primary = estimate.primary
    lines = [
        texts.TITLE.format(model=primary.ref),
        workload_line(estimate.workload, estimate.request.tier),
        prices_line(primary),
        *note_lines(estimate),
    ]
    return topic.plain("\n".join(lines))


def _money(cost: ModelCost, workload: Workload) -> str:
    call = cost.per_call
    parts = texts.PER_CALL_PARTS.format(
        input=format_usd(call.input),
        cached=format_usd(call.cached_input),
        output=format_usd(call.output),
    )
    if call.cache_write:
        parts += texts.PER_CALL_WRITES.format(writes=format_usd(call.cache_write))
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
            notes = (topic.NOTES[code] for code in cost.notes)
            lines.extend("   " + texts.NOTE.format(note=topic.plain(n)) for n in notes)
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
                part=texts.PARTS[lever.acts_on],
                savings=lever_savings(lever),
                why=lever.why,
            )
            + route_line(lever)
        )
    lines.append(texts.LEVERS_NOTE)
    return "\n".join(lines)


def fleet_lines(estimate: Estimate) -> list[str]:
    """The fleet, its throughput, cost, break-even and next replica, one sentence a line."""
    fleet = estimate.self_host
    if fleet.cheaper:
        difference = texts.FLEET_CHEAPER.format(amount=format_usd(fleet.savings_monthly))
    else:
        difference = texts.API_CHEAPER.format(amount=format_usd(-fleet.savings_monthly))
    lines = [
        stand_in_line(fleet, estimate.primary.ref),
        texts.FLEET.format(
            replicas=format_count(fleet.replicas),
            gpr=format_count(fleet.gpus_per_replica),
            gpus=format_count(fleet.gpus),
            peak_qps=format_count(fleet.peak_qps),
            peak=format_count(fleet.peak_to_average),
            target=format_pct(fleet.target_utilization_pct),
            util=format_pct(fleet.utilization_pct),
        ),
        texts.THROUGHPUT.format(
            prefill=format_count(fleet.prefill_tps),
            decode=format_count(fleet.decode_tps),
            peak_prefill=format_count(fleet.peak_prefill_tps),
            peak_decode=format_count(fleet.peak_decode_tps),
            replica_qps=format_count(fleet.replica_qps),
        ),
        texts.FLEET_COST.format(
            gpus=format_count(fleet.gpus),
            gpu_hour=format_usd(fleet.gpu_hour),
            hours=fleet.hours_per_month,
            gpu_monthly=format_usd(fleet.gpu_monthly),
            ops=format_usd(fleet.ops_monthly),
            monthly=format_usd(fleet.monthly),
        ),
        texts.API_COST.format(monthly=format_usd(fleet.api_monthly), difference=difference),
        break_even_line(fleet, texts.BREAK_EVEN, texts.BREAK_EVEN_NONE),
        volume_line(texts.NEXT_REPLICA, fleet.next_replica_qps, fleet.next_replica_calls_per_month),
    ]
    if fleet.defaults_used:
        lines.append(texts.DEFAULTS_USED.format(names=", ".join(fleet.defaults_used)))
    return lines


def volume_line(template: str, qps: Decimal, calls: Decimal) -> str:
    return template.format(qps=format_count(qps), calls=format_count(calls))


def break_even_line(fleet: SelfHost, found: str, never: str) -> str:
    """``found`` with the break-even QPS and calls a month, or ``never`` when there is none."""
    if fleet.break_even_qps is None or fleet.break_even_calls_per_month is None:
        return never
    return volume_line(found, fleet.break_even_qps, fleet.break_even_calls_per_month)


def _self_host(estimate: Estimate) -> str:
    return "\n".join([texts.SELF_HOST_HEAD, *fleet_lines(estimate)])
