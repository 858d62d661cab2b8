"""The /llmcost break-even chart: API $ a month and the self-hosted fleet's $ a month against
calls a day, the break-even point and the user's own volume marked, the fleet's replica steps
visible. Log scales where the volume spans two decades or more.

``bot.domain.cost.curve.sample_curve`` samples the curve from an estimate; ``draw`` turns it
into PNG bytes. Amounts arrive as Decimal and become floats only to be plotted. A chart takes
a few hundred milliseconds of CPU, so the last ``KEPT`` are kept: the same answer's chart
clicked again (by its author, or by anyone in the channel it was shared to) is the same curve,
and gets the same bytes without drawing them again.
"""

from __future__ import annotations

import functools
import io
from decimal import Decimal
from typing import Any

from bot.domain.cost.curve import BreakEvenCurve
from bot.domain.cost.money import format_count, format_usd
from bot.texts import llmcost_chart as texts

SIZE_INCHES = (8.0, 4.8)
DPI = 120
KEPT = 16  # charts kept (a PNG is about 60 KB)


def alt_text(curve: BreakEvenCurve) -> str:
    where = (
        texts.BREAK_EVEN.format(calls=format_count(curve.break_even_calls_per_day))
        if curve.break_even_calls_per_day is not None
        else texts.NO_BREAK_EVEN
    )
    return texts.ALT.format(
        model=curve.model, calls=format_count(curve.your_calls_per_day), break_even=where
    )


def _short(value: float, *, money: bool) -> str:
    """An axis tick: ``$1.5M``, ``$20K``, ``$500`` for money; ``1.5M``, ``20K``, ``500`` calls."""
    number, sign = Decimal(str(value)), "$" if money else ""
    if number >= 1_000_000:
        return f"{sign}{number / 1_000_000:,.1f}M".replace(".0M", "M")
    if number >= 1_000:
        return f"{sign}{number / 1_000:,.0f}K"
    return format_usd(number).removesuffix(".00") if money else format_count(number)


def _money_ticks(value: float, _position: object) -> str:
    return _short(value, money=True)


def _count_ticks(value: float, _position: object) -> str:
    return _short(value, money=False)


@functools.lru_cache(maxsize=KEPT)
def draw(curve: BreakEvenCurve) -> bytes:
    """The chart as PNG bytes (one of the last ``KEPT`` drawn, if its curve is the same)."""
    return render(curve)


def render(curve: BreakEvenCurve) -> bytes:
    """The chart drawn now, as PNG bytes."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter

    figure = Figure(figsize=SIZE_INCHES, dpi=DPI, layout="constrained")
    FigureCanvasAgg(figure)
    axes: Any = figure.add_subplot()
    x = [float(p.calls_per_day) for p in curve.points]
    axes.plot(x, [float(p.api_monthly) for p in curve.points], color="#1f77b4", linewidth=2,
              label=texts.API.format(model=curve.model))  # fmt: skip
    axes.step(x, [float(p.fleet_monthly) for p in curve.points], where="post", color="#d62728",
              linewidth=2, label=texts.FLEET)  # fmt: skip
    _label_steps(axes, curve)
    you = float(curve.your_calls_per_day)
    axes.axvline(you, color="#2ca02c", linestyle="--", linewidth=1.5,
                 label=texts.YOU.format(calls=format_count(curve.your_calls_per_day)))  # fmt: skip
    if curve.break_even_calls_per_day is not None:
        at = float(curve.break_even_calls_per_day)
        cost = _api_at(curve, curve.break_even_calls_per_day)
        axes.plot([at], [float(cost)], marker="o", markersize=8, color="black", linestyle="none",
                  label=texts.BREAK_EVEN.format(calls=format_count(curve.break_even_calls_per_day)))  # fmt: skip
    if curve.logarithmic:
        axes.set_xscale("log")
        axes.set_yscale("log")
    axes.set_xlabel(texts.X_LABEL_LOG if curve.logarithmic else texts.X_LABEL)
    axes.set_ylabel(texts.Y_LABEL_LOG if curve.logarithmic else texts.Y_LABEL)
    axes.xaxis.set_major_formatter(FuncFormatter(_count_ticks))
    axes.yaxis.set_major_formatter(FuncFormatter(_money_ticks))
    axes.set_title(texts.TITLE, loc="left", fontsize=13, fontweight="bold")
    figure.suptitle(texts.SUBTITLE.format(model=curve.model, replacement=curve.replacement),
                    x=0.01, ha="left", fontsize=9, color="#555555")  # fmt: skip
    axes.grid(True, which="major", alpha=0.3)
    axes.legend(loc="upper left", fontsize=8, frameon=False)
    out = io.BytesIO()
    figure.savefig(out, format="png")
    return out.getvalue()


def _api_at(curve: BreakEvenCurve, calls: Decimal) -> Decimal:
    """The API's $ a month at ``calls`` a day (linear in volume: cost per call x calls)."""
    first = curve.points[0]
    return first.api_monthly / first.calls_per_day * calls


def _label_steps(axes: Any, curve: BreakEvenCurve) -> None:
    """Name the replica count where it changes (at most six labels, so they stay legible)."""
    changes = [
        p
        for i, p in enumerate(curve.points)
        if i == 0 or p.replicas != curve.points[i - 1].replicas
    ]
    stride = max(1, len(changes) // 6 + (len(changes) % 6 > 0))
    for point in changes[::stride]:
        axes.annotate(texts.REPLICAS.format(n=point.replicas),
                      (float(point.calls_per_day), float(point.fleet_monthly)),
                      textcoords="offset points", xytext=(-4, 6), ha="right", fontsize=7,
            color="#d62728")  # fmt: skip
