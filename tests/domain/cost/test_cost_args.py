"""Canonical arguments (carried by buttons) and form fields -> arguments."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.domain.cost.args import form_args, number_text, request_args, request_fields
from bot.domain.cost.errors import CostInputError
from bot.domain.cost.parse import ALIASES, MAX_TEXT, parse_request
from bot.texts.errors import describe
from tests.domain.cost.conftest import outcome


@pytest.mark.parametrize(
    ("typed", "canonical"),
    [
        ("model=gpt-4o in=2000 out=500 qps=3", "model=gpt-4o in=2000 out=500 qps=3"),
        ("QPS=3 OUTPUT=500 input=2k M=gpt-4o", "model=gpt-4o in=2000 out=500 qps=3"),
        ("m=gpt-4o in=1.5M cached=1,200 out=0 per_month=7.5M batch=on",
         "model=gpt-4o in=1500000 cached=1200 out=0 per_month=7500000 batch=yes"),
        ("compare=gpt-4o,GPT-4o,gemini-2.5-flash in=1k out=1k per_day=0.5",
         "model=gpt-4o in=1000 out=1000 per_day=0.5 compare=gemini-2.5-flash"),
        ("model=x in=10 out=1 qps=1 price_out=$0.60 price_in=0.200 price_cached=0",
         "model=x in=10 out=1 qps=1 price_in=0.2 price_out=0.6 price_cached=0"),
        ("model=gpt-4o in=1 out=1 qps=0.000001 tps=1k ops=0 gpu_hour=2.50 gpus=3",
         "model=gpt-4o in=1 out=1 qps=0.000001 gpus=3 gpu_hour=2.5 ops=0 tps=1000"),
    ],
)  # fmt: skip
def test_canonical_arguments(typed: str, canonical: str) -> None:
    request = parse_request(typed)
    assert request_args(request) == canonical
    assert parse_request(canonical) == request


@pytest.mark.parametrize(
    ("value", "text"),
    [(3, "3"), (Decimal("7.5E+6"), "7500000"),
     (Decimal("0.000001"), "0.000001"),
     (Decimal("2.50"), "2.5")],
)  # fmt: skip
def test_number_text_never_uses_exponents(value, text: str) -> None:
    assert number_text(value) == text


NUMBERS = st.sampled_from(
    ["1", "3", "0", "0.5", "2k", "1.5M", "1,200", "$2.50", "0.000001", "7.5M", "1e3", "-1"]
)
MODELS = st.sampled_from(["gpt-4o", "GPT-4o", "gemini-2.5-flash", "our-llama", "a:b/c@d"])
EXTRAS = {
    "cached": NUMBERS,
    "batch": st.sampled_from(["yes", "no", "on", "maybe"]),
    "compare": st.lists(MODELS, min_size=1, max_size=7).map(",".join),
    "price_in": NUMBERS,
    "price_out": NUMBERS,
    "price_cached": NUMBERS,
    "gpus": NUMBERS,
    "gpu_hour": NUMBERS,
    "ops": NUMBERS,
    "tps": NUMBERS,
}


def alias(key: str) -> st.SearchStrategy[str]:
    return st.sampled_from(ALIASES[key]).flatmap(lambda name: st.sampled_from([name, name.upper()]))


@st.composite
def requests_text(draw) -> str:
    pairs = [
        (draw(alias("model")), draw(MODELS)),
        (draw(alias("in")), draw(NUMBERS)),
        (draw(alias("out")), draw(NUMBERS)),
        (draw(alias(draw(st.sampled_from(["qps", "per_day", "per_month"])))), draw(NUMBERS)),
    ]
    for key in draw(st.lists(st.sampled_from(sorted(EXTRAS)), unique=True, max_size=6)):
        pairs.append((draw(alias(key)), draw(EXTRAS[key])))
    return " ".join(f"{k}={v}" for k, v in draw(st.permutations(pairs)))


PARSED: list[bool] = []


@settings(
    max_examples=800, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
@given(requests_text())
def test_canonical_arguments_parse_back_to_the_same_request(text: str) -> None:
    request = outcome(lambda: parse_request(text))
    PARSED.append(not isinstance(request, CostInputError))
    if isinstance(request, CostInputError):
        return
    canonical = request_args(request)
    assert len(canonical) <= MAX_TEXT
    assert parse_request(canonical) == request


def test_round_trip_is_exercised() -> None:
    """The property above must see many requests that parse, or it proves nothing."""
    if len(PARSED) < 800:
        pytest.skip("run with the property test")
    assert sum(PARSED) >= 50, f"only {sum(PARSED)} of {len(PARSED)} generated requests parsed"


@pytest.mark.parametrize(
    ("fields", "args"),
    [
        ({"model": " gpt-4o ", "in": "2k", "out": "500", "qps": "3"}, "model=gpt-4o in=2k out=500 qps=3"),
        ({"compare": "a, b  c,,", "in": "1", "tps": "", "ops": None}, "in=1 compare=a,b,c"),
        ({"nonsense": "1", "batch": "yes", "out": "1"}, "out=1 batch=yes"),
        ({}, ""),
    ],
)  # fmt: skip
def test_form_args(fields: dict, args: str) -> None:
    assert form_args(fields) == args


@pytest.mark.parametrize(("key", "value"), [("model", "gpt 4o"), ("in", "2 000"), ("qps", "3 x")])
def test_form_value_with_spaces_names_the_field(key: str, value: str) -> None:
    with pytest.raises(CostInputError) as caught:
        form_args({key: value})
    assert caught.value.code == "spaces"
    assert caught.value.token == f"{key}={value}"
    assert f"`{key}` takes one value" in describe(caught.value)


def test_request_fields_keys_follow_the_argument_order() -> None:
    request = parse_request("tps=3000 batch=yes per_day=5 out=1 in=2 cached=1 model=gpt-4o")
    assert list(request_fields(request)) == [
        "model",
        "in",
        "cached",
        "out",
        "per_day",
        "batch",
        "tps",
    ]
