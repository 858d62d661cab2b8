"""Messages spend posts to channels: budget alerts (75%, 100% with the levers) and the
weekly digest (one table)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from bot.blocks.common import Block, context, escape, header, message, section
from bot.blocks.spend import month_label
from bot.blocks.table import Table, table_block, table_text
from bot.domain.cost.money import format_count, format_pct, format_usd, format_usd_delta
from bot.domain.usage.budget import percent
from bot.domain.usage.cost import from_micros
from bot.domain.usage.forecast import Forecast
from bot.domain.usage.ledger import Slice
from bot.texts import spend as texts


def alert_message(
    forecast: Forecast, *, threshold: int, spent: int, month: str, observed: Slice | None
) -> dict[str, Any]:
    """The 75% alert, or (``threshold`` 100) the cutoff with the levers that apply."""
    words = {
        "feature": forecast.feature,
        "pct": format_pct(percent(spent, forecast.budget_micros) or Decimal(100)),
        "budget": format_usd(forecast.budget),
        "spent": format_usd(from_micros(spent)),
        "estimate": format_usd(forecast.estimate),
        "month": month_label(month),
        "team": escape(forecast.team),
    }
    template = texts.ALERT_100 if threshold >= 100 else texts.ALERT_75
    text = template.format(**words)
    blocks: list[Block] = [section(text)]
    if threshold >= 100:
        lines = [
            texts.LEVER.format(
                name=escape(lever.name), low=format_usd(lever.save_low),
                high=format_usd(lever.save_high),
            )
            for lever in forecast.levers
        ]  # fmt: skip
        blocks.append(section("\n".join([texts.LEVERS_TITLE, *lines]) if lines else texts.NO_LEVERS))
    if observed is not None and observed.calls:
        blocks.append(context(texts.OBSERVED.format(
            cache=_pct(observed.cache_hit_pct), batch=_pct(observed.batch_pct),
            output=format_count(observed.output_per_call or 0),
        )))  # fmt: skip
    return message(text, blocks)


def digest_message(weeks: dict[str, tuple[int, int]], *, ending: date) -> dict[str, Any]:
    """What changed this week, by feature (micro-dollars this week, the week before)."""
    title = texts.DIGEST_TITLE.format(ending=ending.isoformat())
    if not weeks:
        return message(f"{title}: {texts.DIGEST_EMPTY}", [header(title), section(texts.DIGEST_EMPTY)])
    ordered = sorted(weeks.items(), key=lambda kv: -kv[1][0])[:99]
    rows = tuple(
        (feature, format_usd(from_micros(now)), format_usd(from_micros(before)),
         _change(now, before))
        for feature, (now, before) in ordered
    )  # fmt: skip
    table = Table(texts.DIGEST_HEADER, rows, ("left", "right", "right", "right"))
    total = format_usd(from_micros(sum(now for now, _ in weeks.values())))
    fallback = texts.DIGEST_FALLBACK.format(ending=ending.isoformat(), total=total)
    return message(fallback + "\n" + table_text(table), [header(title), table_block(table)])


def _change(now: int, before: int) -> str:
    delta = format_usd_delta(from_micros(now - before))
    if before == 0:
        return texts.NEW if now else delta
    return f"{delta} ({format_pct(Decimal(now - before) * 100 / before)})"


def _pct(value: Decimal | None) -> str:
    return texts.NOT_APPLICABLE if value is None else format_pct(value)
