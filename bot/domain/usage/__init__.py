"""Real LLM usage against forecasts, as pure rules: reading usage records, their cost with
genai-prices, the month's figures, budget thresholds. No Slack, Redis, words or settings."""

from __future__ import annotations

from bot.errors import CodedError


class UsageError(CodedError):
    """A usage record, a forecast or an ingest body that can't be accepted; the words are
    in ``bot/texts/spend.py``."""

    topic = "spend"
