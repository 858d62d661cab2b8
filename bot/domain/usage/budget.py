"""Budgets: the thresholds a feature's month to date has reached."""

from __future__ import annotations

from decimal import Decimal

THRESHOLDS = (75, 100)  # % of the monthly budget: a soft alert, then the cutoff


def reached(spent_micros: int, budget_micros: int) -> tuple[int, ...]:
    """The thresholds ``spent`` is at or past (a zero budget is reached by any spend)."""
    if budget_micros <= 0:
        return THRESHOLDS if spent_micros > 0 else ()
    return tuple(t for t in THRESHOLDS if spent_micros * 100 >= budget_micros * t)


def over(spent_micros: int, budget_micros: int) -> bool:
    """The kill switch: true from 100% of the budget on."""
    return 100 in reached(spent_micros, budget_micros)


def percent(spent_micros: int, budget_micros: int) -> Decimal | None:
    return Decimal(spent_micros) * 100 / budget_micros if budget_micros > 0 else None
