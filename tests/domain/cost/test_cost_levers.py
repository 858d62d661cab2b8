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


def test_reference_workload_levers_in_playbook_order_with_bounded_savings(
    costs: CostKnowledge,
) -> None:
    levers = run("model=gpt-4o in=2000 out=500 qps=3", costs).levers
    # $77,760 a month: $38,880 input, $38,880 output. Each lever's typical % of the part it
    # acts on, capped at its ceiling; in the playbook's order, never by dollars
    assert [(s.lever_id, s.save_low, s.save_high, s.capped) for s in levers] == [
        ("cap_output", D(3_888), D(15_552), False),  # 10-40% of the output
        # 30-70% of the uncached input, capped at its 50% cache discount ($1.25 of $2.50)
        ("prompt_caching", D(11_664), D(19_440), True),
        ("model_routing", D(23_328), D(62_208), False),  # 30-80% of the bill
        ("prompt_compression", D(3_888), D(11_664), False),  # 10-30% of the input
        ("batch_api", D(0), D(38_880), False),  # up to the batch discount (half)
        # 50-90% of the bill, capped at what the 7-replica fleet saves
        ("self_host", D(38_600), D(38_600), True),
        ("distill", D(46_656), D(69_984), False),  # 60-90% of the bill
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
        # at batch prices gpt-4o has no cache discount: caching can't save anything more
        (
            "model=gpt-4o in=2048 cached=1000 out=100 per_month=1000 batch=yes",
            {"prompt_compression"},
        ),
        (
            "model=gpt-4o in=2048 cached=1000 out=100 per_month=1000",
            {"prompt_caching", "prompt_compression", "batch_api"},
        ),
        # exactly half cached: caching is spent
        (
            "model=gpt-4o in=2048 cached=1024 out=100 per_month=1000 batch=yes",
            {"prompt_compression"},
        ),
        # long prompts: RAG over long context
        (
            "model=gpt-4o-mini in=10k out=50 per_month=1000 batch=yes",
            {"prompt_compression", "rag_over_long_context"},
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
        # gpt-4o 2k in / 5k out at 3 QPS: input $0.005 a call = $38,880 a month: 10-30%
        ("model=gpt-4o in=2000 out=5000 qps=3", "prompt_compression", D(3_888), D(11_664), False),
        # caching: 30-70% of the uncached input, at most its $1.25 cache discount, $19,440
        ("model=gpt-4o in=2000 out=5000 qps=3", "prompt_caching", D(11_664), D(19_440), True),
        # output $2,000 a month: 10-40% of it, never 40% of the whole bill
        ("model=gpt-4o in=1000 out=200 per_month=1M", "cap_output", D(200), D(800), False),
        ("model=gpt-4o in=2000 out=200 per_month=1M", "cap_output", D(200), D(800), False),
        # input $20,000 a month: 30-70% of it
        ("model=gpt-4o in=8000 out=200 per_month=1M", "rag_over_long_context",
         D(6_000), D(14_000), False),
        # claude-sonnet-4-5 long prompt: $6 input ($4,500 a month), $0.60 cache (90% off)
        ("model=claude-sonnet-4-5 in=250k out=1k per_day=100", "prompt_caching",
         D(1_350), D(3_150), False),
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
        "input": (call.input + call.cached_input + call.cache_write) * calls,
        "uncached_input": call.input * calls,
        "output": call.output * calls,
    }
    for saving in result.levers:
        assert saving.save_high <= limit[saving.acts_on], saving.lever_id


@pytest.mark.parametrize(
    "text",
    [
        # no cache price known (custom prices without price_cached=): no caching lever
        "model=our-llama in=3000 out=500 qps=3 price_in=0.2 price_out=0.6",
    ],
)
def test_caching_needs_a_cache_price(costs: CostKnowledge, text: str) -> None:
    assert "prompt_caching" not in {s.lever_id for s in run(text, costs).levers}
    priced = run(text + " price_cached=0.05", costs).levers
    caching = next(s for s in priced if s.lever_id == "prompt_caching")
    # 3,000 x $0.2 per 1M x 7,776,000 calls = $4,665.60; 75% cache discount
    assert caching.ceiling_usd == D("4665.6") * D("0.75")


def test_routing_names_the_cheaper_compared_model(costs: CostKnowledge) -> None:
    result = run("model=gpt-4o in=2000 out=500 qps=3 compare=gpt-4o-mini", costs)
    routing = next(s for s in result.levers if s.lever_id == "model_routing")
    mini = next(c for c in result.ranking if c.ref == "gpt-4o-mini")
    assert routing.cheaper_model == "gpt-4o-mini"
    assert routing.ceiling_usd == result.primary.per_month - mini.per_month
    assert routing.save_high <= routing.ceiling_usd
