"""Self-host fleet sizing: the open-weights stand-in, replicas for the peak, what the fleet
costs a month and where it breaks even with the API (the lead frameworks' formulas):

    API cost / month  = QPS x 86,400 x 30 x $ per call
    Self-host / month = GPUs x $/GPU-hour x 730 + ops (a base plus a share per GPU)

One call takes ``in / prefill + out / decode`` seconds of a replica (input and output are
costed separately: prefill is several times cheaper per token than decode), so a replica
serves ``1 / that`` calls a second. The fleet is sized so that at peak (the average QPS x
the peak-to-average ratio) each replica runs at the target utilization, in whole replicas,
at least the minimum (2, for redundancy) unless ``replicas=`` says otherwise. Figures and
sources: knowledge/selfhost.yaml.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal

from bot.domain.cost.errors import CostInputError
from bot.domain.cost.request import SelfHostInputs
from bot.domain.cost.result import ModelCost, OssChoice, SelfHost, Workload
from bot.domain.knowledge.costs import Calendar
from bot.domain.knowledge.selfhost import OssClass, SelfHostKnowledge

SECONDS_PER_DAY = 86_400
_HUNDRED = Decimal(100)
_NON_WORD = re.compile(r"[^a-z0-9]+")


def choose_oss(model_id: str, oss: str | None, knowledge: SelfHostKnowledge) -> OssChoice:
    """The stand-in for ``model_id``: its tier's class, or the class ``oss`` names (a class
    id, or words of a class's name or example such as ``70b`` or ``qwen3``)."""
    tier = knowledge.tier_for(model_id)
    chosen = _named_class(oss, knowledge) if oss else knowledge.class_by_id[tier.stand_in]
    return OssChoice(
        class_id=chosen.id,
        name=chosen.name,
        example=chosen.example,
        vendor_tier=tier.id,
        vendor_tier_label=tier.label,
        lower_quality=chosen.quality_rank < tier.quality_rank,
        chosen_by_user=oss is not None,
    )


def _named_class(oss: str, knowledge: SelfHostKnowledge) -> OssClass:
    wanted = _NON_WORD.sub(" ", oss.lower()).strip()
    for item in knowledge.classes:
        if wanted == item.id:
            return item
    for item in knowledge.classes:
        words = _NON_WORD.sub(" ", f"{item.name} {item.example}".lower())
        if wanted and f" {wanted} " in f" {words} ":
            return item
    raise CostInputError(
        "unknown_oss",
        token=f"oss={oss}",
        option="oss",
        value=oss,
        classes=tuple(c.id for c in knowledge.classes),
    )


def size_fleet(
    workload: Workload,
    primary: ModelCost,
    given: SelfHostInputs,
    knowledge: SelfHostKnowledge,
    calendar: Calendar,
) -> SelfHost:
    """The fleet this workload needs at its peak, priced against the main model's API bill."""
    oss = choose_oss(primary.model_id, given.oss, knowledge)
    spec = knowledge.class_by_id[oss.class_id]
    sizing = knowledge.sizing
    gpr = given.gpus if given.gpus is not None else spec.gpus_per_replica
    gpu_hour = given.gpu_hour if given.gpu_hour is not None else knowledge.gpu.hour_usd
    decode = given.tps if given.tps is not None else spec.decode_tps
    peak = given.peak if given.peak is not None else sizing.peak_to_average
    util = sizing.target_utilization_pct
    hours = calendar.gpu_hours_per_month
    per_month = Decimal(SECONDS_PER_DAY * calendar.days_per_month)

    seconds = workload.input_tokens / spec.prefill_tps + workload.billed_output_tokens / decode
    replica_qps = 1 / seconds
    usable = replica_qps * util / _HUNDRED  # calls a second per replica at the target
    peak_qps = workload.qps * peak
    replicas = given.replicas or max(sizing.min_replicas, math.ceil(peak_qps / usable))
    gpus = replicas * gpr
    gpu_monthly = gpus * gpu_hour * hours
    ops = given.ops if given.ops is not None else knowledge.ops.monthly(gpus)
    monthly = gpu_monthly + ops
    api = primary.per_month
    next_qps = replicas * usable / peak

    base = given.ops if given.ops is not None else knowledge.ops.base_usd
    per_gpu = Decimal(0) if given.ops is not None else knowledge.ops.per_gpu_usd
    per_replica = gpr * (gpu_hour * hours + per_gpu)
    call_month = primary.per_call.total * per_month  # API $ a month per 1 QPS
    if given.replicas:
        even = monthly / call_month if call_month > 0 else None
        even = even if even is not None and even <= next_qps else None
    else:
        even = _break_even(call_month, usable / peak, per_replica, base, sizing.min_replicas)
    defaults = {
        "oss": given.oss, "gpus": given.gpus, "gpu_hour": given.gpu_hour, "ops": given.ops,
        "tps": given.tps, "peak": given.peak, "replicas": given.replicas,
    }  # fmt: skip
    return SelfHost(
        oss=oss,
        gpus_per_replica=gpr,
        replicas=replicas,
        gpus=gpus,
        gpu_hour=gpu_hour,
        hours_per_month=hours,
        gpu_monthly=gpu_monthly,
        ops_monthly=ops,
        monthly=monthly,
        api_monthly=api,
        savings_monthly=api - monthly,
        cheaper=monthly < api,
        prefill_tps=spec.prefill_tps,
        decode_tps=decode,
        peak_prefill_tps=spec.peak_prefill_tps,
        peak_decode_tps=max(spec.peak_decode_tps, decode),
        replica_qps=replica_qps,
        peak_to_average=peak,
        peak_qps=peak_qps,
        target_utilization_pct=util,
        utilization_pct=peak_qps / (replicas * replica_qps) * _HUNDRED,
        next_replica_qps=next_qps,
        next_replica_calls_per_month=next_qps * per_month,
        break_even_qps=even,
        break_even_calls_per_month=even * per_month if even is not None else None,
        defaults_used=tuple(name for name, value in defaults.items() if value is None),
    )


def _break_even(
    call_month: Decimal, qps_per_replica: Decimal, per_replica: Decimal, base: Decimal,
    min_replicas: int,
) -> Decimal | None:  # fmt: skip
    """The lowest average QPS at which the API costs at least the fleet that volume needs.

    ``r`` replicas carry up to ``r x qps_per_replica`` and cost ``base + r x per_replica``;
    the API bill at that volume is ``r x qps_per_replica x call_month``. Each replica adds
    ``margin = qps_per_replica x call_month - per_replica`` of API bill over its cost, so
    the first fleet that breaks even has ``base / margin`` replicas (at least the minimum);
    with no margin, the fleet never catches up."""
    margin = qps_per_replica * call_month - per_replica
    if call_month <= 0 or margin <= 0:
        return None
    replicas = max(min_replicas, math.ceil(base / margin))
    return (base + replicas * per_replica) / call_month
