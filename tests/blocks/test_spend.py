"""Spend's messages: alerts with and without levers, the digest's changes, the dashboard's
panels within a table block's limits, typed names escaped."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from bot.blocks.spend import PANELS, Dashboard, dashboard_blocks, forecasts_message
from bot.blocks.spend_alerts import alert_message, digest_message
from bot.devtools.blockkit import message_problems
from bot.devtools.sim import message_text
from bot.domain.usage.forecast import Forecast, Lever
from bot.domain.usage.ledger import Slice, month_figures

FORECAST = Forecast(feature="triage", team="support", channel="C0A", budget=Decimal(1000),
                    estimate=Decimal(900))  # fmt: skip


@pytest.mark.parametrize(
    ("threshold", "levers", "shown", "absent"),
    [
        (75, [], ["*75%*", "$750.00 so far", "forecast $900.00"], ["Levers", "kill switch"]),
        (100, [Lever(name="Prompt caching", save_low=Decimal(90), save_high=Decimal(400))],
         ['answers `"over": true`', "*Prompt caching*: could save $90.00-$400.00 a month"], []),
        (100, [], ["saved without an estimate's levers"], ["could save"]),
    ],
)  # fmt: skip
def test_alerts(threshold, levers, shown, absent) -> None:
    forecast = FORECAST.model_copy(update={"levers": levers})
    spent = 750_000_000 if threshold == 75 else 1_000_000_000
    observed = Slice(calls=10, input_tokens=1000, cached_tokens=250, output_tokens=4000, batch_calls=1)
    payload = alert_message(forecast, threshold=threshold, spent=spent, month="2026-12", observed=observed)
    assert message_problems(payload) == []
    text = message_text(payload)
    for words in [*shown, "December 2026", "cache hit rate 25%, 10% of calls", "400 output tokens"]:
        assert words in text, words
    for words in absent:
        assert words not in text


def test_the_digest_says_what_changed() -> None:
    weeks = {"triage": (2_000_000, 1_000_000), "search": (500_000, 0), "old": (0, 3_000_000)}
    payload = digest_message(weeks, ending=date(2026, 12, 6))
    assert message_problems(payload) == []
    rows = [[c.get("text") for c in r] for r in payload["blocks"][1]["rows"][1:]]
    assert rows == [
        ["triage", "$2.00", "$1.00", "+$1.00 (100%)"],
        ["search", "$0.500", "$0.00", "new"],
        ["old", "$0.00", "$3.00", "-$3.00 (-100%)"],
    ]
    assert "No LLM usage in the last two weeks." in message_text(digest_message({}, ending=date(2026, 12, 6)))


def test_every_panel_fits_even_with_many_features() -> None:
    fields = {f"d|01|feature-{i}|gpt-4o|{m}": 1000 + i for i in range(150) for m in "nu"}
    fields |= {f"g|team-{i}|u": i for i in range(150)}
    board = Dashboard(month=month_figures("2026-12", fields, 3), forecasts={}, panel="overview",
                      day=3, source="genai-prices", tokens=False)  # fmt: skip
    for panel in PANELS:
        blocks = dashboard_blocks(Dashboard(**{**board.__dict__, "panel": panel}))
        [table] = [b for b in blocks if b["type"] == "table"]
        assert len(table["rows"]) <= 100


def test_the_forecasts_list_is_one_table() -> None:
    payload = forecasts_message({"triage": FORECAST}, {"triage": 250_000_000})
    assert message_problems(payload) == []
    [table] = [b for b in payload["blocks"] if b["type"] == "table"]
    assert [c.get("text") for c in table["rows"][1]] == [
        "triage", "support", "–", "$900.00", "$1,000.00", "$250.00", "C0A",
    ]
