"""The interviewer kit in the DM: a timed plan for 45 or 60 minutes, switchable in place, and
the Lead kit's strategy and organization probes."""

from __future__ import annotations

import re

import pytest

from bot.devtools.sim import buttons, message_text
from tests.support.prep import stored


def plan_minutes(message: dict) -> list[int]:
    plan = next(
        b["text"]["text"]
        for b in message["blocks"]
        if "Timed plan" in b.get("text", {}).get("text", "")
    )
    return [int(m) for m in re.findall(r"\((\d+) min\)", plan)]


@pytest.mark.parametrize(
    ("line", "minutes"),
    [
        ("kit senior", 60),
        ("kit senior 45", 45),
        ("interviewer kit lead 45 min", 45),
        ("kit staff 60", 60),
    ],
)
def test_a_kit_plans_minutes_that_add_up(sim, line: str, minutes: int) -> None:
    [kit] = sim.dm(line).messages
    assert f"· {minutes} min" in kit["text"]
    assert sum(plan_minutes(kit)) == minutes
    assert f"*Total: {minutes} min*" in message_text(kit)
    assert "Follow-ups:" in message_text(kit)


def test_switching_the_length_redraws_the_kit_in_place(sim) -> None:
    kit = sim.dm("kit mid").message
    shorter = sim.click(kit, "45-minute plan")
    [redrawn] = shorter.messages
    assert redrawn["replace_original"] is True
    assert sum(plan_minutes(redrawn)) == 45
    assert [b["text"]["text"] for b in buttons(redrawn)] == ["Scorecard", "60-minute plan"]
    assert sum(plan_minutes(sim.click(redrawn, "60-minute plan").message)) == 60


def test_a_kit_length_without_a_plan_says_which_exist(sim, store) -> None:
    reply = sim.dm("kit senior 30")
    assert "The kit has 45 and 60-minute plans, not 30. Try `kit senior 45`." in reply.message_text
    assert stored(store) is None
    forged = sim.click(
        sim.dm("kit senior").message, "45-minute plan", value="T0TEST|prep|U0ALICE|0|30"
    )
    assert "couldn't match that click" in forged.message_text


def test_the_lead_kit_has_a_strategy_and_organization_probe_set(sim) -> None:
    kit = sim.dm("kit lead").message
    text = message_text(kit)
    for name in (
        "AI strategy",
        "Building the team",
        "Prioritizing initiatives",
        "Cross-functional contracts",
    ):
        assert f"*Lead / Principal: {name}*" in text
    assert "12-month AI strategy" in text
    assert "Lead / Principal adds:" in text
    assert "AI strategy" not in message_text(sim.dm("kit staff").message)


def test_a_scorecard_from_the_kit_starts_for_that_level(sim, store) -> None:
    kit = sim.dm("kit staff 45").message
    started = sim.click(kit, "Scorecard")
    assert "Type the candidate's name" in started.message_text
    assert stored(store).value.level == "staff"
