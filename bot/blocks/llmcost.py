"""An /llmcost Estimate as a Block Kit message (plain dicts; words from
bot/texts/llmcost_answer.py).

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
from bot.blocks.table import Table, table_block, table_text
from bot.domain.cost.money import format_count, format_pct, format_usd, format_usd_delta
from bot.domain.cost.result import Estimate, ModelCost, Workload
from bot.plaintext.llmcost import (
    break_even_line,
    fleet_lines,
    lever_savings,
    note_lines,
    prices_line,
    route_line,
    stance_line,
    workload_line,
)
from bot.texts import llmcost as topic
from bot.texts import llmcost_answer as texts

PREFIX = "cost."
SHARE_ACTION = "cost.share"
EDIT_ACTION = "cost.edit"
CHART_ACTION = "cost.chart"
ACTIONS_BLOCK = "cost.actions"
FIELDS_LIMIT = 10
CONTEXT_LIMIT = 10


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
        section(escape(workload_line(estimate.workload, estimate.request.tier))),
        *_money(primary, estimate.workload),
        section(_verdict(estimate)),
    ]
    table = compare_table(estimate) if len(estimate.ranking) > 1 else fleet_table(estimate)
    if len(estimate.ranking) > 1:
        blocks.extend(_ranking(estimate, table))
    blocks.append(divider())
    blocks.extend(_levers(estimate))
    blocks.append(divider())
    blocks.extend(_self_host(estimate, None if len(estimate.ranking) > 1 else table))
    blocks.append(context(*_context(estimate, shared_by)[:CONTEXT_LIMIT]))
    buttons = [
        button(texts.EDIT_BUTTON, EDIT_ACTION, args),
        button(texts.CHART_BUTTON, CHART_ACTION, args),
    ]
    if shareable:
        buttons.insert(0, button(texts.SHARE_BUTTON, SHARE_ACTION, args, style="primary"))
    blocks.append(actions(*buttons, block_id=ACTIONS_BLOCK))
    fallback = texts.FALLBACK.format(
        model=escape(primary.ref),
        call=format_usd(primary.per_call.total),
        month=format_usd(primary.per_month),
    )
    return message(fallback + "\n" + escape(table_text(table)), blocks)


def help_message() -> dict[str, Any]:
    """``topic.HELP``: its ``<same arguments>`` placeholders are escaped here."""
    return notice(escape(topic.HELP))


def error_message(text: str) -> dict[str, Any]:
    """An error notice. ``text`` comes from ``bot.texts.errors.describe``, which escaped what
    the user typed (``<!channel>`` must not ping anyone)."""
    return notice(text)


def _money(cost: ModelCost, workload: Workload) -> list[Block]:
    call = cost.per_call
    split = texts.SPLIT.format(
        input=format_usd(call.input),
        cached=format_usd(call.cached_input),
        output=format_usd(call.output),
    )
    if call.cache_write:
        split += texts.SPLIT_WRITES.format(writes=format_usd(call.cache_write))
    if call.other:
        split += texts.SPLIT_OTHER.format(other=format_usd(call.other))
    items = [
        texts.F_PER_CALL.format(total=format_usd(call.total)),
        texts.F_OUTPUT_SHARE.format(share=format_pct(call.output_share * 100)),
        texts.F_PER_MONTH.format(month=format_usd(cost.per_month)),
        texts.F_PER_YEAR.format(year=format_usd(cost.per_year)),
        texts.F_CALLS_MONTH.format(calls=format_count(workload.calls_per_month)),
        texts.F_QPS.format(qps=format_count(workload.qps)),
    ]
    return [fields_section(*items), context(split)]


def _verdict(estimate: Estimate) -> str:
    verdict = estimate.verdict
    return texts.B_VERDICT.format(
        emoji=texts.VERDICT_EMOJI.get(verdict.band_id, ":bulb:"),
        label=verdict.label,
        advice=verdict.advice,
        stance=escape(stance_line(estimate)),
    )


def _ranking(estimate: Estimate, table: Table) -> list[Block]:
    """The models compared, as a table where it fits (else the list), with their notes."""
    blocks: list[Block] = [section(texts.B_COMPARE_HEAD)]
    if table.fits:
        blocks.append(table_block(table))
    else:
        blocks.append(section(_ranking_lines(estimate)))
    notes = [
        texts.B_COMPARE_NOTE.format(note=f"{escape(c.ref)}: {topic.NOTES[code]}").strip()
        for c in estimate.ranking
        if not c.is_primary
        for code in c.notes
    ]
    if notes:
        blocks.append(context(*notes[:CONTEXT_LIMIT]))
    return blocks


def _model_name(cost: ModelCost) -> str:
    return cost.ref if cost.provider_id else texts.CUSTOM_ROW.format(model=cost.ref)


def compare_table(estimate: Estimate) -> Table:
    """One row per model, cheapest first: $ a call, $ a month, and the gap to the cheapest."""
    cheapest = estimate.ranking[0].per_month
    rows = tuple(
        (
            texts.T_YOURS.format(model=_model_name(c)) if c.is_primary else _model_name(c),
            format_usd(c.per_call.total),
            format_usd(c.per_month),
            texts.T_CHEAPEST
            if c.per_month == cheapest
            else format_usd_delta(c.per_month - cheapest),
        )
        for c in estimate.ranking
    )
    header = (texts.T_MODEL, texts.T_PER_CALL, texts.T_PER_MONTH, texts.T_VS)
    return Table(header=header, rows=rows, align=("left", "right", "right", "right"))


def fleet_table(estimate: Estimate) -> Table:
    """The sized fleet against the API bill at the same volume."""
    fleet = estimate.self_host
    gap = fleet.savings_monthly
    diff = (texts.T_DIFF_FLEET if gap > 0 else texts.T_DIFF_API).format(amount=format_usd(abs(gap)))
    rows = (
        (texts.T_API, format_usd(fleet.api_monthly), texts.T_API_WHAT.format(
            model=estimate.primary.ref, calls=format_count(estimate.workload.calls_per_month))),
        (texts.T_FLEET, format_usd(fleet.monthly), texts.T_FLEET_WHAT.format(
            replicas=format_count(fleet.replicas), gpr=format_count(fleet.gpus_per_replica),
            oss=fleet.oss.name, gpus=format_usd(fleet.gpu_monthly), ops=format_usd(fleet.ops_monthly))),
        (texts.T_DIFFERENCE, format_usd(abs(gap)), diff),
    )  # fmt: skip
    header = (texts.T_OPTION, texts.T_PER_MONTH, texts.T_WHAT)
    return Table(header=header, rows=rows, align=("left", "right", "left"))


def _ranking_lines(estimate: Estimate) -> str:
    lines = []
    for rank, cost in enumerate(estimate.ranking, start=1):
        if cost.is_primary:
            delta = texts.COMPARE_PRIMARY
        else:
            delta = texts.COMPARE_DELTA.format(
                amount=format_usd_delta(cost.vs_primary), primary=escape(estimate.primary.ref)
            )
        lines.append(
            texts.B_COMPARE_ROW.format(
                rank=rank,
                model=escape(_model_name(cost)),
                month=format_usd(cost.per_month),
                call=format_usd(cost.per_call.total),
                delta=delta,
            )
        )
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
                    savings=lever_savings(lever) + escape(route_line(lever)),
                    effort=lever.effort,
                    low=format_pct(lever.impact_low_pct),
                    high=format_pct(lever.impact_high_pct),
                    part=texts.PARTS[lever.acts_on],
                    notes=lever.notes,
                    why=lever.why,
                )
            )
        )
    blocks.append(context(texts.LEVERS_NOTE))
    return blocks


def _self_host(estimate: Estimate, table: Table | None) -> list[Block]:
    """The fleet as fields; with ``table`` (no models compared), its cost against the API as
    a table in place of the two cost fields."""
    fleet = estimate.self_host
    even = break_even_line(fleet, texts.F_BREAK_EVEN, texts.F_BREAK_EVEN_NONE)
    costs = [
        texts.F_FLEET_COST.format(
            gpu_monthly=format_usd(fleet.gpu_monthly),
            ops=format_usd(fleet.ops_monthly),
            monthly=format_usd(fleet.monthly),
        ),
        texts.F_API_COST.format(monthly=format_usd(fleet.api_monthly)),
    ]
    if table is not None and table.fits:
        costs = []
    fields = fields_section(
        texts.F_STAND_IN.format(
            name=escape(fleet.oss.name), lower=texts.B_LOWER if fleet.oss.lower_quality else ""
        ),
        texts.F_FLEET.format(
            replicas=format_count(fleet.replicas),
            gpr=format_count(fleet.gpus_per_replica),
            gpus=format_count(fleet.gpus),
        ),
        *costs,
        even,
        texts.F_NEXT.format(qps=format_count(fleet.next_replica_qps)),
        text=texts.B_SELF_HOST_HEAD,
    )
    tail = [table_block(table)] if table is not None and table.fits else []
    return [fields, *tail, context(escape(" ".join(fleet_lines(estimate))))]


def _context(estimate: Estimate, shared_by: str | None) -> list[str]:
    items = [escape(prices_line(estimate.primary)), *note_lines(estimate)]
    if shared_by:
        items.append(texts.SHARED_BY.format(user=shared_by))
    return items
