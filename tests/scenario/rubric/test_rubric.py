"""/rubric end to end: signed slash commands and clicks into the real app."""

from __future__ import annotations

import pytest

from bot.deps import Deps
from bot.devtools.sim import buttons
from bot.features.rubric import payload as rubric_payload
from bot.texts import common
from tests.support.tables import table_rows


def test_a_level_is_answered_ephemerally_in_the_ack(sim) -> None:
    reply = sim.command("/rubric", "Senior")
    assert reply.status == 200
    assert reply.ack["response_type"] == "ephemeral"
    assert [c.method for c in reply.calls if c.method != "auth.test"] == []  # all in the ack
    text = reply.message_text
    assert "Hiring rubric: Senior (L5-equiv)" in text
    assert "Hybrid retrieval, rerank, citations" in text
    assert "What AI capability do you actively distrust?" in text
    assert "Has never operated a production service." in text


@pytest.mark.parametrize(
    ("args", "expected", "absent"),
    [
        ("L4 rag", "Chunk, embed, retrieve, augment prompt", "Explain transformers"),
        ("principal bvb", "Adds vendor risk, data sensitivity", "Explain transformers"),
        ("rag staff", "For comparison, the Mid bar: Chunk, embed", "Buzzwords only"),
        ("help", "/rubric senior rag", "Hiring rubric:"),
        ("l9", "I don't know the level or area `l9`. Levels: mid (L4), senior (L5)", "Probe"),
        ("junior rag", "I don't know the level `junior`. Levels: mid (L4)", "Probe"),
        ("vibes", "Areas: LLM fundamentals, Prompting &amp; orchestration, RAG", "Probe"),
        ("rag", "RAG across the levels", "Explain transformers"),
        ("pr", "could mean several areas", "Probe"),
        ("senior vibes", "I don't know the area `vibes`. Areas: LLM fundamentals", "Probe"),
        ("senior pr", "could mean several areas: Prompting &amp; orchestration, MLOps", "Probe"),
        # Slack sends "&" as "&amp;": the area's own name still finds it
        ("staff Communication &amp; collaboration", "8. Communication &amp; collaboration", "RAG"),
    ],
)
def test_arguments(sim, args: str, expected: str, absent: str) -> None:
    reply = sim.command("/rubric", args)
    assert reply.ack["response_type"] == "ephemeral"
    assert expected in reply.message_text
    assert absent not in reply.message_text


def test_no_level_offers_buttons_and_a_click_shows_that_level_in_place(sim) -> None:
    reply = sim.command("/rubric", "")
    assert [b["text"]["text"] for b in buttons(reply.message)] == [
        "Mid",
        "Senior",
        "Staff",
        "Lead / Principal",
    ]
    clicked = sim.click(reply.message, "Staff", user="U0BOB")
    [call] = clicked.calls
    assert call.method == "response_url"
    assert call.args["replace_original"] is True
    assert "Hiring rubric: Staff (L6-equiv)" in clicked.message_text


def test_a_forged_level_value_is_refused(sim) -> None:
    reply = sim.command("/rubric", "")
    clicked = sim.click(reply.message, "Mid", value="intern")
    assert clicked.message["replace_original"] is False
    assert clicked.message_text == common.BAD_PAYLOAD


def test_rubric_payload_for_mentions(app_settings, store, knowledge) -> None:
    deps = Deps(settings=app_settings, store=store, knowledge=knowledge)
    assert "Hiring rubric: Lead / Principal" in str(rubric_payload("lead", deps)["blocks"])
    assert "`junior`" in rubric_payload("junior", deps)["text"]
    assert "Evals across the levels" in str(rubric_payload("evals", deps)["blocks"])
    assert len(rubric_payload("", deps)["blocks"]) == 2


@pytest.mark.parametrize(
    ("ask", "private"),
    [
        (lambda sim: sim.command("/rubric", "senior"), True),
        (lambda sim: sim.dm("rubric senior"), True),
        (lambda sim: sim.mention("rubric senior", thread_ts="1700000000.000100"), False),
        (lambda sim: sim.click(sim.command("/rubric", "").message, "Senior"), True),
        (lambda sim: sim.click(sim.mention("rubric", thread_ts="1.2").message, "Senior"), False),
    ],
    ids=["command", "dm", "thread", "command button", "thread button"],
)
def test_only_you_is_said_only_where_it_is_true(sim, ask, private: bool) -> None:
    text = ask(sim).message_text
    assert "Hiring rubric: Senior (L5-equiv)" in text
    assert "`/rubric senior rag` narrows to one area" in text
    assert ("Only you can see this." in text) is private


def test_an_area_across_the_four_levels_side_by_side(sim, knowledge) -> None:
    reply = sim.command("/rubric", "RAG")
    assert reply.ack["response_type"] == "ephemeral"
    _, *rows = table_rows(reply.message)
    rag = knowledge.rubric.area("rag")
    assert [r[0] for r in rows] == ["Mid", "Senior", "Staff", "Lead / Principal"]
    assert rows[0][2] == rag.mid_bar
    assert all(r[2] == rag.senior_lead_bar for r in rows[1:])
    adds = [r[3] for r in rows]
    assert "Staff:" in adds[2]
    assert "Staff:" in adds[3]
    assert "Lead / Principal:" in adds[3]
    assert "Lead / Principal:" not in adds[2]
    assert "written for Tradeoffs" in reply.message_text


def test_staff_and_lead_are_no_longer_senior_with_a_new_header(sim) -> None:
    senior, staff, lead = (
        sim.command("/rubric", lv).message_text for lv in ("senior", "staff", "lead")
    )
    assert "Staff adds" not in senior
    assert staff.count("Staff adds") == 8
    assert "Lead / Principal adds" not in staff
    assert lead.count("Lead / Principal adds") == 8
    assert "strategy and organization" in lead
    assert "Building the team" in lead
    assert "strategy and organization" not in staff
