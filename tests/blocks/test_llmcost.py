"""/llmcost Block Kit: golden numbers from the cost equation, layout limits, the form."""

from __future__ import annotations

import dataclasses
import re
from decimal import Decimal

import pytest
from genai_prices import Usage, calc_price

from bot.blocks.llmcost import (
    CHART_ACTION,
    EDIT_ACTION,
    SHARE_ACTION,
    estimate_message,
    help_message,
)
from bot.blocks.llmcost_form import (
    CALLBACK,
    block_for_key,
    cost_modal,
    field_error,
    field_id,
    form_fields,
)
from bot.devtools.blockkit import assert_valid_message, assert_valid_view
from bot.devtools.sim import buttons, message_text
from bot.devtools.view_state import state_values
from bot.domain.cost import CostInputError, estimate, parse_request
from bot.domain.cost.args import form_args, request_args, request_fields
from tests.domain.cost.conftest import SELFHOST
from tests.support.tables import table_rows

REFERENCE = "model=gpt-4o in=2000 out=500 qps=3"
SIX = "gpt-4o,claude-sonnet-4-5,gemini-2.5-flash,gpt-4o-mini,gpt-4.1,claude-haiku-4-5"
LONG_NAME = "our-" + "very-long-internal-model-name-" * 3 + "x" * 6  # 100 characters


@pytest.fixture(scope="module")
def costs(knowledge):
    return knowledge.costs


def render(text: str, costs, **kwargs) -> dict:
    request = parse_request(text)
    return estimate_message(estimate(request, costs, SELFHOST), args=request_args(request), **kwargs)


def all_mrkdwn(payload: dict) -> list[str]:
    found = []
    for block in payload["blocks"]:
        if isinstance(block.get("text"), dict) and block["text"]["type"] == "mrkdwn":
            found.append(block["text"]["text"])
        found.extend(f["text"] for f in block.get("fields") or [])
        found.extend(e["text"] for e in block.get("elements") or [] if e.get("type") == "mrkdwn")
    return found


def test_reference_example_golden_numbers(costs) -> None:
    direct = calc_price(Usage(input_tokens=2000, output_tokens=500), "gpt-4o")
    assert direct.total_price == Decimal("0.01")  # genai-prices itself agrees
    payload = render(REFERENCE, costs)
    text = message_text(payload)
    assert table_rows(payload) == [
        ["Option", "$ a month", "What it is"],
        ["Vendor API", "$77,760.00", "gpt-4o, 7,776,000 calls a month"],
        ["Self-hosted fleet", "$39,160.00",
         "7 × 2 GPUs running Llama 3.3 70B: GPUs $30,660.00 + ops $8,500.00"],
        ["Difference", "$38,600.00", "the fleet is $38,600.00 a month cheaper on paper"],
    ]  # fmt: skip
    for golden in [
        "*Per call*\n$0.0100",
        "*Output's share of the bill*\n50%",
        "*Per month* (30 days)\n$77,760.00",  # 3 x 86,400 x 30 x $0.01
        "*Per year*\n$933,120.00",
        "*Calls a month*\n7,776,000",
        "input $0.00500 · cached input $0.00 · output $0.00500",
        "*Self-hosting deserves real math.*",
        "Self-hosting is worth modelling here: the fleet below costs $38,600.00/month less",
        "*Stand-in*\nLlama 3.3 70B",
        "*Fleet*\n7 × 2 GPU = 14 GPUs",
        "*Break-even*\n0.569 QPS (1,476,000 calls a month)",
        "*Next replica above*\n3.08 QPS",
        "genai-prices 0.2.3 (offline data)",
    ]:
        assert golden in text, golden


def test_given_self_host_inputs_replace_defaults(costs) -> None:
    payload = render(REFERENCE + " gpus=4 gpu_hour=2.5 ops=8k replicas=3", costs)
    text = message_text(payload)
    assert "*Fleet*\n3 × 4 GPU = 12 GPUs" in text
    assert table_rows(payload)[2] == [
        "Self-hosted fleet", "$29,900.00",
        "3 × 4 GPUs running Llama 3.3 70B: GPUs $21,900.00 + ops $8,000.00",
    ]  # fmt: skip
    assert "Published benchmark figures and default assumptions used for oss, tps, peak;" in text


