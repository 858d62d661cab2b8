"""A forecast: a feature's expected monthly LLM spend (from an /llmcost estimate), its
owning team, where its alerts go, and its budget."""

from __future__ import annotations

import re
from datetime import datetime
from decimal import ROUND_CEILING, Decimal, InvalidOperation

from pydantic import BaseModel, Field

from bot.domain.cost.money import to_cents
from bot.domain.usage import UsageError
from bot.domain.usage.cost import to_micros

MAX_BUDGET = Decimal(100_000_000)  # $ a month
CHANNEL = re.compile(r"^[CG][A-Z0-9]{2,20}$")  # a public or private channel's id


class Lever(BaseModel):
    """A cost lever the estimate found for this workload, with what it could save a month."""

    name: str
    save_low: Decimal
    save_high: Decimal


class Forecast(BaseModel):
    feature: str
    team: str
    channel: str
    budget: Decimal  # $ a month
    estimate: Decimal  # $ a month, as /llmcost estimated it
    model: str = ""
    # the estimate's workload, for the dashboard's forecast column
    calls_per_month: Decimal = Decimal(0)
    input_tokens: int = 0  # per call, cached included
    cached_tokens: int = 0
    output_tokens: int = 0
    batch: bool = False
    args: str = ""  # the /llmcost arguments it came from
    levers: list[Lever] = Field(default_factory=list)
    saved_by: str = ""
    saved_at: datetime | None = None

    @property
    def budget_micros(self) -> int:
        return to_micros(self.budget)


def parse_budget(text: str) -> Decimal:
    """``1500``, ``$1,500.50`` -> Decimal dollars; UsageError otherwise."""
    cleaned = text.strip().replace(",", "").removeprefix("$").strip()
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise UsageError("bad_budget", value=text) from None
    if not value.is_finite() or value <= 0 or value > MAX_BUDGET:
        raise UsageError("bad_budget", value=text)
    return value.quantize(Decimal("0.01"))


def default_budget(estimate: Decimal) -> Decimal:
    """A forecast's budget when none is given: the estimate rounded up to the dollar."""
    return to_cents(estimate).to_integral_value(rounding=ROUND_CEILING)


def channel_id(value: str | None) -> str:
    """A channel id as a conversations_select sends it; UsageError otherwise."""
    if not value or not CHANNEL.match(value):
        raise UsageError("no_channel")
    return value
