""" "Should I learn this now?" end to end: mention, three filters with buttons, the plan."""

from __future__ import annotations

import pytest

from bot.devtools.sim import buttons, message_text
from bot.texts import common

THREAD = "1700000000.000100"
YES, NO = "Yes: it's on my mission", "No: not my domain"


def _start(sim, topic: str = "mixture of experts"):
    reply = sim.mention(f"learn {topic}", thread_ts=THREAD)
    assert reply.message["thread_ts"] == THREAD
    return reply.message


@pytest.mark.parametrize(
    ("clicks", "plan", "why"),
    [
        ([NO], "Skip for now", "Knowing what not to learn right now"),
        ([YES, "Fast-changing", "Strategic literacy"], "Strategic literacy", "go stale"),
        ([YES, "Slow-changing", "Strategic literacy"], "Strategic literacy", "enduring idea"),
        ([YES, "Slow-changing", "Working fluency"], "Working fluency", "best return"),
        ([YES, "Fast-changing", "Working fluency"], "Working fluency", "just in time"),
    ],
)
def test_three_filters_to_a_plan(sim, clicks, plan, why) -> None:
    message = _start(sim)
    questions = []
    for label in clicks:
        questions.append(next(line for line in message_lines(message) if "/3 ·" in line))
        reply = sim.click(message, label)
        message = reply.message
        assert message["replace_original"] is True
    assert f"mixture of experts* → *{plan}*" in reply.message_text
    assert why in reply.message_text
    assert "Next step:" in reply.message_text
    assert buttons(message) == []
    assert [q.split(" · ")[0] for q in questions] == ["*1/3", "*2/3", "*3/3"][: len(clicks)]


def message_lines(message: dict) -> list[str]:
    return message_text(message).splitlines()


def test_answers_so_far_are_shown(sim) -> None:
    reply = sim.click(_start(sim), YES)
    assert "So far: Relevance Filter: Yes: it's on my mission" in reply.message_text
    assert "Temporal Filter" in reply.message_text
    assert "Prioritize enduring principles" in reply.message_text


def test_someone_else_cannot_answer(sim) -> None:
    message = _start(sim)
    reply = sim.click(message, YES, user="U0BOB")
    assert reply.message["_where"]["ephemeral"] is True
    assert "belongs to <@U0ALICE>" in reply.message_text
    assert sim.click(message, YES).message["replace_original"] is True  # still the owner's


def test_an_old_copy_of_a_step_is_stale(sim) -> None:
    first = _start(sim)
    sim.click(first, YES)
    reply = sim.click(first, NO)  # the first question again, already answered
    assert reply.message_text == common.STALE


def test_tampered_value_gets_bad_payload(sim) -> None:
    reply = sim.click(_start(sim), YES, value="not-a-value")
    assert reply.message_text == common.BAD_PAYLOAD


def test_an_expired_walk_says_how_to_restart(sim, store, key_prefix, redis_client) -> None:
    message = _start(sim)
    for key in redis_client.scan_iter(match=f"{key_prefix}:*:learn:*"):
        redis_client.delete(key)
    reply = sim.click(message, YES)
    assert "expired" in reply.message_text
    assert "`@Tradeoffs learn &lt;topic&gt;`" in reply.message_text


def test_state_ttl(sim, key_prefix, redis_client, settings) -> None:
    _start(sim)
    [key] = list(redis_client.scan_iter(match=f"{key_prefix}:*:flow:learn:*"))
    assert 0 < redis_client.ttl(key) <= settings.state_ttl_seconds


def test_a_long_topic_is_refused_with_the_limit(sim) -> None:
    reply = sim.mention("learn " + "x" * 130, thread_ts=THREAD)
    assert "130 characters; keep it under 120" in reply.message_text
