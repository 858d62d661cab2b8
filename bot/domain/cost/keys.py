"""The /llmcost argument keys: canonical names, the aliases people type, and the limits
of each numeric one."""

from __future__ import annotations

from decimal import Decimal

from bot.domain.cost.values import Limits

ALIASES: dict[str, tuple[str, ...]] = {
    "model": ("model", "m"),
    "in": ("in", "input", "input_tokens", "prompt", "prompt_tokens", "tokens_in"),
    "out": ("out", "output", "output_tokens", "completion", "completion_tokens", "tokens_out"),
    "cached": ("cached", "cache", "cached_tokens", "cached_input", "cache_read"),
    "cache_write": ("cache_write", "cache_writes", "cache_write_5m", "cache_write_tokens"),
    "cache_write_1h": ("cache_write_1h", "cache_write_1h_tokens"),
    "reasoning": ("reasoning", "reasoning_tokens", "thinking", "thinking_tokens"),
    "tier": ("tier", "service_tier"),
    "batch": ("batch",),
    "qps": ("qps", "rps"),
    "per_minute": ("per_minute", "perminute", "per_min", "rpm", "calls_per_minute", "minute"),
    "per_hour": ("per_hour", "perhour", "hourly", "calls_per_hour", "hour"),
    "per_day": ("per_day", "perday", "daily", "calls_per_day", "day"),
    "per_month": ("per_month", "permonth", "monthly", "calls_per_month", "month"),
    "compare": ("compare", "vs", "models"),
    "price_in": ("price_in", "price_input", "in_price", "input_price"),
    "price_out": ("price_out", "price_output", "out_price", "output_price"),
    "price_cached": ("price_cached", "price_cache", "cached_price", "cache_price"),
    "gpus": ("gpus", "gpu"),
    "gpu_hour": ("gpu_hour", "gpu_hourly", "gpu_price", "gpu_rate", "gpu_cost"),
    "ops": ("ops", "ops_month", "overhead"),
    "tps": ("tps", "tokens_per_second", "throughput", "decode_tps"),
    "oss": ("oss", "open_weights", "stand_in", "self_host_model"),
    "peak": ("peak", "peak_ratio", "peak_to_average"),
    "replicas": ("replicas", "replica"),
}
KEY_OF_ALIAS: dict[str, str] = {alias: key for key, names in ALIASES.items() for alias in names}

_D = Decimal
# Sane caps: beyond them a figure is a typo, and money stays well inside Decimal precision.
LIMITS: dict[str, Limits] = {
    "in": Limits(cap=_D(10_000_000)),
    "out": Limits(cap=_D(1_000_000), zero_ok=True),
    "cached": Limits(cap=_D(10_000_000), zero_ok=True),
    "cache_write": Limits(cap=_D(10_000_000), zero_ok=True),
    "cache_write_1h": Limits(cap=_D(10_000_000), zero_ok=True),
    "reasoning": Limits(cap=_D(1_000_000), zero_ok=True),
    "per_minute": Limits(cap=_D(6_000_000), floor=_D("0.0001")),  # = 100,000 QPS
    "per_hour": Limits(cap=_D(360_000_000), floor=_D("0.001")),
    "qps": Limits(cap=_D(100_000), floor=_D("0.000001")),
    "per_day": Limits(cap=_D(8_640_000_000), floor=_D("0.01")),  # = 100,000 QPS
    "per_month": Limits(cap=_D(259_200_000_000), floor=_D(1)),  # = 100,000 QPS
    "price_in": Limits(cap=_D(1000), floor=_D("0.000001")),
    "price_out": Limits(cap=_D(1000), floor=_D("0.000001")),
    "price_cached": Limits(cap=_D(1000), zero_ok=True),
    "gpus": Limits(cap=_D(10_000)),
    "gpu_hour": Limits(cap=_D(100), floor=_D("0.01")),
    "ops": Limits(cap=_D(10_000_000), zero_ok=True),
    "tps": Limits(cap=_D(1_000_000), floor=_D(1)),
    "peak": Limits(cap=_D(20), floor=_D(1)),
    "replicas": Limits(cap=_D(1000)),
}
COUNTS = frozenset(
    {"in", "out", "cached", "cache_write", "cache_write_1h", "reasoning", "gpus", "replicas"}
)
