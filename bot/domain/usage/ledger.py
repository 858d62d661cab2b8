"""How priced records become counters, and counters become the month's figures.

Counters live in one hash per workspace and month (integer micro-dollars and tokens), field
names built here only:

| field | counts |
| --- | --- |
| ``d|{DD}|{feature}|{model}|{n,i,c,o,b,u}`` | per day, feature and model: calls, input tokens (cached included), cached input tokens, output tokens, Batch API calls, micro-dollars |
| ``f|{feature}|u`` | the feature's month to date, micro-dollars (what budgets compare) |
| ``g|{team}|u`` | micro-dollars by the records' ``team`` (``-`` when none) |
| ``k|{tier}|{i,o}`` | input / output tokens by model tier |
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from bot.domain.usage.cost import TIERS, RecordCost, Tier, from_micros
from bot.domain.usage.records import UsageRecord

NO_TEAM = "-"
Increment = tuple[str, str, int]  # (month "YYYY-MM", field, amount)


def month_of(at: datetime | date) -> str:
    return f"{at.year:04d}-{at.month:02d}"


def feature_field(feature: str) -> str:
    return f"f|{feature}|u"


def increments(record: UsageRecord, cost: RecordCost) -> list[Increment]:
    """The counters one record adds to (zero amounts left out)."""
    month, day = month_of(record.at), f"{record.at.day:02d}"
    cell = f"d|{day}|{record.feature}|{cost.model_id}"
    amounts = [
        (f"{cell}|n", 1),
        (f"{cell}|i", record.input_tokens),
        (f"{cell}|c", record.cached_tokens),
        (f"{cell}|o", record.output_tokens),
        (f"{cell}|b", 1 if record.batch else 0),
        (f"{cell}|u", cost.micros),
        (feature_field(record.feature), cost.micros),
        (f"g|{record.team or NO_TEAM}|u", cost.micros),
        (f"k|{cost.tier}|i", record.input_tokens),
        (f"k|{cost.tier}|o", record.output_tokens),
    ]
    return [(month, field, amount) for field, amount in amounts if amount]


def merge(groups: Iterable[list[Increment]]) -> list[Increment]:
    """Several records' increments summed per counter (for records without an id)."""
    total: dict[tuple[str, str], int] = defaultdict(int)
    for group in groups:
        for month, field, amount in group:
            total[month, field] += amount
    return [(month, field, amount) for (month, field), amount in total.items()]


@dataclass(frozen=True)
class Slice:
    """Calls and tokens of some part of a month."""

    calls: int = 0
    input_tokens: int = 0
    cached_tokens: int = 0
    output_tokens: int = 0
    batch_calls: int = 0
    micros: int = 0

    @property
    def usd(self) -> Decimal:
        return from_micros(self.micros)

    def plus(self, other: Slice) -> Slice:
        return Slice(*(a + b for a, b in zip(self.astuple(), other.astuple(), strict=True)))

    def astuple(self) -> tuple[int, ...]:
        return (self.calls, self.input_tokens, self.cached_tokens, self.output_tokens,
                self.batch_calls, self.micros)  # fmt: skip

    @property
    def cache_hit_pct(self) -> Decimal | None:
        """Cached input tokens as a share of input tokens."""
        return _pct(self.cached_tokens, self.input_tokens)

    @property
    def batch_pct(self) -> Decimal | None:
        return _pct(self.batch_calls, self.calls)

    @property
    def output_per_call(self) -> Decimal | None:
        return Decimal(self.output_tokens) / self.calls if self.calls else None


_METRICS = {"n": 0, "i": 1, "c": 2, "o": 3, "b": 4, "u": 5}


@dataclass(frozen=True)
class Cell:
    day: int
    feature: str
    model: str
    slice: Slice


def cells(fields: Mapping[str, int]) -> list[Cell]:
    """The per-day, feature and model counters of one month's hash."""
    grouped: dict[tuple[int, str, str], list[int]] = defaultdict(lambda: [0] * 6)
    for name, value in fields.items():
        parts = name.split("|")
        if len(parts) != 5 or parts[0] != "d" or parts[4] not in _METRICS:
            continue
        grouped[int(parts[1]), parts[2], parts[3]][_METRICS[parts[4]]] += int(value)
    return [Cell(d, f, m, Slice(*v)) for (d, f, m), v in sorted(grouped.items())]


@dataclass(frozen=True)
class Month:
    """One workspace's month: totals, by feature, model and team, tokens by tier."""

    month: str
    total: Slice
    by_feature: dict[str, Slice]
    by_model: dict[str, Slice]
    by_team: dict[str, int]  # micro-dollars
    tier_tokens: dict[Tier, tuple[int, int]]  # (input, output)
    active_users: int

    @property
    def per_user_micros(self) -> int | None:
        return self.total.micros // self.active_users if self.active_users else None


def month_figures(month: str, fields: Mapping[str, int], active_users: int) -> Month:
    total = Slice()
    by_feature: dict[str, Slice] = defaultdict(Slice)
    by_model: dict[str, Slice] = defaultdict(Slice)
    for cell in cells(fields):
        total = total.plus(cell.slice)
        by_feature[cell.feature] = by_feature[cell.feature].plus(cell.slice)
        by_model[cell.model] = by_model[cell.model].plus(cell.slice)
    by_team: dict[str, int] = {}
    tiers: dict[str, list[int]] = {tier: [0, 0] for tier in TIERS}
    for name, value in fields.items():
        parts = name.split("|")
        if len(parts) == 3 and parts[0] == "g" and parts[2] == "u":
            by_team[parts[1]] = int(value)
        elif len(parts) == 3 and parts[0] == "k" and parts[1] in tiers and parts[2] in "io":
            tiers[parts[1]]["io".index(parts[2])] = int(value)
    return Month(
        month=month,
        total=total,
        by_feature=dict(by_feature),
        by_model=dict(by_model),
        by_team=by_team,
        tier_tokens={tier: (tiers[tier][0], tiers[tier][1]) for tier in TIERS},
        active_users=active_users,
    )


def week_by_feature(
    months: Mapping[str, Mapping[str, int]], *, ending: date
) -> dict[str, tuple[int, int]]:
    """Micro-dollars per feature in the 7 days ending ``ending`` and the 7 before
    (``months`` maps "YYYY-MM" to that month's hash)."""
    this_from, last_from = ending - timedelta(days=6), ending - timedelta(days=13)
    weeks: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for month, fields in months.items():
        year, number = (int(p) for p in month.split("-"))
        for cell in cells(fields):
            day = date(year, number, cell.day)
            if this_from <= day <= ending:
                weeks[cell.feature][0] += cell.slice.micros
            elif last_from <= day < this_from:
                weeks[cell.feature][1] += cell.slice.micros
    return {feature: (pair[0], pair[1]) for feature, pair in sorted(weeks.items())}


def _pct(part: int, whole: int) -> Decimal | None:
    return Decimal(part) * 100 / whole if whole else None
