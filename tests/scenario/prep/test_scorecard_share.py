"""The candidate scorecard: the stated rule applied (a critical Red blocks Hire), then Share
(a modal picking a channel or a person) and Export (a Markdown file)."""

from __future__ import annotations

import pytest

from bot.devtools.sim import buttons, message_text
from bot.state import Key
from bot.texts import common
from bot.texts import prep as texts
from tests.support.prep import ALICE, BOB, card, kept, stored
from tests.support.tables import table_rows

SEVEN_GREEN = ["green"] * 7


def score(sim, level: str, ratings: list[str], note_on: int | None = None, name: str = "Ada"):
    """A full scorecard in the DM; returns the reply holding the summary."""
    reply = sim.dm(f"scorecard {level} {name}")
    for index, rating in enumerate(ratings):
        if index == note_on:
            sim.dm("strong on evals, weak on drift")
        reply = sim.click(card(reply), rating.title())
    return reply


def summary(reply) -> dict:
    [found] = [m for m in reply.messages if m["text"].startswith("Scorecard for")]
    return found


@pytest.mark.parametrize(
    ("level", "red_at", "outcome", "blocked"),
    [
        ("senior", 4, "No hire", "Evals"),  # Evals: critical at every level
        ("mid", 6, "No hire", "Judgment / build-vs-buy"),  # Judgment: critical at every level
        ("senior", 5, "No hire", "MLOps / production"),  # critical at Senior
        (
            "mid",
            3,
            "No hire",
            "Agents",
        ),  # critical at Mid (the "Hire with a Red in Agents")
        ("senior", 3, "Hire", None),  # Agents is not critical at Senior
        ("lead", 0, "Hire", None),
    ],
)
def test_a_critical_red_blocks_hire(sim, store, level, red_at, outcome, blocked) -> None:
    ratings = [*SEVEN_GREEN[:red_at], "red", *SEVEN_GREEN[red_at:]]
    shown = message_text(summary(score(sim, level, ratings)))
    assert f"*Recommendation: {outcome}*" in shown
    assert "7 Green · 0 Mixed · 1 Red" in shown
    assert "blocks Hire: the best it can get is No hire" in shown  # the rule, stated
    if blocked:
        assert f"Hire is blocked by a Red in {blocked.replace('&', '&amp;')} (critical)" in shown
        assert "the counts alone gave Hire" in shown
    else:
        assert "Hire is blocked" not in shown
    assert stored(store) is None


def finished(sim, store) -> tuple[dict, str]:
    reply = score(
        sim,
        "senior",
        ["green", "green", "mixed", "green", "red", "green", "green", "green"],
        note_on=4,
    )
    message = summary(reply)
    flow_ref = next(b["value"] for b in buttons(message) if b["action_id"] == "prep.share")
    return message, flow_ref.split("|")[2]


def test_share_to_a_channel(sim, store, slack_api) -> None:
    message, ref_id = finished(sim, store)
    assert kept(store, ref_id) is not None
    opened = sim.click(message, "Share…")
    [view] = opened.views
    assert view["callback_id"] == "prep.share"
    kinds = [b["element"]["type"] for b in view["blocks"] if b["type"] == "input"]
    assert kinds == ["conversations_select", "users_select"]
    done = sim.submit(view, {"channel": "C0HIRING"})
    assert done.ack is None or "response_action" not in done.ack
    [posted] = [m for m in done.messages if m["_where"]["channel"] == "C0HIRING"]
    shared = message_text(posted)
    assert "*Recommendation: No hire*" in shared
    assert any(r[2] == "strong on evals, weak on drift" for r in table_rows(posted))
    assert f"Shared by <@{ALICE}>." in shared
    assert buttons(posted) == []
    [told] = [m for m in done.messages if m["_where"]["channel"] == "D0ALICE"]
    assert "Shared the scorecard in <#C0HIRING>." in message_text(told)


def test_the_share_modal_shows_the_candidate_as_typed(sim, store) -> None:
    reply = score(sim, "mid", ["green"] * 8, name="<Ann & Bo>")
    view = sim.click(summary(reply), "Share…").view
    assert "*Scorecard: &lt;Ann &amp; Bo&gt; · Mid (L4-equiv)*" in view["blocks"][0]["text"]["text"]