def test_ranking_cheapest_first_with_deltas(costs) -> None:
    payload = render("in=2000 out=500 qps=3 compare=gpt-4o,claude-sonnet-4-5,gemini-2.5-flash", costs)
    assert table_rows(payload) == [
        ["Model", "$ a call", "$ a month", "vs cheapest"],
        ["gemini-2.5-flash", "$0.00185", "$14,385.60", "cheapest"],
        ["gpt-4o (yours)", "$0.0100", "$77,760.00", "+$63,374.40"],
        ["claude-sonnet-4-5", "$0.0135", "$104,976.00", "+$90,590.40"],
    ]
    fallback = payload["text"].splitlines()
    assert fallback[1].split() == ["Model", "$", "a", "call", "$", "a", "month", "vs", "cheapest"]
    assert fallback[2].split() == ["gemini-2.5-flash", "$0.00185", "$14,385.60", "cheapest"]


@pytest.mark.parametrize(
    "text",
    [
        REFERENCE,
        f"in=10000 cached=100 out=2000 qps=3 compare={SIX}",  # every lever, six more models
        f"model={LONG_NAME} in=100k cached=99,999 out=1M per_month=259.2B price_in=1000 price_out=1000 "
        f"price_cached=1000 compare={SIX} gpus=10000 gpu_hour=100 ops=10M tps=1M",
        "model=gpt-4o in=1 out=0 qps=0.000001 batch=yes",
    ],
    ids=["seed", "all-levers-compare", "long-names-extremes", "tiny"],
)
@pytest.mark.parametrize("shareable", [True, False])
def test_within_slack_limits(text: str, shareable: bool, costs) -> None:
    payload = render(text, costs, shareable=shareable, shared_by=None if shareable else "U1")
    assert_valid_message(payload)
    assert len(payload["blocks"]) <= 50
    assert all(len(t) <= 3000 for t in all_mrkdwn(payload))
    assert all(len(b.get("fields") or []) <= 10 for b in payload["blocks"])
    assert all(len(b["value"]) <= 2000 for b in buttons(payload))


def test_levers_listed_in_playbook_order(costs) -> None:
    payload = render("in=10000 out=2000 qps=3 model=gpt-4o", costs)
    ranked = [t for t in all_mrkdwn(payload) if re.match(r"\*\d\. ", t)]
    names = [t.split("*")[1] for t in ranked]
    assert names == [
        "1. Cap output tokens", "2. Prompt caching", "3. Model routing", "4. Prompt compression",
        "5. Batch API", "6. RAG over long context", "7. Self-host open weights",
        "8. Distill / fine-tune small models",
    ]  # fmt: skip
    # output $0.02 a call x 7,776,000 = $155,520 a month: 10-40% of it
    assert ranked[0].startswith("*1. Cap output tokens*: $15,552.00-$62,208.00/month\n")


def test_capped_lever_says_why(costs) -> None:
    payload = render("model=gpt-4o in=2000 out=5000 qps=3", costs)
    # 30-70% of the $38,880 uncached input, at most its 50% cache discount
    row = (
        "*2. Prompt caching*: $11,664.00-$19,440.00/month (at most the cache discount on the "
        "uncached input)\n"
    )
    assert any(t.startswith(row) for t in all_mrkdwn(payload))


def test_routing_names_the_cheaper_model(costs) -> None:
    text = message_text(render(REFERENCE + " compare=gpt-4o-mini", costs))
    assert "Route easy calls to gpt-4o-mini: all traffic there would save $73,094.40/month." in text


def test_big_fleets_read_with_commas(costs) -> None:
    texts_ = all_mrkdwn(render("model=gpt-4o in=100k out=16k qps=100000", costs))
    assert "*Fleet*\n10,308,124 × 2 GPU = 20,616,248 GPUs" in texts_


def test_buttons_carry_canonical_arguments(costs) -> None:
    payload = render("QPS=3 m=gpt-4o input=2k out=500", costs)
    share, edit, chart = buttons(payload)
    assert (share["action_id"], edit["action_id"]) == (SHARE_ACTION, EDIT_ACTION)
    assert chart["action_id"] == CHART_ACTION
    assert share["value"] == edit["value"] == chart["value"] == "model=gpt-4o in=2000 out=500 qps=3"


def test_shared_copy_has_no_share_button_and_names_the_sharer(costs) -> None:
    payload = render(REFERENCE, costs, shareable=False, shared_by="U0BOB")
    assert [b["action_id"] for b in buttons(payload)] == [EDIT_ACTION, CHART_ACTION]
    assert "Shared by <@U0BOB>" in message_text(payload)


