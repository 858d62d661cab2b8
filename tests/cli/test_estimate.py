"""`python -m bot estimate`: the /llmcost answer as text for CI (exit 0), one error line
on stderr with exit 1 for bad input."""

from __future__ import annotations

import subprocess
import sys

import pytest

from bot.settings import PROJECT_ROOT


def estimate(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", "estimate", *args],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=PROJECT_ROOT,
    )


def test_estimate_prints_the_answer() -> None:
    done = estimate("model=gpt-4o", "in=2000", "out=500", "qps=3")
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    for line in [
        "Per call: $0.0100 = input $0.00500 + cached input $0.00 + output $0.00500",
        "Per month: $77,760.00    Per year: $933,120.00",
        "Break-even: 0.162 QPS (419,000 calls a month)",
        "Prices from genai-prices 0.2.3 (offline data)",
    ]:
        assert line in done.stdout


@pytest.mark.parametrize(
    ("args", "token"),
    [
        (["model=gpt-4o", "in=-5", "out=500", "qps=3"], "`in=-5`"),
        (["model=gpt-4x", "in=2000", "out=500", "qps=3"], "`model=gpt-4x`"),
    ],
)
def test_bad_input_is_one_error_line_and_exit_1(args: list[str], token: str) -> None:
    done = estimate(*args)
    assert done.returncode == 1
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith(f"error: {token}: ")
    assert lines[0].endswith("Try: `model=gpt-4o in=2000 out=500 qps=3`")
    assert "Traceback" not in done.stderr
