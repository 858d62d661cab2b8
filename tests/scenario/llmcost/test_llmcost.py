"""/llmcost end to end: signed requests into the real app, fake Slack, no state needed."""

from __future__ import annotations

import pytest

from bot.app import create_app
from bot.blocks.llmcost import CHART_ACTION, EDIT_ACTION, SHARE_ACTION
from bot.blocks.spend import SAVE_ACTION
from bot.deps import Deps
from bot.devtools.sim import WHERE, SlackSim, buttons
from bot.devtools.sim import message_text as sim_text
from bot.features.llmcost.answer import estimate_payload
from bot.features.llmcost.form import open_cost_modal
from bot.state import Store
from bot.texts import llmcost as texts
from tests.support.dead_redis import dead_redis

SEED = "model=gpt-4o in=2000 out=500 qps=3"


def blocks(message: dict) -> list[dict]:
    return message["blocks"]


def ask(sim: SlackSim, text: str) -> dict:
    """The command's answer: in the ack, ephemeral, no Web API call."""
    reply = sim.command("/llmcost", text)
    assert reply.status == 200
    assert reply.ack["response_type"] == "ephemeral"
    assert methods(reply) == []
    return reply.message


def methods(reply) -> list[str]:
    """Web API calls made, without Bolt's own auth.test on a first request."""
    return [c.method for c in reply.calls if c.method != "auth.test"]


def action_ids(message: dict) -> list[str]:
    return [b["action_id"] for b in buttons(message)]


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        (SEED, ["*Per call*\n$0.0100", "*Per month* (30 days)\n$77,760.00",
                "*Per year*\n$933,120.00", "*Calls a month*\n7,776,000", "50%",
                "*Self-hosting deserves real math.*"]),
        ("model=gpt-4o in=2000 cached=1500 out=500 qps=3",
         ["*Per call*\n$0.00813", "input $0.00125 · cached input $0.00188 · output $0.00500",
          "*Output's share of the bill*\n62%", "$63,180.00"]),
        (SEED + " batch=yes",
         ["*Per call*\n$0.00500", "$1.25 in / $1.25 cached / $5.00 out per 1M tokens",
          "$38,880.00", "*Case by case.*"]),
        ("model=our-llama in=2000 out=500 qps=3 price_in=0.2 price_out=0.6",
         ["*Per call*\n$0.000700", "custom prices (yours)", "$5,443.20", "*Stay on vendor APIs.*",
          "Self-hosting does not pay here: the API costs $33,716.80/month less than the fleet",
          "*Break-even*\nnone: a replica costs more than the calls it carries"]),
        ("in=2000 out=500 qps=3 compare=gpt-4o,claude-sonnet-4-5,gemini-2.5-flash",
         ["gemini-2.5-flash", "$14,385.60", "cheapest", "gpt-4o (yours)", "$104,976.00",
          "+$90,590.40"]),
        (SEED + " gpus=4 gpu_hour=2.5 ops=8k tps=3000",
         ["*Fleet*\n7 × 4 GPU = 28 GPUs", "$59,100.00",
          "*Break-even*\n0.872 QPS (2,260,000 calls a month)", "*Next replica above*\n3.25 QPS",
          "the fleet below costs $18,660.00/month less than the API on paper"]),
        ("model=gpt-4o in=200 out=50 per_day=1000",
         ["*Average QPS*\n0.0116", "the API costs $14,730.00/month less than the fleet below",
          "*Fleet*\n2 × 2 GPU = 4 GPUs", "*Break-even*\n5.69 QPS (14,760,000 calls a month)"]),
    ],
    ids=["seed", "cached", "batch", "custom-prices", "compare", "break-even", "small"],
)  # fmt: skip
def test_answers(sim: SlackSim, text: str, shown: list[str]) -> None:
    message = ask(sim, text)
    for golden in shown:
        assert golden in sim_text(message), golden
    assert action_ids(message) == [SHARE_ACTION, EDIT_ACTION, CHART_ACTION, SAVE_ACTION]


@pytest.mark.parametrize("text", ["help", "HELP me", "?"])
def test_help(sim: SlackSim, text: str) -> None:
    message = ask(sim, text)
    assert "price_in=" in sim_text(message)
    assert "python -m bot estimate" in sim_text(message)


