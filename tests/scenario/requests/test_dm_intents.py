"""DMs: the same requests as mentions, answered in the DM; help with DM examples."""

from __future__ import annotations

import pytest

from bot.texts import common

DM = "D0ALICE"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("rollout", ["Phased rollout", "Spike"]),
        ("Team shape?", ["Team shapes"]),
        ("levers", ["The 8 cost levers", "`cost model=gpt-4o in=2000 out=500 qps=3`"]),
        ("learn DSPy", ["Should I learn this now?", "DSPy"]),
        ("assess", ["Self-assessment: 1 of 5"]),
        ("prioritize a; b", ["Prioritizing 2 initiatives"]),
    ],
)
def test_requests_are_answered_in_the_dm(sim, slack_api, text: str, words: list[str]) -> None:
    reply = sim.dm(text)
    post = slack_api.calls_to("chat.postMessage")[-1]
    assert post.args["channel"] == DM
    assert post.args.get("thread_ts") is None
    assert [w for w in words if w not in reply.message_text] == []


def test_help_in_a_dm_has_dm_examples(sim) -> None:
    reply = sim.dm("help")
    text = reply.message_text
    assert "What I can do" in text
    assert "`build or buy support-ticket triage`" in text
    assert "`learn mixture of experts`" in text
    assert "@Tradeoffs build or buy" not in text


def test_anything_else_gets_the_general_help(sim) -> None:
    reply = sim.dm("good morning!")
    assert reply.message["text"] == common.GENERAL_HELP
    assert "What I can do" in reply.message_text
    assert "`rollout`" in reply.message_text


def test_status_in_a_dm_finds_the_running_flow(sim) -> None:
    assert "Nothing is running" in sim.dm("status").message_text
    sim.dm("prioritize a; b")
    assert "Prioritizing 2 initiatives" in sim.dm("where were we?").message_text
