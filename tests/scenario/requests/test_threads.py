"""Threads keep their own conversations: two threads in one channel never mix state."""

from __future__ import annotations

import pytest

from bot.app import create_app
from bot.devtools.sim import SlackSim, message_text
from bot.features.threads import POINTER_TTL_SECONDS
from bot.state import Store
from bot.texts import common
from tests.support.dead_redis import dead_redis

T1, T2 = "1700000000.000100", "1700000000.000200"


def test_two_threads_in_one_channel_are_independent(sim, slack_api) -> None:
    one = sim.mention("prioritize search revamp; support bot", thread_ts=T1).message
    two = sim.mention("prioritize eval harness; agents; fine-tune", thread_ts=T2).message
    after_one = sim.click(one, "5").message  # thread 1: step 1 -> 2
    assert after_one["_where"]["thread_ts"] == T1
    assert "Step 2 of 10" in message_text(after_one)
    # thread 2 is still on its first step, and its buttons still work
    status_two = sim.mention("status", thread_ts=T2)
    assert status_two.message["thread_ts"] == T2
    assert "Step 1 of 15" in status_two.message_text
    assert "*eval harness* (1 of 3)" in status_two.message_text
    assert "Step 2 of 15" in sim.click(two, "3").message_text
    # thread 1 is where it was
    status_one = sim.mention("status", thread_ts=T1)
    assert "search revamp so far: Value 5" in status_one.message_text
    assert "Step 2 of 10" in status_one.message_text


def test_build_or_buy_in_two_threads_and_status(sim) -> None:
    one = sim.mention("build or buy support triage", thread_ts=T1).message
    two = sim.mention("build or buy contract review", thread_ts=T2).message
    assert one["thread_ts"] == T1
    assert "Question 2" in sim.click(one, "No").message_text
    status_one = sim.mention("status", thread_ts=T1)
    assert status_one.message["thread_ts"] == T1
    assert "support triage" in status_one.message_text
    assert "Question 2" in status_one.message_text
    status_two = sim.mention("status", thread_ts=T2)
    assert "contract review" in status_two.message_text
    assert "Question 1" in status_two.message_text
    assert "Recommendation" in sim.click(two, "Yes").message_text


def test_a_thread_points_at_its_latest_flow(sim) -> None:
    sim.mention("prioritize a; b", thread_ts=T1)
    sim.mention("learn DSPy", thread_ts=T1)
    status = sim.mention("status", thread_ts=T1)
    assert "Should I learn this now?" in status.message_text
    assert "DSPy" in status.message_text


def test_different_flows_in_two_threads(sim) -> None:
    learn = sim.mention("learn speculative decoding", thread_ts=T1).message
    assess = sim.mention("assess", thread_ts=T2).message
    assert sim.click(learn, "No: not my domain").message["_where"]["thread_ts"] == T1
    status = sim.mention("status", thread_ts=T2)
    assert "Self-assessment: 1 of 5" in status.message_text
    assert sim.click(assess, "assess.score.2").message["_where"]["thread_ts"] == T2


def test_thread_key_and_ttl(sim, redis_client, key_prefix, settings) -> None:
    sim.mention("assess", thread_ts=T1)
    key = f"{key_prefix}:{{T0TEST}}:thread:C0TEST:{T1}"
    assert redis_client.exists(key) == 1
    assert POINTER_TTL_SECONDS - 60 < redis_client.ttl(key) <= POINTER_TTL_SECONDS


def test_status_finds_a_walk_answered_past_its_first_ttl(
    sim, redis_client, key_prefix, settings
) -> None:
    """Each click restarts a walk's TTL, so it outlives STATE_TTL_SECONDS; so does the pointer."""

    def later(seconds: int) -> None:  # every key of this test, `seconds` closer to expiry
        for key in redis_client.scan_iter(match=f"{key_prefix}:*"):
            left = redis_client.ttl(key) - seconds
            redis_client.expire(key, left) if left > 0 else redis_client.delete(key)

    one = sim.mention("build or buy search", thread_ts=T1).message
    later(settings.state_ttl_seconds - 10)
    assert "Question 2" in sim.click(one, "No").message_text  # the walk's TTL starts again
    later(20)
    assert "Question 2" in sim.mention("status", thread_ts=T1).message_text


def test_status_after_the_flow_expired(sim, redis_client, key_prefix) -> None:
    sim.mention("assess", thread_ts=T1)
    for key in redis_client.scan_iter(match=f"{key_prefix}:*:assess:*"):
        redis_client.delete(key)
    assert "has expired" in sim.mention("status", thread_ts=T1).message_text


def test_without_redis_flows_say_so_and_answers_still_work(
    app_settings, knowledge, slack_api, requests_
) -> None:
    client = dead_redis()
    dead = Store(client, prefix="dead", default_ttl=60)
    app = create_app(app_settings, store=dead, knowledge=knowledge, process_before_response=True)
    sim = SlackSim(app, slack_api, requests_)
    reply = sim.mention("assess", thread_ts=T1)
    assert reply.message["thread_ts"] == T1
    assert reply.message_text == common.STATE_UNAVAILABLE
    assert "Phased rollout" in sim.mention("rollout", thread_ts=T1).message_text


def _topic_form(sim, asking: dict, topic: str):
    form = sim.click(asking, "Set the topic").view
    return sim.submit(form, {form["blocks"][0]["element"]["action_id"]: topic})


@pytest.mark.parametrize(
    ("start", "where"),
    [
        (lambda sim: sim.mention("build or buy search", thread_ts=T1), {"thread_ts": T1}),
        (lambda sim: _topic_form(sim, sim.mention("build or buy", thread_ts=T1).message, "search"),
         {"thread_ts": T1}),
        (lambda sim: sim.dm("build or buy search"), {"dm": True}),
        (lambda sim: sim.command("/buildvsbuy", "search", channel="D0ALICE"), {"dm": True}),
        (lambda sim: _topic_form(sim, sim.click_in_view(sim.open_home().view, "Build or buy?")
                                 .message, "search"), {"dm": True}),
    ],
    ids=["mention", "mention, then the topic form", "dm", "/buildvsbuy in a dm", "app home"],
)  # fmt: skip
def test_status_finds_a_build_or_buy_however_it_was_started(sim, start, where) -> None:
    start(sim)
    if where.get("dm"):
        status = sim.dm("status")
    else:
        status = sim.mention("status", thread_ts=where["thread_ts"])
    assert "search" in status.message_text
    assert "Question 1: Can prompting alone solve it?" in status.message_text


def test_buildvsbuy_in_a_channel_points_no_thread(sim, redis_client, key_prefix) -> None:
    sim.command("/buildvsbuy", "search")
    assert list(redis_client.scan_iter(match=f"{key_prefix}:*:thread:*")) == []
