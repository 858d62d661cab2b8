"""Counters from priced records, and the month's figures read back from them."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from bot.domain.usage import UsageError
from bot.domain.usage.budget import over, percent, reached
from bot.domain.usage.cost import RecordCost, record_cost, tier_of, to_micros
from bot.domain.usage.ledger import increments, merge, month_figures, week_by_feature
from bot.domain.usage.records import UsageRecord


def _record(**change) -> UsageRecord:
    base = dict(model="gpt-4o", provider=None, input_tokens=2000, cached_tokens=0,
                output_tokens=500, batch=False, feature="triage", team=None, user=None,
                at=datetime(2026, 12, 3, tzinfo=UTC), id=None)  # fmt: skip
    return UsageRecord(**{**base, **change})


def _fields(records: list[UsageRecord]) -> dict[str, int]:
    return {f: a for _, f, a in merge(increments(r, record_cost(r)) for r in records)}


def test_gpt_4o_costs_what_the_notes_say() -> None:
    cost = record_cost(_record())
    assert cost == RecordCost(micros=10_000, model_id="gpt-4o", tier="frontier", batch_applied=False)


def test_an_unknown_model_is_refused_with_the_closest_names() -> None:
    with pytest.raises(UsageError) as caught:
        record_cost(_record(model="gpt-4oo"))
    assert caught.value.code == "unknown_model"
    assert "gpt-4o" in caught.value.details["closest"]


@pytest.mark.parametrize(
    ("rate", "tier"),
    [("0.15", "small"), ("0.4999", "small"), ("0.5", "mid"), ("1.99", "mid"), ("2", "frontier")],
)
def test_tiers_by_input_price(rate: str, tier: str) -> None:
    assert tier_of(Decimal(rate)) == tier


def test_month_figures_add_up() -> None:
    records = [
        _record(user="U1", team="support"),
        _record(cached_tokens=1000, batch=True, user="U2", team="support"),
        _record(model="gemini-2.5-flash", feature="search", output_tokens=100),
    ]
    month = month_figures("2026-12", _fields(records), active_users=2)
    expected = sum(record_cost(r).micros for r in records)
    assert month.total.micros == expected
    assert month.total.calls == 3
    assert month.total.batch_calls == 1
    assert month.total.cache_hit_pct == Decimal(1000) * 100 / 6000
    assert month.total.output_per_call == Decimal(1100) / 3
    assert set(month.by_feature) == {"triage", "search"}
    assert month.by_team["support"] + month.by_team["-"] == expected
    assert month.tier_tokens["small"] == (2000, 100)
    assert month.per_user_micros == expected // 2


def test_week_by_feature_spans_a_month_boundary() -> None:
    fields = {
        "2026-11": _fields([_record(at=datetime(2026, 11, 28, tzinfo=UTC))]),
        "2026-12": _fields([_record(at=datetime(2026, 12, 3, tzinfo=UTC)),
                            _record(at=datetime(2026, 12, 4, tzinfo=UTC), feature="search")]),
    }  # fmt: skip
    weeks = week_by_feature(fields, ending=date(2026, 12, 6))
    assert weeks == {"search": (10_000, 0), "triage": (10_000, 10_000)}


@pytest.mark.parametrize(
    ("spent", "budget", "thresholds"),
    [(0, 100, ()), (74, 100, ()), (75, 100, (75,)), (99, 100, (75,)), (100, 100, (75, 100)),
     (500, 100, (75, 100)), (1, 0, (75, 100)), (0, 0, ())],
)  # fmt: skip
def test_thresholds(spent: int, budget: int, thresholds: tuple) -> None:
    assert reached(spent, budget) == thresholds
    assert over(spent, budget) is (100 in thresholds)


def test_micros_round_half_even_and_percent() -> None:
    assert (to_micros(Decimal("0.0000005")), to_micros(Decimal("0.0000015"))) == (0, 2)
    assert percent(50, 200) == 25
    assert percent(1, 0) is None
