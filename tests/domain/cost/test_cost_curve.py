"""The break-even curve: the same prices and fleet assumptions as the answer, at other volumes."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bot.domain.cost.curve import MAX_STEPS, SAMPLES, sample_curve
from bot.domain.cost.estimate import estimate
from bot.domain.cost.parse import parse_request
from tests.domain.cost.conftest import SELFHOST

CASES = [
    "model=gpt-4o in=2000 out=500 qps=3",
    "model=claude-opus-4 in=10k out=1k per_day=50k",
    "model=gpt-4o-mini in=3000 out=400 qps=20",
    "model=gpt-4o in=2k out=500 per_month=1.5M",
    "model=gpt-4o in=2000 out=500 qps=3 replicas=3",
]


@pytest.fixture(params=CASES)
def answer_and_curve(request, costs):
    result = estimate(parse_request(request.param), costs, SELFHOST)
    return result, sample_curve(result, SELFHOST, costs.calendar)


def test_the_curve_agrees_with_the_answer_at_your_volume(answer_and_curve, costs) -> None:
    result, curve = answer_and_curve
    volumes = [p.calls_per_day for p in curve.points]
    assert volumes[0] < curve.your_calls_per_day < volumes[-1]
    assert len(curve.points) <= SAMPLES + MAX_STEPS
    per_call = result.primary.per_call.total
    for point in curve.points:  # the API bill is this call's price x calls
        expected = per_call * point.calls_per_day * costs.calendar.days_per_month
        assert abs(point.api_monthly - expected) < Decimal("1e-15") * expected
    fleets = [p.fleet_monthly for p in curve.points]
    assert fleets == sorted(fleets)  # never cheaper at more volume
    assert curve.replacement == result.self_host.oss.name


def test_break_even_is_where_the_lines_cross(answer_and_curve) -> None:
    _, curve = answer_and_curve
    even = curve.break_even_calls_per_day
    if even is None:
        assert all(p.api_monthly <= p.fleet_monthly for p in curve.points)
        return
    below = [p for p in curve.points if p.calls_per_day < even * Decimal("0.98")]
    assert below
    assert all(p.api_monthly < p.fleet_monthly for p in below)  # the API is cheaper below it


def test_replica_steps_get_their_own_points(costs) -> None:
    result = estimate(parse_request("model=gpt-4o-mini in=3000 out=400 qps=20"), costs, SELFHOST)
    curve = sample_curve(result, SELFHOST, costs.calendar)
    replicas = [p.replicas for p in curve.points]
    assert replicas == sorted(replicas)
    assert len(set(replicas)) > 10  # 17 replicas at the user's volume: the steps are visible
    yours = min(curve.points, key=lambda p: abs(p.calls_per_day - curve.your_calls_per_day))
    assert abs(yours.replicas - result.self_host.replicas) <= 1


def test_a_fixed_fleet_is_flat(costs) -> None:
    result = estimate(parse_request(CASES[-1]), costs, SELFHOST)
    curve = sample_curve(result, SELFHOST, costs.calendar)
    assert {p.replicas for p in curve.points} == {3}
    assert len({p.fleet_monthly for p in curve.points}) == 1