@pytest.mark.parametrize(
    ("text", "token", "words"),
    [
        (SEED + " colour=red", "colour=red", "is not an option I know"),
        (SEED + " modle=gpt-4o", "modle=gpt-4o", "Did you mean `model=`?"),
        ("model=gpt-4o in= out=500 qps=3", "in=", "needs a value"),
        ("model=gpt-4o in=-5 out=500 qps=3", "in=-5", "can't be negative"),
        ("model=gpt-4o in=0 out=500 qps=3", "in=0", "must be more than 0"),
        ("model=gpt-4o in=lots out=500 qps=3", "in=lots", "is not a number"),
        ("model=gpt-4o in=NaN out=500 qps=3", "in=NaN", "is not a finite number"),
        ("model=gpt-4o in=2000 out=500 qps=inf", "qps=inf", "is not a finite number"),
        ("model=gpt-4o in=2000 out=500 qps=-Infinity", "qps=-Infinity", "not a finite"),
        ("model=gpt-4o in=99999999999 out=500 qps=3", "in=99999999999", "looks like a typo"),
        ("model=gpt-4o in=2000 out=500 qps=1e9", "qps=1e9", "is not a number"),
        ("model=gpt-4o in=1 in=2 out=500 qps=3", "in=2", "is given twice"),
        ("model=gpt-4o in=2000 out=500 qps=3 per_day=5", "per_day=5", "give only one traffic figure"),
        ("model=gpt-4o in=2000 out=500", "qps=", "I need the traffic"),
        ("model=gpt-4x in=2000 out=500 qps=3", "model=gpt-4x", "Closest known: `gpt-4`"),
        (SEED + " compare=claude-sonet-4-5", "compare=claude-sonet-4-5", "Closest known:"),
        ("model=<!channel> in=2000 out=500 qps=3", "model=&lt;!channel&gt;", "look like a model"),
        ("model=gpt-4o in=2000 out=500 qps=3 batch=perhaps", "batch=perhaps", "yes or no"),
        ("x" * 1200, "xxxx", "keep it under 1,000"),
    ],
    ids=["unknown-key", "typo-key", "missing-value", "negative", "zero", "non-number", "nan",
         "inf", "-infinity", "absurd", "exponent", "duplicate", "several-volumes",
         "no-volume", "unknown-model", "unknown-compared", "markup", "bad-flag", "too-long"],
)  # fmt: skip
def test_bad_input_names_the_token_with_a_working_example(
    sim: SlackSim, text: str, token: str, words: str
) -> None:
    message = ask(sim, text)
    said = sim_text(message)
    assert said.startswith(f":warning: `{token}")
    assert words in said
    assert "\nTry: `" in said
    assert "Traceback" not in said
    assert "<!channel>" not in said
    assert buttons(message) == []


# --- the form ---------------------------------------------------------------------------


def open_form(sim: SlackSim, **where) -> dict:
    reply = sim.command("/llmcost", "", **where)
    assert reply.status == 200
    assert reply.ack is None
    assert methods(reply) == ["views.open"]
    return reply.view


def submit(sim: SlackSim, view: dict, answers: dict) -> dict:
    reply = sim.submit(view, answers)
    assert reply.status == 200
    assert reply.ack is None, reply.ack
    assert methods(reply) == ["chat.postEphemeral"]
    message = reply.message
    assert message[WHERE]["channel"] == "C0TEST"
    assert message[WHERE]["ephemeral"]
    assert message["user"] == "U0ALICE"
    return message


