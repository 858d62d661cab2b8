"""Block Kit for the hiring rubric: a level's rubric (or one area), the level chooser, help.

Stacked lines rather than section fields, so it reads on a phone; only one area across the
levels (``/rubric rag``) puts the four levels side by side in fields. A whole level is 15
blocks (16 with Lead / Principal's probes); every section stays far below 3,000 characters.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bot.blocks.common import (
    Block,
    actions,
    button,
    clip,
    context,
    divider,
    escape,
    header,
    message,
    mrkdwn,
    section,
)
from bot.blocks.table import Table, table_block, table_text
from bot.domain.knowledge.rubric import Area, Level, Rubric
from bot.texts import rubric as texts

LEVEL_ACTION = "rubric.level"  # + ".{level id}"
FIELD_LIMIT = 2000  # a section field's text


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


def adds_lines(area: Area, level: Level) -> list[str]:
    """What Staff (and Lead / Principal) add on top of the Senior / Lead bar, one line each."""
    return [
        texts.ADDS_LINE.format(
            tier=texts.TIER_NAMES[tier], items=esc(texts.ADDS_JOIN.join(adds.adds))
        )
        for tier, adds in area.adds_for(level)
    ]


def expectations_text(area: Area, level: Level) -> str:
    """The level's bar (the framework's words) and what the level adds, one line each."""
    bar = texts.BAR_LINE.format(bar_name=texts.BAR_NAMES[level.bar], bar=esc(area.bar_for(level)))
    return "\n".join([bar, *adds_lines(area, level)])


def area_text(area: Area, level: Level, number: int | None = None) -> str:
    """Probe, the level's bar and additions, green and red signals for one area, one per
    line; with a ``number``, under a numbered title."""
    body = texts.AREA_LINES.format(
        probe=esc(area.probe),
        expectations=expectations_text(area, level),
        green=esc(area.green),
        red=esc(area.red),
    )
    if number is None:
        return body
    return texts.AREA_TITLE.format(number=number, name=esc(area.name)) + "\n" + body


def probes_block(level: Level) -> Block | None:
    """The level's extra probes (Lead / Principal: strategy and organization), if any."""
    if not level.probes:
        return None
    lines = [texts.PROBE_LINE.format(name=esc(p.name), probe=esc(p.probe)) for p in level.probes]
    title = texts.PROBES_TITLE.format(label=esc(short_label(level)))
    return section("\n".join([title, *lines]))


def bullets(title: str, items: tuple[str, ...]) -> Block:
    return section(title + "\n" + "\n".join(f"• {esc(item)}" for item in items))


def level_blocks(rubric: Rubric, level: Level, *, title: str) -> list[Block]:
    """Everything an interviewer needs for one level: 14 blocks."""
    blocks = [header(title.format(label=level.label)), level_summary(level), divider()]
    for number, area in enumerate(rubric.areas, start=1):
        blocks.append(section(area_text(area, level, number)))
    probes = probes_block(level)
    blocks += [divider(), *([probes] if probes else [])]
    blocks += [
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
        notes = [f"{texts.ONLY_YOU} {footer}" if private else footer]
        blocks.append(context(*notes, *([texts.SOURCE_NOTE] if level.tiers else [])))
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
            texts.AREA_FOOTER.format(level=level.id, area=area.aliases[0]),
            *([texts.SOURCE_NOTE] if level.tiers else []),
        ),
    ]
    return message(fallback, blocks)


def across_levels_message(rubric: Rubric, area: Area) -> dict[str, Any]:
    """``/rubric rag``: one area at every level, side by side (two columns of fields)."""
    shared = texts.ACROSS_SHARED.format(
        probe=esc(area.probe), green=esc(area.green), red=esc(area.red)
    )
    fields = [
        mrkdwn(
            clip(
                texts.ACROSS_LEVEL.format(
                    label=esc(short_label(level)),
                    years=esc(level.years),
                    bar_name=texts.BAR_NAMES[level.bar],
                    bar=esc(area.bar_for(level)),
                )
                + "".join("\n" + line for line in adds_lines(area, level)),
                FIELD_LIMIT,
            )
        )
        for level in rubric.levels
    ]
    table = across_levels_table(rubric, area)
    side_by_side = table_block(table) if table.fits else {"type": "section", "fields": fields[:10]}
    blocks = [
        header(texts.ACROSS_TITLE.format(name=area.name)),
        section(shared),
        side_by_side,
        context(texts.ACROSS_FOOTER.format(area=area.aliases[0]), texts.SOURCE_NOTE),
    ]
    fallback = texts.ACROSS_FALLBACK.format(name=area.name) + "\n" + esc(table_text(table))
    return message(fallback, blocks)


def across_levels_table(rubric: Rubric, area: Area) -> Table:
    """One row per level: its years, the framework's bar, what the level adds on top."""
    rows = []
    for level in rubric.levels:
        adds = [
            texts.T_ADDS_ITEM.format(
                tier=texts.TIER_NAMES[tier], items=texts.ADDS_JOIN.join(a.adds)
            )
            for tier, a in area.adds_for(level)
        ]
        rows.append((
            short_label(level), level.years, area.bar_for(level),
            " / ".join(adds) or texts.T_NOTHING_ADDED,
        ))  # fmt: skip
    return Table(
        header=(texts.T_LEVEL, texts.T_YEARS, texts.T_BAR, texts.T_ADDS),
        rows=tuple(rows),
        wrap=(False, False, True, True),
    )


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
