"""A call's standard and batch prices in one pass, by genai-prices' own calculation.

``calc_price`` twice (standard, then ``processing=batch``) finds the model twice, resolves
and validates the priced units twice and splits the usage into priced counts twice. A
batch variant only overrides some of the model's prices, so both price sets usually price
the same units: ``calc_both`` finds the model once, splits the usage once and sums both
price sets over the same counts, in the order ``ModelPrice.calc_price`` does (so every
Decimal is the same). When the two price sets price different units it runs genai-prices'
calculation again for the batch one. What depends only on the model and the moment (its
price sets with and without the tier and batch, resolved and compared) is kept per model,
price in force and active variants (``_prices``); what genai-prices infers for a usage key
nobody reported depends only on which keys are above zero, and is kept per those
(``_missing``). Built on genai-prices 0.2.3 internals (pinned in
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
    ModelInfo,
    ModelPrice,
    PriceCalculation,
    TieredPrices,
    _collect_resolved_model_prices,
    _compute_registry_priced_counts,
    _reported_usage_keys,
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
    has_batch: bool  # batch prices differ from the standard ones
    tier_known: bool  # the asked tier changes the prices (False without a tier)


@dataclass(frozen=True)
class _Prices:
    """One model's price sets at one moment, resolved and compared once (``_prices``)."""

    model: ModelInfo  # kept, so that the key's ids cannot be reused
    base: ModelPrice
    standard: ModelPrice
    batch: ModelPrice
    plain: ModelPrice
    resolved: Resolved
    resolved_batch: Resolved | None  # None when the batch variant prices other units
    has_batch: bool
    tier_known: bool


_PRICES: dict[tuple[Any, ...], _Prices] = {}
_INFERRED: dict[tuple[str, frozenset[str]], tuple[Any, str | None]] = {}
CACHE_LIMIT = 8192  # entries of each memo; both are bounded by the bundled data's shapes


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
    prices = _prices(model, any(model is m for m in provider.models), tier, now)
    stamp = snapshot.timestamp if snapshot.from_auto_update else None
    usage_data = Usage.from_raw(usage)
    counts = _counts(prices.resolved, usage_data)
    standard = _sums(prices.resolved, counts, usage_data)
    if not prices.has_batch:
        batched = standard
    elif prices.resolved_batch is not None:
        batched = _sums(prices.resolved_batch, counts, usage_data)
    else:  # the variant prices other units: genai-prices' calculation from the start
        batched = dict(prices.batch.calc_price(usage))  # type: ignore[arg-type]
    return BothPrices(
        standard=PriceCalculation(
            **standard, model=model, provider=provider, model_price=prices.standard,
            auto_update_timestamp=stamp,
        ),
        batched=PriceCalculation(
            **batched, model=model, provider=provider, model_price=prices.batch,
            auto_update_timestamp=stamp,
        ),
        plain_price=prices.plain,
        has_batch=prices.has_batch,
        tier_known=prices.tier_known,
    )  # fmt: skip


def _prices(model: ModelInfo, own: bool, tier: str | None, now: datetime) -> _Prices:
    """``model``'s standard, batch and plain price sets at ``now``, resolved, as
    ``ModelInfo.get_prices`` makes them: they depend on the price in force (``get_prices``
    without a context returns it as it is) and on which variants are active, so those are
    the memo's key. A model borrowed from another provider ignores the context (``own``)."""
    base = model.get_prices(now)
    active = tuple(
        i for i, variant in enumerate(model.price_variants or ())
        if variant.constraint is None or variant.constraint.active(now)
    )  # fmt: skip
    key = (id(model), id(base), own, tier, active)
    found = _PRICES.get(key)
    if found is not None and found.model is model and found.base is base:
        return found
    tiered: dict[str, Any] = {"service_tier": tier} if tier else {}
    standard = model.get_prices(now, tiered if own else None)
    batch = model.get_prices(now, {**tiered, **BATCH_CONTEXT} if own else None)
    plain = model.get_prices(now) if tier else standard
    resolved = _collect_resolved_model_prices(standard, _get_registry())
    resolved_batch: Resolved | None = resolved
    if batch != standard:
        resolved_batch = _collect_resolved_model_prices(batch, _get_registry())
        if [unit for unit, _ in resolved_batch] != [unit for unit, _ in resolved]:
            resolved_batch = None
    found = _Prices(
        model, base, standard, batch, plain, resolved, resolved_batch,
        has_batch=batch != standard, tier_known=bool(tier) and standard != plain,
    )  # fmt: skip
    if len(_PRICES) >= CACHE_LIMIT:
        _PRICES.clear()
    _PRICES[key] = found
    return found


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
    stored = usage.__dict__  # the reported values, as Usage keeps them
    positive: frozenset[str] | None = None
    for key, inside in plan.leaves:
        raw = stored.get(key)
        if raw is None:
            if positive is None:
                reported = _reported_usage_keys()
                positive = frozenset(k for k, v in stored.items() if k in reported and v > 0)
            raw = _missing(usage, key, positive)
        leaf = subtract_usage_values(0 if raw is None else raw, [counts[k] for k in inside])
        if leaf < 0:  # genai-prices' own error for usage that does not add up
            return _compute_registry_priced_counts(resolved, usage)
        counts[key] = leaf
    if plan.requests:
        counts["requests"] = 1
    return counts


def _missing(usage: Usage, key: str, positive: frozenset[str]) -> Any:
    """``getattr(usage, key, None)`` for a key ``usage`` does not report: genai-prices
    infers it from which reported keys are above zero (``positive``) alone, as 0 or a
    ValueError naming them, so the outcome is kept per (key, positive keys)."""
    found = _INFERRED.get((key, positive))
    if found is None:
        try:
            found = (getattr(usage, key, None), None)
        except ValueError as error:
            found = (None, str(error))
        if len(_INFERRED) >= CACHE_LIMIT:
            _INFERRED.clear()
        _INFERRED[(key, positive)] = found
    value, problem = found
    if problem is not None:
        raise ValueError(problem)
    return value


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
    return BothPrices(
        standard=standard, batched=batched, plain_price=plain.model_price,
        has_batch=batched.model_price != standard.model_price,
        tier_known=bool(tiered) and standard.model_price != plain.model_price,
    )  # fmt: skip
