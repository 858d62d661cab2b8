"""Rendering a decision record: the ADR in Slack (Accepted, Superseded), its reminder."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from bot.blocks import decisions as blocks
from bot.blocks.clicks import decode
from bot.devtools.blockkit import assert_valid_message
from bot.devtools.sim import buttons, message_text
from bot.domain import buildvsbuy as bvb
from tests.support.decisions import record


def test_the_record_is_an_adr_with_every_part() -> None:
    payload = blocks.record_message(record(), "T1")
    assert_valid_message(payload)
    text = message_text(payload)
    for part in (
        "ADR 0003: contract review", "*Status:* Accepted", "*Date:* 2025-03-04",
        "*Owner:* <@U0>", "*Revisit:* 2025-06-02", "*Context*", "*Decision*",
        "We will go with *RAG*.", "*Consequences*", "_What we gain:_",
        "• Answers can cite their sources.", "*Alternatives considered*",
        "• *Prompting* was ruled out. A prompt alone does not meet the quality bar.",
        "*Next step*", "*Participants:* <@U0>, <@U1>, <@U5>",
        "• A prompt alone does not meet the quality bar. <@U1> answered *No* to "
        "_Can prompting alone solve it?_",
    ):  # fmt: skip
        assert part in text, part
    assert "*Cost estimate*" not in text
    export, owner = buttons(payload)
    assert [export["text"]["text"], owner["text"]["text"]] == ["Export Markdown", "Change owner"]
    click = decode(export["value"], team="T1", kind="adr")
    assert (click.id, click.arg) == ("3", "export")
    assert decode(owner["value"], team="T1", kind="adr").arg == "owner"


def test_the_owner_form_starts_on_the_current_owner() -> None:
    from bot.devtools.blockkit import assert_valid_view

    modal = blocks.owner_modal(record(owner="U9"), "T1|adr|3|0|owner")
    assert_valid_view(modal)
    assert modal["blocks"][1]["element"]["initial_user"] == "U9"
    assert modal["private_metadata"] == "T1|adr|3|0|owner"


def test_a_vote_record_lists_every_vote_and_the_tie_breaker() -> None:
    text = message_text(blocks.record_message(record(vote=True), "T1"))
    assert (
        "The vote on _Can prompting alone solve it?_ was tied 1 to 1, and <@U0> broke the tie "
        "for *No*: Yes <@U2>; No <@U0>." in text
    )
    assert "*Decided by vote:*" in text


def test_a_record_with_a_cost_estimate_shows_it() -> None:
    cost = bvb.CostNote(
        args="model=gpt-4o in=2000 out=500 qps=3", model="GPT-4o", per_month=Decimal("77760"),
        prices="genai-prices 0.2.3 (offline data)", by="U2", on=date(2025, 3, 4),
    )  # fmt: skip
    text = message_text(blocks.record_message(record(cost=cost), "T1"))
    assert "<@U2> estimated $77,760.00 a month on GPT-4o on 2025-03-04" in text
    assert "`/llmcost model=gpt-4o in=2000 out=500 qps=3`" in text


def test_a_superseded_record_says_by_which_with_a_link() -> None:
    old = record(status="Superseded", superseded_by=4, superseded_link="https://x.example/p4")
    payload = blocks.record_message(old, "T1")
    assert_valid_message(payload)
    text = message_text(payload)
    assert "*Status:* Superseded by <https://x.example/p4|ADR 0004>" in text
    assert "Accepted" not in text
    no_link = message_text(blocks.record_message(old.model_copy(update={"superseded_link": None}), "T1"))
    assert "*Status:* Superseded by ADR 0004" in no_link


def test_typed_text_cannot_mention_and_huge_records_stay_valid() -> None:
    huge = record(topic="<!channel> " + "x" * 139, participants=tuple(f"U{i}" for i in range(40)))
    payload = blocks.record_message(huge, "T1")
    assert_valid_message(payload)
    assert "<!channel>" not in payload["text"]
    assert "+20" in message_text(payload)


def test_the_reminder_carries_the_cost_button() -> None:
    payload = blocks.reminder_message(record(), "T1")
    assert_valid_message(payload)
    assert "Time to revisit ADR 0003: contract review" in message_text(payload)
    [rerun] = buttons(payload)
    assert rerun["text"]["text"] == "Re-run the cost estimate"
    assert decode(rerun["value"], team="T1", kind="adr").arg == "cost"