def test_share_to_a_person_goes_to_their_dm(sim, store, slack_api) -> None:
    message, _ = finished(sim, store)
    view = sim.click(message, "Share…").view
    done = sim.submit(view, {"person": BOB})
    assert [c.args["users"] for c in slack_api.calls_to("conversations.open")][:1] == [BOB]
    assert any(
        m["_where"]["channel"] == "D0BOB" and "Scorecard: Ada" in message_text(m)
        for m in done.messages
    )


@pytest.mark.parametrize(
    ("answers", "fault", "problem"),
    [
        ({}, None, texts.SHARE_PICK_ONE),
        ({"channel": "C0HIRING", "person": BOB}, None, texts.SHARE_BOTH),
        ({"channel": "C0SECRET"}, "not_in_channel", texts.SHARE_NOT_IN_CHANNEL),
        ({"channel": "C0HIRING"}, "msg_too_long", texts.SHARE_FAILED),
    ],
    ids=["nothing", "both", "not in channel", "post failed"],
)
def test_a_share_that_cannot_go_keeps_the_modal_open(
    sim, store, slack_api, answers, fault, problem
) -> None:
    message, _ = finished(sim, store)
    view = sim.click(message, "Share…").view
    if fault:
        slack_api.fail_next("chat.postMessage", fault)
    posts = len(slack_api.calls_to("chat.postMessage"))
    done = sim.submit(view, answers)
    assert done.ack["response_action"] == "errors"
    assert list(done.ack["errors"].values()) == [problem]
    tried = slack_api.calls_to("chat.postMessage")[posts:]
    assert all(not (c.response or {}).get("ok") for c in tried)  # nothing was posted


def test_only_the_owner_may_share_or_export(sim, store, slack_api) -> None:
    message, _ = finished(sim, store)
    uploads = len(slack_api.uploaded())  # the fake keeps its files between tests
    assert sim.click(message, "Share…", user=BOB).message_text == common.NOT_YOURS
    assert sim.click(message, "Export Markdown", user=BOB).message_text == common.NOT_YOURS
    view = sim.click(message, "Share…").view
    refused = sim.submit(view, {"channel": "C0HIRING"}, user=BOB)
    assert refused.ack["response_action"] == "errors"
    forged = sim.submit({**view, "private_metadata": "T0TEST|prep|nope"}, {"channel": "C0HIRING"})
    assert forged.messages == []
    assert "couldn't match" in str(forged.ack["errors"])
    assert len(slack_api.uploaded()) == uploads


def test_export_uploads_the_scorecard_as_markdown(sim, store, slack_api) -> None:
    message, _ = finished(sim, store)
    uploads = len(slack_api.uploaded())  # the fake keeps its files between tests
    sim.click(message, "Export Markdown")
    [upload] = slack_api.uploaded()[uploads:]
    assert upload.channel == "D0ALICE"
    assert upload.filename == "scorecard-ada-senior.md"
    assert upload.title == "Scorecard: Ada · Senior (L5-equiv)"
    text = upload.text
    assert text.startswith("# Scorecard: Ada · Senior (L5-equiv)\n")
    assert "*Recommendation: No hire*" in text
    assert "Hire is blocked by a Red in Evals" in text
    assert "### Evals: Red" in text
    assert "> strong on evals, weak on drift" in text


def test_practice_answers_are_in_the_export(sim, store, slack_api) -> None:
    sim.dm("practice senior rag")
    rated = sim.click(card(sim.dm("hybrid search & rerank")), "Green")
    uploads = len(slack_api.uploaded())
    sim.click(rated.message, "Export Markdown")
    [upload] = slack_api.uploaded()[uploads:]
    assert upload.filename == "practice-senior.md"
    assert "### RAG: Green" in upload.text
    assert "> hybrid search & rerank" in upload.text  # Markdown, not mrkdwn: typed as typed
    assert "- [ ] Hybrid retrieval and reranking" in upload.text


def test_share_after_the_scorecard_expired(sim, store) -> None:
    message, ref_id = finished(sim, store)
    store.delete(key=Key("T0TEST", "flow", f"prep:{ref_id}"))
    assert sim.click(message, "Share…").message_text == texts.SHARE_GONE
