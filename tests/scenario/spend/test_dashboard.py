"""The executive dashboard in App Home: one panel as a table block, its figures equal to
genai-prices' own totals for the records sent, panels switched by their buttons."""

from __future__ import annotations

from decimal import Decimal

import pytest
from pydantic import SecretStr

from bot.domain.cost.money import format_pct, format_usd
from bot.domain.usage.forecast import Forecast
from bot.features.spend.store import SINGLE_TEAM, SpendStore
from bot.usage_http import make_usage_app
from tests.support.spend import TOKEN, call, genai_total, lines, record

RECORDS = [
    record(user="U1", team="support", **{"gen_ai.usage.cache_read.input_tokens": 1500}),
    record(user="U2", team="support", batch=True),
    record(user="U1", feature="search", **{"gen_ai.request.model": "gemini-2.5-flash",
           "gen_ai.usage.output_tokens": 120}),
    record(feature="search", team="growth", **{"gen_ai.request.model": "claude-sonnet-4-5",
           "gen_ai.usage.input_tokens": 6000, "gen_ai.usage.cache_read.input_tokens": 4000}),
]  # fmt: skip


@pytest.fixture
def sent(app_settings, store):
    usage = make_usage_app(store, app_settings.model_copy(update={"usage_token": SecretStr(TOKEN)}))
    status, answer, _ = call(usage, "POST", "/usage", lines(*RECORDS))
    assert (status, answer["accepted"]) == (200, len(RECORDS))
    SpendStore(store, SINGLE_TEAM, id_ttl=60).save_forecast(Forecast(
        feature="triage", team="support-eng", channel="C0ALERTS", budget=Decimal(1),
        estimate=Decimal("0.50"), calls_per_month=Decimal(100), input_tokens=2000,
        cached_tokens=500, output_tokens=400,
    ))  # fmt: skip
    return RECORDS


def _table(view: dict) -> list[list[str]]:
    tables = [b for b in view["blocks"] if b["type"] == "table"]
    assert len(tables) == 1, "the Home tab shows one table (one panel) at a time"
    return [[_cell(c) for c in row] for row in tables[0]["rows"]]


def _cell(cell: dict) -> str:
    if cell["type"] == "raw_text":
        return cell["text"]
    return cell["elements"][0]["elements"][0]["text"]


def _row(rows: list[list[str]], first: str) -> list[str]:
    return next(r for r in rows if r[0] == first)


def test_overview_equals_genai_prices_totals(sim, sent) -> None:
    view = sim.open_home(user="U0ALICE").view
    rows = _table(view)
    assert rows[0] == ["Measure", "This month", "Forecast"]
    total = genai_total(sent)
    assert _row(rows, "$ this month")[1:] == [format_usd(total), format_usd(Decimal("0.50"))]
    assert _row(rows, "$ per active user")[1] == format_usd(total / 2)  # U1 and U2
    assert _row(rows, "Cache hit rate (input tokens)")[1:] == [
        format_pct(Decimal(5500) * 100 / 12000), "25%",
    ]  # fmt: skip
    assert _row(rows, "Calls on a Batch API")[1] == "25%"
    assert _row(rows, "Average output tokens per call")[1:] == ["405", "400"]
    assert _row(rows, "Calls")[1:] == ["4", "100"]


def test_feature_team_and_tier_panels(sim, sent) -> None:
    home = sim.open_home(user="U0ALICE").view
    by_feature = _table(sim.click_in_view(home, "By feature").view)
    assert _row(by_feature, "triage") == [
        "triage", "support-eng", format_usd(genai_total(sent[:2])), format_usd(Decimal("0.5")), "$1.00",
        format_pct(genai_total(sent[:2]) * 100),
    ]  # fmt: skip
    assert _row(by_feature, "search")[1:3] == ["–", format_usd(genai_total(sent[2:]))]
    by_team = _table(sim.click_in_view(home, "By team").view)
    assert _row(by_team, "support")[1] == format_usd(genai_total(sent[:2]))
    assert _row(by_team, "(no team)")[1] == format_usd(genai_total(sent[2:3]))
    tiers = _table(sim.click_in_view(home, "By model tier").view)
    assert _row(tiers, "Small (< $0.50 / 1M input)")[1:3] == ["2,000", "120"]
    assert _row(tiers, "Frontier (≥ $2 / 1M input)")[1:3] == ["10,000", "1,500"]


@pytest.mark.parametrize("value", ["../../etc", "", "OVERVIEW", "teams "])
def test_a_forged_panel_shows_the_first_one(sim, sent, value: str) -> None:
    home = sim.open_home(user="U0ALICE").view
    teams = sim.click_in_view(home, "By team").view
    reply = sim.click_in_view(teams, "By team", value=value)
    assert _table(reply.view)[0] == ["Measure", "This month", "Forecast"]


def test_an_empty_month_says_how_to_start(sim) -> None:
    view = sim.open_home(user="U0ALICE").view
    assert not [b for b in view["blocks"] if b["type"] == "table"]
    assert "No usage this month yet" in str(view["blocks"])


def test_the_dashboard_says_when_redis_is_down(sim, store, monkeypatch) -> None:
    from bot.errors import StateUnavailable
    from bot.features.spend import store as spend_store

    def down(*args, **kwargs):
        raise StateUnavailable("down")

    monkeypatch.setattr(spend_store.SpendStore, "dashboard", down)
    view = sim.open_home(user="U0ALICE").view
    assert "Spend figures can't be read right now" in str(view["blocks"])

