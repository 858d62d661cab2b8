"""parse_request: the table of good inputs and the table of bad ones."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bot.blocks.common import escape
from bot.domain.cost.errors import CostInputError
from bot.domain.cost.parse import ALIASES, parse_request, wants_help
from bot.domain.cost.request import CostRequest, CustomPrices, SelfHostInputs, Volume
from bot.errors import TradeoffsError
from bot.texts import llmcost as texts
from bot.texts.errors import describe, typed

BASE = "model=gpt-4o in=2000 out=500 qps=3"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (BASE, CostRequest("gpt-4o", 2000, 500, Volume("qps", Decimal(3)))),
        (
            "QPS=3 OUT=500 In=2000 Model=gpt-4o",
            CostRequest("gpt-4o", 2000, 500, Volume("qps", Decimal(3))),
        ),
        (
            "m=gpt-4o input=2k output=1,200 per_day=1.5M",
            CostRequest("gpt-4o", 2000, 1200, Volume("per_day", Decimal(1_500_000))),
        ),
        (
            "model = gpt-4o  in= 2000 out =500 per-month=7.5m",
            CostRequest("gpt-4o", 2000, 500, Volume("per_month", Decimal(7_500_000))),
        ),
        (
            'model="gpt-4o", in=2000, out=500, qps=0.5,',
            CostRequest("gpt-4o", 2000, 500, Volume("qps", Decimal("0.5"))),
        ),
        (
            "model=gpt-4o in=1.5k cached=1,000 out=0 qps=1 batch=YES",
            CostRequest(
                "gpt-4o", 1500, 0, Volume("qps", Decimal(1)), cached_tokens=1000, batch=True
            ),
        ),
        (
            "compare=gemini-2.5-flash,gpt-4o,GPT-4o in=2000 out=500 qps=3",
            CostRequest(
                "gemini-2.5-flash", 2000, 500, Volume("qps", Decimal(3)), compare=("gpt-4o",)
            ),
        ),
        (
            BASE + " compare=gpt-4o,claude-sonnet-4-5 batch=no",
            CostRequest(
                "gpt-4o", 2000, 500, Volume("qps", Decimal(3)), compare=("claude-sonnet-4-5",)
            ),
        ),
        (
            "model=our-llama in=2000 out=500 qps=3 price_in=0.2 price_out=$0.60 price_cached=0",
            CostRequest(
                "our-llama",
                2000,
                500,
                Volume("qps", Decimal(3)),
                custom=CustomPrices(Decimal("0.2"), Decimal("0.60"), Decimal(0)),
            ),
        ),
        (
            BASE + " gpus=4 gpu_hour=$2.50 ops=8k tps=3,000",
            CostRequest(
                "gpt-4o",
                2000,
                500,
                Volume("qps", Decimal(3)),
                self_host=SelfHostInputs(
                    gpus=4, gpu_hour=Decimal("2.50"), ops=Decimal(8000), tps=Decimal(3000)
                ),
            ),
        ),
        (
            "model=groq:llama-3.3-70b-versatile in=2000 out=500 per_month=2B",
            CostRequest(
                "groq:llama-3.3-70b-versatile", 2000, 500, Volume("per_month", Decimal(2 * 10**9))
            ),
        ),
    ],
)
def test_good_input(text: str, expected: CostRequest) -> None:
    assert parse_request(text) == expected


# One working command per key, with {a} where the key goes.
ALIAS_TEMPLATES = {
    "model": "{a}=gemini-2.5-flash in=2000 out=500 qps=3",
    "in": "model=gpt-4o {a}=3000 out=500 qps=3",
    "out": "model=gpt-4o in=2000 {a}=400 qps=3",
    "cached": BASE + " {a}=100",
    "batch": BASE + " {a}=yes",
    "qps": "model=gpt-4o in=2000 out=500 {a}=2",
    "per_day": "model=gpt-4o in=2000 out=500 {a}=1000",
    "per_month": "model=gpt-4o in=2000 out=500 {a}=1000",
    "compare": "{a}=gpt-4o,gemini-2.5-flash in=2000 out=500 qps=3",
    "price_in": BASE + " {a}=1 price_out=2",
    "price_out": BASE + " price_in=1 {a}=2",
    "price_cached": BASE + " price_in=1 price_out=2 {a}=0.5",
    "gpus": BASE + " {a}=2",
    "gpu_hour": BASE + " {a}=2",
    "ops": BASE + " {a}=2",
    "tps": BASE + " {a}=2",
    "cache_write": BASE + " {a}=100",
    "cache_write_1h": BASE + " {a}=100",
    "reasoning": BASE + " {a}=100",
    "tier": BASE + " {a}=flex",
    "per_minute": "model=gpt-4o in=2000 out=500 {a}=60",
    "per_hour": "model=gpt-4o in=2000 out=500 {a}=60",
    "oss": BASE + " {a}=mid",
    "peak": BASE + " {a}=3",
    "replicas": BASE + " {a}=3",
}


@pytest.mark.parametrize(
    ("key", "alias"), [(key, alias) for key, names in ALIASES.items() for alias in names]
)
def test_every_alias_means_its_key(key: str, alias: str) -> None:
    template = ALIAS_TEMPLATES[key]
    canonical = parse_request(template.format(a=key))
    assert parse_request(template.format(a=alias)) == canonical
    assert parse_request(template.format(a=alias.upper())) == canonical
    assert canonical != parse_request(BASE)


# (input, error code, token named in the error)
BAD = [
    ("model=gpt-4o in=2000 out=500", "missing_volume", "qps="),
    ("in=2000 out=500 qps=3", "missing_model", "model="),
    ("model=gpt-4o out=500 qps=3", "missing_tokens", "in="),
    ("model=gpt-4o in=2000 qps=3", "missing_tokens", "out="),
    ("model= in=2000 out=500 qps=3", "missing_value", "model="),
    (BASE + " gpus=", "missing_value", "gpus="),
    ("modle=gpt-4o in=2000 out=500 qps=3", "unknown_key", "modle=gpt-4o"),
    (BASE + " foo=1", "unknown_key", "foo=1"),
    (BASE + " =5", "unknown_key", "=5"),
    (BASE + " gpt-4o", "duplicate_key", "gpt-4o"),
    (BASE + " help", "duplicate_key", "help"),
    ("model=gpt-4o in=2000 input=3000 out=500 qps=3", "duplicate_key", "input=3000"),
    (BASE + " qps=4", "duplicate_key", "qps=4"),
    (BASE + " per_day=100", "several_volumes", "per_day=100"),
    ("model=gpt-4o in=2000 out=500 per_month=1M per_day=5", "several_volumes", "per_day=5"),
    ("model=gpt-4o in=-5 out=500 qps=3", "negative", "in=-5"),
    ("model=gpt-4o in=2000 out=500 qps=-3", "negative", "qps=-3"),
    (BASE + " ops=$-5", "negative", "ops=$-5"),
    ("model=gpt-4o in=0 out=500 qps=3", "not_positive", "in=0"),
    ("model=gpt-4o in=2000 out=500 qps=0", "not_positive", "qps=0"),
    (BASE + " gpus=0", "not_positive", "gpus=0"),
    (BASE + " tps=0", "not_positive", "tps=0"),
    ("model=gpt-4o in=abc out=500 qps=3", "not_a_number", "in=abc"),
    ("model=gpt-4o in=1e6 out=500 qps=3", "not_a_number", "in=1e6"),
    ("model=gpt-4o in=1,2 out=500 qps=3", "not_a_number", "in=1,2"),
    ("model=gpt-4o in=2kk out=500 qps=3", "not_a_number", "in=2kk"),
    ("model=gpt-4o in=٣ out=500 qps=3", "not_a_number", "in=٣"),
    ("model=gpt-4o in=2000 out=500 qps=NaN", "not_finite", "qps=NaN"),
    ("model=gpt-4o in=inf out=500 qps=3", "not_finite", "in=inf"),
    ("model=gpt-4o in=2000 out=500 qps=-Infinity", "not_finite", "qps=-Infinity"),
    ("model=gpt-4o in=1.5 out=500 qps=3", "not_whole", "in=1.5"),
    (BASE + " gpus=1.5", "not_whole", "gpus=1.5"),
    ("model=gpt-4o in=20M out=500 qps=3", "too_large", "in=20M"),
    ("model=gpt-4o in=2000 out=2M qps=3", "too_large", "out=2M"),
    ("model=gpt-4o in=2000 out=500 qps=1M", "too_large", "qps=1M"),
    ("model=gpt-4o in=2000 out=500 per_month=1000B", "too_large", "per_month=1000B"),
    (BASE + " gpu_hour=5000", "too_large", "gpu_hour=5000"),
    (BASE + " gpus=1M", "too_large", "gpus=1M"),
    ("model=gpt-4o in=2000 out=500 qps=" + "9" * 30, "not_a_number", "qps=" + "9" * 30),
    ("model=gpt-4o in=2000 out=500 qps=0.0000000001", "too_small", "qps=0.0000000001"),
    (BASE + " batch=maybe", "bad_flag", "batch=maybe"),
    ("model=gpt 4o in=2000 out=500 qps=3", "duplicate_key", "4o"),
    ("model=gpt-4o! in=2000 out=500 qps=3", "bad_model_name", "model=gpt-4o!"),
    ("model=" + "a" * 101 + " in=2000 out=500 qps=3", "bad_model_name", typed("model=" + "a" * 101)),
    (BASE + " compare=gpt-4o,,gemini-2.5-flash", "empty_entry", "compare=gpt-4o,,gemini-2.5-flash"),
    (BASE + " compare=a,b,c,d,e,f,g", "too_many_models", "compare=a,b,c,d,e,f,g"),
    ("model=gpt-4o in=2000 cached=2001 out=500 qps=3", "cached_above_input", "cached=2001"),
    (BASE + " price_in=0.2", "price_pair", "price_in=0.2"),
    (BASE + " price_out=0.6", "price_pair", "price_out=0.6"),
    (BASE + " price_cached=0.1", "price_cached_alone", "price_cached=0.1"),
    (
        BASE + " price_in=0.2 price_out=0.6 price_cached=0.3",
        "price_cached_above_input",
        "price_cached=0.3",
    ),
    (BASE + " price_in=0 price_out=0.6", "not_positive", "price_in=0"),
    ("x" * 1001, "too_long", "x" * 59 + "…"),
]


@pytest.mark.parametrize(("text", "code", "token"), BAD)
def test_bad_input_names_token_and_gives_working_example(text: str, code: str, token: str) -> None:
    with pytest.raises(CostInputError) as caught:
        parse_request(text)
    error = caught.value
    assert (error.code, typed(error.token)) == (code, token)
    words = describe(error)
    assert words.startswith(f":warning: `{escape(token)}`: ")
    example = texts.derived(error.code, error.details)["example"]
    assert words.endswith(f"\nTry: `{example}`")
    parse_request(str(example))  # the example given works


def test_error_is_a_tradeoffs_error_described_at_the_edge() -> None:
    with pytest.raises(TradeoffsError) as caught:
        parse_request("model=gpt-4o in=abc out=500 qps=3")
    assert str(caught.value) == "not_a_number"  # no English at raise time
    assert "`in=abc`" in describe(caught.value)


def test_unknown_key_suggests_the_closest_key() -> None:
    with pytest.raises(CostInputError) as caught:
        parse_request(BASE + " gpu_hours=3")
    assert "Did you mean `gpu_hour=`?" in describe(caught.value)


def test_echoed_tokens_cannot_break_out_of_code_spans() -> None:
    with pytest.raises(CostInputError) as caught:
        parse_request(BASE + " x`y=1")
    assert describe(caught.value).startswith(":warning: `x'y=1`: ")


@pytest.mark.parametrize(
    ("text", "expected"),
    [("", True), ("  ", True), ("help", True), ("HELP me", True), ("?", True), (BASE, False)],
)
def test_wants_help(text: str, expected: bool) -> None:
    assert wants_help(text) is expected


@pytest.mark.parametrize(
    ("typed", "canonical"),
    [
        ("gpt-4o-mini 3000 in 400 out 20 qps", "model=gpt-4o-mini in=3000 out=400 qps=20"),
        ("2k in 500 out 3 qps gpt-4o", "model=gpt-4o in=2k out=500 qps=3"),
        ("in 2000 out 500 per_day 50k gpt-4o batch", "model=gpt-4o in=2000 out=500 per_day=50k batch=yes"),
        ("gpt-4o 2,000 input 500 output 1.5M monthly", "model=gpt-4o in=2000 out=500 per_month=1.5M"),
        ("claude-opus-4 in=10k 1k out 50k per_day", "model=claude-opus-4 in=10k out=1k per_day=50k"),
        ("gpt-4o in=2000 out=500 100 per_minute tier=flex", "model=gpt-4o in=2000 out=500 per_minute=100 tier=flex"),
    ],
)  # fmt: skip
def test_positional_forms_mean_the_same(typed: str, canonical: str) -> None:
    assert parse_request(typed) == parse_request(canonical)


@pytest.mark.parametrize(
    ("typed", "code", "token"),
    [
        ("gpt-4o gpt-4o-mini 2k in 500 out 3 qps", "duplicate_key", "gpt-4o-mini"),
        ("gpt-4o 2k in 500 out 3", "not_key_value", "3"),
        ("gpt-4o 2k in 500 out -3 qps", "negative", "-3 qps"),
    ],
)
def test_positional_errors_name_what_was_typed(typed: str, code: str, token: str) -> None:
    with pytest.raises(CostInputError) as caught:
        parse_request(typed)
    assert (caught.value.code, caught.value.token) == (code, token)
