"""The cases issue 12 was filed with, each with the verdict, the lever order and the
self-host fleet it must produce, and how people type their input."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import pytest

from bot.domain.cost.errors import CostInputError
from bot.domain.cost.estimate import estimate
from bot.domain.cost.parse import parse_request
from bot.domain.cost.result import Estimate
from bot.plaintext.llmcost import render_text
from bot.texts import llmcost as texts
from bot.texts.errors import describe
from tests.domain.cost.conftest import SELFHOST, load_costs

COSTS = load_costs()
D = Decimal


def run(text: str) -> Estimate:
    return estimate(parse_request(text), COSTS, SELFHOST)


@dataclass(frozen=True)
class Case:
    text: str
    band: str
    stance: str
    levers: tuple[str, ...]
    stand_in: str
    lower_quality: bool
    replicas: int
    gpus: int
    fleet_monthly: Decimal


CASES = {
    # a frontier vendor model: a large MoE stand-in, said to be a lower quality class; a real
    # fleet of 2 x 8 H100s with ops, not "3 GPUs"
    "opus": Case(
        "model=claude-opus-4 in=10k out=1k per_day=50k", "real_math", "model_it",
        ("cap_output", "prompt_caching", "model_routing", "prompt_compression",
         "rag_over_long_context", "self_host", "distill"),
        "large", True, 2, 16, D("44040"),  # 16 x $3 x 730 = $35,040 + $5,000 + 16 x $250
    ),
    # $15,000 a month: the fleet is $240 cheaper on paper, but under $20K that is not worth
    # it, and self-hosting is no lever (one verdict, not "stay" and "cheaper" side by side)
    "stay_on_vendor": Case(
        "model=gpt-4o in=2k out=500 per_month=1.5M", "vendor_api", "not_worth_it",
        ("cap_output", "prompt_caching", "model_routing", "prompt_compression", "batch_api",
         "distill"),
        "mid", False, 2, 4, D("14760"),
    ),
    # $35,770 a month, but 17 small replicas cost $46,480: the API is cheaper, so no
    # self-host lever either
    "gpt_4o_mini": Case(
        "model=gpt-4o-mini in=3000 out=400 qps=20", "case_by_case", "api_cheaper",
        ("cap_output", "prompt_caching", "model_routing", "prompt_compression", "batch_api",
         "distill"),
        "small", False, 17, 17, D("46480"),
    ),
    # the same, as people type it
    "gpt_4o_mini_positional": Case(
        "gpt-4o-mini 3000 in 400 out 20 qps", "case_by_case", "api_cheaper",
        ("cap_output", "prompt_caching", "model_routing", "prompt_compression", "batch_api",
         "distill"),
        "small", False, 17, 17, D("46480"),
    ),
    "gpt_4o_positional_model_last": Case(
        "2k in 500 out 3 qps gpt-4o", "real_math", "model_it",
        ("cap_output", "prompt_caching", "model_routing", "prompt_compression", "batch_api",
         "self_host", "distill"),
        "mid", False, 7, 14, D("39160"),
    ),
    # a tiny workload still gets two replicas (redundancy), and the API is cheaper
    "tiny": Case(
        "model=gpt-4o in=2000 out=500 per_hour=1000", "vendor_api", "api_cheaper",
        ("cap_output", "prompt_caching", "model_routing", "prompt_compression", "batch_api"),
        "mid", False, 2, 4, D("14760"),
    ),
    # one replica when asked: no redundancy, and the ops share shrinks with the fleet
    "one_replica": Case(
        "model=gpt-4o in=2000 out=500 per_hour=1000 replicas=1", "vendor_api", "api_cheaper",
        ("cap_output", "prompt_caching", "model_routing", "prompt_compression", "batch_api"),
        "mid", False, 1, 2, D("9880"),
    ),
}  # fmt: skip


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_case(case: Case) -> None:
    result = run(case.text)
    fleet = result.self_host
    assert (result.verdict.band_id, result.verdict.self_host) == (case.band, case.stance)
    assert tuple(s.lever_id for s in result.levers) == case.levers
    assert (fleet.oss.class_id, fleet.oss.lower_quality) == (case.stand_in, case.lower_quality)
    assert (fleet.replicas, fleet.gpus, fleet.monthly) == (case.replicas, case.gpus,
                                                          case.fleet_monthly)  # fmt: skip


def test_lower_quality_is_said_plainly() -> None:
    out = render_text(run(CASES["opus"].text))
    assert "Stand-in: Qwen3 235B-A22B MoE" in out
    assert "A lower quality class than the vendor model." in out
    assert "open weights usually lag frontier vendors" in out


def test_one_verdict_when_cheaper_on_paper_but_small() -> None:
    out = render_text(run(CASES["stay_on_vendor"].text))
    assert out.count("cheaper on paper") == 2  # the verdict's reason, and the fleet's numbers
    assert "under $20K a month that is not worth it" in out
    assert "Self-host open weights" not in out  # no lever


@pytest.mark.parametrize(
    ("text", "model", "alias"),
    [
        ("model=sonnet in=2k out=500 qps=1", "claude-sonnet-5-5", "sonnet"),
        ("opus 2k in 500 out 1 qps", "claude-opus-5-5", "opus"),
        ("model=HAIKU in=2k out=500 qps=1", "claude-haiku-5-5", "HAIKU"),
        ("4o 2k in 500 out 1 qps", "gpt-4o", "4o"),
        ("model=flash in=2k out=500 qps=1", "gemini-3.8-flash", "flash"),
    ],
)
def test_aliases_name_the_model_they_mean(text: str, model: str, alias: str) -> None:
    result = run(text)
    assert (result.primary.ref, result.primary.alias_of) == (model, alias)
    assert texts.ALIAS_NOTE.format(alias=alias, model=model).replace("`", "") in render_text(result)


@pytest.mark.parametrize(
    ("text", "calls_per_month"),
    [
        ("model=gpt-4o in=2k out=500 per_hour=1000", D(720_000)),
        ("model=gpt-4o in=2k out=500 per_minute=100", D(4_320_000)),
        ("model=gpt-4o in=2k out=500 1000 per_hour", D(720_000)),
    ],
)
def test_per_hour_and_per_minute(text: str, calls_per_month: Decimal) -> None:
    assert run(text).workload.calls_per_month == calls_per_month


@pytest.mark.parametrize(
    ("text", "example"),
    [
        # a typo'd key: the hint keeps every other argument
        ("model=gpt-4o in=2k out=500 qsp=3", "model=gpt-4o in=2k out=500 qps=3"),
        ("gpt-4o 2k in 500 out per_hr=1000", "gpt-4o 2k in 500 out per_hour=1000"),
        # a missing piece is added to what was typed
        ("model=gpt-4o in=2k out=500", "model=gpt-4o in=2k out=500 qps=3"),
        # a bad value is replaced, the rest kept
        ("model=gpt-4o in=2k out=500 qps=3 tier=turbo", "model=gpt-4o in=2k out=500 qps=3 tier=flex"),
        # an unknown model: the closest known one, the rest kept (as the canonical arguments:
        # it is found after parsing)
        ("model=gpt-4x in=2k out=500 qps=3", "model=gpt-4 in=2000 out=500 qps=3"),
    ],
)  # fmt: skip
def test_try_line_keeps_the_users_arguments(text: str, example: str) -> None:
    with pytest.raises(CostInputError) as caught:
        run(text)
    assert describe(caught.value).endswith(f"\nTry: `{example}`")


def test_per_hour_is_no_typo() -> None:
    assert run("model=gpt-4o in=2k out=500 per_hour=1000").workload.volume_kind == "per_hour"


def test_no_word_seed_in_any_answer() -> None:
    for case in CASES.values():
        assert "seed" not in render_text(run(case.text)).lower()
    assert "seed" not in texts.HELP.lower()


# --- prices people pay -------------------------------------------------------------------------


def test_cache_writes_at_the_cache_write_prices() -> None:
    # claude-opus-4: $15 input, $18.75 5-minute write, $30 1-hour write per 1M
    call = run("model=claude-opus-4 in=10k cache_write=1000 cache_write_1h=1000 out=0 qps=1")
    cost = call.primary.per_call
    assert cost.input == D("0.12")  # 8,000 fresh tokens
    assert cost.cache_write == D("0.04875")  # 1,000 x $18.75 + 1,000 x $30 per 1M
    assert cost.total == D("0.16875")


def test_reasoning_billed_as_output_and_left_out_said() -> None:
    without = run("model=o3 in=2000 out=500 qps=1")
    assert "reasoning_left_out" in without.notes
    with_reasoning = run("model=o3 in=2000 out=500 reasoning=1500 qps=1")
    assert "reasoning_left_out" not in with_reasoning.notes
    assert with_reasoning.primary.per_call.output == D(2000) * 8 / 1_000_000
    assert run("model=gpt-4o in=2000 out=500 qps=1").notes == ()


@pytest.mark.parametrize(
    ("tier", "total"),
    [("flex", D("0.004")), ("priority", D("0.014"))],  # o3: $2/$8 -> flex half, priority $3.5/$14
)
def test_service_tier(tier: str, total: Decimal) -> None:
    result = run(f"model=o3 in=2000 out=500 reasoning=0 qps=1 tier={tier}")
    assert result.primary.per_call.total == total
    assert "tier_unavailable" not in result.primary.notes


def test_tier_without_a_price_says_so() -> None:
    result = run("model=gpt-4o in=2000 out=500 qps=1 tier=flex")
    assert "tier_unavailable" in result.primary.notes
    assert result.primary.per_call.total == D("0.01")


def test_price_data_version_is_shown() -> None:
    assert "Prices from genai-prices 0.2.3 (offline data)" in render_text(run(CASES["tiny"].text))
