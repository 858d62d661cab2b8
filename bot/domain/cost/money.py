"""How money and other numbers read: ``$1,234.56``, ``$0.0100``, ``7,776,000``, ``33%``.

Everything takes a ``Decimal`` (or an int) and never goes through float.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

SIGNIFICANT = 3  # digits kept for amounts under $1 and for small quantities
_CENT = Decimal("0.01")


def to_cents(amount: Decimal) -> Decimal:
    """``amount`` rounded to the cent as ``format_usd`` shows it from $1 up."""
    return amount.quantize(_CENT, rounding=ROUND_HALF_UP)


def format_usd(amount: Decimal) -> str:
    """``$1,234.56`` from $1 up; under $1, three significant digits (``$0.0100``, ``$0.000375``)."""
    if not amount.is_finite():
        raise ValueError(f"not a finite amount: {amount}")
    sign = "-" if amount < 0 else ""
    value = abs(amount)
    if value == 0:
        return "$0.00"
    if value < 1:
        places = max(2, SIGNIFICANT - 1 - value.adjusted())
        small = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
        if small < 1:
            return f"{sign}${small:.{places}f}"
    cents = value.quantize(_CENT, rounding=ROUND_HALF_UP)
    return f"{sign}${cents:,.2f}"


def format_usd_delta(amount: Decimal) -> str:
    """A difference in dollars with its sign: ``+$27,216.00``, ``-$4.00``, ``$0.00``."""
    return ("+" if amount > 0 else "") + format_usd(amount)


def format_count(value: Decimal | int) -> str:
    """Whole numbers with commas (``7,776,000``); below 100, up to three significant digits
    with trailing zeros dropped (``0.162``, ``12.5``, ``3``)."""
    number = Decimal(value)
    if not number.is_finite():
        raise ValueError(f"not a finite number: {value}")
    if number == number.to_integral_value() or abs(number) >= 100:
        return f"{number.quantize(Decimal(1), rounding=ROUND_HALF_UP):,.0f}"
    places = max(0, SIGNIFICANT - 1 - number.adjusted())
    text = f"{number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP):.{places}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def format_pct(percent: Decimal | int) -> str:
    """A percentage given in percent units: ``50%``, ``33%``, ``2.5%``, ``0.04%``."""
    number = Decimal(percent)
    if number != 0 and abs(number) < 10:
        return f"{format_count(number)}%"
    return f"{number.quantize(Decimal(1), rounding=ROUND_HALF_UP):,.0f}%"
