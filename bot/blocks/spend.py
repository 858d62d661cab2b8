"""Spend in Block Kit: the executive dashboard's panels (one table block each: the Home tab
shows one panel at a time, with buttons to switch), the "Save as forecast" button and the
forecasts list."""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from bot.blocks.common import (
    Block,
    actions,
    button,
    context,
    divider,
    header,
    message,
    section,
)
from bot.blocks.table import Table, table_block, table_text
from bot.domain.cost.money import format_count, format_pct, format_usd
from bot.domain.usage.budget import percent
from bot.domain.usage.cost import TIERS, from_micros, to_micros
from bot.domain.usage.forecast import Forecast
from bot.domain.usage.ledger import NO_TEAM, Month
from bot.texts import spend as texts

SAVE_ACTION = "spend.save"
PANEL_ACTION = "spend.panel"  # + "." + panel id
TOKEN_ACTION = "spend.token"
DIGEST_ACTION = "spend.digest"
PANELS = tuple(texts.PANELS)
ROWS = 99  # a table's rows under its header


def save_forecast_button(args: str) -> Block:
    """The button on an /llmcost answer; its value is the answer's arguments (untrusted)."""
    return button(texts.SAVE_BUTTON, SAVE_ACTION, args)


@dataclass(frozen=True)
class Dashboard:
    month: Month | None  # None: the figures can't be read
    forecasts: Mapping[str, Forecast]
    panel: str
    day: int  # today's day of the month, for the pace
    source: str  # where prices came from
    tokens: bool  # per-workspace usage tokens (OAuth mode)


def dashboard_blocks(board: Dashboard) -> list[Block]:
    """The Home tab's spend section: title, one panel as a table, panel buttons."""
    blocks: list[Block] = [divider(), header(texts.DASHBOARD_TITLE)]
    month = board.month
    if month is None:
        return [*blocks, section(texts.DASHBOARD_UNAVAILABLE)]
    blocks.append(context(texts.DASHBOARD_INTRO.format(month=month_label(month.month),
                                                       source=board.source)))  # fmt: skip
    if month.total.calls == 0 and not board.forecasts:
        blocks.append(section(texts.DASHBOARD_EMPTY))
    else:
        panel = board.panel if board.panel in PANELS else PANELS[0]
        blocks.append(table_block(panel_table(board, panel)))
    buttons = [
        button(texts.PANELS[p], f"{PANEL_ACTION}.{p}", p,
               style="primary" if p == board.panel else None)
        for p in PANELS
    ]  # fmt: skip
    buttons.append(button(texts.DIGEST_BUTTON, DIGEST_ACTION))
    buttons.append(button(texts.TOKEN_BUTTON, TOKEN_ACTION))
    blocks.append(actions(*buttons, block_id="spend.panels"))
    blocks.append(context(texts.TOKEN_HINT if board.tokens else texts.TOKEN_SINGLE))
    return blocks


def panel_table(board: Dashboard, panel: str) -> Table:
    assert board.month is not None
    build = {"overview": _overview, "features": _features, "teams": _teams, "tiers": _tiers}
    return build[panel](board.month, board)


def dashboard_text(board: Dashboard, panel: str) -> str:
    """The panel as aligned text (the terminal demo, a message fallback)."""
    return table_text(panel_table(board, panel)) if board.month else texts.DASHBOARD_UNAVAILABLE


def _overview(month: Month, board: Dashboard) -> Table:
    total, forecasts = month.total, list(board.forecasts.values())
    forecast = sum((f.estimate for f in forecasts), Decimal(0))
    days = _days(month.month)
    pace = total.usd * days / board.day if board.day else total.usd
    per_user = month.per_user_micros
    f_calls = sum((f.calls_per_month for f in forecasts), Decimal(0))
    f_input = sum((f.calls_per_month * f.input_tokens for f in forecasts), Decimal(0))
    f_cached = sum((f.calls_per_month * f.cached_tokens for f in forecasts), Decimal(0))
    f_output = sum((f.calls_per_month * f.output_tokens for f in forecasts), Decimal(0))
    f_batch = sum((f.calls_per_month for f in forecasts if f.batch), Decimal(0))
    rows = [
        (texts.OV_SPENT, format_usd(total.usd), _usd_or_dash(forecast, forecasts)),
        (texts.OV_VS, _pct_or_dash(percent(total.micros, to_micros(forecast))),
         texts.PACE.format(pace=format_usd(pace))),
        (texts.OV_PER_USER, _usd_micros(per_user), texts.NOT_APPLICABLE),
        (texts.OV_USERS, format_count(month.active_users), texts.NOT_APPLICABLE),
        (texts.OV_CACHE, _pct_or_dash(total.cache_hit_pct), _ratio(f_cached, f_input)),
        (texts.OV_OUTPUT, _count_or_dash(total.output_per_call),
         _count_or_dash(f_output / f_calls if f_calls else None)),
        (texts.OV_BATCH, _pct_or_dash(total.batch_pct), _ratio(f_batch, f_calls)),
        (texts.OV_CALLS, format_count(total.calls), _count_or_dash(f_calls or None)),
    ]  # fmt: skip
    return Table(texts.OVERVIEW_HEADER, tuple(rows), ("left", "right", "right"))


