"""The interviewer kit's timed plan: whole minutes that add up to the interview's length."""

from __future__ import annotations

import pytest

from bot.domain.knowledge.rubric import Rubric
from bot.domain.prep.kit import KitLengthError, _largest_remainder, lengths, plan
from bot.knowledge_loader import KNOWLEDGE_DIR, load_knowledge

RUBRIC: Rubric = load_knowledge(KNOWLEDGE_DIR).rubric
LEVELS = [level.id for level in RUBRIC.levels]


def test_the_kit_has_45_and_60_minute_plans() -> None:
    assert lengths(RUBRIC) == (45, 60)


@pytest.mark.parametrize("minutes", [45, 60])
@pytest.mark.parametrize("level_id", LEVELS)
def test_minutes_add_up_to_the_interview(level_id: str, minutes: int) -> None:
    level = RUBRIC.level(level_id)
    assert level is not None
    kit = plan(RUBRIC, level, minutes)
    assert kit.total == minutes == sum(slot.minutes for slot in kit.slots)
    areas = [slot for slot in kit.slots if slot.kind == "area"]
    assert [slot.id for slot in areas] == [area.id for area in RUBRIC.areas]
    assert all(slot.minutes >= 2 for slot in kit.slots if slot.kind in ("area", "probe"))
    assert [slot.id for slot in kit.slots if slot.kind == "probe"] == [p.id for p in level.probes]
    critical = set(RUBRIC.critical_for(level))
    assert {slot.id for slot in areas if slot.critical} == critical
    assert min(s.minutes for s in areas if s.critical) >= max(
        s.minutes for s in areas if not s.critical
    )


def test_lead_gets_the_strategy_probes_and_the_default_is_60() -> None:
    lead = RUBRIC.level("lead")
    assert lead is not None
    kit = plan(RUBRIC, lead)
    assert kit.minutes == 60
    assert [s.id for s in kit.slots if s.kind == "probe"] == [
        "strategy", "team_shape", "prioritizing", "contracts",
    ]  # fmt: skip


@pytest.mark.parametrize("minutes", [30, 0, 90])
def test_other_lengths_are_refused(minutes: int) -> None:
    mid = RUBRIC.level("mid")
    assert mid is not None
    with pytest.raises(KitLengthError) as caught:
        plan(RUBRIC, mid, minutes)
    assert caught.value.details == {"minutes": minutes, "choices": (45, 60)}


@pytest.mark.parametrize(
    ("total", "weights"), [(35, [2, 3, 3]), (1, [1, 1, 1]), (45, [2] * 8 + [3] * 4), (10, [7])]
)
def test_largest_remainder_adds_up(total: int, weights: list[int]) -> None:
    shares = _largest_remainder(total, weights)
    assert sum(shares) == total
    assert all(abs(s - total * w / sum(weights)) < 1 for s, w in zip(shares, weights, strict=True))