@pytest.mark.parametrize(
    ("answers", "command"),
    [
        ({}, SEED),
        ({"cost.model": "claude-sonnet-4-5", "cost.in": "6k", "cost.cached": "4,000",
          "cost.out": "800", "cost.volume_kind": "per_day", "cost.volume": "2M",
          "cost.batch": ["yes"], "cost.compare": "gpt-4o, gemini-2.5-flash",
          "cost.gpus": "4", "cost.gpu_hour": "$2.50", "cost.ops": "8k", "cost.tps": "3000"},
         "VS=gpt-4o,gemini-2.5-flash tps=3k ops=8000 gpu_hour=2.5 gpus=4 batch=yes per_day=2M "
         "output=800 cached=4000 input=6000 m=claude-sonnet-4-5"),
        ({"cost.model": "our-llama", "cost.price_in": "0.2", "cost.price_out": "0.6",
          "cost.price_cached": "0.05", "cost.cached": "1500"},
         "model=our-llama in=2000 cached=1500 out=500 qps=3 price_in=0.2 price_out=0.6 "
         "price_cached=0.05"),
    ],
    ids=["untouched", "every-field", "custom-prices"],
)  # fmt: skip
def test_form_answers_the_same_as_the_command(sim: SlackSim, answers: dict, command: str) -> None:
    answer = submit(sim, open_form(sim), answers)
    assert blocks(answer) == blocks(ask(sim, command))


def test_form_starts_from_the_seed_example(sim: SlackSim) -> None:
    view = open_form(sim)
    initial = {
        b["block_id"]: b["element"].get("initial_value")
        for b in view["blocks"]
        if b["type"] == "input"
    }
    assert (initial["cost.model"], initial["cost.in"], initial["cost.out"]) == (
        "gpt-4o",
        "2000",
        "500",
    )
    assert initial["cost.volume"] == "3"


@pytest.mark.parametrize(
    ("answers", "block", "command"),
    [
        ({"cost.in": "-5"}, "cost.in", "model=gpt-4o in=-5 out=500 qps=3"),
        ({"cost.volume": "abc"}, "cost.volume", "model=gpt-4o in=2000 out=500 qps=abc"),
        ({"cost.volume": ""}, "cost.volume", "model=gpt-4o in=2000 out=500"),
        ({"cost.model": "gpt-4x"}, "cost.model", "model=gpt-4x in=2000 out=500 qps=3"),
        ({"cost.compare": "gpt-4o,gpt-9"}, "cost.compare", SEED + " compare=gpt-9"),
        ({"cost.cached": "5000"}, "cost.cached", "model=gpt-4o in=2000 cached=5000 out=500 qps=3"),
        ({"cost.price_in": "0.2"}, "cost.price_in", SEED + " price_in=0.2"),
        ({"cost.tps": "0"}, "cost.tps", SEED + " tps=0"),
        ({"cost.model": "gpt 4o"}, "cost.model", None),
    ],
)  # fmt: skip
def test_form_errors_stay_in_the_form(
    sim: SlackSim, slack_api, answers: dict, block: str, command: str | None
) -> None:
    reply = sim.submit(open_form(sim), answers)
    assert reply.ack["response_action"] == "errors"
    assert list(reply.ack["errors"]) == [block]
    assert methods(reply) == []  # nothing posted
    shown = reply.ack["errors"][block]
    assert "`" not in shown
    assert "=" not in shown  # phrased for the form, not as slash-command syntax
    if command is not None:  # the command's own words differ: they speak key=value
        assert "=" in sim_text(ask(sim, command))


def test_form_falls_back_to_the_response_url_where_the_bot_is_not_a_member(
    sim: SlackSim, slack_api
) -> None:
    view = open_form(sim)
    slack_api.fail_next("chat.postEphemeral", "not_in_channel")
    reply = sim.submit(view, {})
    assert reply.ack is None
    assert methods(reply) == ["chat.postEphemeral", "response_url"]
    assert reply.message["response_type"] == "ephemeral"
    assert SHARE_ACTION in action_ids(reply.message)


def test_form_without_a_channel_answers_by_dm(app, sim: SlackSim, slack_api) -> None:
    open_cost_modal(app.client, trigger_id="1.2.3", initial={"per_day": "250k", "batch": True})
    view = slack_api.calls_to("views.open")[-1].args["view"]
    reply = sim.submit(view, {})
    assert reply.ack is None
    (post,) = [c for c in reply.calls if c.method != "auth.test"]
    assert (post.method, post.args["channel"]) == ("chat.postMessage", "U0ALICE")
    assert action_ids(reply.message) == [EDIT_ACTION, CHART_ACTION, SAVE_ACTION]  # no sharing from a DM
    assert "250,000 calls a day, Batch API prices" in sim_text(reply.message)


