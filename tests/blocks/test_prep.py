"""Prep cards, kits and scorecards as Block Kit: within limits for every level, even with
long, hostile user text; the stated rule; weakest areas first."""

from __future__ import annotations

import pytest

from bot.blocks import prep as blocks
from bot.blocks import prep_end
from bot.devtools.blockkit import assert_valid_message
from bot.devtools.sim import buttons, message_text
from bot.domain import prep
from bot.domain.knowledge import Knowledge
from bot.knowledge_loader import KNOWLEDGE_DIR, load_knowledge

KNOWLEDGE: Knowledge = load_knowledge(KNOWLEDGE_DIR)
RUBRIC = KNOWLEDGE.rubric
LEVELS = [level.id for level in RUBRIC.levels]
AREAS = tuple(area.id for area in RUBRIC.areas)
HOSTILE = "<!channel> & *bold* `code`\n> quote\n" * 200


def _within_limits(payload: dict) -> None:
    assert_valid_message(payload)
    assert len(payload["blocks"]) <= 50
    for block in payload["blocks"]:
        if block["type"] == "section":
            assert len(block["text"]["text"]) <= 3000


def session(mode: str = "practice", level: str = "senior", **changes: object) -> prep.PrepSession:
    new = prep.start(
        mode=mode, sid="abc", owner="U1", level=level, areas=AREAS, candidate="Jane <Doe>"
    )  # type: ignore[arg-type]
    return new.model_copy(update=changes)


def finished(mode: str, ratings: list[str | None], note: str = "") -> prep.PrepSession:
    results = tuple(
        prep.AreaResult(area=a, rating=r, skipped=r is None, note=note, answer=HOSTILE)  # type: ignore[arg-type]
        for a, r in zip(AREAS, ratings, strict=True)
    )
    return session(mode, results=results, index=len(AREAS))


@pytest.mark.parametrize("level_id", LEVELS)
def test_kit_for_each_level(level_id: str) -> None:
    level = RUBRIC.level(level_id)
    payload = blocks.kit_message(RUBRIC, level, "U1")
    _within_limits(payload)
    text = message_text(payload)
    assert f"Interviewer kit: {level.label}" in text
    assert all(area.bar_for(level) in text for area in RUBRIC.areas)
    assert all(q in text for q in RUBRIC.calibration_questions + RUBRIC.anti_patterns)
    [start] = buttons(payload)
    assert (start["action_id"], start["value"]) == (f"prep.scorecard.{level_id}", "U1||0|scorecard")


def test_menu_and_chooser_carry_the_owner() -> None:
    menu = blocks.menu_message("U1")
    _within_limits(menu)
    assert [b["action_id"] for b in buttons(menu)] == [
        "prep.menu.practice",
        "prep.menu.kit",
        "prep.menu.scorecard",
    ]
    assert {b["value"].split("|")[0] for b in buttons(menu)} == {"U1"}
    chooser = blocks.choose_level_message(RUBRIC, "U1", "kit")
    _within_limits(chooser)
    assert [b["action_id"] for b in buttons(chooser)] == [f"prep.start.{lv}" for lv in LEVELS]


@pytest.mark.parametrize("level_id", LEVELS)
@pytest.mark.parametrize(
    ("mode", "step", "labels"),
    [
        ("practice", "answer", ["Skip", "Stop"]),
        ("practice", "rate", ["Green", "Mixed", "Red", "Skip", "Stop"]),
        ("scorecard", "rate", ["Green", "Mixed", "Red", "Skip", "Stop"]),
        ("scorecard", "name", ["Stop"]),
    ],
)
def test_step_cards(level_id: str, mode: str, step: str, labels: list[str]) -> None:
    current = session(mode, level_id, step=step, index=7, seq=4)
    current = current.model_copy(
        update={"results": tuple(r.model_copy(update={"answer": HOSTILE}) for r in current.results)}
    )
    payload = blocks.step_message(current, RUBRIC)
    _within_limits(payload)
    assert [b["text"]["text"] for b in buttons(payload)] == labels
    assert {b["value"] for b in buttons(payload)} == {"U1|abc|4|"}
    text = message_text(payload)
    assert "<!channel>" not in text  # user text never pings a channel
    if step != "name":
        assert "Area 8 of 8: Communication &amp; collaboration" in text
    frozen = blocks.frozen_step(current, RUBRIC, blocks.rated_mark("green"))
    _within_limits(frozen)
    assert buttons(frozen) == []


def test_practice_scorecard_weakest_first_with_what_to_practise() -> None:
    ratings = ["green", "mixed", "red", None, "green", "red", "mixed", "green"]
    payload = prep_end.practice_scorecard(
        finished("practice", ratings, note=HOSTILE), RUBRIC, KNOWLEDGE.frameworks.answer_templates
    )
    _within_limits(payload)
    text = message_text(payload)
    order = [
        text.index(f"*{n}*:")
        for n in (
            "RAG",
            "MLOps / production",
            "Prompting &amp; orchestration",
            "Judgment / build-vs-buy",
            "Agents",
            "LLM fundamentals",
        )
    ]
    assert order == sorted(order)
    assert "3 Green · 2 Mixed · 2 Red · 1 not rated" in text
    practise = text[text.index("What to practise next") :]
    assert "Aim for the Senior / Lead bar: Hybrid retrieval" in practise
    assert practise.index("*RAG* (Red)") < practise.index("*MLOps / production* (Red)")
    assert "Build-vs-buy" in text
    assert "Team design" in text


@pytest.mark.parametrize(
    ("level", "expected"),
    [("mid", "Try the next level up: `practice senior`"), ("lead", "the top level")],
)
def test_all_green_suggests_the_next_level(level: str, expected: str) -> None:
    done = finished("practice", ["green"] * 8).model_copy(update={"level": level})
    assert expected in message_text(prep_end.practice_scorecard(done, RUBRIC, ()))


def test_rule_is_stated_from_the_yaml() -> None:
    assert prep_end.rule_text(RUBRIC.recommendation) == (
        "Rule, first match wins, counting rated areas only: Strong hire: no Red and at least "
        "6 Green; Hire: at most 1 Red and at least 4 Green; No hire: at most 3 Red; "
        "Strong no hire: otherwise. Fewer than 6 rated areas: no recommendation."
    )
    assert "No recommendation rule" in prep_end.rule_text(None)


@pytest.mark.parametrize(
    ("ratings", "outcome"),
    [
        (["green"] * 6 + ["mixed"] * 2, "Strong hire"),
        (["green"] * 4 + ["mixed"] * 3 + ["red"], "Hire"),
        (["green"] * 3 + ["mixed"] * 5, "No hire"),
        (["red"] * 4 + ["mixed"] * 4, "Strong no hire"),
        (["green"] * 5 + [None] * 3, "None yet"),
    ],
)
def test_scorecard_summary(ratings: list[str | None], outcome: str) -> None:
    payload = prep_end.scorecard_summary(finished("scorecard", ratings, note=HOSTILE), RUBRIC)
    _within_limits(payload)
    text = message_text(payload)
    assert f"*Recommendation: {outcome}*" in text
    assert "Rule, first match wins" in text
    assert payload["blocks"][0]["text"]["text"] == "Scorecard: Jane <Doe> · Senior (L5-equiv)"
    if outcome == "None yet":
        assert "Rate at least 6 areas" in text
