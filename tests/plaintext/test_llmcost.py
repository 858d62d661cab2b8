"""render_text and the CLI entry point behind ``python -m bot estimate``."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest

from bot.cli.estimate import run_estimate
from bot.domain.cost.estimate import estimate
from bot.domain.cost.parse import parse_request
from bot.domain.knowledge.costs import CostKnowledge
from bot.plaintext.llmcost import render_text
from bot.settings import PROJECT_ROOT, Settings
from bot.texts import llmcost as texts
from tests.domain.cost.conftest import SELFHOST


def text_for(command: str, costs: CostKnowledge) -> str:
    return render_text(estimate(parse_request(command), costs, SELFHOST))


def test_reference_estimate_text(costs: CostKnowledge) -> None:
    out = text_for("model=gpt-4o in=2000 out=500 qps=3", costs)
    for line in [
        "LLM cost: gpt-4o",
        "2,000 in / 500 out tokens per call, 3 QPS",
        "Prices from genai-prices 0.2.3 (offline data): gpt-4o (openai), "
        "$2.50 in / $1.25 cached / $10.00 out per 1M tokens",
        "Per call: $0.0100 = input $0.00500 + cached input $0.00 + output $0.00500; "
        "output is 50% of the bill",
        "Volume: 7,776,000 calls a month (3 QPS average, 30-day month)",
        "Per month: $77,760.00    Per year: $933,120.00",
        "Verdict: Self-hosting deserves real math. ",
        "1. Distill / fine-tune small models (Weeks, typically 60%-90%): "
        "$46,656.00-$69,984.00/month.",
        "6. Batch API (Hours, typically 0%-50%): $0.00-$38,880.00/month.",
        # 30-70% of the bill would be more than caching every input token can save
        "4. Prompt caching (Hours to a day, typically 30%-70%): up to $19,440.00/month "
        "(at most the cache discount on all the uncached input).",
        "GPUs: 1 x $3.00/h x 730 h + $2,000.00 ops = $4,190.00/month "
        "(defaults used for gpus, gpu_hour, ops, tps; see /llmcost help)",
        "API at this volume: $77,760.00/month; self-hosting on 3 GPU(s) is $69,190.00/month cheaper on paper",
        "Break-even: 0.162 QPS (419,000 calls a month)",
        "Capacity: needs 7,500 tok/s; 1 GPU(s) x 2,500 tok/s = 2,500 tok/s, 300% utilization: "
        "they can't carry it; 3 GPUs would, at $8,570.00/month.",
    ]:
        assert line in out, line
    assert "Same workload on each model" not in out
    assert "Note:" not in out


def test_compare_cached_batch_and_notes(costs: CostKnowledge) -> None:
    out = text_for(
        "model=claude-sonnet-4-5 in=6k cached=4k out=800 per_day=2M batch=yes "
        "compare=gpt-4o,groq:llama-3.3-70b-versatile",
        costs,
    )
    assert "6,000 in (4,000 cached) / 800 out tokens per call, 2,000,000 calls a day, " in out
    assert "Batch API prices" in out
    assert texts.COMPARE_HEAD in out
    assert "(main model)" in out
    assert "vs claude-sonnet-4-5" in out
    assert "Note: " + texts.NOTES["batch_unavailable"] in out  # groq has no batch price
    ranking = [line for line in out.splitlines() if line[:3] in {"1. ", "2. ", "3. "}]
    assert ranking[0].startswith("1. groq:llama-3.3-70b-versatile")


def test_custom_prices_and_api_cheaper(costs: CostKnowledge) -> None:
    out = text_for("model=our-llama in=2000 out=500 qps=0.1 price_in=0.2 price_out=0.6", costs)
    assert "Prices from custom prices (yours): our-llama (your rates)" in out
    assert "Verdict: Stay on vendor APIs." in out
    assert "the API is $4,008.56/month cheaper" in out
    assert "1 GPU(s) top out at 1 QPS, so they never reach it" in out
    assert "they can carry the load." in out


def test_negotiated_rate_row_is_marked(costs: CostKnowledge) -> None:
    out = text_for(
        "model=gpt-4o in=2000 out=500 per_month=1M price_in=2 price_out=8 compare=gpt-4o", costs
    )
    assert "1. gpt-4o at your rates: $8,000.00/month ($0.00800 a call) (main model)" in out
    assert "2. gpt-4o: $10,000.00/month ($0.0100 a call), +$2,000.00/month vs gpt-4o" in out


def test_no_levers_and_fees(costs: CostKnowledge) -> None:
    out = text_for("model=perplexity:sonar in=500 out=100 qps=0.01 batch=yes", costs)
    assert texts.LEVERS_NONE in out
    assert " + fees $0.0120" in out
    assert "Note: " + texts.NOTES["request_fee"] in out


def _settings() -> Settings:
    return Settings(knowledge_dir=PROJECT_ROOT / "knowledge")


@pytest.mark.parametrize(
    ("command", "code", "in_out", "in_err"),
    [
        ("model=gpt-4o in=2000 out=500 qps=3", 0, "Per call: $0.0100", ""),
        ("", 0, "/llmcost", ""),
        ("help", 0, "price_in=", ""),
        ("model=gpt-4o in=2000 out=500", 1, "", "`qps=`"),
        ("model=gpt-4x in=2000 out=500 qps=3", 1, "", "Closest known: `gpt-4`"),
    ],
)
def test_run_estimate(command: str, code: int, in_out: str, in_err: str) -> None:
    out, err = io.StringIO(), io.StringIO()
    assert run_estimate(command, settings=_settings(), out=out, err=err) == code
    assert in_out in out.getvalue()
    assert in_err in err.getvalue()
    assert (out.getvalue() == "") is (code == 1)


def test_python_m_bot_estimate() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "bot", "estimate", "model=gpt-4o", "in=2000", "out=500", "qps=3"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=PROJECT_ROOT,
    )
    assert done.returncode == 0, done.stderr
    assert "Per month: $77,760.00" in done.stdout


def test_gpu_counts_read_with_commas(costs: CostKnowledge) -> None:
    # 116,000 tokens x 100,000 QPS = 11.6B tok/s / 2,500 per GPU = 4,640,000 GPUs
    out = text_for("model=gpt-4o in=100k out=16k qps=100000 gpus=2000", costs)
    assert "self-hosting on 4,640,000 GPU(s) is" in out
    assert "2,000 GPU(s) x 2,500 tok/s = 5,000,000 tok/s" in out
    assert "they can't carry it; 4,640,000 GPUs would, at $10,161,602,000.00/month." in out
    assert "GPUs: 2,000 x $3.00/h" in out
