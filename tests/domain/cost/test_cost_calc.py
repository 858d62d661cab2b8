"""calc_both (standard and batch prices in one pass) against genai-prices' ``calc_price`` run
once per price context, on every model of the bundled data: the same prices to the last
Decimal digit, the same price sets, the same errors."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from genai_prices import Usage, calc_price
from genai_prices.data_snapshot import get_snapshot
from genai_prices.types import PriceCalculation, TimeOfDateConstraint

from bot.domain.cost.calc import BATCH_CONTEXT, calc_both
from bot.domain.cost.pricing import _usage
from bot.domain.cost.request import CallTokens

DAY = datetime(2026, 12, 3, 14, 30, tzinfo=UTC)
NIGHT = datetime(2026, 12, 3, 17, 45, tzinfo=UTC)  # DeepSeek's off-peak hours (UTC 16:30-00:30)
BEFORE_BATCH = datetime(2026, 1, 5, 14, 30, tzinfo=UTC)  # before most batch variants start
CALLS = (
    CallTokens(input=2000, output=500),
    CallTokens(input=300_000, cached=100_000, cache_write=20_000, output=2000, reasoning=700),
    CallTokens(input=900, cache_write_1h=300, cache_write=100, output=0),
)
TIERS = ("flex", "priority", "fast", "default")
MODELS = [(p.id, m.id) for p in get_snapshot().providers for m in p.models]


def _outcome(calc) -> tuple:  # type: ignore[no-untyped-def]
    try:
        result: PriceCalculation = calc()
    except (LookupError, ValueError) as error:
        return ("error", type(error).__name__, str(error))
    return (
        result.input_price,
        result.output_price,
        result.total_price,
        result.model.id,
        result.provider.id,
        result.model_price,
        result.auto_update_timestamp,
    )


def _agree(provider: str, model: str, usage: Usage, tier: str | None, at: datetime) -> None:
    tiered = {"service_tier": tier} if tier else {}

    def direct(context: dict) -> tuple:
        return _outcome(
            lambda: calc_price(
                usage, model, provider_id=provider, genai_request_timestamp=at,
                price_context=context,
            )
        )  # fmt: skip

    try:
        both = calc_both(usage, model, provider_id=provider, tier=tier, at=at)
    except (LookupError, ValueError) as error:
        failed = ("error", type(error).__name__, str(error))
        assert direct(tiered) == failed
        return
    assert _outcome(lambda: both.standard) == direct(tiered), (provider, model, tier)
    assert _outcome(lambda: both.batched) == direct({**tiered, **BATCH_CONTEXT}), (provider, model)
    assert both.plain_price == direct({})[5]


def _has(model_id: str, provider_id: str, what: str) -> bool:
    try:
        _, info = get_snapshot().find_provider_model(model_id, None, provider_id, None)
    except LookupError:  # an id that its own match rules do not accept
        return False
    if what == "tier":
        return any("service_tier" in v.when for v in info.price_variants or ())
    prices = info.prices if isinstance(info.prices, list) else []
    return any(isinstance(p.constraint, TimeOfDateConstraint) for p in prices)


def test_every_model_agrees_with_calc_price_standard_and_batch() -> None:
    assert len(MODELS) > 1000  # the whole bundled data, not a sample
    batch_priced = 0
    for provider, model in MODELS:
        for tokens in CALLS:
            _agree(provider, model, _usage(tokens), None, DAY)
        try:
            both = calc_both(_usage(CALLS[0]), model, provider_id=provider, tier=None, at=DAY)
        except (LookupError, ValueError):
            continue
        batch_priced += both.batched.model_price != both.standard.model_price
    assert batch_priced > 50  # the one-pass batch sums ran, not only the shortcut


@pytest.mark.parametrize("tier", TIERS)
def test_service_tiers_agree(tier: str) -> None:
    tiered = [(p, m) for p, m in MODELS if _has(m, p, "tier")]
    assert len(tiered) > 20
    for provider, model in tiered:
        for tokens in CALLS[:2]:
            for at in (DAY, BEFORE_BATCH):
                _agree(provider, model, _usage(tokens), tier, at)


def test_time_of_day_prices_and_dates_before_the_batch_variants_agree() -> None:
    timed = [(p, m) for p, m in MODELS if _has(m, p, "time")]
    assert timed  # DeepSeek's off-peak prices
    for provider, model in [*timed, ("openai", "gpt-4o"), ("anthropic", "claude-sonnet-4-5")]:
        for at in (DAY, NIGHT, BEFORE_BATCH):
            _agree(provider, model, _usage(CALLS[1]), None, at)


def test_unknown_model_is_a_lookup_error() -> None:
    with pytest.raises(LookupError):
        calc_both(_usage(CALLS[0]), "no-such-model-xyz", provider_id=None, tier=None)


@pytest.mark.parametrize(
    "usage",
    [
        Usage(input_audio_tokens=5, output_tokens=3),  # a descendant without its parent
        Usage(input_tokens=10, input_audio_tokens=20, output_tokens=1),  # more audio than input
        Usage(input_tokens=2000, output_tokens=500),
    ],
)
def test_a_usage_priced_again_gives_calc_prices_outcome_every_time(usage: Usage) -> None:
    for _ in range(3):  # the first fills the memos, the next ones read them
        for provider, model in (("openai", "gpt-4o"), ("openai", "gpt-4o-audio-preview")):
            _agree(provider, model, usage, None, DAY)


def test_price_sets_are_resolved_once_per_model_price_and_active_variants() -> None:
    usage = _usage(CALLS[0])
    first = calc_both(usage, "deepseek-chat", provider_id="deepseek", tier=None, at=DAY)
    again = calc_both(usage, "deepseek-chat", provider_id="deepseek", tier=None, at=DAY)
    night = calc_both(usage, "deepseek-chat", provider_id="deepseek", tier=None, at=NIGHT)
    assert again.standard.model_price is first.standard.model_price  # from the memo
    assert night.standard.model_price != first.standard.model_price  # off-peak: another price
    assert night.standard.total_price < first.standard.total_price
    for at in (DAY, NIGHT, DAY):
        _agree("deepseek", "deepseek-chat", usage, None, at)
