"""Budget alerts after an ingest: for each feature whose month to date reached 75% or 100%
of its forecast's budget, one message to its alert channel, once per month and threshold
however many processes ingest at once (an atomic SET NX claim decides who posts). A post
that fails gives the claim back, so the next ingest tries again."""

from __future__ import annotations

import logging
from collections.abc import Mapping

from slack_sdk.errors import SlackApiError

from bot.blocks.spend_alerts import alert_message
from bot.domain.usage.budget import reached
from bot.domain.usage.forecast import Forecast
from bot.domain.usage.ledger import Slice, month_figures
from bot.features.spend.slack import client_for
from bot.features.spend.store import SpendStore
from bot.settings import Settings

log = logging.getLogger(__name__)


def check(
    settings: Settings,
    spend: SpendStore,
    *,
    month: str,
    month_to_date: Mapping[str, int],
    forecasts: Mapping[str, Forecast] | None = None,
) -> list[tuple[str, int]]:
    """Post the alerts that are due; returns (feature, threshold) of those posted."""
    if not month_to_date:
        return []
    forecasts = spend.forecasts() if forecasts is None else forecasts
    due = [
        (forecasts[f], t)
        for f, spent in sorted(month_to_date.items())
        if f in forecasts
        for t in reached(spent, forecasts[f].budget_micros)
    ]
    posted: list[tuple[str, int]] = []
    observed: dict[str, Slice] | None = None
    for forecast, threshold in due:
        if not spend.claim_alert(month, forecast.feature, threshold):
            continue
        if observed is None:
            fields, users = spend.month(month)
            observed = month_figures(month, fields, users).by_feature
        payload = alert_message(
            forecast, threshold=threshold, spent=month_to_date[forecast.feature],
            month=month, observed=observed.get(forecast.feature),
        )  # fmt: skip
        if _post(settings, spend, forecast.channel, payload):
            posted.append((forecast.feature, threshold))
        else:
            spend.release_alert(month, forecast.feature, threshold)
    return posted


def _post(settings: Settings, spend: SpendStore, channel: str, payload: dict) -> bool:
    client = client_for(settings, spend.store, spend.team)
    if client is None:
        log.warning("budget alert not posted: the workspace has no installation")
        return False
    try:
        client.chat_postMessage(channel=channel, **payload)
    except SlackApiError as exc:
        log.warning("budget alert not posted: %s", exc.response.get("error"))
        return False
    except OSError as exc:
        log.warning("budget alert not posted: %s", type(exc).__name__)
        return False
    return True
