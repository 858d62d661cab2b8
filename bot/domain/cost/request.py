"""What a user asked /llmcost for, after parsing: plain immutable data, no prices yet."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

VolumeKind = Literal["qps", "per_minute", "per_hour", "per_day", "per_month"]
VOLUME_KINDS: tuple[VolumeKind, ...] = ("qps", "per_minute", "per_hour", "per_day", "per_month")
Tier = Literal["flex", "priority"]
TIERS: tuple[Tier, ...] = ("flex", "priority")


@dataclass(frozen=True)
class Volume:
    """Traffic as given: ``kind`` is qps (calls per second), per_minute, per_hour, per_day or
    per_month (calls in that period)."""

    kind: VolumeKind
    value: Decimal


@dataclass(frozen=True)
class CallTokens:
    """Tokens of one call as genai-prices bills them: ``cached``, ``cache_write`` and
    ``cache_write_1h`` are parts of ``input``; ``reasoning`` is billed as output, on top of
    ``output``."""

    input: int
    output: int
    cached: int = 0
    cache_write: int = 0
    cache_write_1h: int = 0
    reasoning: int = 0

    @property
    def fresh_input(self) -> int:
        return self.input - self.cached - self.cache_write - self.cache_write_1h

    @property
    def billed_output(self) -> int:
        return self.output + self.reasoning


@dataclass(frozen=True)
class CustomPrices:
    """The user's own rates in $ per 1M tokens (``price_cached`` None: cached billed at input)."""

    price_in: Decimal
    price_out: Decimal
    price_cached: Decimal | None = None


@dataclass(frozen=True)
class SelfHostInputs:
    """Fleet inputs the user gave; None means "use knowledge/selfhost.yaml"."""

    oss: str | None = None  # open-weights class id or model name, as typed
    gpus: int | None = None  # GPUs per replica
    gpu_hour: Decimal | None = None  # $ per GPU-hour
    ops: Decimal | None = None  # $ per month of operations, whatever the fleet size
    tps: Decimal | None = None  # output (decode) tokens per second one replica serves
    peak: Decimal | None = None  # peak-to-average traffic ratio
    replicas: int | None = None  # exactly this many replicas (1: no redundancy)


@dataclass(frozen=True)
class CostRequest:
    """One /llmcost request.

    ``model`` is the main model as typed (``gpt-4o``, ``groq:llama-3.3-70b-versatile``);
    ``compare`` the other models to rank on the same workload (never containing ``model``).
    ``custom`` prices, when given, apply to ``model`` only. ``cached_tokens`` and both cache
    writes are part of ``input_tokens``; ``reasoning_tokens`` are billed on top of
    ``output_tokens``.
    """

    model: str
    input_tokens: int
    output_tokens: int
    volume: Volume
    cached_tokens: int = 0
    cache_write_tokens: int = 0  # written to the prompt cache per call, 5-minute TTL
    cache_write_1h_tokens: int = 0  # written with a 1-hour TTL
    reasoning_tokens: int | None = None  # None: not given (a reasoning model's are left out)
    tier: Tier | None = None  # service tier (genai-prices price_context)
    batch: bool = False
    compare: tuple[str, ...] = ()
    custom: CustomPrices | None = None
    self_host: SelfHostInputs = field(default_factory=SelfHostInputs)

    @property
    def tokens(self) -> CallTokens:
        return CallTokens(
            input=self.input_tokens,
            output=self.output_tokens,
            cached=self.cached_tokens,
            cache_write=self.cache_write_tokens,
            cache_write_1h=self.cache_write_1h_tokens,
            reasoning=self.reasoning_tokens or 0,
        )
