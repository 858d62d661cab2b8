"""estimate(): golden numbers checked by hand against the seed's formulas."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bot.domain.cost.errors import CostInputError
from bot.domain.cost.estimate import estimate
from bot.domain.cost.parse import parse_request
from bot.domain.cost.pricing import CUSTOM_SOURCE, PRICE_SOURCE
from bot.domain.knowledge.costs import CostKnowledge
from bot.texts import llmcost as texts
from tests.domain.cost.conftest import SELFHOST

D = Decimal


def run(text: str, costs: CostKnowledge):  # type: ignore[no-untyped-def]
    return estimate(parse_request(text), costs, SELFHOST)


def test_reference_workload(costs: CostKnowledge) -> None:
    result = run("model=gpt-4o in=2000 out=500 qps=3", costs)
    main = result.primary
    assert main.per_call.total == D("0.0100")
    assert main.per_call.output_share == D("0.5")
    # 3 QPS x 86,400 s x 30 days = 7,776,000 calls; x $0.01 = $77,760; x 12 = $933,120
    assert result.workload.calls_per_month == 7_776_000
    assert main.per_month == D(77_760)
    assert main.per_year == D(933_120)
    assert result.verdict.band_id == "real_math"
    assert result.ranking == (main,)
    assert result.price_sources == (PRICE_SOURCE,)


@pytest.mark.parametrize(
    ("volume", "per_month", "per_day", "qps"),
    [
        ("qps=3", D(7_776_000), D(259_200), D(3)),
        ("per_day=250k", D(7_500_000), D(250_000), D(250_000) / 86_400),
        ("per_month=7.5M", D(7_500_000), D(250_000), D(250_000) / 86_400),
        ("qps=0.5", D(1_296_000), D(43_200), D("0.5")),
    ],
)
def test_volume_conversions(
    costs: CostKnowledge, volume: str, per_month: Decimal, per_day: Decimal, qps: Decimal
) -> None:
    workload = run(f"model=gpt-4o in=2000 out=500 {volume}", costs).workload
    assert (workload.calls_per_month, workload.calls_per_day, workload.qps) == (
        per_month,
        per_day,
        qps,
    )
    assert workload.calls_per_year == per_month * 12


@pytest.mark.parametrize(
    ("monthly_text", "band"),
    [
        ("per_month=1M", "vendor_api"),  # $10,000
        ("per_month=1,999,999", "vendor_api"),  # $19,999.99
        ("per_month=2M", "case_by_case"),  # $20,000 exactly
        ("per_month=4,999,999", "case_by_case"),  # $49,999.99
        ("per_month=5M", "real_math"),  # $50,000 exactly
        # half a cent below an edge is shown as the edge, and judged as shown
        ("per_month=1,999,999.4", "vendor_api"),  # $19,999.994: $19,999.99
        ("per_month=1,999,999.5", "case_by_case"),  # $19,999.995: $20,000.00
        ("per_month=4,999,999.5", "real_math"),  # $49,999.995: $50,000.00
    ],
)
def test_verdict_bands_at_the_edges(costs: CostKnowledge, monthly_text: str, band: str) -> None:
    result = run(f"model=gpt-4o in=2000 out=500 {monthly_text}", costs)
    assert result.verdict.band_id == band
    assert result.verdict.monthly == result.primary.per_month


def test_cached_and_batch(costs: CostKnowledge) -> None:
    cached = run("model=gpt-4o in=2000 cached=1500 out=500 per_month=1M", costs).primary
    assert (cached.per_call.input, cached.per_call.cached_input, cached.per_call.total) == (
        D("0.00125"),
        D("0.001875"),
        D("0.008125"),
    )
    assert cached.per_month == D(8125)
    batch = run("model=gpt-4o in=2000 out=500 per_month=1M batch=yes", costs).primary
    assert batch.batch_applied
    assert batch.per_month == D(5000)


def test_custom_prices_for_an_unknown_model(costs: CostKnowledge) -> None:
    result = run(
        "model=our-llama in=2000 cached=1500 out=500 per_month=1M "
        "price_in=0.2 price_out=0.6 price_cached=0.05",
        costs,
    )
    assert result.primary.per_call.total == D("0.000475")
    assert result.primary.per_month == D(475)
    assert result.primary.price_source == CUSTOM_SOURCE


def test_custom_prices_override_a_known_model_and_compare_uses_list_prices(
    costs: CostKnowledge,
) -> None:
    result = run(
        "model=gpt-4o in=2000 out=500 per_month=1M price_in=2 price_out=8 compare=gpt-4o-mini",
        costs,
    )
    # negotiated: 2000 x $2 + 500 x $8 per 1M = $0.008; list gpt-4o-mini: $0.0006
    assert result.primary.per_call.total == D("0.008")
    assert [c.ref for c in result.ranking] == ["gpt-4o-mini", "gpt-4o"]
    assert result.price_sources == (CUSTOM_SOURCE, PRICE_SOURCE)


def test_negotiated_rate_against_the_list_price_of_the_same_model(costs: CostKnowledge) -> None:
    result = run(
        "model=gpt-4o in=2000 out=500 per_month=1M price_in=2 price_out=8 compare=gpt-4o", costs
    )
    assert [(c.ref, c.is_primary, c.per_month) for c in result.ranking] == [
        ("gpt-4o", True, D(8000)),  # $0.008 a call at the negotiated rate
        ("gpt-4o", False, D(10000)),  # $0.01 at list price
    ]
    assert result.ranking[1].vs_primary == D(2000)


def test_compare_ranks_cheapest_first(costs: CostKnowledge) -> None:
    result = run(
        "model=gpt-4o in=2000 out=500 qps=3 compare=claude-sonnet-4-5,gemini-2.5-flash", costs
    )
    by_ref = {c.ref: c for c in result.ranking}
    # per call: gemini $0.00185, gpt-4o $0.0100, claude $0.0135; x 7,776,000 calls
    assert [c.ref for c in result.ranking] == ["gemini-2.5-flash", "gpt-4o", "claude-sonnet-4-5"]
    assert by_ref["gemini-2.5-flash"].per_month == D("14385.6")
    assert by_ref["claude-sonnet-4-5"].per_month == D(104_976)
    assert by_ref["claude-sonnet-4-5"].vs_primary == D(104_976 - 77_760)
    assert by_ref["gpt-4o"].is_primary
    assert by_ref["gpt-4o"].vs_primary == 0
    assert sum(c.is_primary for c in result.ranking) == 1


def test_compare_without_model_uses_the_first_as_main(costs: CostKnowledge) -> None:
    result = run("compare=gemini-2.5-flash,gpt-4o in=2000 out=500 qps=3", costs)
    assert result.primary.ref == "gemini-2.5-flash"
    assert len(result.ranking) == 2


@pytest.mark.parametrize(
    ("text", "code", "token"),
    [
        ("model=gpt-4x in=2000 out=500 qps=3", "unknown_model", "model=gpt-4x"),
        (
            "model=gpt-4o in=2000 out=500 qps=3 compare=gpt-4o,claude-9",
            "unknown_model",
            "compare=claude-9",
        ),
        ("model=gpt-4o in=200k out=500 qps=3", "over_context", "in=200000"),
    ],
)
def test_model_errors(costs: CostKnowledge, text: str, code: str, token: str) -> None:
    with pytest.raises(CostInputError) as caught:
        run(text, costs)
    assert (caught.value.code, caught.value.token) == (code, token)
    run(str(texts.derived(caught.value.code, caught.value.details)["example"]), costs)  # the example given works


def test_every_example_in_texts_works(costs: CostKnowledge) -> None:
    for example in {texts.EXAMPLE, *texts.EXAMPLES.values()}:
        assert run(example, costs).primary.per_month > 0, example
    for line in texts.HELP.splitlines():  # the commands shown in help
        for chunk in line.split("`")[1::2]:
            if chunk == "/llmcost forecasts":  # the forecasts list: tests/scenario/spend
                continue
            if chunk.startswith("/llmcost "):
                assert run(chunk.removeprefix("/llmcost "), costs).primary.per_month > 0, chunk