def test_model_names_are_escaped(costs) -> None:
    result = estimate(parse_request(REFERENCE + " compare=gemini-2.5-flash"), costs, SELFHOST)
    hostile = "<!channel>&co"
    ranking = tuple(dataclasses.replace(c, ref=hostile) for c in result.ranking)
    primary = next(c for c in ranking if c.is_primary)
    payload = estimate_message(
        dataclasses.replace(result, primary=primary, ranking=ranking), args=REFERENCE
    )
    text = "\n".join(all_mrkdwn(payload)) + payload["text"]
    assert "<!channel>" not in text
    assert "&lt;!channel&gt;&amp;co" in text


def test_help_fits() -> None:
    assert_valid_message(help_message())
    assert "price_in=" in message_text(help_message())


# --- the form ---------------------------------------------------------------------------


def test_form_is_valid_and_starts_with_the_seed_example() -> None:
    view = cost_modal(request_fields(parse_request(REFERENCE)), private_metadata='{"c":"C1"}')
    assert_valid_view(view)
    assert view["callback_id"] == CALLBACK
    submitted = {"state": {"values": state_values(view["blocks"], {})}}
    assert form_args(form_fields(submitted)) == REFERENCE


def test_form_round_trips_every_field() -> None:
    text = (
        "model=our-llama in=6000 cached=4000 cache_write=500 cache_write_1h=100 out=800 "
        "reasoning=300 per_day=2000000 batch=yes tier=flex compare=gpt-4o,claude-sonnet-4-5 "
        "price_in=0.2 price_out=0.6 price_cached=0.05 gpus=4 gpu_hour=2.5 ops=8000 tps=3000 "
        "oss=mid peak=3 replicas=2"
    )
    view = cost_modal(request_fields(parse_request(text)))
    assert_valid_view(view)
    submitted = {"state": {"values": state_values(view["blocks"], {})}}
    assert form_args(form_fields(submitted)) == text


@pytest.mark.parametrize(
    ("answers", "args"),
    [
        ({"cost.compare": " gpt-4o ,  gemini-2.5-flash claude-sonnet-4-5,"}, REFERENCE + " compare=gpt-4o,gemini-2.5-flash,claude-sonnet-4-5"),
        ({"cost.volume_kind": "per_month", "cost.volume": "7.5M"}, "model=gpt-4o in=2000 out=500 per_month=7.5M"),
        ({"cost.batch": ["yes"], "cost.in": " 2k "}, "model=gpt-4o in=2k out=500 qps=3 batch=yes"),
        ({"cost.model": "", "cost.volume": ""}, "in=2000 out=500"),
    ],
)  # fmt: skip
def test_form_fields_to_arguments(answers: dict, args: str) -> None:
    view = cost_modal(request_fields(parse_request(REFERENCE)))
    submitted = {"state": {"values": state_values(view["blocks"], answers)}}
    assert form_args(form_fields(submitted)) == args


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("model=gpt-4o in=-5 out=500 qps=3", "This can't be negative."),
        ("model=gpt-4o in=2k out=500 qps=3 cached=3k", "Cached tokens (3,000) can't be more than "
         "the input tokens (2,000): they are part of the input."),
        ("model=gpt-4o in=2k out=500 qps=3 price_in=1", "Give both your input and your output "
         "price ($ per 1M tokens)."),
        ("model=gpt-4o in=2k out=500 qps=lots", "“lots” is not a number I can read: digits with "
         "an optional k, M or B (2k, 1.5M, 1,200)."),
    ],
)  # fmt: skip
def test_field_errors_are_phrased_for_the_form(text: str, words: str) -> None:
    with pytest.raises(CostInputError) as caught:
        parse_request(text)
    said = field_error(caught.value)
    assert said == words
    assert "=" not in said  # no slash-command syntax under a form field
    assert "`" not in said


@pytest.mark.parametrize(
    ("key", "block"),
    [("in", "in"), ("qps", "volume"), ("per_month", "volume"), ("compare", "compare"),
     ("batch", "batch"), ("price_cached", "price_cached"), ("tps", "tps"), ("nonsense", "model"),
     ("per_hour", "volume"), ("tier", "tier"), ("oss", "oss"), ("cache_write", "cache_write")],
)  # fmt: skip
def test_errors_land_on_their_field(key: str, block: str) -> None:
    assert block_for_key(key) == field_id(block)
