"""render_text and the CLI entry point behind ``python -m bot estimate``."""

from __future__ import annotations

from bot.domain.cost.estimate import estimate
from bot.domain.cost.parse import parse_request
from bot.domain.knowledge.costs import CostKnowledge
from bot.plaintext.llmcost import render_text
from bot.texts import llmcost as texts
from bot.texts import llmcost_answer as answer_texts
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
        "Self-hosting is worth modelling here: the fleet below costs $38,600.00/month less",
        "1. Cap output tokens (Minutes, typically 10%-40% of the output): "
        "$3,888.00-$15,552.00/month.",
        "2. Prompt caching (Hours to a day, typically 30%-70% of the uncached input): "
        "$11,664.00-$19,440.00/month (at most the cache discount on the uncached input).",
        "5. Batch API (Hours, typically 0%-50% of the bill): $0.00-$38,880.00/month.",
        "7. Distill / fine-tune small models (Weeks, typically 60%-90% of the bill): "
        "$46,656.00-$69,984.00/month.",
        "Stand-in: Llama 3.3 70B (meta-llama/Llama-3.3-70B-Instruct at FP8) for gpt-4o, "
        "a mid tier (gpt-4o / Sonnet class).",
        "Fleet: 7 replicas x 2 GPU(s) = 14 GPUs, sized for a peak of 6 QPS (2x the average) "
        "at 70% target utilization (68% at peak).",
        "Per replica: 3,400 prefill + 2,400 decode tok/s interactive (offline peak "
        "10,300 + 7,100), so 1.26 calls a second.",
        "Cost: 14 x $3.00/h x 730 h = $30,660.00, + ops $8,500.00 = $39,160.00/month",
        "API at this volume: $77,760.00/month; the fleet is $38,600.00/month cheaper on paper.",
        "Break-even: 0.569 QPS (1,476,000 calls a month).",
        "The next replica is needed above 3.08 QPS (7,972,194 calls a month).",
    ]:
        assert line in out, line
    assert "Same workload on each model" not in out
    assert "Note:" not in out
    assert "*" not in out
    assert "`" not in out


def test_compare_cached_batch_and_notes(costs: CostKnowledge) -> None:
    out = text_for(
        "model=claude-sonnet-4-5 in=6k cached=4k out=800 per_day=2M batch=yes "
        "compare=gpt-4o,groq:llama-3.3-70b-versatile",
        costs,
    )
    assert "6,000 in (4,000 cached) / 800 out tokens per call, 2,000,000 calls a day, " in out
    assert "Batch API prices" in out
    assert answer_texts.COMPARE_HEAD in out
    assert "(main model)" in out
    assert "vs claude-sonnet-4-5" in out
    assert "Note: " + texts.NOTES["batch_unavailable"] in out  # groq has no batch price
    ranking = [line for line in out.splitlines() if line[:3] in {"1. ", "2. ", "3. "}]
    assert ranking[0].startswith("1. groq:llama-3.3-70b-versatile")


def test_custom_prices_and_api_cheaper(costs: CostKnowledge) -> None:
    out = text_for("model=our-llama in=2000 out=500 qps=0.1 price_in=0.2 price_out=0.6", costs)
    assert "Prices from custom prices (yours): our-llama (your rates)" in out
    assert "Verdict: Stay on vendor APIs." in out
    assert "Self-hosting does not pay here: the API costs $14,578.56/month less" in out
    assert "the API is $14,578.56/month cheaper." in out
    assert "Break-even: none; a replica costs more than the API calls it can carry." in out
    assert "Self-host open weights" not in out


def test_negotiated_rate_row_is_marked(costs: CostKnowledge) -> None:
    out = text_for(
        "model=gpt-4o in=2000 out=500 per_month=1M price_in=2 price_out=8 compare=gpt-4o", costs
    )
    assert "1. gpt-4o at your rates: $8,000.00/month ($0.00800 a call) (main model)" in out
    assert "2. gpt-4o: $10,000.00/month ($0.0100 a call), +$2,000.00/month vs gpt-4o" in out


def test_no_levers_and_fees(costs: CostKnowledge) -> None:
    out = text_for("model=perplexity:sonar in=500 out=100 qps=0.01 batch=yes", costs)
    assert answer_texts.LEVERS_NONE in out
    assert " + fees $0.0120" in out
    assert "Note: " + texts.NOTES["request_fee"] in out


def test_big_fleets_read_with_commas(costs: CostKnowledge) -> None:
    out = text_for("model=gpt-4o in=100k out=16k qps=100000", costs)
    assert "Fleet: 10,308,124 replicas x 2 GPU(s) = 20,616,248 GPUs" in out
