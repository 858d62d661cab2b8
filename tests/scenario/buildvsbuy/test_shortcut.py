"""The message shortcut *Decide with Tradeoffs*: a flow in the message's thread, the message
text as its topic; the topic form first when the text is empty or too long."""

from __future__ import annotations

import pytest

from bot.blocks.buildvsbuy import TOPIC_INPUT
from bot.domain.buildvsbuy.flow import TOPIC_LIMIT
from bot.texts import buildvsbuy as t
from bot.texts import common
from tests.support.buildvsbuy import answer, stored

CHANNEL = "C0TEST"


def _shortcut(sim, slack_api, text: str, *, thread_ts: str | None = None, user: str = "U0BOB"):
    message: dict = {"user": "U0CAROL", "text": text}
    if not text:  # a file shared without a comment
        message["attachments"] = [{"fallback": "budget.xlsx", "text": "budget.xlsx"}]
    if thread_ts:
        message["thread_ts"] = thread_ts
    ts = slack_api.add_message(CHANNEL, message)
    request = sim.requests.message_shortcut(
        t.SHORTCUT_CALLBACK,
        {**message, "ts": ts},
        user_id=user,
        channel_id=CHANNEL,
        response_url=slack_api.new_response_url(channel=CHANNEL),
    )
    return ts, sim.send(request)


@pytest.mark.parametrize("in_thread", [False, True], ids=["top-level message", "reply in a thread"])
def test_the_flow_starts_in_the_messages_thread(sim, slack_api, store, in_thread) -> None:
    parent = slack_api.add_message(CHANNEL, {"text": "thread start"}) if in_thread else None
    ts, reply = _shortcut(
        sim, slack_api, "Should we <@U0DAVE> build contract review in-house?", thread_ts=parent
    )
    assert reply.status == 200
    [post] = slack_api.calls_to("chat.postMessage")
    assert post.args["channel"] == CHANNEL
    assert post.args["thread_ts"] == (parent or ts)
    message = reply.messages[0]
    assert message["blocks"][0]["text"]["text"] == "Should we build contract review in-house"
    flow = stored(store, message).value
    assert (flow.started_by, flow.thread_ts) == ("U0BOB", parent or ts)
    answer(sim, message, "yes", "U0CAROL")  # the walk goes on in the thread


@pytest.mark.parametrize(
    ("text", "initial"),
    [
        ("<@U0DAVE>", None),
        ("", None),
        ("word " * 60, ("word " * 60)[:TOPIC_LIMIT]),
    ],
    ids=["only a mention", "no text (a file)", "longer than a topic"],
)
def test_empty_or_long_text_asks_in_the_form_first(sim, slack_api, text, initial) -> None:
    ts, reply = _shortcut(sim, slack_api, text)
    [opened] = slack_api.calls_to("views.open")
    assert slack_api.calls_to("chat.postMessage") == []
    element = opened.args["view"]["blocks"][0]["element"]
    assert element.get("initial_value") == initial
    started = sim.submit(reply.view, {TOPIC_INPUT: "contract review"})
    assert started.ack is None
    [post] = slack_api.calls_to("chat.postMessage")
    assert (post.args["channel"], post.args["thread_ts"]) == (CHANNEL, ts)
    assert not [c for c in started.calls if c.args.get("delete_original")]  # a person's message


@pytest.mark.parametrize(
    ("error", "words"),
    [("not_in_channel", t.SHORTCUT_NOT_IN_CHANNEL), ("ratelimited", "ratelimited")],
)
def test_a_failed_post_is_told_to_the_person_only(sim, slack_api, error, words) -> None:
    slack_api.fail_next("chat.postMessage", error)
    _, reply = _shortcut(sim, slack_api, "support-ticket triage")
    [notice] = [c for c in reply.calls if c.method == "response_url"]
    assert notice.args["response_type"] == "ephemeral"
    assert words in str(notice.args)


def test_redis_down_is_told_plainly(sim, slack_api, monkeypatch, store) -> None:
    from bot.errors import StateUnavailable

    def down(**_):
        raise StateUnavailable("down")

    monkeypatch.setattr(store, "create", down)
    _, reply = _shortcut(sim, slack_api, "support-ticket triage")
    [notice] = [c for c in reply.calls if c.method == "response_url"]
    assert common.STATE_UNAVAILABLE in str(notice.args)
    assert slack_api.calls_to("chat.postMessage") == []
