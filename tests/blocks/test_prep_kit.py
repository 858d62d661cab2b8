"""The interviewer kit as Block Kit: a timed plan whose minutes add up, and per area the probe,
two follow-ups, what a strong answer holds at the level and the red flags."""

from __future__ import annotations

import itertools
import re

import pytest

from bot.blocks.common import escape
from bot.blocks.prep import menu_ref
from bot.blocks.prep_kit import kit_message
from bot.devtools.blockkit import assert_valid_message
from bot.devtools.sim import buttons, message_text
from bot.domain.knowledge.rubric import Rubric
from bot.domain.prep.kit import KitLengthError
from bot.knowledge_loader import KNOWLEDGE_DIR, load_knowledge

RUBRIC: Rubric = load_knowledge(KNOWLEDGE_DIR).rubric
LEVELS = [level.id for level in RUBRIC.levels]
REF = menu_ref("T0TEST", "U1")


def _sections(payload: dict) -> list[str]:
    return [b["text"]["text"] for b in payload["blocks"] if b["type"] == "section"]


@pytest.mark.parametrize("minutes", [45, 60])
@pytest.mark.parametrize("level_id", LEVELS)
def test_a_kit_for_each_level_and_length(level_id: str, minutes: int) -> None:
    level = RUBRIC.level(level_id)
    payload = kit_message(RUBRIC, level, REF, minutes)
    assert_valid_message(payload)
    assert len(payload["blocks"]) <= 50
    assert all(len(text) <= 3000 and not text.endswith("…") for text in _sections(payload))
    text = message_text(payload)
    assert f"Interviewer kit: {level.label} · {minutes} min" in text
    plan = _sections(payload)[1]
    spans = [
        (int(a), int(b), int(m)) for a, b, m in re.findall(r"`(\d+)–(\d+)` .*?\((\d+) min\)", plan)
    ]
    assert spans[0][0] == 0
    assert spans[-1][1] == minutes
    assert all(end - start == m for start, end, m in spans)
    assert all(spans[i][1] == spans[i + 1][0] for i in range(len(spans) - 1))
    assert f"*Total: {minutes} min*" in plan
    for area in RUBRIC.areas:
        [card] = [
            s for s in _sections(payload) if s.startswith(f"*{RUBRIC.areas.index(area) + 1}. ")
        ]
        assert escape(area.probe) in card
        assert all(escape(q) in card for q in area.added.follow_ups)
        assert escape(area.bar_for(level)) in card
        assert all(escape(item) in card for _, adds in area.adds_for(level) for item in adds.adds)
        assert all(escape(flag) in card for flag in area.red_flags_for(level))
        assert f"A strong {level.label.split(' (')[0]} answer holds" in card
    assert all(q in text for q in RUBRIC.calibration_questions)
    labels = [(b["action_id"], b["value"]) for b in buttons(payload)]
    other = 60 if minutes == 45 else 45
    assert labels == [
        (f"prep.scorecard.{level_id}", "T0TEST|prep|U1|0|scorecard"),
        (f"prep.kit.{level_id}", f"T0TEST|prep|U1|0|{other}"),
    ]


def test_only_the_lead_kit_asks_about_strategy_and_organization() -> None:
    lead = message_text(kit_message(RUBRIC, RUBRIC.level("lead"), REF))
    staff = message_text(kit_message(RUBRIC, RUBRIC.level("staff"), REF))
    for probe in RUBRIC.level("lead").probes:
        assert f"Lead / Principal: {probe.name}" in lead
        assert escape(probe.follow_ups[0]) in lead
        assert escape(probe.red_flags[0]) in lead
        assert probe.name not in staff


def test_each_levels_kit_differs_from_its_neighbours_in_every_area() -> None:
    cards = {
        lv: [
            s
            for s in _sections(kit_message(RUBRIC, RUBRIC.level(lv), REF))
            if re.match(r"\*\d\. ", s)
        ]
        for lv in LEVELS
    }
    for lower, upper in itertools.pairwise(LEVELS):
        strip = lambda s: re.sub(r"· \d+ min( :warning:)?|Mid|Senior|Staff|Lead / Principal", "", s)  # noqa: E731
        assert all(strip(a) != strip(b) for a, b in zip(cards[lower], cards[upper], strict=True))


def test_an_unknown_length_is_refused() -> None:
    with pytest.raises(KitLengthError):
        kit_message(RUBRIC, RUBRIC.level("mid"), REF, 30)
