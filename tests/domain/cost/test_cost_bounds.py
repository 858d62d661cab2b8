"""Hypothesis properties of the advice: no lever above its bound, the levers in the
playbook's order, and no answer that both recommends and rejects self-hosting."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.domain.cost.errors import CostInputError
from bot.domain.cost.estimate import estimate
from bot.domain.cost.levers import bill_parts
from bot.domain.cost.parse import parse_request
from bot.domain.cost.result import Estimate
from bot.plaintext.llmcost import render_text
from tests.domain.cost.conftest import SELFHOST, load_costs, outcome

COSTS = load_costs()
MODELS = ["gpt-4o", "gpt-4o-mini", "claude-opus-4", "claude-sonnet-4-5", "gemini-2.5-flash",
          "o3", "sonnet", "haiku"]  # fmt: skip
BY_ID = {lever.id: lever for lever in COSTS.levers}
THRESHOLD = Decimal(20_000)


@st.composite
def requests(draw: st.DrawFn) -> str:
    tokens_in = draw(st.integers(1, 60_000))
    volume = draw(st.sampled_from(["qps", "per_minute", "per_hour", "per_day", "per_month"]))
    parts = [
        f"model={draw(st.sampled_from(MODELS))}",
        f"in={tokens_in}",
        f"out={draw(st.integers(0, 8_000))}",
        f"{volume}={draw(st.decimals(Decimal(1), Decimal(50_000), places=2))}",
        f"cached={draw(st.integers(0, tokens_in))}",
    ]
    prices = draw(st.sampled_from(["", "price_in=0.5 price_out=1.5",
                                   "price_in=3 price_out=15 price_cached=0.3"]))  # fmt: skip
    if prices:
        parts.append(prices)
    for flag in ("batch=yes", "tier=flex", "compare=gpt-4o-mini,gemini-2.5-flash",
                 f"peak={draw(st.integers(1, 6))}", f"replicas={draw(st.integers(1, 12))}",
                 f"oss={draw(st.sampled_from(['small', 'mid', 'large']))}",
                 f"ops={draw(st.integers(0, 50_000))}"):  # fmt: skip
        if draw(st.booleans()):
            parts.append(flag)
    return " ".join(draw(st.permutations(parts)))


def _run(text: str) -> Estimate | None:
    result = outcome(lambda: estimate(parse_request(text), COSTS, SELFHOST))
    if isinstance(result, CostInputError):
        assert result.code in {"over_context", "price_pair"}, text
        return None
    return result


@settings(max_examples=500, deadline=None)
@given(requests())
def test_no_lever_above_its_bound(text: str) -> None:
    result = _run(text)
    if result is None:
        return
    parts = bill_parts(result.workload, result.primary)
    numbers = [saving.number for saving in result.levers]
    assert numbers == sorted(numbers)  # the playbook's order, never by dollars
    for saving in result.levers:
        lever = BY_ID[saving.lever_id]
        part = parts[lever.acts_on]
        assert 0 <= saving.save_low <= saving.save_high
        assert saving.save_high <= part * lever.impact_high_pct / 100, saving.lever_id
        assert saving.save_low <= part * lever.impact_low_pct / 100, saving.lever_id
        if saving.ceiling_usd is not None:
            assert saving.save_high <= saving.ceiling_usd
        assert saving.save_high <= result.primary.per_month
    ids = {saving.lever_id for saving in result.levers}
    if "cap_output" in ids:  # at most 40% of the output bill
        assert next(s for s in result.levers if s.lever_id == "cap_output").save_high <= (
            parts["output"] * Decimal("0.4")
        )
    if "prompt_caching" in ids:  # only with a cache price, never more than its discount
        assert result.primary.cache_priced
        rates = result.primary.rates
        discount = (rates.input - rates.cached_input) / rates.input
        caching = next(s for s in result.levers if s.lever_id == "prompt_caching")
        assert caching.save_high <= parts["uncached_input"] * discount


@settings(max_examples=500, deadline=None)
@given(requests())
def test_never_both_recommends_and_rejects_self_hosting(text: str) -> None:
    result = _run(text)
    if result is None:
        return
    fleet, stance = result.self_host, result.verdict.self_host
    offered = "self_host" in {saving.lever_id for saving in result.levers}
    monthly = result.primary.per_month.quantize(Decimal("0.01"))
    assert offered == (stance == "model_it")
    if stance == "model_it":
        assert fleet.cheaper
        assert monthly >= THRESHOLD
        assert result.verdict.band_id != "vendor_api"
    elif stance == "not_worth_it":
        assert fleet.cheaper
        assert monthly < THRESHOLD
    else:
        assert not fleet.cheaper
    if offered:  # never claims more than the fleet saves
        lever = next(s for s in result.levers if s.lever_id == "self_host")
        assert lever.save_high <= fleet.savings_monthly
    out = render_text(result)
    recommends = "Self-hosting is worth modelling here" in out
    rejects = "Self-hosting does not pay here" in out or "that is not worth it" in out
    assert not (recommends and rejects)
    assert recommends or rejects
