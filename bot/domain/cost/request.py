"""What a user asked /llmcost for, after parsing: plain immutable data, no prices yet."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

VolumeKind = Literal["qps", "per_day", "per_month"]
VOLUME_KINDS: tuple[VolumeKind, ...] = ("qps", "per_day", "per_month")


@dataclass(frozen=True)
class Volume:
    """Traffic as given: ``kind`` is one of qps (calls per second), per_day, per_month."""

    kind: VolumeKind
    value: Decimal


@dataclass(frozen=True)
class CustomPrices:
    """The user's own rates in $ per 1M tokens (``price_cached`` None: cached billed at input)."""

    price_in: Decimal
    price_out: Decimal
    price_cached: Decimal | None = None


@dataclass(frozen=True)
class SelfHostInputs:
    """Break-even inputs the user gave; None means "use the default from knowledge/costs.yaml"."""

    gpus: int | None = None
    gpu_hour: Decimal | None = None  # $ per GPU-hour
    ops: Decimal | None = None  # $ per month of operations overhead
    tps: Decimal | None = None  # tokens per second one GPU serves (input + output)


@dataclass(frozen=True)
class CostRequest:
    """One /llmcost request.

    ``model`` is the main model as typed (``gpt-4o``, ``groq:llama-3.3-70b-versatile``);
    ``compare`` the other models to rank on the same workload (never containing ``model``).
    ``custom`` prices, when given, apply to ``model`` only.
    """

    model: str
    input_tokens: int
    output_tokens: int
    volume: Volume
    cached_tokens: int = 0
    batch: bool = False
    compare: tuple[str, ...] = ()
    custom: CustomPrices | None = None
    self_host: SelfHostInputs = field(default_factory=SelfHostInputs)
