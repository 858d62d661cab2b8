"""Self-host fleet sizing (bot/domain/cost/fleet.py): the stand-in by quality class,
replicas for the peak, ops that grow with the fleet, break-even and the next replica.
Numbers checked by hand against knowledge/selfhost.yaml."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bot.domain.cost.errors import CostInputError
from bot.domain.cost.estimate import estimate
from bot.domain.cost.fleet import choose_oss
from bot.domain.cost.parse import parse_request
from bot.domain.cost.result import SelfHost
from tests.domain.cost.conftest import SELFHOST, load_costs

COSTS = load_costs()
REFERENCE = "model=gpt-4o in=2000 out=500 qps=3"


def fleet(text: str) -> SelfHost:
    return estimate(parse_request(text), COSTS, SELFHOST).self_host


def test_reference_fleet_by_hand() -> None:
    got = fleet(REFERENCE)
    # a call: 2,000 / 3,400 + 500 / 2,400 = 0.7966 s of a replica -> 1.2554 calls a second
    assert got.replica_qps == 1 / (Decimal(2000) / 3400 + Decimal(500) / 2400)
    # peak 6 QPS at 70% of 1.2554 -> 6.83 -> 7 replicas of 2 GPUs
    assert (got.peak_qps, got.replicas, got.gpus) == (6, 7, 14)
    assert got.gpu_monthly == 14 * 3 * 730  # $30,660
    assert got.ops_monthly == 5000 + 14 * 250  # grows with the fleet
    assert got.monthly == Decimal(39_160)
    assert got.savings_monthly == Decimal(77_760) - 39_160
    assert got.cheaper
    # 2 replicas ($9,760 + $5,000) are the first fleet the API outgrows: $14,760 / $25,920
    assert got.break_even_qps == Decimal(14_760) / 25_920
    assert got.next_replica_qps == 7 * got.replica_qps * Decimal("0.7") / 2
    assert got.utilization_pct <= 70


def test_never_breaks_even_when_a_replica_costs_more_than_the_calls_it_carries() -> None:
    got = fleet("model=our-llama in=2000 out=500 qps=3 price_in=0.2 price_out=0.6")
    assert got.break_even_qps is None
    assert got.break_even_calls_per_month is None
    assert not got.cheaper


@pytest.mark.parametrize(
    ("extra", "replicas", "gpus", "monthly"),
    [
        ("", 2, 4, Decimal(14_760)),  # two replicas at least, for redundancy
        (" replicas=1", 1, 2, Decimal(9_880)),  # asked: one replica, ops shrink with it
        (" ops=1000", 2, 4, Decimal(9_760)),  # ops= replaces the base + per-GPU share
        (" gpu_hour=2", 2, 4, Decimal(4 * 2 * 730 + 6000)),
        (" oss=small", 2, 2, Decimal(2 * 3 * 730 + 5500)),
        (" oss=qwen3", 2, 16, Decimal(16 * 3 * 730 + 9000)),
        (" gpus=4", 2, 8, Decimal(8 * 3 * 730 + 7000)),  # GPUs per replica
    ],
)
def test_inputs_override_the_defaults(
    extra: str, replicas: int, gpus: int, monthly: Decimal
) -> None:
    got = fleet("model=gpt-4o in=2000 out=500 per_hour=1000" + extra)
    assert (got.replicas, got.gpus, got.monthly) == (replicas, gpus, monthly)


def test_peak_ratio_sizes_the_fleet() -> None:
    flat, peaky = fleet(REFERENCE + " peak=1"), fleet(REFERENCE + " peak=4")
    assert (flat.peak_qps, peaky.peak_qps) == (3, 12)
    assert flat.replicas < fleet(REFERENCE).replicas < peaky.replicas
    assert "peak" not in flat.defaults_used


def test_decode_rate_override_costs_output_separately() -> None:
    faster = fleet(REFERENCE + " tps=4800")
    assert faster.decode_tps == 4800
    assert faster.prefill_tps == 3400
    assert faster.replica_qps == 1 / (Decimal(2000) / 3400 + Decimal(500) / 4800)


def test_reasoning_tokens_are_decoded_too() -> None:
    plain, thinking = fleet("model=o3 in=2000 out=500 qps=3"), fleet(
        "model=o3 in=2000 out=500 reasoning=2000 qps=3"
    )
    assert thinking.replica_qps < plain.replica_qps


@pytest.mark.parametrize(
    ("model", "tier", "stand_in", "lower"),
    [
        ("gpt-4o", "mid", "mid", False),
        ("claude-sonnet-4-5", "mid", "mid", False),
        ("gpt-4o-mini", "small", "small", False),
        ("gemini-2.5-flash", "small", "small", False),
        ("claude-haiku-4-5", "small", "small", False),
        ("o3-mini", "small", "small", False),
        ("gpt-5-mini", "small", "small", False),
        ("claude-opus-4-0", "frontier", "large", True),
        ("gpt-5", "frontier", "large", True),
        ("o3", "frontier", "large", True),
        ("gemini-2.5-pro", "frontier", "large", True),
        ("our-llama", "mid", "mid", False),
    ],
)
def test_stand_in_by_quality_class(model: str, tier: str, stand_in: str, lower: bool) -> None:
    choice = choose_oss(model, None, SELFHOST)
    assert (choice.vendor_tier, choice.class_id, choice.lower_quality) == (tier, stand_in, lower)
    assert not choice.chosen_by_user


@pytest.mark.parametrize(
    ("oss", "class_id", "lower"),
    [("small", "small", True), ("70b", "mid", False), ("Llama-3.1-8B", "small", True),
     ("large", "large", False), ("QWEN3", "large", False)],
)  # fmt: skip
def test_oss_names_a_class(oss: str, class_id: str, lower: bool) -> None:
    choice = choose_oss("gpt-4o", oss, SELFHOST)
    assert (choice.class_id, choice.lower_quality, choice.chosen_by_user) == (class_id, lower, True)


@pytest.mark.parametrize("oss", ["mistral", "huge", "8"])
def test_unknown_oss_is_refused(oss: str) -> None:
    with pytest.raises(CostInputError) as caught:
        fleet(REFERENCE + f" oss={oss}")
    assert caught.value.code == "unknown_oss"
    assert caught.value.token == f"oss={oss}"
