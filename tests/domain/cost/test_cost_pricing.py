"""pricing: hand-checked golden prices, the same numbers straight from genai-prices, the
cached / batch / tiered / custom splits, unknown models, and offline-only data."""

from __future__ import annotations

import ast
import subprocess
import sys
import textwrap
from decimal import Decimal

import pytest
from genai_prices import Usage, calc_price
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.domain.cost.errors import CostInputError
from bot.domain.cost.pricing import (
    PRICE_SOURCE,
    _bare_index,
    closest_models,
    price_call,
    price_custom,
    split_ref,
)
from bot.domain.cost.request import CallTokens
from bot.settings import PROJECT_ROOT
from bot.texts.errors import describe
from tests.domain.cost.conftest import outcome


def _price(model, tokens_in, cached, out, **kw):  # type: ignore[no-untyped-def]
    return price_call(model, CallTokens(input=tokens_in, cached=cached, output=out), **kw)


def _custom(label, tokens_in, cached, out, **kw):  # type: ignore[no-untyped-def]
    return price_custom(label, CallTokens(input=tokens_in, cached=cached, output=out), **kw)


D = Decimal


def test_price_source_names_package_and_version() -> None:
    assert PRICE_SOURCE == "genai-prices 0.2.3 (offline data)"


# model, in, cached, out, batch -> (uncached input, cached input, output, total), by hand from
# the list prices in NOTES.md and genai-prices' data: gpt-4o $2.50 / $1.25 cached / $10;
# batch $1.25 / cached $1.25 (no batch cache rate) / $5; claude-sonnet-4-5 $3 / $0.30 / $15,
# above 200K input tokens $6 / $0.60 / $22.50; gemini-2.5-flash $0.30 / $2.50; gpt-4o-mini
# $0.15 / $0.60.
GOLDEN = [
    ("gpt-4o", 2000, 0, 500, False, ("0.005", "0", "0.005", "0.0100")),
    ("gpt-4o", 2000, 1500, 500, False, ("0.00125", "0.001875", "0.005", "0.008125")),
    ("gpt-4o", 2000, 0, 500, True, ("0.0025", "0", "0.0025", "0.005")),
    ("gpt-4o", 2000, 1500, 500, True, ("0.000625", "0.001875", "0.0025", "0.005")),
    ("claude-sonnet-4-5", 2000, 0, 500, False, ("0.006", "0", "0.0075", "0.0135")),
    ("claude-sonnet-4-5", 300_000, 0, 1000, False, ("1.8", "0", "0.0225", "1.8225")),
    ("claude-sonnet-4-5", 300_000, 0, 1000, True, ("0.9", "0", "0.01125", "0.91125")),
    ("claude-sonnet-4-5", 300_000, 100_000, 1000, False, ("1.2", "0.06", "0.0225", "1.2825")),
    ("gemini-2.5-flash", 2000, 0, 500, False, ("0.0006", "0", "0.00125", "0.00185")),
    ("gpt-4o-mini", 2000, 0, 500, False, ("0.0003", "0", "0.0003", "0.0006")),
]


@pytest.mark.parametrize(("model", "tokens_in", "cached", "out", "batch", "parts"), GOLDEN)
def test_golden_prices(
    model: str, tokens_in: int, cached: int, out: int, batch: bool, parts: tuple[str, ...]
) -> None:
    priced = _price(model, tokens_in, cached, out, batch=batch)
    call = priced.per_call
    assert (call.input, call.cached_input, call.output, call.total) == tuple(D(p) for p in parts)
    assert call.other == 0
    direct = calc_price(
        Usage(input_tokens=tokens_in, cache_read_tokens=cached, output_tokens=out),
        model,
        price_context={"processing": "batch"} if batch else None,
    )
    assert call.total == direct.total_price
    assert call.input + call.cached_input == direct.input_price
    assert call.output == direct.output_price
    assert priced.batch_applied is batch
    assert priced.price_source == PRICE_SOURCE


def test_gpt_4o_reference_call_is_one_cent() -> None:
    priced = _price("gpt-4o", 2000, 0, 500)
    assert (priced.provider_id, priced.model_id) == ("openai", "gpt-4o")
    assert (priced.rates.input, priced.rates.cached_input, priced.rates.output) == (
        D("2.5"),
        D("1.25"),
        D(10),
    )
    assert priced.per_call.output_share == D("0.5")


def test_long_prompt_past_the_listed_window_is_priced_with_a_note() -> None:
    priced = _price("claude-sonnet-4-5", 300_000, 0, 1000)
    assert "beyond_context_window" in priced.notes
    assert "beyond_context_window" not in _price("claude-sonnet-4-5", 2000, 0, 1).notes


