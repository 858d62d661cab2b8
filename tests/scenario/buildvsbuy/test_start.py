"""/buildvsbuy starts: help, no topic (modal), DMs, threads via start_flow."""

from __future__ import annotations

import pytest

from bot.blocks.buildvsbuy import TOPIC_INPUT
from bot.devtools.sim import WHERE, buttons, find_button
from bot.errors import StateUnavailable
from bot.features.buildvsbuy.store import (
    start as start_flow,
)
from bot.texts import buildvsbuy as t
from bot.texts import common
from tests.support.buildvsbuy import (
    PATHS,
    TEAM,
    answer,
    start,
    stored,
    walk,
)

# -- help, no topic, DM, thread ---------------------------------------------------------------


@pytest.mark.parametrize("text", ["help", " HELP ", "?"])
def test_help(sim, text) -> None:
    reply = sim.command("/buildvsbuy", text)
    assert reply.ack["response_type"] == "ephemeral"
    assert "/buildvsbuy support-ticket triage" in reply.message_text
    assert buttons(reply.message) == []


def test_no_topic_asks_for_one_in_a_modal_then_starts(sim, slack_api, store) -> None:
    ask = sim.command("/buildvsbuy", "   ")
    assert ask.ack["response_type"] == "ephemeral"
    opened = sim.click(ask.message, "Set the topic", user="U0ALICE")
    modal = opened.view
    assert modal["callback_id"] == "bvb.topic_modal"
    empty = sim.submit(modal, {TOPIC_INPUT: "  "})
    assert empty.ack == {"response_action": "errors", "errors": {"bvb.topic_block": t.TOPIC_EMPTY}}
    assert slack_api.calls_to("chat.postMessage") == []
    started = sim.submit(modal, {TOPIC_INPUT: "contract clause extraction"})
    assert started.ack is None  # the modal closes
    post = slack_api.calls_to("chat.postMessage")
    assert len(post) == 1
    assert post[0].args["channel"] == "C0TEST"
    assert [c.args.get("delete_original") for c in started.calls[1:]] == [True]  # the ask
    message = next(m for m in started.messages if m.get("blocks"))
    assert message["blocks"][0]["text"]["text"] == "contract clause extraction"
    assert stored(store, message).value.started_by == "U0ALICE"
    answer(sim, message, "yes", "U2")


def test_topic_modal_posts_through_the_response_url_where_the_bot_is_not_invited(
    sim, slack_api
) -> None:
    ask = sim.command("/buildvsbuy", "")
    modal = sim.click(ask.message, "Set the topic").view
    slack_api.fail_next("chat.postMessage", "not_in_channel")
    started = sim.submit(modal, {TOPIC_INPUT: "sales call summaries"})
    assert started.ack is None
    kinds = [(c.method, c.args.get("response_type")) for c in started.calls]
    assert kinds == [("chat.postMessage", None), ("response_url", "in_channel"),
                     ("response_url", None)]  # fmt: skip


def test_topic_modal_with_broken_metadata_says_so(sim) -> None:
    ask = sim.command("/buildvsbuy", "")
    modal = sim.click(ask.message, "Set the topic").view
    reply = sim.submit({**modal, "private_metadata": '{"c": "not a channel"}'}, {TOPIC_INPUT: "x"})
    assert reply.ack["errors"] == {"bvb.topic_block": t.CANT_POST_HERE}


def test_works_in_a_dm(sim, slack_api) -> None:
    first = start(sim, channel="D0ALICE")
    final = walk(sim, first, PATHS[0].steps)
    assert final[WHERE]["channel"] == "D0ALICE"
    assert "*Recommendation: Prompting*" in final["blocks"][2]["text"]["text"]
    sim.click(final, "Post decision record")
    post = slack_api.calls_to("chat.postMessage")[0].args
    assert (post["channel"], post["thread_ts"]) == ("D0ALICE", first[WHERE]["ts"])


def test_start_flow_in_a_thread(sim, slack_api, app, deps) -> None:
    start_flow(app.client, deps, team=TEAM, user="U1", channel="C0TEST", topic="triage",
               thread_ts="1700000000.000100")  # fmt: skip
    post = slack_api.calls_to("chat.postMessage")[0]
    assert post.args["thread_ts"] == "1700000000.000100"
    where = {"channel": "C0TEST", "ts": post.response["ts"], "thread_ts": post.args["thread_ts"]}
    message = {**post.args, WHERE: {**where, "ephemeral": False}}
    final = walk(sim, message, PATHS[0].steps)
    sim.click(final, "Post decision record")
    record = slack_api.calls_to("chat.postMessage")[-1].args
    assert record["thread_ts"] == "1700000000.000100"  # the thread, not the reply


def test_start_flow_without_a_topic_asks_in_the_thread(sim, slack_api, app, deps) -> None:
    start_flow(app.client, deps, team=TEAM, user="U1", channel="C0TEST", topic=" ",
               thread_ts="1700000000.000100")  # fmt: skip
    post = slack_api.calls_to("chat.postMessage")[0].args
    assert find_button(post, "Set the topic")["action_id"] == "bvb.topic"


def test_state_store_down_on_start(sim, store, monkeypatch) -> None:
    def down(**kwargs):
        raise StateUnavailable("down")

    monkeypatch.setattr(store, "create", down)
    reply = sim.command("/buildvsbuy", "triage")
    assert reply.ack["response_type"] == "ephemeral"
    assert reply.message["text"] == common.STATE_UNAVAILABLE