def _features(month: Month, board: Dashboard) -> Table:
    names = sorted(set(month.by_feature) | set(board.forecasts),
                   key=lambda n: -(month.by_feature[n].micros if n in month.by_feature else 0))
    rows = []
    for name in names[:ROWS]:
        spent = month.by_feature[name].micros if name in month.by_feature else 0
        f = board.forecasts.get(name)
        rows.append((
            name, f.team if f else texts.NOT_APPLICABLE, format_usd(from_micros(spent)),
            format_usd(f.estimate) if f else texts.NOT_APPLICABLE,
            format_usd(f.budget) if f else texts.NOT_APPLICABLE,
            _pct_or_dash(percent(spent, f.budget_micros)) if f else texts.NOT_APPLICABLE,
        ))  # fmt: skip
    return Table(texts.FEATURES_HEADER, tuple(rows), ("left", "left", *("right",) * 4))


def _teams(month: Month, board: Dashboard) -> Table:
    total = sum(month.by_team.values())
    rows = [
        (texts.NO_TEAM if team == NO_TEAM else team, format_usd(from_micros(micros)),
         _pct_or_dash(Decimal(micros) * 100 / total if total else None))
        for team, micros in sorted(month.by_team.items(), key=lambda kv: -kv[1])[:ROWS]
    ]  # fmt: skip
    return Table(texts.TEAMS_HEADER, tuple(rows), ("left", "right", "right"))


def _tiers(month: Month, board: Dashboard) -> Table:
    total = sum(i + o for i, o in month.tier_tokens.values())
    rows = []
    for tier in TIERS:
        i, o = month.tier_tokens.get(tier, (0, 0))
        share = Decimal(i + o) * 100 / total if total else None
        rows.append((texts.TIER_NAMES[tier], format_count(i), format_count(o), _pct_or_dash(share)))
    return Table(texts.TIERS_HEADER, tuple(rows), ("left", "right", "right", "right"))


def forecasts_message(forecasts: Mapping[str, Forecast], spent: Mapping[str, int]) -> dict[str, Any]:
    """``/llmcost forecasts``: every forecast with its month to date, as one table."""
    if not forecasts:
        return message(texts.FORECASTS_EMPTY, [section(texts.FORECASTS_EMPTY)])
    rows = tuple(
        (f.feature, f.team, f.model or texts.NOT_APPLICABLE,  # raw_text: shown as is
         format_usd(f.estimate), format_usd(f.budget),
         format_usd(from_micros(spent.get(f.feature, 0))), f.channel)
        for f in list(forecasts.values())[:ROWS]
    )  # fmt: skip
    table = Table(texts.FORECASTS_HEADER, rows, ("left", "left", "left", "right", "right", "right"))
    fallback = texts.FORECASTS_FALLBACK.format(count=len(forecasts)) + "\n" + table_text(table)
    return message(fallback, [header(texts.FORECASTS_TITLE), table_block(table)])


def month_label(month: str) -> str:
    """``2026-12`` -> ``December 2026``."""
    year, number = (int(p) for p in month.split("-"))
    return f"{calendar.month_name[number]} {year}"


def _days(month: str) -> int:
    year, number = (int(p) for p in month.split("-"))
    return calendar.monthrange(year, number)[1]


def _usd_micros(micros: int | None) -> str:
    return texts.NOT_APPLICABLE if micros is None else format_usd(from_micros(micros))


def _usd_or_dash(amount: Decimal, forecasts: list) -> str:
    return format_usd(amount) if forecasts else texts.NOT_APPLICABLE


def _pct_or_dash(value: Decimal | None) -> str:
    return texts.NOT_APPLICABLE if value is None else format_pct(value)


def _count_or_dash(value: Decimal | None) -> str:
    return texts.NOT_APPLICABLE if value is None else format_count(value)


def _ratio(part: Decimal, whole: Decimal) -> str:
    return _pct_or_dash(part * 100 / whole if whole else None)
