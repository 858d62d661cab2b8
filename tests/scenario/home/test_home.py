"""App Home: publish within limits, recent decisions, and every start button."""

from __future__ import annotations

from datetime import date

import pytest

from bot.blocks.learn import TOPIC_INPUT
from bot.devtools.sim import buttons, message_text
from bot.domain import buildvsbuy as bvb
from bot.features.buildvsbuy import decisions

USER = "U0ALICE"
DM = "D0ALICE"  # FakeSlack opens D + the user id without its first letter


def _methods(reply) -> list[str]:
    return [c.method for c in reply.calls if c.method != "auth.test"]


def _home(sim):
    reply = sim.open_home(user=USER)
    assert reply.status == 200
    [publish] = [c for c in reply.calls if c.method == "views.publish"]
    assert publish.args["user_id"] == USER
    return reply.view


def test_home_is_published_within_limits(sim) -> None:
    view = _home(sim)
    assert view["type"] == "home"
    assert len(view["blocks"]) <= 100
    text = message_text(view)
    for words in (
        "Senior (L5-equiv)", "5-8 yrs",
        "1. Cap output tokens: 10-40%", "5. Batch API: up to 50%", "7. Self-host open weights: 50-90%",
        "Spike (1-2 weeks) → PoC (2-4 weeks) → Pilot (4-8 weeks) → GA (Ongoing)",
        "Recent decisions",
    ):  # fmt: skip
        assert words in text
    labels = [b["text"]["text"] for b in buttons(view)]
    assert labels == [
        "Build or buy?", "Estimate LLM cost", "Interview prep", "Should I learn this now?",
        "Self-assessment",
    ]  # fmt: skip


def test_home_without_decisions_says_how_to_make_one(sim) -> None:
    assert message_text(_home(sim)).count("None yet") == 2


def test_home_shows_current_decisions(sim, store) -> None:
    def record(topic: str, who: tuple[str, ...], channel: str = "C0TEST"):
        return bvb.DecisionRecord(
            flow_id="f" + topic[:3], topic=topic, decided_on=date(2025, 10, 21),
            participants=who, context=(), outcome="rag", title=f"Use RAG for {topic}",
            decision="RAG.", wins=(), risks=(), next_step="Spike", channel=channel,
        )  # fmt: skip

    decisions.file(store, "T0TEST", record("wiki search", (USER,)), flow_turn=1)
    decisions.file(store, "T0TEST", record("triage", ("U0BOB",)), flow_turn=1)
    decisions.file(store, "T0TEST", record("Triage", ("U0BOB",), "C0OTHER"), flow_turn=1)
    decisions.note_posted(
        store, "T0TEST", record("x", ()).model_copy(update={"number": 1, "link": "https://l/1"})
    )
    view = _home(sim)
    mine, workspace = [b["text"]["text"] for b in view["blocks"] if "*Yours*" in
                       str(b.get("text")) or "*Across the workspace*" in str(b.get("text"))]  # fmt: skip
    assert "<https://l/1|ADR 0001> *Use RAG for wiki search*: wiki search · _2025-10-21_" in mine
    assert "triage" not in mine
    assert workspace.count(": triage ·") == 1  # two channels: neither supersedes the other
    assert workspace.count(": Triage ·") == 1
    assert "wiki search" in workspace
    assert "superseded" not in message_text(view)
    decisions.file(store, "T0TEST", record("wiki  SEARCH", ("U0BOB",), "C0TEST"), flow_turn=2)
    after = message_text(_home(sim))
    assert "ADR 0004 *Use RAG for wiki  SEARCH*: wiki  SEARCH · _2025-10-21_ · replaces ADR 0001" in (
        after
    )
    assert "ADR 0001" not in after.replace("replaces ADR 0001", "")
    assert "1 superseded by a later record are not shown" in after


@pytest.mark.parametrize("tab", ["messages", "about", None])
def test_home_is_published_only_for_the_home_tab(sim, requests_, slack_api, tab) -> None:
    event = {"type": "app_home_opened", "user": USER, "channel": DM, "tab": tab}
    if tab is None:
        del event["tab"]
    assert sim.send(requests_.event(event)).status == 200
    assert bool(slack_api.calls_to("views.publish")) is (tab is None)


def test_self_assessment_starts_in_the_dm(sim, slack_api) -> None:
    reply = sim.click_in_view(_home(sim), "Self-assessment")
    assert _methods(reply) == ["conversations.open", "chat.postMessage"]
    assert reply.message["channel"] == DM
    assert "Self-assessment: 1 of 5" in reply.message_text
    assert "Self-assessment: 2 of 5" in sim.click(reply.message, "assess.score.1").message_text


def test_learn_opens_a_modal_then_walks_in_the_dm(sim) -> None:
    reply = sim.click_in_view(_home(sim), "Should I learn this now?")
    modal = reply.view
    assert modal["callback_id"] == "learn.topic"
    done = sim.submit(modal, {TOPIC_INPUT: "  speculative decoding "})
    assert done.ack is None or done.ack.get("response_action") is None
    assert done.message["channel"] == DM
    assert "*Topic:* speculative decoding" in done.message_text
    assert "Relevance Filter" in done.message_text
    plan = sim.click(done.message, "No: not my domain")
    assert "Skip for now" in plan.message_text
    assert "@Tradeoffs" not in plan.message_text  # in a DM, examples need no mention


@pytest.mark.parametrize(("typed", "error"), [("   ", "Name a topic"), ("x" * 130, "under 120")])
def test_learn_modal_refuses_bad_topics(sim, typed: str, error: str) -> None:
    modal = sim.click_in_view(_home(sim), "Should I learn this now?").view
    done = sim.submit(modal, {TOPIC_INPUT: typed})
    assert done.ack["response_action"] == "errors"
    assert error in done.ack["errors"]["topic"]
    assert done.messages == []


def test_build_or_buy_starts_in_the_dm(sim) -> None:
    reply = sim.click_in_view(_home(sim), "Build or buy?")
    assert _methods(reply)[0] == "conversations.open"
    assert reply.message["channel"] == DM


def test_interview_prep_menu_in_the_dm(sim) -> None:
    reply = sim.click_in_view(_home(sim), "Interview prep")
    assert _methods(reply) == ["conversations.open", "chat.postMessage"]
    assert reply.message["channel"] == DM
    assert "Interview prep." in reply.message_text


def test_cost_opens_the_llmcost_form(sim) -> None:
    reply = sim.click_in_view(_home(sim), "Estimate LLM cost")
    assert _methods(reply) == ["views.open"]
    assert reply.view["type"] == "modal"
