"""A call's standard and batch prices in one pass, by genai-prices' own calculation.

``calc_price`` twice (standard, then ``processing=batch``) finds the model twice, resolves
and validates the priced units twice and splits the usage into priced counts twice. A
batch variant only overrides some of the model's prices, so both price sets usually price
the same units: ``calc_both`` finds the model once, splits the usage once and sums both
price sets over the same counts, in the order ``ModelPrice.calc_price`` does (so every
Decimal is the same). When the two price sets price different units it runs genai-prices'
calculation again for the batch one. Built on genai-prices 0.2.3 internals (pinned in
pyproject.toml); ``tests/domain/cost/test_cost_calc.py`` checks it against ``calc_price``
on every model of the bundled data.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from functools import cache
from typing import Any

from genai_prices import Usage, calc_price
from genai_prices._usage import subtract_usage_values
from genai_prices.data_snapshot import get_snapshot
from genai_prices.decompose import is_descendant_or_self
from genai_prices.types import (
    ModelPrice,
    PriceCalculation,
    TieredPrices,
    _collect_resolved_model_prices,
    _compute_registry_priced_counts,
    calc_unit_price,
)
from genai_prices.units import UnitDef, _get_registry
from genai_prices.validation import validate_priced_units

BATCH_CONTEXT = {"processing": "batch"}
_SPECIAL = {("groq", "whisper-large-v3"), ("groq", "whisper-large-v3-turbo")}  # usage rewritten
Resolved = tuple[tuple[UnitDef, Decimal | TieredPrices], ...]


@dataclass(frozen=True)
class BothPrices:
    standard: PriceCalculation  # at the asked tier (or none)
    batched: PriceCalculation  # the same, with processing=batch
    plain_price: ModelPrice  # the model's prices without the tier (to tell if the tier exists)


def calc_both(
    usage: Usage,
    model_ref: str,
    *,
    provider_id: str | None,
    tier: str | None,
    at: datetime | None = None,
) -> BothPrices:
    """What ``calc_price(usage, model_ref, provider_id=..., price_context=ctx)`` gives for
    ``ctx`` = the tier and the tier + batch, from one lookup at one timestamp (``at``, by
    default now). LookupError for a model or provider genai-prices does not know."""
    tiered: dict[str, Any] = {"service_tier": tier} if tier else {}
    snapshot = get_snapshot()
    now = at or datetime.now(tz=UTC)
    provider, model = snapshot.find_provider_model(model_ref, None, provider_id, None)
    if (provider.id, model.id) in _SPECIAL:  # genai-prices adjusts these calls' usage itself
        return _twice(usage, model_ref, provider_id, tiered, now)
    own = any(model is m for m in provider.models)  # a borrowed model ignores the context
    standard_price = model.get_prices(now, tiered if own else None)
    batch_price = model.get_prices(now, {**tiered, **BATCH_CONTEXT} if own else None)
    stamp = snapshot.timestamp if snapshot.from_auto_update else None
    resolved = _collect_resolved_model_prices(standard_price, _get_registry())
    usage_data = Usage.from_raw(usage)
    counts = _counts(resolved, usage_data)
    standard = _sums(resolved, counts, usage_data)
    if batch_price == standard_price:
        batched = standard
    else:
        resolved_batch = _collect_resolved_model_prices(batch_price, _get_registry())
        if [unit for unit, _ in resolved_batch] == [unit for unit, _ in resolved]:
            batched = _sums(resolved_batch, counts, usage_data)
        else:  # the variant prices other units: genai-prices' calculation from the start
            batched = dict(batch_price.calc_price(usage))  # type: ignore[arg-type]
    plain_price = model.get_prices(now) if tier else standard_price
    return BothPrices(
        standard=PriceCalculation(
            **standard, model=model, provider=provider, model_price=standard_price,
            auto_update_timestamp=stamp,
        ),
        batched=PriceCalculation(
            **batched, model=model, provider=provider, model_price=batch_price,
            auto_update_timestamp=stamp,
        ),
        plain_price=plain_price,
    )  # fmt: skip


@dataclass(frozen=True)
class _Plan:
    """How ``compute_leaf_values`` splits usage for one set of priced units: each unit's
    usage key, in its order, with the keys of the priced units inside it (subtracted)."""

    leaves: tuple[tuple[str, tuple[str, ...]], ...]
    requests: bool  # a per-request price: its count is 1


@cache
def _plan(usage_keys: tuple[str, ...]) -> _Plan:
    """Validated once per set of units (what ``ModelPrice.calc_price`` checks every call:
    ancestor and join coverage), ordered as ``compute_leaf_values`` orders them. The
    registry is genai-prices' bundled one, built once."""
    registry = _get_registry()
    units = [registry.units[key] for key in usage_keys]
    validate_priced_units(units, registry)
    priced = sorted(
        (unit for unit in units if unit.usage_key != "requests"),
        key=lambda unit: (-len(unit.dimensions), unit.usage_key),
    )
    leaves = tuple(
        (unit.usage_key, tuple(
            other.usage_key for other in priced
            if other is not unit and is_descendant_or_self(unit, other)
        ))
        for unit in priced
    )  # fmt: skip
    return _Plan(leaves, "requests" in usage_keys)


def _counts(resolved: Resolved, usage: Usage) -> dict[str, Any]:
    """``_compute_registry_priced_counts(resolved, usage)``, with its plan kept per unit set."""
    plan = _plan(tuple(unit.usage_key for unit, _ in resolved))
    counts: dict[str, Any] = {}
    for key, inside in plan.leaves:
        raw = getattr(usage, key, None)
        leaf = subtract_usage_values(0 if raw is None else raw, [counts[k] for k in inside])
        if leaf < 0:  # genai-prices' own error for usage that does not add up
            return _compute_registry_priced_counts(resolved, usage)
        counts[key] = leaf
    if plan.requests:
        counts["requests"] = 1
    return counts


def _sums(resolved: Resolved, counts: dict[str, Any], usage: Usage) -> dict[str, Decimal]:
    """``ModelPrice.calc_price``'s sums, over counts already split from the usage."""
    tiered = any(isinstance(value, TieredPrices) for _, value in resolved)
    total_input_tokens = usage.input_tokens if tiered else 0
    input_price = output_price = total_price = Decimal(0)
    for unit, value in resolved:
        unit_price = calc_unit_price(value, counts[unit.usage_key], total_input_tokens, unit.per)
        total_price += unit_price
        direction = unit.dimensions.get("direction")
        if direction == "input":
            input_price += unit_price
        elif direction == "output":
            output_price += unit_price
    return {"input_price": input_price, "output_price": output_price, "total_price": total_price}


def _twice(
    usage: Usage, model_ref: str, provider_id: str | None, tiered: dict[str, Any], at: datetime
) -> BothPrices:
    def calc(context: dict[str, Any]) -> PriceCalculation:
        return calc_price(
            usage, model_ref, provider_id=provider_id, genai_request_timestamp=at,
            price_context=context,
        )  # fmt: skip

    standard, batched = calc(tiered), calc({**tiered, **BATCH_CONTEXT})
    plain = calc({}) if tiered else standard
    return BothPrices(standard=standard, batched=batched, plain_price=plain.model_price)
