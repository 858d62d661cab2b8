"""An /llmcost Estimate as a Block Kit message (plain dicts; words from bot/texts/llmcost.py).

Reads the Estimate, never recomputes money. Layout, top to bottom: header, workload, the
money (fields read well on a phone), verdict, the ranking with compare=, the levers, the
self-host comparison, the price source and defaults, then the buttons. At most 30 blocks
(levers: 8 at most, compared models share one section), inside Slack's 50.
"""

from __future__ import annotations

from typing import Any

from bot.blocks.common import (
    Block,
    actions,
    button,
    context,
    divider,
    escape,
    header,
    message,
    mrkdwn,
    notice,
    section,
)
from bot.blocks.spend import save_forecast_button
from bot.domain.cost.money import format_count, format_pct, format_usd, format_usd_delta
from bot.domain.cost.result import BreakEven, Estimate, ModelCost
from bot.plaintext.llmcost import lever_savings, prices_line, workload_line
from bot.texts import llmcost as texts

PREFIX = "cost."
SHARE_ACTION = "cost.share"
EDIT_ACTION = "cost.edit"
ACTIONS_BLOCK = "cost.actions"
FIELDS_LIMIT = 10


def fields_section(*items: str, text: str | None = None) -> Block:
    block: Block = {"type": "section", "fields": [mrkdwn(i[:2000]) for i in items[:FIELDS_LIMIT]]}
    if text:
        block["text"] = mrkdwn(text[:3000])
    return block


def estimate_message(
    estimate: Estimate, *, args: str, shareable: bool = True, shared_by: str | None = None
) -> dict[str, Any]:
    """The answer. ``args`` (the canonical arguments) rides in the buttons; ``shareable``
    adds "Share in channel"; ``shared_by`` (a user id) marks the copy shared in a channel."""
    primary = estimate.primary
    blocks: list[Block] = [
        header(texts.TITLE.format(model=primary.ref)),
        section(escape(workload_line(estimate.workload))),
        *_money(primary, estimate),
        section(_verdict(estimate)),
    ]
    if len(estimate.ranking) > 1:
        blocks.append(section(_ranking(estimate)))
    blocks.append(divider())
    blocks.extend(_levers(estimate))
    blocks.append(divider())
    blocks.extend(_self_host(estimate.breakeven))
    blocks.append(context(*_context(estimate, shared_by)))
    buttons = [button(texts.EDIT_BUTTON, EDIT_ACTION, args)]
    if shareable:
        buttons.insert(0, button(texts.SHARE_BUTTON, SHARE_ACTION, args, style="primary"))
    buttons.append(save_forecast_button(args))  # bot/blocks/spend.py (issue 18)
    blocks.append(actions(*buttons, block_id=ACTIONS_BLOCK))
    fallback = texts.FALLBACK.format(
        model=escape(primary.ref),
        call=format_usd(primary.per_call.total),
        month=format_usd(primary.per_month),
    )
    return message(fallback, blocks)


def help_message() -> dict[str, Any]:
    """``texts.HELP`` is also the CLI's plain-text help: its ``<same arguments>`` is escaped here."""
    return notice(escape(texts.HELP))


def error_message(text: str) -> dict[str, Any]:
    """An error notice. ``text`` comes from ``bot.texts.errors.describe``, which escaped what
    the user typed (``<!channel>`` must not ping anyone)."""
    return notice(text)


def _money(cost: ModelCost, estimate: Estimate) -> list[Block]:
    call, workload = cost.per_call, estimate.workload
    split = texts.SPLIT.format(
        input=format_usd(call.input),
        cached=format_usd(call.cached_input),
        output=format_usd(call.output),
    )
    if call.other:
        split += texts.SPLIT_OTHER.format(other=format_usd(call.other))
    return [
        fields_section(
            texts.F_PER_CALL.format(total=format_usd(call.total)),
            texts.F_OUTPUT_SHARE.format(share=format_pct(call.output_share * 100)),
            texts.F_PER_MONTH.format(month=format_usd(cost.per_month)),
            texts.F_PER_YEAR.format(year=format_usd(cost.per_year)),
            texts.F_CALLS_MONTH.format(calls=format_count(workload.calls_per_month)),
            texts.F_QPS.format(qps=format_count(workload.qps)),
        ),
        context(split),
    ]


def _verdict(estimate: Estimate) -> str:
    verdict = estimate.verdict
    return texts.VERDICT_BLOCK.format(
        emoji=texts.VERDICT_EMOJI.get(verdict.band_id, ":bulb:"),
        label=verdict.label,
        advice=verdict.advice,
    )


