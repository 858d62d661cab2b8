"""The break-even chart: a real PNG (decoded), the scales, its alt text, and its speed."""

from __future__ import annotations

import io
import math
import time
from decimal import Decimal

import pytest
from PIL import Image

from bot.charts.breakeven import DPI, SIZE_INCHES, alt_text, draw, render
from bot.domain.cost.curve import BreakEvenCurve, CurvePoint


def _curve(low: int = 100, high: int = 10_000_000, *, break_even: int | None = 50_000):
    points = []
    for i in range(40):
        calls = Decimal(round(low * (high / low) ** (i / 39)))
        replicas = max(2, math.ceil(calls / 150_000))
        fleet = Decimal(6_000) * replicas + 2_000
        points.append(CurvePoint(calls, Decimal("0.3") * calls, fleet, replicas))
    return BreakEvenCurve(
        model="gpt-4o",
        replacement="Llama 3.3 70B",
        points=tuple(points),
        your_calls_per_day=Decimal(259_200),
        break_even_calls_per_day=None if break_even is None else Decimal(break_even),
    )


@pytest.mark.parametrize("break_even", [50_000, None], ids=["break-even", "no break-even"])
def test_draws_a_png_of_the_documented_size(break_even) -> None:
    png = draw(_curve(break_even=break_even))
    image = Image.open(io.BytesIO(png))
    image.load()  # decodes every pixel: a truncated or corrupt file raises
    assert image.format == "PNG"
    assert image.size == (int(SIZE_INCHES[0] * DPI), int(SIZE_INCHES[1] * DPI))
    colors = image.convert("RGB").getcolors(maxcolors=1_000_000)
    assert len(colors) > 50  # lines, text and markers, not a blank canvas


@pytest.mark.parametrize(("low", "high", "log"), [(100, 10_000_000, True), (1_000, 50_000, False)])
def test_log_scale_only_where_volume_spans_two_decades(low, high, log) -> None:
    assert _curve(low, high).logarithmic is log


def test_alt_text_names_the_volume_and_the_break_even() -> None:
    assert alt_text(_curve()) == (
        "Chart: gpt-4o on the API against a self-hosted fleet, monthly cost by calls a day; "
        "your volume 259,200 a day; Break-even: 50,000 calls a day."
    )
    assert "the API stays cheaper" in alt_text(_curve(break_even=None))


@pytest.mark.parametrize(
    "volumes",
    [
        [Decimal(10)],
        [Decimal(10), Decimal(10)],
        [Decimal(20), Decimal(10)],
        [Decimal(0), Decimal(5)],
    ],
    ids=["one point", "flat", "decreasing", "zero"],
)
def test_bad_curves_are_refused(volumes) -> None:
    points = tuple(CurvePoint(v, Decimal(1), Decimal(1), 2) for v in volumes)
    with pytest.raises(ValueError, match="volume"):
        BreakEvenCurve("m", "r", points, Decimal(1), None)


def test_a_chart_renders_in_under_a_second_once_matplotlib_is_loaded() -> None:
    render(_curve())  # loads matplotlib and its fonts
    times = []
    for _ in range(3):  # CPU seconds, the best of three: other processes on a busy machine
        started = time.process_time()  # stretch wall-clock time, not the work a chart takes
        render(_curve())
        times.append(time.process_time() - started)
    assert min(times) < 1.0


def test_the_same_curve_again_is_the_same_chart_not_drawn_again() -> None:
    """``draw`` keeps the last charts: that is only right if drawing is deterministic (a
    fresh render of an equal curve is the same bytes), and a different curve is drawn."""
    kept = draw(_curve(break_even=40_000))
    assert draw(_curve(break_even=40_000)) is kept
    assert render(_curve(break_even=40_000)) == kept
    assert draw(_curve(break_even=60_000)) != kept
