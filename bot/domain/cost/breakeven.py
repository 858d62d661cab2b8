"""Self-host break-even (seed 003):

    API cost / month  = QPS x 86,400 x 30 x $ per call
    Self-host / month = GPUs x $/GPU-hour x 730 + ops overhead

plus capacity: can the GPUs serve the tokens per second this load needs?
"""

from __future__ import annotations

import math
from decimal import Decimal

from bot.domain.cost.request import SelfHostInputs
from bot.domain.cost.result import BreakEven, ModelCost, Workload
from bot.domain.knowledge.costs import CostKnowledge

SECONDS_PER_DAY = 86_400


def gpu_monthly(gpus: int, gpu_hour: Decimal, ops: Decimal, hours_per_month: int) -> Decimal:
    return gpus * gpu_hour * hours_per_month + ops


def break_even(
    workload: Workload, primary: ModelCost, given: SelfHostInputs, costs: CostKnowledge
) -> BreakEven:
    """Compare self-hosting with the main model's API bill at this workload's volume."""
    defaults = costs.self_host_defaults
    gpus = given.gpus if given.gpus is not None else defaults.gpus.value
    gpu_hour = given.gpu_hour if given.gpu_hour is not None else defaults.gpu_hour.value
    ops = given.ops if given.ops is not None else defaults.ops.value
    tps = given.tps if given.tps is not None else defaults.tps.value
    defaults_used = tuple(
        name for name in ("gpus", "gpu_hour", "ops", "tps") if getattr(given, name) is None
    )
    hours = costs.calendar.gpu_hours_per_month
    seconds_per_month = SECONDS_PER_DAY * costs.calendar.days_per_month
    monthly = gpu_monthly(gpus, gpu_hour, ops, hours)

    per_call = primary.per_call.total
    be_calls = monthly / per_call if per_call > 0 else None
    be_qps = be_calls / seconds_per_month if be_calls is not None else None

    tokens = workload.tokens_per_call
    needed = workload.qps * tokens
    available = gpus * tps
    max_qps = available / tokens
    gpus_needed = max(1, math.ceil(needed / tps))
    needed_monthly = gpu_monthly(gpus_needed, gpu_hour, ops, hours)
    # compare the API with a fleet that can carry the load, never with one that can't
    fleet = gpus if needed <= available else gpus_needed
    fleet_monthly = monthly if needed <= available else needed_monthly
    return BreakEven(
        gpus=gpus,
        gpu_hour=gpu_hour,
        ops=ops,
        tps=tps,
        defaults_used=defaults_used,
        hours_per_month=hours,
        gpu_monthly=monthly,
        api_monthly=primary.per_month,
        savings_monthly=primary.per_month - fleet_monthly,
        savings_gpus=fleet,
        break_even_qps=be_qps,
        break_even_calls_per_month=be_calls,
        tokens_per_call=tokens,
        needed_tps=needed,
        available_tps=available,
        utilization_pct=needed / available * 100,
        can_carry=needed <= available,
        max_qps=max_qps,
        break_even_within_capacity=be_qps is not None and be_qps <= max_qps,
        gpus_needed=gpus_needed,
        gpu_monthly_needed=needed_monthly,
    )
