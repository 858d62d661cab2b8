"""The rubric as Block Kit: every level and every area within Slack's limits, right bars."""

from __future__ import annotations

import itertools

import pytest

from bot.blocks.common import escape
from bot.blocks.rubric import (
    across_levels_message,
    area_text,
    choose_level_message,
    help_message,
    level_blocks,
    rubric_message,
    short_label,
)
from bot.devtools.blockkit import assert_valid_message
from bot.devtools.sim import buttons, message_text
from bot.domain.knowledge.registry import Knowledge
from bot.knowledge_loader import KNOWLEDGE_DIR, load_knowledge
from tests.support.tables import table_rows

KNOWLEDGE: Knowledge = load_knowledge(KNOWLEDGE_DIR)
RUBRIC = KNOWLEDGE.rubric
LEVELS = [level.id for level in RUBRIC.levels]
AREAS = [area.id for area in RUBRIC.areas]


def _within_limits(payload: dict) -> None:
    assert_valid_message(payload)
    assert len(payload["blocks"]) <= 50
    for block in payload["blocks"]:
        if block["type"] == "section" and "text" in block:
            assert len(block["text"]["text"]) <= 3000
            assert not block["text"]["text"].endswith("…")  # nothing was cut


@pytest.mark.parametrize("level_id", LEVELS)
def test_a_whole_level(level_id: str) -> None:
    level = RUBRIC.level(level_id)
    payload = rubric_message(RUBRIC, level)
    _within_limits(payload)
    text = message_text(payload)
    assert level.years in text
    assert level.headline in text
    for area in RUBRIC.areas:
        assert area.bar_for(level) in text
        assert area.probe in text
        assert area.green in text
    other = "senior_lead_bar" if level.bar == "mid" else "mid_bar"
    assert [a.id for a in RUBRIC.areas if getattr(a, other) in text] == []
    for question in RUBRIC.calibration_questions + RUBRIC.anti_patterns:
        assert question in text
    assert len(payload["blocks"]) == (16 if level.probes else 15)
    for area in RUBRIC.areas:
        for _, adds in area.adds_for(level):
            assert all(escape(item) in text for item in adds.adds)


@pytest.mark.parametrize("level_id", LEVELS)
@pytest.mark.parametrize("area_id", AREAS)
def test_one_area(level_id: str, area_id: str) -> None:
    level, area = RUBRIC.level(level_id), RUBRIC.area(area_id)
    payload = rubric_message(RUBRIC, level, area)
    _within_limits(payload)
    text = message_text(payload)
    assert area.bar_for(level) in text
    assert area.red in text
    others = [a.probe for a in RUBRIC.areas if a.id != area_id]
    assert [p for p in others if p in text] == []


def test_mrkdwn_is_escaped() -> None:
    text = message_text(rubric_message(RUBRIC, RUBRIC.level("mid")))
    assert "Prompting &amp; orchestration" in text
    assert "Prompting & orchestration" not in text


def test_chooser_offers_every_level_once() -> None:
    payload = choose_level_message(RUBRIC)
    _within_limits(payload)
    found = [(b["text"]["text"], b["action_id"], b["value"]) for b in buttons(payload)]
    assert found == [
        ("Mid", "rubric.level.mid", "mid"),
        ("Senior", "rubric.level.senior", "senior"),
        ("Staff", "rubric.level.staff", "staff"),
        ("Lead / Principal", "rubric.level.lead", "lead"),
    ]


def test_help() -> None:
    payload = help_message()
    _within_limits(payload)
    assert "/rubric senior rag" in message_text(payload)


def test_level_blocks_title() -> None:
    blocks = level_blocks(RUBRIC, RUBRIC.level("staff"), title="Kit: {label}")
    assert blocks[0]["text"]["text"] == "Kit: Staff (L6-equiv)"


@pytest.mark.parametrize("area_id", AREAS)
@pytest.mark.parametrize(("lower", "upper"), list(itertools.pairwise(LEVELS)))
def test_each_level_differs_from_its_neighbours_in_every_area(
    area_id: str, lower: str, upper: str
) -> None:
    area = RUBRIC.area(area_id)
    below, above = (area_text(area, RUBRIC.level(lv)) for lv in (lower, upper))
    assert below != above
    assert set(area.checks_for(RUBRIC.level(lower))) != set(area.checks_for(RUBRIC.level(upper)))


@pytest.mark.parametrize("area_id", AREAS)
def test_an_area_across_the_levels(area_id: str) -> None:
    area = RUBRIC.area(area_id)
    payload = across_levels_message(RUBRIC, area)
    _within_limits(payload)
    header, *rows = table_rows(payload)
    assert header == ["Level", "Years", "The bar", "What the level adds"]
    assert [r[0] for r in rows] == [short_label(level) for level in RUBRIC.levels]
    assert rows[0][2] == area.mid_bar  # the framework's words, unescaped in raw_text cells
    assert all(r[2] == area.senior_lead_bar for r in rows[1:])
    assert len({tuple(r) for r in rows}) == len(rows)  # every level reads differently
    assert escape(area.probe) in message_text(payload)
    assert area.mid_bar in payload["text"]  # the fallback carries the table too


def test_the_framework_bars_shown_are_the_knowledge_words_unchanged() -> None:
    text = message_text(rubric_message(RUBRIC, RUBRIC.level("lead"), RUBRIC.area("agents")))
    assert (
        "*Senior / Lead bar:* Iteration caps, planner/executor, idempotency, escalation, "
        "when not to use agents"
    ) in text
