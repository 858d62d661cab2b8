"""Mentions hand work to the other features: /buildvsbuy's walk, /rubric, interview prep,
/llmcost, each answered in the thread it was asked in."""

from __future__ import annotations

import pytest

from bot.devtools.sim import buttons, message_text

THREAD = "1700000000.000100"


def test_build_or_buy_starts_the_walk_in_the_thread(sim, slack_api) -> None:
    reply = sim.mention("should we build or buy support-ticket triage?", thread_ts=THREAD)
    post = slack_api.calls_to("chat.postMessage")[-1]
    assert (post.args["channel"], post.args["thread_ts"]) == ("C0TEST", THREAD)
    assert "support-ticket triage" in reply.message_text
    assert any(b["action_id"].startswith("bvb.") for b in buttons(reply.message))
    answered = sim.click(reply.message, buttons(reply.message)[0]["text"]["text"])
    assert answered.message["_where"]["thread_ts"] == THREAD


def test_rubric_answers_in_the_thread(sim) -> None:
    reply = sim.mention("rubric senior", thread_ts=THREAD)
    assert reply.message["thread_ts"] == THREAD
    assert "Senior" in reply.message_text
    assert "response_type" not in reply.message


def test_prep_menu_goes_to_the_dm(sim, slack_api) -> None:
    reply = sim.mention("interview prep", thread_ts=THREAD)
    methods = [c.method for c in reply.calls if c.method != "auth.test"]
    assert methods == ["conversations.open", "chat.postMessage", "chat.postMessage"]
    menu, note = reply.messages
    assert menu["channel"] == "D0ALICE"
    assert note["thread_ts"] == THREAD
    assert "answered in our DM" in note["text"]
    assert "Practise as a candidate" in message_text(menu)


@pytest.mark.parametrize(
    ("request_text", "in_dm"),
    [
        ("practice senior rag", ["Practice: Senior", "Area 1 of 1: RAG", "Design enterprise wiki"]),
        ("kit staff", ["Interviewer kit", "Staff", "Calibration questions"]),
        ("scorecard lead Jane Doe", ["Scorecard", "Jane Doe", "LLM fundamentals"]),
        ("practice L9", ["I don't know the level `L9`"]),
    ],
)
def test_prep_shortcuts_in_a_mention_answer_in_the_dm(sim, request_text, in_dm) -> None:
    reply = sim.mention(request_text, thread_ts=THREAD)
    dm = "\n".join(message_text(m) for m in reply.messages if m["channel"] == "D0ALICE")
    for words in in_dm:
        assert words in dm
    assert reply.message["thread_ts"] == THREAD
    assert "answered in our DM" in reply.message["text"]


@pytest.mark.parametrize(("text", "at"), [("cost", "@Tradeoffs "), ("cost help", "@Tradeoffs ")])
def test_cost_without_arguments_explains_the_mention_syntax(sim, text, at) -> None:
    reply = sim.mention(text, thread_ts=THREAD)
    assert reply.message["thread_ts"] == THREAD
    assert f"`{at}cost model=gpt-4o in=2000 out=500 qps=3`" in reply.message_text


def test_cost_help_in_a_dm_has_no_mention(sim) -> None:
    reply = sim.dm("cost")
    assert "`cost model=gpt-4o in=2000 out=500 qps=3`" in reply.message_text


def test_cost_answers_in_the_thread(sim) -> None:
    reply = sim.mention("cost model=gpt-4o in=2000 out=500 qps=3", thread_ts=THREAD)
    assert reply.message["thread_ts"] == THREAD
    assert "$0.0100" in reply.message_text
