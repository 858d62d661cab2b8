"""An Estimate (and a diff of two) as JSON-ready dicts, for ``python -m bot estimate --json``.

Keys are stable (README documents them; scripts and CI read them). Money is exact Decimal
inside; here it becomes a JSON number rounded to the cent (per month, per year, levers,
fleet) or to 8 decimals (per call), so ``jq '.per_month_usd > 20000'`` works.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from bot.domain.cost.result import Estimate, LeverSaving, ModelCost, SelfHost

_CENT = Decimal("0.01")
_SMALL = Decimal("0.00000001")


def usd(amount: Decimal, *, small: bool = False) -> float:
    """A JSON number for ``amount`` (the only float in /llmcost, at the output edge)."""
    return float(amount.quantize(_SMALL if small else _CENT, rounding=ROUND_HALF_UP))


def number(value: Decimal | None, places: str = "0.0001") -> float | None:
    return None if value is None else float(value.quantize(Decimal(places), ROUND_HALF_UP))


def estimate_json(estimate: Estimate) -> dict[str, Any]:
    primary, verdict = estimate.primary, estimate.verdict
    workload = estimate.workload
    return {
        "model": primary.ref,
        "model_id": primary.model_id,
        "provider": primary.provider_id,
        "alias_of": primary.alias_of,
        "price_source": primary.price_source,
        "per_call_usd": usd(primary.per_call.total, small=True),
        "per_month_usd": usd(primary.per_month),
        "per_year_usd": usd(primary.per_year),
        "calls_per_month": number(workload.calls_per_month, "1"),
        "qps": number(workload.qps),
        "verdict": verdict.band_id,
        "verdict_label": verdict.label,
        "self_host_stance": verdict.self_host,
        "levers": [_lever(lever) for lever in estimate.levers],
        "self_host": _fleet(estimate.self_host),
        "compare": [_model(cost) for cost in estimate.ranking],
        "notes": [*primary.notes, *estimate.notes],
    }


def _lever(lever: LeverSaving) -> dict[str, Any]:
    return {
        "id": lever.lever_id,
        "number": lever.number,
        "name": lever.name,
        "low_usd": usd(lever.save_low),
        "high_usd": usd(lever.save_high),
        "capped": lever.capped,
        "ceiling": lever.ceiling,
        "cheaper_model": lever.cheaper_model,
    }


def _fleet(fleet: SelfHost) -> dict[str, Any]:
    return {
        "replacement": fleet.oss.name,
        "replacement_class": fleet.oss.class_id,
        "lower_quality": fleet.oss.lower_quality,
        "replicas": fleet.replicas,
        "gpus_per_replica": fleet.gpus_per_replica,
        "gpus": fleet.gpus,
        "monthly_usd": usd(fleet.monthly),
        "gpu_monthly_usd": usd(fleet.gpu_monthly),
        "ops_monthly_usd": usd(fleet.ops_monthly),
        "api_monthly_usd": usd(fleet.api_monthly),
        "savings_usd": usd(fleet.savings_monthly),
        "cheaper": fleet.cheaper,
        "peak_qps": number(fleet.peak_qps),
        "utilization_pct": number(fleet.utilization_pct, "0.1"),
        "break_even_qps": number(fleet.break_even_qps),
        "break_even_calls_per_month": number(fleet.break_even_calls_per_month, "1"),
        "next_replica_qps": number(fleet.next_replica_qps),
    }


def _model(cost: ModelCost) -> dict[str, Any]:
    return {
        "model": cost.ref,
        "per_call_usd": usd(cost.per_call.total, small=True),
        "per_month_usd": usd(cost.per_month),
        "main": cost.is_primary,
    }


def diff_json(base: Estimate, head: Estimate) -> dict[str, Any]:
    """Base and head side by side, with the change in $ per call and per month."""
    call = head.primary.per_call.total - base.primary.per_call.total
    month = head.primary.per_month - base.primary.per_month
    return {
        "base": estimate_json(base),
        "head": estimate_json(head),
        "per_call_usd_change": usd(call, small=True),
        "per_month_usd_change": usd(month),
        "per_month_pct_change": pct_change(base.primary.per_month, head.primary.per_month),
        "verdict_changed": base.verdict.band_id != head.verdict.band_id,
    }


def pct_change(base: Decimal, head: Decimal) -> float | None:
    """Percent change from base to head (None when base is 0)."""
    if base == 0:
        return None
    return number((head - base) / base * 100, "0.01")