def test_long_prompt_tier_shows_in_the_rates() -> None:
    short = _price("claude-sonnet-4-5", 2000, 0, 500).rates
    long = _price("claude-sonnet-4-5", 300_000, 0, 500).rates
    assert (short.input, short.output) == (D(3), D(15))
    assert (long.input, long.cached_input, long.output) == (D(6), D("0.6"), D("22.5"))


def test_batch_without_a_batch_price_says_so() -> None:
    priced = _price("claude-opus-4-1", 2000, 0, 500, batch=True)
    assert not priced.batch_applied
    assert "batch_unavailable" in priced.notes
    assert priced.per_call == _price("claude-opus-4-1", 2000, 0, 500).per_call


def test_request_fees_are_kept_apart() -> None:
    priced = _price("perplexity:sonar", 1000, 0, 100)
    call = priced.per_call
    assert call.other > 0
    assert "request_fee" in priced.notes
    assert call.input + call.cached_input + call.output + call.other == call.total


@pytest.mark.parametrize(
    ("ref", "provider", "model_id"),
    [
        ("groq:llama-3.3-70b-versatile", "groq", "llama-3.3-70b-versatile"),
        ("azure:gpt-4o", "azure", "gpt-4o"),
        ("GPT-4o", "openai", "gpt-4o"),
    ],
)
def test_provider_prefix(ref: str, provider: str, model_id: str) -> None:
    priced = _price(ref, 2000, 0, 500)
    assert (priced.provider_id, priced.model_id) == (provider, model_id)


@pytest.mark.parametrize(
    ("ref", "expected"),
    [
        ("groq:llama-3.3-70b", ("groq", "llama-3.3-70b")),
        ("gpt-4o", (None, "gpt-4o")),
        ("ft:gpt-4o", (None, "ft:gpt-4o")),
        ("groq:", (None, "groq:")),
    ],
)
def test_split_ref(ref: str, expected: tuple[str | None, str]) -> None:
    assert split_ref(ref) == expected


# (call, error code, token named)
PRICING_ERRORS = [
    (
        lambda: _price("gpt-4x", 2000, 0, 500, token="model=gpt-4x"),
        "unknown_model",
        "model=gpt-4x",
    ),
    (lambda: _price("nosuch:gpt-4o", 2000, 0, 500), "unknown_model", "nosuch:gpt-4o"),
    (lambda: _price("gpt-4o", 200_000, 0, 500), "over_context", "in=200000"),
    (lambda: _price("claude-opus-4-1", 200_001, 0, 500), "over_context", "in=200001"),
    (
        lambda: _price("azure:text-embedding-3-small", 1000, 0, 500),
        "no_price",
        "azure:text-embedding-3-small",
    ),
    (
        lambda: _price("github-copilot:gpt-4o", 1000, 0, 500),
        "no_price",
        "github-copilot:gpt-4o",
    ),
]


@pytest.mark.parametrize(("call", "code", "token"), PRICING_ERRORS)
def test_pricing_errors(call, code: str, token: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(CostInputError) as caught:
        call()
    assert (caught.value.code, caught.value.token) == (code, token)


def test_unknown_model_names_the_closest_known_models() -> None:
    with pytest.raises(CostInputError) as caught:
        _price("gpt-4x", 2000, 0, 500)
    assert "`gpt-4o`" in describe(caught.value)
    assert "genai-prices 0.2.3" in describe(caught.value)
    assert "price_in=" in describe(caught.value)


@pytest.mark.parametrize(
    ("name", "expected_first"),
    [
        ("gpt-4x", "gpt-4"),
        ("gpt4o", "gpt-4o"),
        ("sonnet-4.5", "claude-sonnet-4-5"),
        ("GPT-4O-MINI", "gpt-4o-mini"),
        ("llama-3.3-70b", "cerebras:llama-3.3-70b"),
        ("groq:llama-3.3-70b", "groq:llama-3.3-70b-"),
    ],
)
def test_closest_models(name: str, expected_first: str) -> None:
    close = closest_models(name)
    assert close[0].startswith(expected_first)
    for ref in close:  # every suggestion prices
        _price(ref, 1000, 0, 0)


def test_closest_models_finds_nothing_for_noise() -> None:
    assert closest_models("zzzzzzzz") == []


def test_embedding_model_prices_input_only() -> None:
    priced = _price("azure:text-embedding-3-small", 1000, 0, 0)
    assert priced.per_call.total == D("0.00002")


# -- custom prices ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cached", "price_cached", "parts", "note"),
    [
        (0, None, ("0.0004", "0", "0.0003", "0.0007"), None),
        (1500, D("0.05"), ("0.0001", "0.000075", "0.0003", "0.000475"), None),
        (1500, None, ("0.0001", "0.0003", "0.0003", "0.0007"), "custom_no_cache_price"),
        (1500, D(0), ("0.0001", "0", "0.0003", "0.0004"), None),
    ],
)
def test_custom_prices(
    cached: int, price_cached: Decimal | None, parts: tuple[str, ...], note: str | None
) -> None:
    priced = _custom(
        "our-llama",
        2000,
        cached,
        500,
        price_in=D("0.2"),
        price_out=D("0.6"),
        price_cached=price_cached,
    )
    call = priced.per_call
    assert (call.input, call.cached_input, call.output, call.total) == tuple(D(p) for p in parts)
    assert priced.provider_id is None
    assert priced.model_id == "our-llama"
    assert (note in priced.notes) if note else not priced.notes


