"""``GET /budget/<feature>``: is the feature over its monthly budget (the kill switch)?"""

from __future__ import annotations

from datetime import datetime

from bot.domain.cost.money import to_cents
from bot.domain.usage.budget import over, percent
from bot.domain.usage.cost import from_micros
from bot.domain.usage.ledger import feature_field, month_of
from bot.features.spend.store import SpendStore


def status(spend: SpendStore, feature: str, *, now: datetime) -> dict | None:
    """None when the feature has no forecast (so no budget)."""
    forecast = spend.forecast(feature)
    if forecast is None:
        return None
    month = month_of(now)
    spent = spend.spent(month, feature_field(feature))
    pct = percent(spent, forecast.budget_micros)
    return {
        "over": over(spent, forecast.budget_micros),
        "feature": feature,
        "month": month,
        "spent_usd": str(to_cents(from_micros(spent))),
        "budget_usd": str(forecast.budget),
        "percent": None if pct is None else str(pct.quantize(1)),
    }
