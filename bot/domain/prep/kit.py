"""The interviewer kit's timed plan: whole minutes per part that add up to the interview.

The opening, the calibration questions and the close take the minutes the kit's length fixes
(``knowledge/rubric.yaml`` ``kit``); the rest is shared by the 8 areas and the level's extra
probes by weight (an area the level marks critical weighs more), rounded by largest remainder
so the parts always add up to the length exactly.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from bot.domain.knowledge.rubric import Level, Rubric
from bot.errors import CodedError

SlotKind = Literal["opening", "area", "probe", "calibration", "closing"]


class KitLengthError(CodedError):
    """A kit length the knowledge has no plan for (``minutes``, ``choices``)."""

    topic = "prep"


@dataclass(frozen=True)
class Slot:
    kind: SlotKind
    id: str  # the area or probe id; the kind again for the fixed parts
    minutes: int
    critical: bool = False


@dataclass(frozen=True)
class KitPlan:
    minutes: int
    slots: tuple[Slot, ...]

    @property
    def total(self) -> int:
        return sum(slot.minutes for slot in self.slots)

    def minutes_for(self, slot_id: str) -> int:
        return next(slot.minutes for slot in self.slots if slot.id == slot_id)


def lengths(rubric: Rubric) -> tuple[int, ...]:
    return tuple(length.minutes for length in rubric.kit.lengths)


def plan(rubric: Rubric, level: Level, minutes: int | None = None) -> KitPlan:
    """The plan for ``level`` in a ``minutes``-long interview (the kit's default length when
    None); KitLengthError for a length the kit has no plan for."""
    wanted = rubric.kit.default_minutes if minutes is None else minutes
    length = rubric.kit.length(wanted)
    if length is None:
        raise KitLengthError("unknown_length", minutes=wanted, choices=lengths(rubric))
    weights, critical = rubric.kit.weights, set(rubric.critical_for(level))
    shared: list[tuple[SlotKind, str, int]] = [
        ("area", a.id, weights.critical if a.id in critical else weights.area) for a in rubric.areas
    ]
    shared += [("probe", p.id, weights.probe) for p in level.probes]
    left = length.minutes - length.opening - length.calibration - length.closing
    shares = _largest_remainder(left, [weight for _, _, weight in shared])
    middle = tuple(
        Slot(kind, slot_id, share, critical=slot_id in critical)
        for (kind, slot_id, _), share in zip(shared, shares, strict=True)
    )
    slots = (
        Slot("opening", "opening", length.opening),
        *middle,
        Slot("calibration", "calibration", length.calibration),
        Slot("closing", "closing", length.closing),
    )
    return KitPlan(length.minutes, tuple(s for s in slots if s.minutes > 0 or s.kind != "closing"))


def _largest_remainder(total: int, weights: list[int]) -> list[int]:
    """``total`` split in proportion to ``weights`` in whole numbers that add up to it."""
    whole = sum(weights)
    exact = [total * w / whole for w in weights]
    shares = [int(x) for x in exact]
    by_remainder = sorted(range(len(weights)), key=lambda i: (shares[i] - exact[i], i))
    for i in by_remainder[: total - sum(shares)]:
        shares[i] += 1
    return shares
