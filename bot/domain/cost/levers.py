"""Which of the playbook's 8 levers apply to a workload, in the order to run them, and what
each could save here.

Applicability is data (``applies_when`` in knowledge/costs.yaml) tested against the
workload facts below. A lever's saving is ``min(part x impact %, ceiling)`` at both ends of
its typical range: ``part`` is the bill, the input, the uncached input or the output
(``acts_on``), ``ceiling`` what this workload can really save (the cache discount, the batch
discount, a cheaper compared model, a cheaper self-host fleet). A lever whose ceiling is
unknown or nothing here is left out (unless ``ceiling_optional``). Levers come in the
playbook's order (``number``), never by dollars: the cheap, fast ones first.
"""

from __future__ import annotations

from collections.abc import Mapping
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
    call, calls = primary.per_call, workload.calls_per_month
    return {
        "bill": primary.per_month,
        "input": (call.input + call.cached_input + call.cache_write) * calls,
        "uncached_input": call.input * calls,
        "output": call.output * calls,
    }


def ceilings(
    workload: Workload,
    primary: ModelCost,
    cheapest_other: ModelCost | None,
    fleet_saving: Decimal | None,
) -> dict[str, Decimal]:
    """What each kind of ceiling allows here, $ per month; a kind unknown here is absent."""
    found: dict[str, Decimal] = {}
    rates = primary.rates
    if primary.cache_priced and rates.input > 0:
        discount = (rates.input - rates.cached_input) / rates.input
        found["cache_discount"] = primary.per_call.input * discount * workload.calls_per_month
    if primary.batch_per_month is not None and primary.batch_per_month < primary.per_month:
        found["batch_discount"] = primary.per_month - primary.batch_per_month
    if cheapest_other is not None and cheapest_other.per_month < primary.per_month:
        found["cheaper_model"] = primary.per_month - cheapest_other.per_month
    if fleet_saving is not None and fleet_saving > 0:
        found["fleet_saving"] = fleet_saving
    return found


def applicable_levers(
    levers: tuple[Lever, ...],
    facts: Mapping[str, Decimal | bool],
    parts: Mapping[str, Decimal],
    limits: Mapping[str, Decimal],
    cheaper_model: str | None = None,
) -> tuple[LeverSaving, ...]:
    """The levers whose rules all hold and whose ceiling is known here (or optional), in the
    playbook's order; a lever that can save nothing here is left out."""
    found: list[LeverSaving] = []
    for lever in sorted(levers, key=lambda item: item.number):
        if not lever.applies(facts):
            continue
        ceiling = limits.get(lever.ceiling) if lever.ceiling else None
        if lever.ceiling and ceiling is None and not lever.ceiling_optional:
            continue
        named = cheaper_model if lever.ceiling == "cheaper_model" and ceiling else None
        saving = _saving(lever, parts[lever.acts_on], ceiling, named)
        if saving.save_high > 0 or lever.impact_high_pct == 0:
            found.append(saving)
    return tuple(found)


def _saving(
    lever: Lever, part: Decimal, ceiling: Decimal | None, cheaper_model: str | None
) -> LeverSaving:
    low = part * lever.impact_low_pct / _HUNDRED
    high = part * lever.impact_high_pct / _HUNDRED
    top = high if ceiling is None else min(high, ceiling)
    return LeverSaving(
        lever_id=lever.id,
        number=lever.number,
        name=lever.name,
        effort=lever.effort,
        impact_low_pct=lever.impact_low_pct,
        impact_high_pct=lever.impact_high_pct,
        notes=lever.notes,
        why=lever.why,
        save_low=min(low, top),
        save_high=top,
        acts_on=lever.acts_on,
        part=part,
        ceiling=lever.ceiling if ceiling is not None else None,
        ceiling_usd=ceiling,
        capped=ceiling is not None and high > ceiling,
        cheaper_model=cheaper_model,
    )
