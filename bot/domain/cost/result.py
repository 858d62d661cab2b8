"""The Estimate data model: everything /llmcost answers, as immutable data.

Renderers (``bot/domain/cost/text.py`` for the CLI, Block Kit in ``bot/blocks/``) read
these fields; they never recompute money. All money is Decimal in US dollars; format it
with ``bot.domain.cost.money``. Note codes key ``bot.texts.llmcost.NOTES``.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from bot.domain.cost.request import CostRequest, VolumeKind


@dataclass(frozen=True)
class Rates:
    """$ per 1M tokens as applied to this call (the long-prompt tier, if any, included)."""

    input: Decimal
    cached_input: Decimal
    output: Decimal


@dataclass(frozen=True)
class CallCost:
    """$ for one call. ``input`` is the uncached input only; ``other`` holds per-request fees;
    ``total`` = input + cached_input + output + other. ``output_share`` is output / total (0..1)."""

    input: Decimal
    cached_input: Decimal
    output: Decimal
    other: Decimal
    total: Decimal
    output_share: Decimal


@dataclass(frozen=True)
class ModelCost:
    """One model on the workload. ``ref`` is as typed; ``model_id``/``provider_id`` as priced."""

    ref: str
    model_id: str
    model_name: str
    provider_id: str | None  # None: custom prices
    price_source: str  # e.g. "genai-prices 0.2.3 (offline data)" or the custom-prices label
    rates: Rates
    per_call: CallCost
    batch_applied: bool
    notes: tuple[str, ...]
    per_month: Decimal
    per_year: Decimal
    vs_primary: Decimal  # per_month minus the main model's per_month (0 for the main model)
    is_primary: bool


@dataclass(frozen=True)
class Workload:
    input_tokens: int
    cached_tokens: int  # part of input_tokens
    output_tokens: int
    batch: bool
    volume_kind: VolumeKind
    volume_value: Decimal  # as given, in units of volume_kind
    qps: Decimal  # average calls per second
    calls_per_day: Decimal
    calls_per_month: Decimal  # 30-day month
    calls_per_year: Decimal

    @property
    def uncached_input_tokens(self) -> int:
        return self.input_tokens - self.cached_tokens

    @property
    def tokens_per_call(self) -> int:
        return self.input_tokens + self.output_tokens


@dataclass(frozen=True)
class Verdict:
    band_id: str  # vendor_api | case_by_case | real_math (knowledge/costs.yaml)
    label: str
    advice: str
    monthly: Decimal


@dataclass(frozen=True)
class LeverSaving:
    """A playbook lever that applies here, with the $ per month range it could save."""

    lever_id: str
    number: int  # position in the seed's playbook
    name: str
    effort: str
    impact_low_pct: Decimal
    impact_high_pct: Decimal
    notes: str
    why: str
    save_low: Decimal  # $ per month, never more than the part of the bill it acts on
    save_high: Decimal
    acts_on: str = "bill"  # bill | input | uncached_input | output (knowledge/costs.yaml)
    capped: bool = False  # the typical range reached past that part: save_high is its cost


@dataclass(frozen=True)
class BreakEven:
    """Self-hosting vs the API for the main model at this volume."""

    gpus: int
    gpu_hour: Decimal  # $ per GPU-hour
    ops: Decimal  # $ per month
    tps: Decimal  # tokens per second one GPU serves (input + output)
    defaults_used: tuple[str, ...]  # which of gpus, gpu_hour, ops, tps came from costs.yaml
    hours_per_month: int
    gpu_monthly: Decimal  # gpus x gpu_hour x hours + ops
    api_monthly: Decimal
    savings_monthly: Decimal  # api_monthly - cost of savings_gpus (negative: the API is cheaper)
    savings_gpus: int  # gpus if they can carry the load, else gpus_needed
    break_even_qps: Decimal | None  # None when a call costs $0
    break_even_calls_per_month: Decimal | None
    tokens_per_call: int
    needed_tps: Decimal
    available_tps: Decimal  # gpus x tps
    utilization_pct: Decimal  # needed / available x 100 (above 100: overloaded)
    can_carry: bool
    max_qps: Decimal  # the QPS these GPUs can serve
    break_even_within_capacity: bool  # break-even QPS <= max_qps
    gpus_needed: int  # GPUs to carry this load
    gpu_monthly_needed: Decimal  # gpu_monthly with gpus_needed GPUs


@dataclass(frozen=True)
class Estimate:
    request: CostRequest
    workload: Workload
    primary: ModelCost
    ranking: tuple[ModelCost, ...]  # primary and compared models, cheapest per month first
    verdict: Verdict
    levers: tuple[LeverSaving, ...]  # applicable levers, biggest saving first
    breakeven: BreakEven
    price_sources: tuple[str, ...]  # distinct sources used, primary's first
