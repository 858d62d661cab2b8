"""Which levers apply (rules from costs.yaml) and what they could save here."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bot.domain.cost.estimate import estimate
from bot.domain.cost.levers import workload_facts
from bot.domain.cost.parse import parse_request
from bot.domain.knowledge.costs import CostKnowledge
from tests.domain.cost.conftest import SELFHOST

D = Decimal


def run(text: str, costs: CostKnowledge):  # type: ignore[no-untyped-def]
    return estimate(parse_request(text), costs, SELFHOST)


def test_reference_workload_levers_ranked_with_savings(costs: CostKnowledge) -> None:
    levers = run("model=gpt-4o in=2000 out=500 qps=3", costs).levers
    # $77,760 a month x each lever's impact range, capped at the part of the bill it acts
    # on; ranked by what it could save here
    assert [(s.lever_id, s.save_low, s.save_high) for s in levers] == [
        ("distill", D(46_656), D(69_984)),  # 60-90%
        ("self_host", D(38_880), D(69_984)),  # 50-90%
        ("model_routing", D(23_328), D(62_208)),  # 30-80%
        # 30-70% would be $23,328-$54,432, but caching all 2,000 input tokens saves only
        # $2.50 - $1.25 per 1M: 7,776,000 x 2,000 x $1.25 / 1M = $19,440 a month
        ("prompt_caching", D(19_440), D(19_440)),
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
        ("1,999,999.5", {"model_routing", "distill", "self_host"}),  # $19,999.995: $20,000.00
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


@pytest.mark.parametrize(
    ("text", "lever_id", "low", "high", "capped"),
    [
        # gpt-4o 2k in / 5k out at 3 QPS: input $0.005 a call = $38,880 a month of $427,680;
        # compression's 10-30% of the bill ($42,768-$128,304) is more than all the input
        ("model=gpt-4o in=2000 out=5000 qps=3", "prompt_compression", D(38_880), D(38_880), True),
        # caching: the uncached input at the $1.25 cache discount, $19,440 a month
        ("model=gpt-4o in=2000 out=5000 qps=3", "prompt_caching", D(19_440), D(19_440), True),
        # output $0.002 of $0.0045 a call: 10-40% of $4,500 a month fits inside its $2,000
        ("model=gpt-4o in=1000 out=200 per_month=1M", "cap_output", D(450), D(1_800), False),
        # output $0.002 of $0.007 a call (29%): 40% of $7,000 is more than its $2,000
        ("model=gpt-4o in=2000 out=200 per_month=1M", "cap_output", D(700), D(2_000), True),
        # input $0.02 of $0.022 a call: 30-70% of $22,000 fits inside its $20,000
        ("model=gpt-4o in=8000 out=200 per_month=1M", "rag_over_long_context",
         D(6_600), D(15_400), False),
        # claude-sonnet-4-5 long prompt: $6 input, $0.60 cache (90% off): 30-70% fits
        ("model=claude-sonnet-4-5 in=250k out=1k per_day=100", "prompt_caching",
         D("1370.25"), D("3197.25"), False),
    ],
)  # fmt: skip
def test_savings_capped_at_the_part_of_the_bill_the_lever_acts_on(
    costs: CostKnowledge, text: str, lever_id: str, low: Decimal, high: Decimal, capped: bool
) -> None:
    found = {s.lever_id: s for s in run(text, costs).levers}
    assert (found[lever_id].save_low, found[lever_id].save_high) == (low, high)
    assert found[lever_id].capped is capped


@pytest.mark.parametrize("text", [
    "model=gpt-4o in=2000 out=500 qps=3",
    "model=gpt-4o in=2000 out=5000 qps=3",
    "model=gpt-4o in=30k cached=1k out=300 qps=1 batch=yes",
    "model=claude-sonnet-4-5 in=250k out=1k per_day=100",
    "model=our-llama in=9000 out=2000 qps=2 price_in=0.2 price_out=0.6",
])  # fmt: skip
def test_no_saving_exceeds_the_part_it_acts_on(costs: CostKnowledge, text: str) -> None:
    result = run(text, costs)
    call, calls = result.primary.per_call, result.workload.calls_per_month
    limit = {
        "bill": result.primary.per_month,
        "input": (call.input + call.cached_input) * calls,
        "uncached_input": call.input * calls,
        "output": call.output * calls,
    }
    for saving in result.levers:
        assert saving.save_high <= limit[saving.acts_on], saving.lever_id
