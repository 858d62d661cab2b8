"""The Estimate data model: everything /llmcost answers, as immutable data.

Renderers (``bot/plaintext/llmcost.py`` for the CLI, Block Kit in ``bot/blocks/``) read
these fields; they never recompute money. All money is Decimal in US dollars; format it
with ``bot.domain.cost.money``. Note codes key ``bot.texts.llmcost.NOTES``.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from bot.domain.cost.request import CostRequest, VolumeKind


@dataclass(frozen=True)
class Rates:
    """$ per 1M tokens as applied to this call (the long-prompt tier, if any, included)."""

    input: Decimal
    cached_input: Decimal
    output: Decimal


@dataclass(frozen=True)
class CallCost:
    """$ for one call. ``input`` is the fresh (uncached, unwritten) input only; ``other`` holds
    per-request fees; ``total`` = input + cached_input + cache_write + output + other.
    ``output_share`` is output / total (0..1)."""

    input: Decimal
    cached_input: Decimal
    output: Decimal
    other: Decimal
    total: Decimal
    output_share: Decimal
    cache_write: Decimal = Decimal(0)  # part of the input bill: tokens written to the cache
    reasoning: Decimal = Decimal(0)  # part of ``output``: reasoning tokens


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
    alias_of: str | None = None  # the short name typed (``sonnet``) when ref was resolved from it
    cache_priced: bool = False  # a cache-read price below the input price is known
    batch_per_month: Decimal | None = None  # this workload at batch prices, when they differ
    reasons: bool = False  # a reasoning model (knowledge/costs.yaml reasoning)


@dataclass(frozen=True)
class Workload:
    input_tokens: int
    cached_tokens: int  # part of input_tokens
    output_tokens: int
    reasoning_tokens: int  # billed as output, on top of output_tokens
    cache_write_tokens: int  # part of input_tokens (5-minute and 1-hour writes)
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
    def billed_output_tokens(self) -> int:
        """Output plus reasoning tokens: what a replica decodes."""
        return self.output_tokens + self.reasoning_tokens

    @property
    def tokens_per_call(self) -> int:
        return self.input_tokens + self.billed_output_tokens


SelfHostStance = Literal["model_it", "not_worth_it", "api_cheaper"]


@dataclass(frozen=True)
class Verdict:
    """The one verdict: the spend band and what it means for self-hosting here.

    ``self_host`` is ``model_it`` (spend is at or above the self-host threshold and the sized
    fleet costs less than the API: self-hosting is a lever), ``not_worth_it`` (the fleet is
    cheaper on paper but spend is under the threshold: on-call, upgrades and quality outweigh
    it) or ``api_cheaper``. Renderers say it once, from here."""

    band_id: str  # vendor_api | case_by_case | real_math (knowledge/costs.yaml)
    label: str
    advice: str
    monthly: Decimal
    self_host: SelfHostStance = "api_cheaper"


@dataclass(frozen=True)
class LeverSaving:
    """A playbook lever that applies here, with the $ per month range it could save:
    ``min(part x impact %, ceiling)`` at each end, ``part`` being what ``acts_on`` names."""

    lever_id: str
    number: int  # position in the playbook: the order to run the levers in
    name: str
    effort: str
    impact_low_pct: Decimal
    impact_high_pct: Decimal
    notes: str
    why: str
    save_low: Decimal  # $ per month
    save_high: Decimal
    acts_on: str = "bill"  # bill | input | uncached_input | output (knowledge/costs.yaml)
    part: Decimal = Decimal(0)  # $ per month of what acts_on names
    ceiling: str | None = None  # cache_discount | batch_discount | cheaper_model | fleet_saving
    ceiling_usd: Decimal | None = None  # that ceiling's $ per month here
    capped: bool = False  # the ceiling cut the typical range
    cheaper_model: str | None = None  # routing: the cheapest compared model, as typed


@dataclass(frozen=True)
class OssChoice:
    """The open-weights class standing in for the priced model."""

    class_id: str  # knowledge/selfhost.yaml classes
    name: str  # "Llama 3.3 70B"
    example: str
    vendor_tier: str  # knowledge/selfhost.yaml tiers: the priced model's tier
    vendor_tier_label: str
    lower_quality: bool  # the stand-in is a lower quality class than the vendor model
    chosen_by_user: bool  # oss= given


@dataclass(frozen=True)
class SelfHost:
    """A fleet sized for this workload's peak, against the main model's API bill.

    Replica capacity: one call takes ``in / prefill_tps + out / decode_tps`` seconds of a
    replica, so a replica serves ``1 / that`` calls a second; at ``target_utilization`` of it
    at peak (``peak_to_average`` x the average QPS), whole replicas, at least
    ``min_replicas``. Cost: GPUs x $/GPU-hour x hours + ops (a base plus a share per GPU,
    or the user's ``ops=``)."""

    oss: OssChoice
    gpus_per_replica: int
    replicas: int
    gpus: int
    gpu_hour: Decimal
    hours_per_month: int
    gpu_monthly: Decimal  # gpus x gpu_hour x hours
    ops_monthly: Decimal
    monthly: Decimal  # gpu_monthly + ops_monthly
    api_monthly: Decimal
    savings_monthly: Decimal  # api_monthly - monthly (negative: the API is cheaper)
    cheaper: bool  # the fleet costs less than the API
    prefill_tps: Decimal  # per replica, interactive (or tps= for decode)
    decode_tps: Decimal
    peak_prefill_tps: Decimal  # offline peak: the upper bound
    peak_decode_tps: Decimal
    replica_qps: Decimal  # calls a second one replica serves at 100%
    peak_to_average: Decimal
    peak_qps: Decimal
    target_utilization_pct: Decimal
    utilization_pct: Decimal  # of the fleet at peak
    next_replica_qps: Decimal  # average QPS above which one more replica is needed
    next_replica_calls_per_month: Decimal
    break_even_qps: Decimal | None  # None: no volume where the fleet beats the API
    break_even_calls_per_month: Decimal | None
    defaults_used: tuple[str, ...]  # which of gpu_hour, ops, tps, peak, replicas, gpus, oss


@dataclass(frozen=True)
class Estimate:
    """Everything /llmcost answers. Slack (bot/blocks/llmcost.py), the terminal
    (bot/plaintext/llmcost.py) and ``--json`` (bot/plaintext/llmcost_json.py) read it;
    they never recompute money. ``levers`` are in the playbook's order; ``notes`` are
    estimate-wide (keys of bot.texts.llmcost.NOTES)."""

    request: CostRequest
    workload: Workload
    primary: ModelCost
    ranking: tuple[ModelCost, ...]  # primary and compared models, cheapest per month first
    verdict: Verdict
    levers: tuple[LeverSaving, ...]
    self_host: SelfHost
    price_sources: tuple[str, ...]  # distinct sources used, primary's first
    notes: tuple[str, ...] = ()
