"""Which of the seed's 8 levers apply to a workload, and what each could save here.

Applicability is data (``applies_when`` in knowledge/costs.yaml) tested against the
workload facts below; savings are the lever's typical impact % range x monthly spend.
"""

from __future__ import annotations

from decimal import Decimal

from bot.domain.cost.result import LeverSaving, ModelCost, Workload
from bot.domain.knowledge.costs import BOOL_FACTS, NUMERIC_FACTS, Lever

_HUNDRED = Decimal(100)


def workload_facts(workload: Workload, primary: ModelCost) -> dict[str, Decimal | bool]:
    """Every fact a lever rule may test (names match costs.py's NumericFact / BoolFact)."""
    cached_share = Decimal(workload.cached_tokens) / workload.input_tokens * _HUNDRED
    facts: dict[str, Decimal | bool] = {
        "monthly_usd": primary.per_month,
        "input_tokens": Decimal(workload.input_tokens),
        "cached_tokens": Decimal(workload.cached_tokens),
        "uncached_input_tokens": Decimal(workload.uncached_input_tokens),
        "output_tokens": Decimal(workload.output_tokens),
        "cached_share_pct": cached_share,
        "output_share_pct": primary.per_call.output_share * _HUNDRED,
        "qps": workload.qps,
        "batch": workload.batch,
        "custom_prices": primary.provider_id is None,
    }
    assert set(facts) == set(NUMERIC_FACTS) | set(BOOL_FACTS), "facts out of step with costs.py"
    return facts


def applicable_levers(
    levers: tuple[Lever, ...], facts: dict[str, Decimal | bool], monthly: Decimal
) -> tuple[LeverSaving, ...]:
    """The levers whose rules all hold, biggest typical saving first; ties go to less effort,
    then to the seed's order."""
    found = [_saving(lever, monthly) for lever in levers if lever.applies(facts)]
    order = {lever.id: lever for lever in levers}
    found.sort(
        key=lambda s: (
            -(s.impact_low_pct + s.impact_high_pct),
            order[s.lever_id].effort_rank,
            s.number,
        )
    )
    return tuple(found)


def _saving(lever: Lever, monthly: Decimal) -> LeverSaving:
    return LeverSaving(
        lever_id=lever.id,
        number=lever.number,
        name=lever.name,
        effort=lever.effort,
        impact_low_pct=lever.impact_low_pct,
        impact_high_pct=lever.impact_high_pct,
        notes=lever.notes,
        why=lever.why,
        save_low=monthly * lever.impact_low_pct / _HUNDRED,
        save_high=monthly * lever.impact_high_pct / _HUNDRED,
    )
