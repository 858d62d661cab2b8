"""Self-host break-even and capacity, by hand from the seed's formulas."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bot.domain.cost.estimate import estimate
from bot.domain.cost.parse import parse_request
from bot.domain.knowledge.costs import CostKnowledge

D = Decimal


def breakeven(text: str, costs: CostKnowledge):  # type: ignore[no-untyped-def]
    return estimate(parse_request(text), costs).breakeven


def test_defaults_reference_workload(costs: CostKnowledge) -> None:
    be = breakeven("model=gpt-4o in=2000 out=500 qps=3", costs)
    assert (be.gpus, be.gpu_hour, be.ops, be.tps) == (1, D("3.00"), D(2000), D(2500))
    assert be.defaults_used == ("gpus", "gpu_hour", "ops", "tps")
    assert be.gpu_monthly == D(4190)  # 1 x $3 x 730 h + $2,000
    assert be.api_monthly == D(77_760)
    # 1 GPU can't carry 7,500 tok/s, so the saving is against the 3 that can: $8,570/month
    assert (be.savings_gpus, be.savings_monthly) == (3, D(77_760) - D(8_570))
    # break-even: $4,190 / $0.01 = 419,000 calls a month = 419,000 / 2,592,000 s = 0.1617 QPS
    assert be.break_even_calls_per_month == D(419_000)
    assert be.break_even_qps == D(419_000) / D(2_592_000)
    # capacity: 3 QPS x 2,500 tokens = 7,500 tok/s needed; 1 x 2,500 available
    assert (be.tokens_per_call, be.needed_tps, be.available_tps) == (2500, D(7500), D(2500))
    assert be.utilization_pct == D(300)
    assert not be.can_carry
    assert be.max_qps == D(1)
    assert be.break_even_within_capacity  # 0.16 QPS <= 1 QPS
    assert be.gpus_needed == 3
    assert be.gpu_monthly_needed == D(8570)  # 3 x $2,190 + $2,000


def test_given_inputs(costs: CostKnowledge) -> None:
    be = breakeven("model=gpt-4o in=2000 out=500 qps=3 gpus=4 gpu_hour=2.5 ops=8k tps=3000", costs)
    assert be.defaults_used == ()
    assert be.gpu_monthly == D(15_300)  # 4 x $2.50 x 730 + $8,000
    assert be.available_tps == D(12_000)
    assert be.utilization_pct == D(62.5)
    assert be.can_carry
    assert be.gpus_needed == 3
    assert be.max_qps == D("4.8")


def test_api_cheaper_and_break_even_beyond_capacity(costs: CostKnowledge) -> None:
    be = breakeven("model=gpt-4o-mini in=2000 out=500 qps=0.1", costs)
    # $0.0006 a call x 259,200 calls = $155.52 a month vs $4,190 of GPU
    assert be.api_monthly == D("155.52")
    assert be.savings_monthly == D("155.52") - D(4190)
    assert be.break_even_qps == D(4190) / D("0.0006") / D(2_592_000)  # 2.69 QPS
    assert be.max_qps == D(1)
    assert not be.break_even_within_capacity
    assert be.utilization_pct == D(10)
    assert be.can_carry
    assert be.gpus_needed == 1


def test_ops_zero_is_allowed(costs: CostKnowledge) -> None:
    be = breakeven("model=gpt-4o in=2000 out=500 qps=3 ops=0", costs)
    assert be.gpu_monthly == D(2190)
    assert be.defaults_used == ("gpus", "gpu_hour", "tps")


@pytest.mark.parametrize(
    ("qps", "can_carry", "gpus_needed", "utilization"),
    [
        ("1", True, 1, D(100)),  # 2,500 tok/s needed = 2,500 available
        ("1.0004", False, 2, D("100.04")),  # 2,501 tok/s
        ("2", False, 2, D(200)),
        ("0.5", True, 1, D(50)),
    ],
)
def test_capacity_boundary(
    costs: CostKnowledge, qps: str, can_carry: bool, gpus_needed: int, utilization: Decimal
) -> None:
    be = breakeven(f"model=gpt-4o in=2000 out=500 qps={qps} gpus=1 tps=2500", costs)
    assert (be.can_carry, be.gpus_needed, be.utilization_pct) == (
        can_carry,
        gpus_needed,
        utilization,
    )
