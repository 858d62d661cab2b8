"""What one usage record cost, priced with genai-prices (through ``bot.domain.cost.pricing``)
at ingest, in integer micro-dollars, and which tier its model sits in."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal
from functools import lru_cache
from typing import Literal

from bot.domain.cost.errors import CostInputError
from bot.domain.cost.pricing import price_call, split_ref
from bot.domain.cost.request import CallTokens
from bot.domain.usage import UsageError
from bot.domain.usage.records import UsageRecord

MICRO = Decimal(1_000_000)
Tier = Literal["small", "mid", "frontier"]
TIERS: tuple[Tier, ...] = ("small", "mid", "frontier")
# $ per 1M input tokens where a tier starts (gemini-2.5-flash $0.30 is small, a $1 model is
# mid, gpt-4o $2.50 and claude-sonnet-4-5 $3 are frontier)
TIER_FROM: dict[Tier, Decimal] = {"mid": Decimal("0.5"), "frontier": Decimal(2)}


@dataclass(frozen=True)
class RecordCost:
    micros: int  # $ x 1,000,000, rounded half-even
    model_id: str  # as genai-prices names it
    tier: Tier
    batch_applied: bool


def to_micros(amount: Decimal) -> int:
    return int((amount * MICRO).to_integral_value(rounding=ROUND_HALF_EVEN))


def from_micros(micros: int) -> Decimal:
    return Decimal(micros) / MICRO


def tier_of(input_rate: Decimal) -> Tier:
    if input_rate >= TIER_FROM["frontier"]:
        return "frontier"
    return "mid" if input_rate >= TIER_FROM["mid"] else "small"


def model_ref(record: UsageRecord) -> str:
    """``provider:model`` when genai-prices knows the provider, else the model alone."""
    if record.provider and split_ref(f"{record.provider}:{record.model}")[0] is not None:
        return f"{record.provider}:{record.model}"
    return record.model


def record_cost(record: UsageRecord) -> RecordCost:
    """Raises UsageError for a model genai-prices can't price."""
    return _priced(
        model_ref(record),
        record.input_tokens,
        record.cached_tokens,
        record.output_tokens,
        record.batch,
    )


@lru_cache(maxsize=8192)
def _priced(ref: str, input_tokens: int, cached: int, output: int, batch: bool) -> RecordCost:
    try:
        priced = price_call(ref, CallTokens(input=input_tokens, output=output, cached=cached),
                            batch=batch)  # fmt: skip
    except CostInputError as error:
        code = "unknown_model" if error.code == "unknown_model" else "unpriced"
        closest = error.details.get("closest", ())
        raise UsageError(code, model=ref, closest=closest) from None
    # the tier goes by the model's standard input price, not a batch discount
    standard = _priced(ref, input_tokens, cached, output, False) if batch else None
    return RecordCost(
        micros=to_micros(priced.per_call.total),
        model_id=priced.model_id,
        tier=standard.tier if standard else tier_of(priced.rates.input),
        batch_applied=priced.batch_applied,
    )
