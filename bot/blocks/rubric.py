"""Block Kit for the hiring rubric: a level's rubric (or one area), the level chooser, help.

Stacked lines rather than section fields, so it reads on a phone. A whole level
is 15 blocks; every section stays far below 3,000 characters.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bot.blocks.common import (
    Block,
    actions,
    button,
    context,
    divider,
    escape,
    header,
    message,
    section,
)
from bot.domain.knowledge.rubric import Area, Level, Rubric
from bot.texts import rubric as texts

LEVEL_ACTION = "rubric.level"  # + ".{level id}"


esc = escape  # knowledge and user text alike go through it into mrkdwn


def short_label(level: Level) -> str:
    """``"Senior (L5-equiv)"`` -> ``"Senior"``, for buttons."""
    return level.label.split(" (")[0]


def level_summary(level: Level) -> Block:
    return section(
        texts.LEVEL_LINE.format(
            years=esc(level.years), scope=esc(level.scope), headline=esc(level.headline)
        )
    )


def area_text(area: Area, level: Level, number: int | None = None) -> str:
    """Probe, the level's bar, green and red signals for one area, one per line; with a
    ``number``, under a numbered title."""
    body = texts.AREA_LINES.format(
        probe=esc(area.probe),
        bar_name=texts.BAR_NAMES[level.bar],
        bar=esc(area.bar_for(level)),
        green=esc(area.green),
        red=esc(area.red),
    )
    if number is None:
        return body
    return texts.AREA_TITLE.format(number=number, name=esc(area.name)) + "\n" + body


def bullets(title: str, items: tuple[str, ...]) -> Block:
    return section(title + "\n" + "\n".join(f"• {esc(item)}" for item in items))


def level_blocks(rubric: Rubric, level: Level, *, title: str) -> list[Block]:
    """Everything an interviewer needs for one level: 14 blocks."""
    blocks = [header(title.format(label=level.label)), level_summary(level), divider()]
    for number, area in enumerate(rubric.areas, start=1):
        blocks.append(section(area_text(area, level, number)))
    blocks += [
        divider(),
        bullets(texts.CALIBRATION, rubric.calibration_questions),
        bullets(texts.ANTI_PATTERNS, rubric.anti_patterns),
    ]
    return blocks


def rubric_message(
    rubric: Rubric, level: Level, area: Area | None = None, *, private: bool = True
) -> dict[str, Any]:
    """``/rubric senior`` (all areas) or ``/rubric senior rag`` (one area); ``private``: only
    the asker sees it (an ephemeral answer or a DM), which the footer then says."""
    fallback = texts.FALLBACK.format(label=level.label, areas=1 if area else len(rubric.areas))
    if area is None:
        blocks = level_blocks(rubric, level, title=texts.TITLE)
        footer = texts.FOOTER.format(level=level.id)
        blocks.append(context(f"{texts.ONLY_YOU} {footer}" if private else footer))
        return message(fallback, blocks)
    number = rubric.areas.index(area) + 1
    other = "senior_lead" if level.bar == "mid" else "mid"
    other_bar = area.senior_lead_bar if other == "senior_lead" else area.mid_bar
    blocks = [
        header(texts.TITLE.format(label=level.label)),
        level_summary(level),
        section(area_text(area, level, number)),
        context(
            texts.OTHER_BAR.format(bar_name=texts.BAR_NAMES[other], bar=esc(other_bar)),
            texts.AREA_FOOTER.format(level=level.id),
        ),
    ]
    return message(fallback, blocks)


def level_buttons(rubric: Rubric, prefix: str, value_of: Callable[[Level], str]) -> Block:
    """One button per level, action id ``{prefix}.{level id}``; ``value_of`` gives its value."""
    return actions(
        *(button(short_label(lv), f"{prefix}.{lv.id}", value_of(lv)) for lv in rubric.levels)
    )


def choose_level_message(rubric: Rubric) -> dict[str, Any]:
    """``/rubric`` with no level: the levels as buttons."""
    blocks = [
        section(texts.CHOOSE_LEVEL),
        level_buttons(rubric, LEVEL_ACTION, lambda level: level.id),
    ]
    return message(texts.CHOOSE_FALLBACK, blocks)


def help_message() -> dict[str, Any]:
    return message(texts.HELP, [section(texts.HELP)])