def test_custom_prices_ignore_batch_and_say_so() -> None:
    plain = _custom("x", 2000, 0, 500, price_in=D(1), price_out=D(2))
    batch = _custom("x", 2000, 0, 500, price_in=D(1), price_out=D(2), batch=True)
    assert batch.per_call == plain.per_call
    assert "batch_custom" in batch.notes


# -- the split always adds up, on every model genai-prices resolves without a provider -------

_TEXT_MODELS = sorted(ref for ref in set(_bare_index().values()) if ":" not in ref)


@settings(max_examples=300, deadline=None)
@given(
    ref=st.sampled_from(_TEXT_MODELS),
    tokens_in=st.integers(1, 2_000_000),
    cached_pct=st.integers(0, 100),
    out=st.integers(0, 100_000),
    batch=st.booleans(),
)
def test_split_adds_up_to_genai_prices_total(
    ref: str, tokens_in: int, cached_pct: int, out: int, batch: bool
) -> None:
    cached = tokens_in * cached_pct // 100
    priced = outcome(lambda: _price(ref, tokens_in, cached, out, batch=batch))
    if isinstance(priced, CostInputError):
        assert priced.code in {"no_price", "over_context"}
        return
    call = priced.per_call
    direct = calc_price(
        Usage(input_tokens=tokens_in, cache_read_tokens=cached, output_tokens=out),
        ref,
        price_context={"processing": "batch"} if batch else None,
    )
    assert call.total == direct.total_price
    assert call.input + call.cached_input == direct.input_price
    assert call.input + call.cached_input + call.output + call.other == call.total
    assert min(call.input, call.cached_input, call.output) >= 0
    assert 0 <= call.output_share <= 1


# -- offline only ----------------------------------------------------------------------------


_UPDATERS = {"UpdatePrices", "wait_prices_updated_sync", "wait_prices_updated_async"}


def test_only_pricing_and_calc_import_genai_prices_and_nothing_names_its_auto_update() -> None:
    importers, updaters = set(), set()
    for path in (PROJECT_ROOT / "bot").rglob("*.py"):
        name = path.relative_to(PROJECT_ROOT).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import | ast.ImportFrom):
                modules = (
                    [a.name for a in node.names]
                    if isinstance(node, ast.Import)
                    else [node.module or ""]
                )
                if any(m.split(".")[0] == "genai_prices" for m in modules):
                    importers.add(name)
                if {a.name for a in node.names} & (_UPDATERS | {"set_custom_snapshot"}):
                    updaters.add(name)
            elif isinstance(node, ast.Name | ast.Attribute):
                ident = node.id if isinstance(node, ast.Name) else node.attr
                if ident in _UPDATERS | {"set_custom_snapshot", "update_prices"}:
                    updaters.add(name)
    assert importers == {"bot/domain/cost/pricing.py", "bot/domain/cost/calc.py"}
    assert updaters == set()


def test_pricing_works_with_the_network_cut_and_starts_no_thread() -> None:
    script = textwrap.dedent(
        """
        import socket, threading

        def refuse(*args, **kwargs):
            raise AssertionError("network used")

        socket.socket.connect = refuse
        socket.socket.connect_ex = refuse
        socket.create_connection = refuse
        socket.getaddrinfo = refuse

        from bot.domain.cost.pricing import closest_models, price_call
        from genai_prices.data_snapshot import get_snapshot
        from genai_prices.update_prices import _shared_updater

        from decimal import Decimal
        from bot.domain.cost.request import CallTokens

        tokens = CallTokens(input=2000, output=500)
        assert price_call("gpt-4o", tokens).per_call.total == Decimal("0.01")
        assert closest_models("gpt-4x")
        assert not get_snapshot().from_auto_update
        assert _shared_updater.thread is None
        assert not [t for t in threading.enumerate() if t.name.startswith("genai_prices")]
        print("offline-ok")
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, cwd=PROJECT_ROOT
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "offline-ok"
