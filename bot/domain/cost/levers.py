"""Which of the seed's 8 levers apply to a workload, and what each could save here.

Applicability is data (``applies_when`` in knowledge/costs.yaml) tested against the
workload facts below; savings are the lever's typical impact % range x monthly spend,
capped at what the part of the bill the lever acts on costs here (``acts_on``): caching
can't save more than the uncached input's cache discount, an output cap more than the
output costs.
"""

from __future__ import annotations

from decimal import Decimal

from bot.domain.cost.money import to_cents
from bot.domain.cost.result import LeverSaving, ModelCost, Workload
from bot.domain.knowledge.costs import BOOL_FACTS, NUMERIC_FACTS, Lever

_HUNDRED = Decimal(100)


def workload_facts(workload: Workload, primary: ModelCost) -> dict[str, Decimal | bool]:
    """Every fact a lever rule may test (names match costs.py's NumericFact / BoolFact)."""
    cached_share = Decimal(workload.cached_tokens) / workload.input_tokens * _HUNDRED
    facts: dict[str, Decimal | bool] = {
        "monthly_usd": to_cents(primary.per_month),  # thresholds read the spend as shown
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


def bill_parts(workload: Workload, primary: ModelCost) -> dict[str, Decimal]:
    """$ per month of each part of the bill a lever can act on (keys: costs.py's ActsOn)."""
    call, rates, calls = primary.per_call, primary.rates, workload.calls_per_month
    discount = Decimal(1)  # no cheaper cache price known: at most the whole uncached input
    if 0 <= rates.cached_input < rates.input:
        discount = (rates.input - rates.cached_input) / rates.input
    return {
        "bill": primary.per_month,
        "input": (call.input + call.cached_input) * calls,
        "uncached_input": call.input * discount * calls,
        "output": call.output * calls,
    }


def applicable_levers(
    levers: tuple[Lever, ...],
    facts: dict[str, Decimal | bool],
    monthly: Decimal,
    parts: dict[str, Decimal] | None = None,
) -> tuple[LeverSaving, ...]:
    """The levers whose rules all hold, biggest saving here first; ties go to less effort,
    then to the seed's order. ``parts`` (from ``bill_parts``) caps each saving at the part
    of the bill the lever acts on; a lever that can save nothing here is left out."""
    found = [
        _saving(lever, monthly, (parts or {}).get(lever.acts_on, monthly))
        for lever in levers
        if lever.applies(facts)
    ]
    found = [s for s in found if s.save_high > 0 or s.impact_high_pct == 0]
    order = {lever.id: lever for lever in levers}
    found.sort(
        key=lambda s: (
            -(s.save_low + s.save_high),
            -(s.impact_low_pct + s.impact_high_pct),
            order[s.lever_id].effort_rank,
            s.number,
        )
    )
    return tuple(found)


def _saving(lever: Lever, monthly: Decimal, ceiling: Decimal) -> LeverSaving:
    low = monthly * lever.impact_low_pct / _HUNDRED
    high = monthly * lever.impact_high_pct / _HUNDRED
    return LeverSaving(
        lever_id=lever.id,
        number=lever.number,
        name=lever.name,
        effort=lever.effort,
        impact_low_pct=lever.impact_low_pct,
        impact_high_pct=lever.impact_high_pct,
        notes=lever.notes,
        why=lever.why,
        save_low=min(low, ceiling),
        save_high=min(high, ceiling),
        acts_on=lever.acts_on,
        capped=high > ceiling,
    )