def test_form_that_cannot_open_says_so(sim: SlackSim, slack_api) -> None:
    slack_api.fail_next("views.open", "expired_trigger_id")
    reply = sim.command("/llmcost", "")
    assert methods(reply) == ["views.open", "response_url"]
    assert "couldn't open the form" in reply.message_text


# --- buttons ----------------------------------------------------------------------------


def test_share_posts_a_fresh_estimate_in_channel(sim: SlackSim) -> None:
    mine = ask(sim, "M=gpt-4o input=2k out=500 qps=3")
    reply = sim.click(mine, "Share in channel", user="U0ALICE")
    (call,) = [c for c in reply.calls if c.method != "auth.test"]
    assert call.method == "response_url"
    shared = reply.message
    assert shared["response_type"] == "in_channel"
    assert shared["replace_original"] is False
    assert not shared[WHERE]["ephemeral"]
    assert action_ids(shared) == [EDIT_ACTION, CHART_ACTION, SAVE_ACTION]
    assert "Shared by <@U0ALICE>" in sim_text(shared)
    assert blocks(shared)[:-2] == blocks(mine)[:-2]  # same answer, up to context and buttons


@pytest.mark.parametrize(
    "forged",
    ["", "help", "model=gpt-4o in=-1 out=500 qps=3", '{"total": "$0.01"}', "in=2000 " * 200,
     "model=gpt-4o in=2000 out=500 qps=3 <!channel>"],
    ids=["empty", "help", "negative", "json", "too-long", "markup"],
)  # fmt: skip
def test_tampered_share_posts_nothing(sim: SlackSim, forged: str) -> None:
    mine = ask(sim, SEED)
    reply = sim.click(mine, "Share in channel", value=forged)
    (call,) = [c for c in reply.calls if c.method != "auth.test"]
    assert call.method == "response_url"
    assert call.args["response_type"] == "ephemeral"
    assert sim_text(reply.message).startswith(texts.BAD_SHARE)
    assert "<!channel>" not in sim_text(reply.message)


def test_change_inputs_opens_the_form_filled_in_and_answers_the_same(sim: SlackSim) -> None:
    mine = ask(sim, SEED + " cached=1500 compare=gemini-2.5-flash gpus=2")
    reply = sim.click(mine, "Change inputs")
    assert methods(reply) == ["views.open"]
    answer = submit(sim, reply.view, {})
    assert blocks(answer) == blocks(mine)


# --- mentions, other features, Redis down ---------------------------------------------


def test_estimate_payload_for_mentions(settings, store, knowledge) -> None:
    deps = Deps(settings=settings, store=store, knowledge=knowledge)
    answer = estimate_payload(SEED, deps)
    assert set(answer) == {"text", "blocks"}
    assert "$0.0100" in sim_text(answer)
    assert action_ids(answer) == [EDIT_ACTION, CHART_ACTION, SAVE_ACTION]
    assert "price_in=" in sim_text(estimate_payload("", deps))
    for bad in ["in=", "model=gpt-4o in=2000 out=500 qps=NaN", "\x00" * 5000, "=" * 30]:
        assert sim_text(estimate_payload(bad, deps)).startswith(":warning: `")


def test_mention_cost(sim: SlackSim) -> None:
    reply = sim.mention("<@U0BOT> cost " + SEED, thread_ts="1700000000.000100")
    assert "*Per call*\n$0.0100" in reply.all_text()


def test_answers_with_redis_down(app_settings, knowledge, slack_api, requests_) -> None:
    dead = dead_redis()
    app = create_app(
        app_settings,
        store=Store(dead, prefix="dead", default_ttl=60),
        knowledge=knowledge,
        process_before_response=True,
    )
    sim = SlackSim(app, slack_api, requests_)
    assert "$0.0100" in sim_text(ask(sim, SEED))
    assert "$0.0100" in sim_text(submit(sim, open_form(sim), {}))
    shared = sim.click(ask(sim, SEED), "Share in channel")
    assert shared.message["response_type"] == "in_channel"
