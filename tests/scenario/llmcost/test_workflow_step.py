"""The Workflow Builder step ``estimate_llm_cost``: a signed ``function_executed`` event
through Bolt, completed with ``functions.completeSuccess`` (or ``completeError``) on the
step's own token."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bot.domain.cost.errors import CostInputError
from bot.domain.cost.estimate import estimate
from bot.domain.cost.parse import parse_request
from bot.features.llmcost.step import CALLBACK_ID, INPUTS, step_args
from bot.plaintext.llmcost_step import usd_text
from bot.texts.errors import describe

GPT4O = {"model": "gpt-4o", "input_tokens": 2000, "output_tokens": 500, "calls_per_day": 259_200}


def _run(sim, slack_api, inputs: dict):
    execution = slack_api.new_function_execution()
    reply = sim.send(sim.requests.function_executed(CALLBACK_ID, inputs, execution_id=execution))
    assert reply.status == 200
    done = [
        c
        for c in reply.calls
        if c.method.startswith("functions.") and c.args.get("function_execution_id") == execution
    ]
    assert len(done) == 1, done
    assert done[0].token == "xwfp-test-function-token"  # the step's token, not the bot's
    assert done[0].response == {"ok": True}
    return done[0], slack_api.function_execution(execution)


def test_gpt4o_at_259200_calls_a_day(sim, slack_api) -> None:
    call, execution = _run(sim, slack_api, GPT4O)
    assert call.method == "functions.completeSuccess"
    # $2.50 / $10 per 1M tokens: 2,000 x 2.5 + 500 x 10 = $0.01 a call; 30-day month
    expected = Decimal("0.01") * 259_200 * 30
    assert execution.outputs["per_month_usd"] == "77760.00" == f"{expected:.2f}"
    assert execution.outputs["per_call_usd"] == "0.01"
    assert execution.outputs["verdict"] in {"vendor_api", "case_by_case", "real_math"}
    summary = execution.outputs["summary"]
    assert "$77,760.00 a month" in summary
    assert "259,200 calls a day" in summary
    assert set(execution.outputs) == {"per_call_usd", "per_month_usd", "verdict", "summary"}


def test_integers_may_arrive_as_strings_and_cached_is_optional(sim, slack_api) -> None:
    inputs = {**{k: str(v) for k, v in GPT4O.items()}, "cached_tokens": "1500"}
    call, execution = _run(sim, slack_api, inputs)
    assert call.method == "functions.completeSuccess"
    assert Decimal(execution.outputs["per_call_usd"]) < Decimal("0.01")  # cached is cheaper


@pytest.mark.parametrize(
    "inputs",
    [
        {**GPT4O, "model": "not-a-model-anywhere"},
        {**GPT4O, "input_tokens": -5},
        {**GPT4O, "cached_tokens": 5000},  # more cached than input
        {**GPT4O, "calls_per_day": "lots"},
        {k: v for k, v in GPT4O.items() if k != "model"},
    ],
    ids=["unknown model", "negative input", "cached over input", "not a number", "no model"],
)
def test_bad_inputs_fail_the_step_with_the_llmcost_sentence(
    sim, slack_api, knowledge, inputs
) -> None:
    call, execution = _run(sim, slack_api, inputs)
    assert call.method == "functions.completeError"
    with pytest.raises(CostInputError) as caught:
        estimate(parse_request(step_args(inputs)), knowledge.costs, knowledge.selfhost)
    assert execution.error == describe(caught.value, style="terminal")
    assert "Traceback" not in execution.error
    assert "*" not in execution.error


def test_step_args_table() -> None:
    assert step_args(GPT4O) == "model=gpt-4o in=2000 out=500 per_day=259200"
    assert step_args({**GPT4O, "cached_tokens": ""}) == step_args(GPT4O)
    assert step_args({**GPT4O, "cached_tokens": 0}).endswith(" cached=0")
    assert [name for name, _ in INPUTS] == [
        "model", "input_tokens", "output_tokens", "calls_per_day", "cached_tokens",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("amount", "per_call", "text"),
    [
        ("77760", False, "77760.00"),
        ("0.005", False, "0.01"),
        ("0.01", True, "0.01"),
        ("0.0000225", True, "0.0000225"),
        ("0.000000004", True, "0.00"),
        ("1.5", True, "1.50"),
    ],
)
def test_usd_text(amount, per_call, text) -> None:
    assert usd_text(Decimal(amount), per_call=per_call) == text