def _ranking(estimate: Estimate) -> str:
    lines = [texts.B_COMPARE_HEAD]
    for rank, cost in enumerate(estimate.ranking, start=1):
        if cost.is_primary:
            delta = texts.COMPARE_PRIMARY
        else:
            delta = texts.COMPARE_DELTA.format(
                amount=format_usd_delta(cost.vs_primary), primary=escape(estimate.primary.ref)
            )
        name = cost.ref if cost.provider_id else texts.CUSTOM_ROW.format(model=cost.ref)
        lines.append(
            texts.B_COMPARE_ROW.format(
                rank=rank,
                model=escape(name),
                month=format_usd(cost.per_month),
                call=format_usd(cost.per_call.total),
                delta=delta,
            )
        )
        if not cost.is_primary:
            lines.extend(texts.B_COMPARE_NOTE.format(note=texts.NOTES[c]) for c in cost.notes)
    return "\n".join(lines)


def _levers(estimate: Estimate) -> list[Block]:
    if not estimate.levers:
        return [section(texts.LEVERS_NONE)]
    month = format_usd(estimate.primary.per_month)
    blocks = [section(texts.B_LEVERS_HEAD.format(month=month))]
    for rank, lever in enumerate(estimate.levers, start=1):
        blocks.append(
            section(
                texts.B_LEVER.format(
                    rank=rank,
                    name=lever.name,
                    savings=lever_savings(lever),
                    effort=lever.effort,
                    low=format_pct(lever.impact_low_pct),
                    high=format_pct(lever.impact_high_pct),
                    notes=lever.notes,
                    why=lever.why,
                )
            )
        )
    blocks.append(context(texts.LEVERS_NOTE))
    return blocks


def _self_host(be: BreakEven) -> list[Block]:
    if be.savings_monthly > 0:
        difference = texts.CHEAPER_SELF_HOST.format(
            amount=format_usd(be.savings_monthly), gpus=format_count(be.savings_gpus)
        )
    else:
        difference = texts.CHEAPER_API.format(
            amount=format_usd(-be.savings_monthly), gpus=format_count(be.savings_gpus)
        )
    if be.break_even_qps is None or be.break_even_calls_per_month is None:
        even = texts.F_BREAK_EVEN_NONE
    else:
        even = texts.F_BREAK_EVEN.format(
            qps=format_count(be.break_even_qps), calls=format_count(be.break_even_calls_per_month)
        )
    if be.can_carry:
        carry = texts.F_CARRY_YES
    else:
        carry = texts.F_CARRY_NO.format(
            needed_gpus=format_count(be.gpus_needed), cost=format_usd(be.gpu_monthly_needed)
        )
    fields = fields_section(
        texts.F_GPU_COST.format(
            gpus=format_count(be.gpus),
            gpu_hour=format_usd(be.gpu_hour),
            hours=be.hours_per_month,
            ops=format_usd(be.ops),
            monthly=format_usd(be.gpu_monthly),
        ),
        texts.F_API_COST.format(monthly=format_usd(be.api_monthly)),
        even,
        texts.F_TPS.format(
            needed=format_count(be.needed_tps),
            available=format_count(be.available_tps),
            gpus=format_count(be.gpus),
            tps=format_count(be.tps),
        ),
        texts.F_UTILIZATION.format(util=format_pct(be.utilization_pct)),
        carry,
        text=texts.B_SELF_HOST_HEAD,
    )
    lines = [difference[:1].upper() + difference[1:] + "."]
    if be.break_even_qps is not None and not be.break_even_within_capacity:
        lines.append(
            texts.B_BEYOND.format(gpus=format_count(be.gpus), max_qps=format_count(be.max_qps))
        )
    return [fields, section(" ".join(lines))]


def _context(estimate: Estimate, shared_by: str | None) -> list[str]:
    primary, be = estimate.primary, estimate.breakeven
    items = [texts.CONTEXT_PRICES.format(prices=escape(prices_line(primary)))]
    items.extend(texts.NOTE.format(note=texts.NOTES[code]) for code in primary.notes)
    if be.defaults_used:
        shown = {
            "gpus": format_count(be.gpus),
            "gpu_hour": format_usd(be.gpu_hour),
            "ops": format_usd(be.ops),
            "tps": format_count(be.tps),
        }
        values = ", ".join(
            texts.DEFAULT_VALUE.format(name=name, value=shown[name]) for name in be.defaults_used
        )
        items.append(texts.CONTEXT_DEFAULTS.format(values=values))
    if shared_by:
        items.append(texts.SHARED_BY.format(user=shared_by))
    return items
