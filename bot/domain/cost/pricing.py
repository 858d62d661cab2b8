"""Prices for one call, from genai-prices' bundled (offline) data or the user's own rates.

With ``calc.py`` (both prices of a call in one pass) the only modules that import
genai_prices. They never start ``UpdatePrices`` (the background auto-update that fetches
over the network): genai-prices then reads the data snapshot shipped inside the pinned
package, and every result is checked to come from it. Money is Decimal throughout, as
genai-prices returns it.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from genai_prices import Usage, __version__
from genai_prices.data_snapshot import find_provider_by_id, get_snapshot
from genai_prices.types import ModelPrice, TieredPrices, calc_unit_price

from bot.domain.cost.calc import calc_both
from bot.domain.cost.errors import CostInputError
from bot.domain.cost.request import CallTokens
from bot.domain.cost.result import CallCost, Rates

PRICE_SOURCE = f"genai-prices {__version__} (offline data)"
CUSTOM_SOURCE = "custom"  # prices the user gave; renderers name it (bot.texts.llmcost.CUSTOM_SOURCE)
_MTOK = 1_000_000
CUTOFF = 0.6  # difflib's default for "close"
BARE_BONUS = 0.1  # prefer "claude-sonnet-4-5" to "github-copilot:claude-sonnet-4.6"


@dataclass(frozen=True)
class PricedCall:
    """One call priced: what was priced (ids as genai-prices knows them) and what it costs."""

    model_id: str
    model_name: str
    provider_id: str | None  # None for custom prices
    price_source: str
    rates: Rates  # $ per 1M tokens as applied to this call (long-prompt tier included)
    per_call: CallCost
    batch_applied: bool
    notes: tuple[str, ...]  # keys of bot.texts.llmcost.NOTES
    cache_priced: bool = False  # a cache-read price below the input price is known
    batch_total: Decimal | None = None  # $ a call at batch prices, when they differ


def price_call(
    model_ref: str,
    tokens: CallTokens,
    *,
    batch: bool = False,
    tier: str | None = None,
    token: str | None = None,
    option: str = "model",
) -> PricedCall:
    """Price one call of ``model_ref`` (``gpt-4o`` or ``provider:model``) with genai-prices,
    at batch prices and/or a service tier (``flex``, ``priority``) when asked. ``token`` is
    how the model was typed, for errors: CostInputError for a model or provider genai-prices
    does not know, a model without a token price we need, a prompt beyond its context window.
    """
    provider_id, model = split_ref(model_ref)
    bad = {"token": token or model_ref, "option": option, "source": PRICE_SOURCE}
    usage = _usage(tokens)
    try:  # standard and batch prices in one pass (bot/domain/cost/calc.py)
        both = calc_both(usage, model, provider_id=provider_id, tier=tier)
    except LookupError:
        raise CostInputError(
            "unknown_model", model=model_ref, closest=tuple(closest_models(model_ref)), **bad
        ) from None
    standard, batched = both.standard, both.batched
    result = batched if batch else standard
    if result.auto_update_timestamp is not None:  # someone started UpdatePrices: not our data
        raise RuntimeError("genai-prices data came from an auto-update, not the bundled snapshot")
    prices = result.model_price
    for direction, price, needed in (
        ("input", prices.input_mtok, True),
        ("output", prices.output_mtok, tokens.billed_output > 0),
    ):
        if needed and price is None:
            raise CostInputError("no_price", model=model_ref, direction=direction, **bad)
    window = result.model.context_window
    if window is not None and tokens.input > window and not _tiered_beyond(prices, window):
        raise CostInputError(
            "over_context",
            model=result.model.id,
            input=tokens.input,
            window=window,
            **{**bad, "token": f"in={tokens.input}"},
        )
    has_batch = both.has_batch
    notes = ["batch_unavailable"] if batch and not has_batch else []
    if tier and not both.tier_known:
        notes.append("tier_unavailable")
    if tokens.cached and prices.cache_read_mtok is None:
        notes.append("no_cache_price")
    if (tokens.cache_write or tokens.cache_write_1h) and prices.cache_write_mtok is None:
        notes.append("no_cache_write_price")
    if window is not None and tokens.input > window:
        notes.append("beyond_context_window")
    per_call = _parts(result.input_price, result.output_price, result.total_price,
                      prices, tokens, notes)  # fmt: skip
    return PricedCall(
        model_id=result.model.id,
        model_name=result.model.name or result.model.id,
        provider_id=result.provider.id,
        price_source=PRICE_SOURCE,
        rates=_rates(prices, tokens.input),
        per_call=per_call,
        batch_applied=batch and has_batch,
        notes=tuple(notes),
        cache_priced=_cache_priced(prices, tokens.input),
        batch_total=batched.total_price if has_batch and not batch else None,
    )


def price_custom(
    label: str,
    tokens: CallTokens,
    *,
    price_in: Decimal,
    price_out: Decimal,
    price_cached: Decimal | None = None,
    batch: bool = False,
) -> PricedCall:
    """Price one call at the user's own $ per 1M rates, with genai-prices' calculation
    (cache writes at ``price_in``)."""
    rates = {"input_mtok": price_in, "output_mtok": price_out}
    if price_cached is not None:
        rates["cache_read_mtok"] = price_cached
    prices = ModelPrice(**rates)
    calc = prices.calc_price(_usage(tokens))
    notes = ["batch_custom"] if batch else []
    if tokens.cached and price_cached is None:
        notes.append("custom_no_cache_price")
    per_call = _parts(calc["input_price"], calc["output_price"], calc["total_price"],
                      prices, tokens, notes)  # fmt: skip
    return PricedCall(
        model_id=label,
        model_name=label,
        provider_id=None,
        price_source=CUSTOM_SOURCE,
        rates=_rates(prices, tokens.input),
        per_call=per_call,
        batch_applied=False,
        notes=tuple(notes),
        cache_priced=_cache_priced(prices, tokens.input),
    )


def split_ref(model_ref: str) -> tuple[str | None, str]:
    """``groq:llama-3.3-70b-versatile`` -> (``groq``, model); no known provider prefix -> (None, ref)."""
    prefix, sep, rest = model_ref.partition(":")
    provider = find_provider_by_id(get_snapshot().providers, prefix) if sep and rest else None
    return (provider.id, rest) if provider is not None else (None, model_ref)


def closest_models(name: str, n: int = 3) -> list[str]:
    """Up to ``n`` model references genai-prices accepts that look most like ``name``
    (difflib ratio over model ids and names; references that need no provider prefix win
    ties). A known ``provider:`` prefix narrows the search to that provider."""
    provider_id, model = split_ref(name)
    index = _provider_index(provider_id) if provider_id else _bare_index()
    matcher = difflib.SequenceMatcher()
    matcher.set_seq2(model.lower())
    scored: dict[str, float] = {}
    for key, ref in index.items():
        matcher.set_seq1(key)
        if matcher.real_quick_ratio() < CUTOFF or matcher.quick_ratio() < CUTOFF:
            continue
        ratio = matcher.ratio()
        if ratio >= CUTOFF:
            score = ratio + (0 if ":" in ref and not provider_id else BARE_BONUS)
            scored[ref] = max(score, scored.get(ref, 0.0))
    return sorted(scored, key=lambda ref: (-scored[ref], ref))[:n]


# -- internals --------------------------------------------------------------------------------


def _tiered_beyond(prices: ModelPrice, window: int) -> bool:
    """True when genai-prices has an input tier starting at or past the listed context window:
    the window is then not a hard limit (e.g. a 1M-token beta priced as a long-prompt tier)."""
    price = prices.input_mtok
    return isinstance(price, TieredPrices) and any(tier.start >= window for tier in price.tiers)


def _rate(price: object, input_tokens: int) -> Decimal:
    """$ per 1M tokens at this call's tier, by genai-prices' own unit-price function."""
    return calc_unit_price(price, _MTOK, input_tokens, _MTOK)  # type: ignore[arg-type]


def _rates(prices: ModelPrice, input_tokens: int) -> Rates:
    cache = prices.cache_read_mtok if prices.cache_read_mtok is not None else prices.input_mtok
    return Rates(
        input=_rate(prices.input_mtok, input_tokens),
        cached_input=_rate(cache, input_tokens),
        output=_rate(prices.output_mtok, input_tokens),
    )


def _usage(tokens: CallTokens) -> Usage:
    writes = tokens.cache_write + tokens.cache_write_1h
    extra: dict[str, int] = {"cache_write_tokens": writes} if writes else {}
    if tokens.cache_write_1h:
        extra["cache_write_1h_tokens"] = tokens.cache_write_1h
    if tokens.reasoning:
        extra["output_reasoning_tokens"] = tokens.reasoning
    return Usage(
        input_tokens=tokens.input,
        cache_read_tokens=tokens.cached,
        output_tokens=tokens.billed_output,
        **extra,
    )


def _cache_priced(prices: ModelPrice, input_tokens: int) -> bool:
    if prices.cache_read_mtok is None:
        return False
    return _rate(prices.cache_read_mtok, input_tokens) < _rate(prices.input_mtok, input_tokens)


def _part(price: object, tokens: int, input_tokens: int) -> Decimal:
    if not tokens or price is None:
        return Decimal(0)
    return calc_unit_price(price, tokens, input_tokens, _MTOK)  # type: ignore[arg-type]


def _parts(
    input_price: Decimal,
    output: Decimal,
    total: Decimal,
    prices: ModelPrice,
    tokens: CallTokens,
    notes: list[str],
) -> CallCost:
    """Split genai-prices' input price into fresh, cached and cache-write parts (cached tokens
    at the cache-read price, or the input price when there is none) and the output price into
    answer and reasoning; appends fee/zero notes."""
    read = prices.cache_read_mtok if prices.cache_read_mtok is not None else prices.input_mtok
    cached = _part(read, tokens.cached, tokens.input)
    fresh = _part(prices.input_mtok, tokens.fresh_input, tokens.input)
    out_rate = output / tokens.billed_output if tokens.billed_output else Decimal(0)
    other = total - input_price - output
    if other:
        notes.append("request_fee")
    if total == 0:
        notes.append("zero_price")
    return CallCost(
        input=fresh,
        cached_input=cached,
        output=output,
        other=other,
        total=total,
        output_share=output / total if total else Decimal(0),
        cache_write=input_price - fresh - cached,
        reasoning=out_rate * tokens.reasoning,
    )


@cache
def _indexes() -> tuple[dict[str, str], dict[str, dict[str, str]]]:
    """Lower-cased model ids and names -> a reference genai-prices resolves to that model:
    bare where it resolves without a provider, else ``provider:id``. Also per provider."""
    snapshot = get_snapshot()
    bare: dict[str, str] = {}
    per_provider: dict[str, dict[str, str]] = {}
    for provider in snapshot.providers:
        own = per_provider.setdefault(provider.id, {})
        for model in provider.models:
            keys = [k.lower() for k in (model.id, model.name) if k]
            if _resolves(model.id, provider.id):
                own.update(dict.fromkeys(keys, f"{provider.id}:{model.id}"))
                plain = _resolves(model.id, None, model.id)
                ref = model.id if plain else f"{provider.id}:{model.id}"
                for key in keys:
                    if plain or key not in bare:
                        bare[key] = ref
    return bare, per_provider


def _resolves(model_id: str, provider_id: str | None, expect: str | None = None) -> bool:
    try:
        _, found = get_snapshot().find_provider_model(model_id, None, provider_id, None)
    except LookupError:
        return False
    return expect is None or found.id == expect


def _bare_index() -> dict[str, str]:
    return _indexes()[0]


def _provider_index(provider_id: str) -> dict[str, str]:
    return _indexes()[1].get(provider_id, {})
