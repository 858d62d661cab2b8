"""format_usd / format_count / format_pct."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain.cost.money import format_count, format_pct, format_usd, format_usd_delta


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        ("0", "$0.00"),
        ("0.010", "$0.0100"),
        ("0.000375", "$0.000375"),
        ("0.00185", "$0.00185"),
        ("0.0135", "$0.0135"),
        ("0.5", "$0.500"),
        ("0.9996", "$1.00"),
        ("1", "$1.00"),
        ("1.005", "$1.01"),
        ("1234.56", "$1,234.56"),
        ("77760", "$77,760.00"),
        ("933120.004", "$933,120.00"),
        ("-73570", "-$73,570.00"),
        ("-0.0005", "-$0.000500"),
        ("0.00000001", "$0.0000000100"),
        ("12345678901234567.891", "$12,345,678,901,234,567.89"),
    ],
)
def test_format_usd(amount: str, text: str) -> None:
    assert format_usd(Decimal(amount)) == text


@pytest.mark.parametrize("bad", ["NaN", "Infinity", "-Infinity"])
def test_format_usd_refuses_non_finite(bad: str) -> None:
    with pytest.raises(ValueError, match="finite"):
        format_usd(Decimal(bad))


@given(st.decimals(min_value=Decimal(1), max_value=Decimal(10) ** 15, places=6))
def test_format_usd_rounds_to_the_cent(amount: Decimal) -> None:
    text = format_usd(amount)
    assert abs(Decimal(text.lstrip("$").replace(",", "")) - amount) <= Decimal("0.005")


@given(st.decimals(min_value=Decimal("0.000000001"), max_value=Decimal("0.99"), places=12))
def test_format_usd_keeps_three_significant_digits_below_a_dollar(amount: Decimal) -> None:
    shown = Decimal(format_usd(amount).lstrip("$"))
    assert abs(shown - amount) <= abs(amount) * Decimal("0.005") + Decimal("1e-15")


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (7776000, "7,776,000"),
        (Decimal("3"), "3"),
        (Decimal("0.16165123"), "0.162"),
        (Decimal("23.148148"), "23.1"),
        (Decimal("0.5"), "0.5"),
        (Decimal("157407.4"), "157,407"),
        (Decimal("2.00"), "2"),
    ],
)
def test_format_count(value: Decimal | int, text: str) -> None:
    assert format_count(value) == text


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Decimal(50), "50%"),
        (Decimal("33.33"), "33%"),
        (Decimal("2.5"), "2.5%"),
        (0, "0%"),
        (Decimal(300), "300%"),
        (Decimal("1574.07"), "1,574%"),
    ],
)
def test_format_pct(value: Decimal, text: str) -> None:
    assert format_pct(value) == text


@pytest.mark.parametrize(
    ("amount", "text"),
    [("27216", "+$27,216.00"), ("-4", "-$4.00"), ("0", "$0.00"), ("0.000375", "+$0.000375")],
)
def test_format_usd_delta(amount: str, text: str) -> None:
    assert format_usd_delta(Decimal(amount)) == text
