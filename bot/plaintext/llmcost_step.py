"""An Estimate as the Workflow Builder step's outputs: strings, as the manifest declares them.

Dollar amounts are plain decimal strings a later step can compare or a message can show
(``"77760.00"``; a call's cost keeps up to eight decimals, ``"0.0000225"``); ``summary`` is
one sentence for people, with the amounts formatted."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from bot.domain.cost.money import format_count, format_usd, to_cents
from bot.domain.cost.result import Estimate
from bot.texts import llmcost_step as texts

_PER_CALL_PLACES = Decimal("0.00000001")


def usd_text(amount: Decimal, *, per_call: bool = False) -> str:
    """``amount`` as a plain decimal string: cents, or up to eight decimals for one call
    (trailing zeros dropped, at least two places)."""
    if not per_call:
        return f"{to_cents(amount):f}"
    text = f"{amount.quantize(_PER_CALL_PLACES, rounding=ROUND_HALF_UP):f}".rstrip("0")
    whole, _, places = text.partition(".")
    return f"{whole}.{places.ljust(2, '0')}"


def step_outputs(estimate: Estimate) -> dict[str, str]:
    primary, verdict = estimate.primary, estimate.verdict
    summary = texts.SUMMARY.format(
        model=primary.ref,
        per_call=format_usd(primary.per_call.total),
        per_month=format_usd(primary.per_month),
        calls=format_count(estimate.workload.calls_per_day),
        verdict=verdict.label,
        stance=texts.STANCE[verdict.self_host].format(
            amount=format_usd(abs(estimate.self_host.savings_monthly))
        ),
    )
    return {
        "per_call_usd": usd_text(primary.per_call.total, per_call=True),
        "per_month_usd": usd_text(primary.per_month),
        "verdict": verdict.band_id,
        "summary": summary,
    }
