"""Block Kit for the interviewer kit: a timed plan for a 45- or 60-minute interview, then per
area (and per extra probe at Lead / Principal) the probe, two follow-ups, what a strong answer
holds at the level and the red flags; then the calibration questions and anti-patterns.

Buttons: ``prep.scorecard.{level}`` starts a scorecard; ``prep.kit.{level}`` with the other
length as its argument redraws the kit for that length.
"""

from __future__ import annotations

from typing import Any

from bot.blocks.clicks import FlowRef
from bot.blocks.common import Block, actions, button, context, divider, header, message, section
from bot.blocks.prep import area_of
from bot.blocks.rubric import bullets, esc, expectations_text, level_summary, short_label
from bot.domain.knowledge.rubric import Area, Level, Probe, Rubric
from bot.domain.prep.kit import KitPlan, Slot, lengths, plan
from bot.texts import prep as texts
from bot.texts import rubric as rubric_texts


def _slot_name(rubric: Rubric, level: Level, slot: Slot) -> str:
    if slot.kind == "area":
        return area_of(rubric, slot.id).name
    if slot.kind == "probe":
        return next(p.name for p in level.probes if p.id == slot.id)
    return texts.KIT_PARTS[slot.kind]


def plan_text(rubric: Rubric, level: Level, kit: KitPlan) -> str:
    """``• 0–5 min · Opening (5 min)`` per part, and the total."""
    lines, start = [texts.KIT_PLAN_TITLE.format(minutes=kit.minutes)], 0
    for slot in kit.slots:
        end = start + slot.minutes
        lines.append(
            texts.KIT_PLAN_LINE.format(
                start=start,
                end=end,
                name=esc(_slot_name(rubric, level, slot)),
                minutes=slot.minutes,
                critical=texts.CRITICAL_MARK if slot.critical else "",
            )
        )
        start = end
    lines.append(texts.KIT_PLAN_TOTAL.format(total=kit.total))
    return "\n".join(lines)


def _follow_ups(items: tuple[str, str]) -> str:
    return texts.KIT_FOLLOW_UPS.format(first=esc(items[0]), second=esc(items[1]))


def area_kit_text(area: Area, level: Level, number: int, minutes: int, critical: bool) -> str:
    title = texts.KIT_AREA_TITLE.format(
        number=number,
        name=esc(area.name),
        minutes=minutes,
        critical=texts.CRITICAL_MARK if critical else "",
    )
    strong = texts.KIT_STRONG.format(
        level=esc(short_label(level)),
        expectations=expectations_text(area, level),
        green=esc(area.green),
    )
    flags = texts.KIT_RED_FLAGS.format(flags=esc("; ".join(area.red_flags_for(level))))
    probe = texts.PROBE.format(probe=esc(area.probe))
    return "\n".join([title, probe, _follow_ups(area.added.follow_ups), strong, flags])


def probe_kit_text(probe: Probe, level: Level, minutes: int) -> str:
    title = texts.KIT_PROBE_TITLE.format(
        name=esc(probe.name), minutes=minutes, level=esc(short_label(level))
    )
    strong = texts.KIT_STRONG_ITEMS.format(
        level=esc(short_label(level)), items=esc("; ".join(probe.strong))
    )
    flags = texts.KIT_RED_FLAGS.format(flags=esc("; ".join(probe.red_flags)))
    text = texts.PROBE.format(probe=esc(probe.probe))
    return "\n".join([title, text, _follow_ups(probe.follow_ups), strong, flags])


def kit_blocks(rubric: Rubric, level: Level, kit: KitPlan) -> list[Block]:
    blocks = [
        header(rubric_texts.KIT_TITLE.format(label=level.label) + f" · {kit.minutes} min"),
        level_summary(level),
        section(plan_text(rubric, level, kit)),
        divider(),
    ]
    for number, area in enumerate(rubric.areas, start=1):
        slot = next(s for s in kit.slots if s.id == area.id)
        blocks.append(section(area_kit_text(area, level, number, slot.minutes, slot.critical)))
    for probe in level.probes:
        blocks.append(section(probe_kit_text(probe, level, kit.minutes_for(probe.id))))
    calibration = texts.KIT_CALIBRATION.format(minutes=kit.minutes_for("calibration"))
    blocks += [
        divider(),
        bullets(calibration, rubric.calibration_questions),
        bullets(rubric_texts.ANTI_PATTERNS, rubric.anti_patterns),
    ]
    return blocks


def kit_message(
    rubric: Rubric, level: Level, ref: FlowRef, minutes: int | None = None
) -> dict[str, Any]:
    """Everything to keep open during an interview, with a button to start a scorecard and
    one per other length. KitLengthError for a length the kit has no plan for."""
    kit = plan(rubric, level, minutes)
    blocks = kit_blocks(rubric, level, kit)
    critical = ", ".join(area_of(rubric, a).name for a in rubric.critical_for(level))
    others = [m for m in lengths(rubric) if m != kit.minutes]
    blocks += [
        context(
            texts.KIT_HINT.format(level=level.id),
            texts.KIT_CRITICAL.format(areas=esc(critical), mark=texts.CRITICAL_MARK),
            texts.KIT_SOURCE,
        ),
        actions(
            button(
                texts.MENU_BUTTONS["scorecard"],
                f"prep.scorecard.{level.id}",
                ref.value("scorecard"),
            ),
            *(
                button(texts.KIT_LENGTH.format(minutes=m), f"prep.kit.{level.id}", ref.value(m))
                for m in others
            ),
        ),
    ]
    fallback = rubric_texts.KIT_TITLE.format(label=level.label) + f" · {kit.minutes} min"
    return message(fallback, blocks)
