"""Which levers apply (rules from costs.yaml) and what they could save here."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bot.domain.cost.estimate import estimate
from bot.domain.cost.levers import workload_facts
from bot.domain.cost.parse import parse_request
from bot.domain.knowledge.costs import CostKnowledge

D = Decimal


def run(text: str, costs: CostKnowledge):  # type: ignore[no-untyped-def]
    return estimate(parse_request(text), costs)


def test_reference_workload_levers_ranked_with_savings(costs: CostKnowledge) -> None:
    levers = run("model=gpt-4o in=2000 out=500 qps=3", costs).levers
    # $77,760 a month x each lever's impact range; ranked by the range's midpoint
    assert [(s.lever_id, s.save_low, s.save_high) for s in levers] == [
        ("distill", D(46_656), D(69_984)),  # 60-90%
        ("self_host", D(38_880), D(69_984)),  # 50-90%
        ("model_routing", D(23_328), D(62_208)),  # 30-80%
        ("prompt_caching", D(23_328), D(54_432)),  # 30-70%
        ("cap_output", D(7_776), D(31_104)),  # 10-40%
        ("batch_api", D(0), D(38_880)),  # up to 50%
        ("prompt_compression", D(7_776), D(23_328)),  # 10-30%
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # tiny, short, already batch: nothing applies
        ("model=gpt-4o-mini in=500 out=100 qps=0.01 batch=yes", set()),
        # mostly cached already (1,000 uncached < 1,024), short answers, small spend
        (
            "model=gpt-4o in=4000 cached=3000 out=100 per_month=1000",
            {"prompt_compression", "batch_api"},
        ),
        # 1,048 uncached and under half cached: caching applies
        (
            "model=gpt-4o in=2048 cached=1000 out=100 per_month=1000 batch=yes",
            {"prompt_caching", "prompt_compression"},
        ),
        # exactly half cached: caching is spent
        (
            "model=gpt-4o in=2048 cached=1024 out=100 per_month=1000 batch=yes",
            {"prompt_compression"},
        ),
        # long prompts: RAG over long context
        (
            "model=gpt-4o-mini in=10k out=50 per_month=1000 batch=yes",
            {"prompt_caching", "prompt_compression", "rag_over_long_context"},
        ),
        # long answer that dominates the bill: cap output
        ("model=gpt-4o-mini in=100 out=400 per_month=1000 batch=yes", {"cap_output"}),
        # 199 output tokens: no cap
        ("model=gpt-4o-mini in=100 out=199 per_month=1000 batch=yes", set()),
    ],
)
def test_applicability_rules(costs: CostKnowledge, text: str, expected: set[str]) -> None:
    assert {s.lever_id for s in run(text, costs).levers} == expected


@pytest.mark.parametrize(
    ("per_month", "expected"),
    [
        # gpt-4o at $0.01 a call
        ("99,999", set()),  # $999.99
        ("100k", {"model_routing"}),  # $1,000
        ("999,999", {"model_routing"}),  # $9,999.99
        ("1M", {"model_routing", "distill"}),  # $10,000
        ("1,999,999", {"model_routing", "distill"}),  # $19,999.99
        ("2M", {"model_routing", "distill", "self_host"}),  # $20,000
    ],
)
def test_spend_thresholds(costs: CostKnowledge, per_month: str, expected: set[str]) -> None:
    text = f"model=gpt-4o in=2000 out=500 per_month={per_month}"
    spend_levers = {"model_routing", "distill", "self_host"}
    assert {s.lever_id for s in run(text, costs).levers} & spend_levers == expected


def test_facts(costs: CostKnowledge) -> None:
    result = run("model=gpt-4o in=2000 cached=500 out=500 qps=2 batch=yes", costs)
    facts = workload_facts(result.workload, result.primary)
    assert facts["cached_share_pct"] == D(25)
    assert facts["uncached_input_tokens"] == D(1500)
    assert facts["monthly_usd"] == result.primary.per_month
    assert facts["qps"] == D(2)
    assert facts["batch"] is True
    assert facts["custom_prices"] is False
    # batch: 1,500 x $1.25 + 500 x $1.25 (cached, standard rate) + 500 x $5 per 1M
    assert facts["output_share_pct"] == D("0.0025") / D("0.005") * 100


def test_savings_never_exceed_the_bill(costs: CostKnowledge) -> None:
    result = run("model=claude-sonnet-4-5 in=20k out=2k qps=10", costs)
    for saving in result.levers:
        assert 0 <= saving.save_low <= saving.save_high <= result.primary.per_month
