"""Property tests: the parser is total (a CostRequest or CostInputError, nothing else) on
thousands of random strings, and every estimate it leads to is self-consistent."""

from __future__ import annotations

import re
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.domain.cost.errors import CostInputError
from bot.domain.cost.estimate import estimate
from bot.domain.cost.parse import ALIASES, parse_request
from bot.domain.cost.request import CostRequest
from bot.plaintext.llmcost import render_text
from bot.texts import llmcost as texts
from bot.texts.errors import describe
from tests.domain.cost.conftest import SELFHOST, load_costs, outcome

COSTS = load_costs()
KEYS = sorted({alias for names in ALIASES.values() for alias in names})
NUMBERISH = "0123456789.,kKmMbB-+$eE naif"


def _parses_or_refuses(text: str) -> None:
    result = outcome(lambda: parse_request(text))
    if isinstance(result, CostInputError):
        assert result.code in texts.ERRORS
        assert texts.derived(result.code, result.details)["example"]
        words = describe(result)  # the token is shown in one code span, on the first line
        assert re.match(r":warning: `[^`\n]*`: [^\n]+\nTry: `[^`\n]+`$", words), words
    else:
        assert isinstance(result, CostRequest)


@settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=200))
def test_parser_total_on_any_text(text: str) -> None:
    _parses_or_refuses(text)


_value = st.one_of(
    st.text(alphabet=NUMBERISH, max_size=14),
    st.sampled_from(["gpt-4o", "yes", "no", "gpt-4o,gemini-2.5-flash", "", "nan", "1e999"]),
    st.text(max_size=8),
)
_pair = st.tuples(
    st.sampled_from([*KEYS, "foo", "", "IN", "Per-Day"]),
    st.sampled_from(["=", " = ", "", "=="]),
    _value,
)


@settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_pair, max_size=10), st.sampled_from([" ", "  ", ", ", "\n", "\t"]))
def test_parser_total_on_key_value_soup(pairs: list[tuple[str, str, str]], sep: str) -> None:
    _parses_or_refuses(sep.join(f"{k}{eq}{v}" for k, eq, v in pairs))


MODELS = ["gpt-4o", "gpt-4o-mini", "claude-sonnet-4-5", "gemini-2.5-flash", "o3", "deepseek-chat"]


@st.composite
def requests(draw: st.DrawFn) -> str:
    tokens_in = draw(st.integers(1, 100_000))
    parts = [
        f"model={draw(st.sampled_from(MODELS))}",
        f"in={tokens_in}",
        f"out={draw(st.integers(0, 20_000))}",
        draw(
            st.sampled_from(["qps", "per_day", "per_month"]).map(
                lambda k: f"{k}={draw(st.decimals(Decimal(1), Decimal(5000), places=2))}"
            )
        ),
        f"cached={draw(st.integers(0, tokens_in))}",
    ]
    if draw(st.booleans()):
        parts.append("batch=yes")
    if draw(st.booleans()):
        parts.append(
            "compare=" + ",".join(draw(st.lists(st.sampled_from(MODELS), min_size=1, max_size=3)))
        )
    if draw(st.booleans()):
        parts.append(f"gpus={draw(st.integers(1, 64))} tps={draw(st.integers(1, 20_000))}")
    if draw(st.booleans()):
        parts.append(f"replicas={draw(st.integers(1, 9))} peak={draw(st.integers(1, 5))}")
    if draw(st.booleans()):
        parts.append("price_in=0.5 price_out=1.5")
    return " ".join(draw(st.permutations(parts)))


@settings(max_examples=400, deadline=None)
@given(requests())
def test_estimates_are_self_consistent(text: str) -> None:
    result = outcome(lambda: estimate(parse_request(text), COSTS, SELFHOST))
    if isinstance(result, CostInputError):
        assert result.code == "over_context", text  # the only legitimate refusal here
        return
    workload = result.workload
    for cost in result.ranking:
        call = cost.per_call
        parts = call.input + call.cached_input + call.cache_write + call.output + call.other
        assert parts == call.total
        assert min(call.input, call.cached_input, call.output, call.other) >= 0
        assert 0 <= call.output_share <= 1
        assert cost.per_month == call.total * workload.calls_per_month
        assert cost.per_year == cost.per_month * 12
        assert cost.vs_primary == cost.per_month - result.primary.per_month
    months = [cost.per_month for cost in result.ranking]
    assert months == sorted(months)
    assert result.primary in result.ranking
    assert result.verdict.monthly == result.primary.per_month
    for saving in result.levers:
        assert 0 <= saving.save_low <= saving.save_high <= result.primary.per_month
    fleet = result.self_host
    assert fleet.gpu_monthly == fleet.gpus * fleet.gpu_hour * 730
    assert fleet.monthly == fleet.gpu_monthly + fleet.ops_monthly
    assert fleet.gpus == fleet.replicas * fleet.gpus_per_replica
    assert fleet.cheaper == (fleet.monthly < fleet.api_monthly)
    assert fleet.replicas >= (result.request.self_host.replicas or 2)
    if result.request.self_host.replicas is None:  # sized for the peak at the target
        assert fleet.utilization_pct <= fleet.target_utilization_pct
    if fleet.break_even_qps is not None:  # the API at break-even pays for the fleet it needs
        api = fleet.break_even_qps * 86_400 * 30 * result.primary.per_call.total
        assert api > 0
    assert render_text(result).startswith("LLM cost: ")
