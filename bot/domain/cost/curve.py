"""The break-even curve behind the /llmcost chart: the API bill and the sized fleet's cost at
volumes around the user's own, on the same model, prices and fleet assumptions as the answer.

The API bill grows with volume (this call's price x calls); the fleet is ``size_fleet`` again at
each volume, so its cost steps up one replica at a time. Volumes are sampled evenly on a log
scale from a tenth of the lowest to ten times the highest of: the user's volume, the
break-even point and the next replica's threshold; each replica step inside that range gets a
point of its own, so the chart's steps sit where they really are.
"""

from __future__ import annotations

import dataclasses
import itertools
from dataclasses import dataclass
from decimal import Decimal

from bot.domain.cost.estimate import make_workload
from bot.domain.cost.fleet import size_fleet
from bot.domain.cost.request import Volume
from bot.domain.cost.result import Estimate
from bot.domain.knowledge.costs import Calendar
from bot.domain.knowledge.selfhost import SelfHostKnowledge

SAMPLES = 48
MAX_STEPS = 120  # replica-step points added at most (beyond that, steps are finer than pixels)
SPAN = Decimal(10)  # a decade either side of the interesting volumes


@dataclass(frozen=True)
class CurvePoint:
    calls_per_day: Decimal
    api_monthly: Decimal
    fleet_monthly: Decimal
    replicas: int


@dataclass(frozen=True)
class BreakEvenCurve:
    model: str  # the vendor model as named in the answer
    replacement: str  # the open-weights stand-in
    points: tuple[CurvePoint, ...]  # increasing calls_per_day
    your_calls_per_day: Decimal
    break_even_calls_per_day: Decimal | None  # None: the API is cheaper over the whole range

    def __post_init__(self) -> None:
        volumes = [p.calls_per_day for p in self.points]
        if len(volumes) < 2 or any(b <= a for a, b in itertools.pairwise(volumes)):
            raise ValueError("a curve needs at least two points of increasing volume")
        if volumes[0] <= 0:
            raise ValueError("volumes must be positive")

    @property
    def logarithmic(self) -> bool:
        return self.points[-1].calls_per_day / self.points[0].calls_per_day >= 100


def _geometric(low: Decimal, high: Decimal, n: int) -> list[Decimal]:
    ratio = (high / low) ** (Decimal(1) / (n - 1))
    return [low * ratio**i for i in range(n)]


def sample_curve(
    estimate: Estimate, selfhost: SelfHostKnowledge, calendar: Calendar
) -> BreakEvenCurve:
    fleet, days = estimate.self_host, Decimal(calendar.days_per_month)
    yours = estimate.workload.calls_per_day
    even = fleet.break_even_calls_per_month / days if fleet.break_even_calls_per_month else None
    marks = [v for v in (yours, even, fleet.next_replica_calls_per_month / days) if v and v > 0]
    low, high = min(marks) / SPAN, max(marks) * SPAN
    volumes = set(_geometric(low, high, SAMPLES))
    step = fleet.next_replica_calls_per_month / days / fleet.replicas  # calls a day per replica
    if step > 0 and not estimate.request.self_host.replicas:
        first = max(1, int(low / step))
        volumes |= {step * k for k in range(first, first + MAX_STEPS) if low < step * k < high}
    points = tuple(_point(estimate, selfhost, calendar, v) for v in sorted(volumes))
    return BreakEvenCurve(
        model=estimate.primary.ref,
        replacement=fleet.oss.name,
        points=points,
        your_calls_per_day=yours,
        break_even_calls_per_day=even,
    )


def _point(
    estimate: Estimate, selfhost: SelfHostKnowledge, calendar: Calendar, calls_per_day: Decimal
) -> CurvePoint:
    request = dataclasses.replace(estimate.request, volume=Volume("per_day", calls_per_day))
    workload = make_workload(request, calendar)
    primary = estimate.primary
    api = primary.per_call.total * workload.calls_per_month
    sized = size_fleet(
        workload, dataclasses.replace(primary, per_month=api), request.self_host, selfhost,
        calendar,
    )  # fmt: skip
    return CurvePoint(calls_per_day, api, sized.monthly, sized.replicas)
