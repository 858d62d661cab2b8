"""The App Home tab: start buttons, recent decisions, a compact reference (< 100 blocks)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any, Protocol

from bot.blocks.common import actions, button, context, divider, escape, header, section
from bot.blocks.frameworks import lever_lines
from bot.domain.knowledge import Knowledge
from bot.texts import home as t

VIEW_BLOCK_LIMIT = 100
BVB, COST, PREP, LEARN, ASSESS = "home.bvb", "home.cost", "home.prep", "home.learn", "home.assess"


class DecisionLine(Protocol):
    """What the Home tab shows of a decision record."""

    title: str
    topic: str
    decided_on: date


def home_view(
    knowledge: Knowledge,
    *,
    mine: Sequence[DecisionLine] | None,
    workspace: Sequence[DecisionLine] | None,
) -> dict[str, Any]:
    """The Home view. ``mine`` / ``workspace`` are None when the records can't be read."""
    blocks = [
        header(t.TITLE),
        section(t.INTRO),
        actions(
            button(t.START_BVB, BVB, style="primary"),
            button(t.START_COST, COST),
            button(t.START_PREP, PREP),
            button(t.START_LEARN, LEARN),
            button(t.START_ASSESS, ASSESS),
            block_id="home.start",
        ),
        context(t.ANYWHERE),
        divider(),
        header(t.DECISIONS_TITLE),
        section(f"{t.MINE}\n{_decisions(mine)}"),
        section(f"{t.WORKSPACE}\n{_decisions(workspace)}"),
        divider(),
        header(t.REFERENCE_TITLE),
        *reference(knowledge),
        context(t.MORE),
    ]
    return {"type": "home", "blocks": blocks[:VIEW_BLOCK_LIMIT]}


def reference(knowledge: Knowledge) -> list[dict[str, Any]]:
    levels = "\n".join(
        t.LEVEL.format(label=lv.label, years=lv.years, headline=lv.headline)
        for lv in knowledge.rubric.levels
    )
    rollout = knowledge.frameworks.rollout
    phases = " → ".join(t.PHASE.format(name=p.name, duration=p.duration) for p in rollout.phases)
    return [
        section(t.LEVELS.format(lines=levels)),
        section(t.LEVERS.format(lines=lever_lines(knowledge.costs))),
        section(t.PHASES.format(phases=phases, anti_pattern=rollout.anti_pattern)),
    ]


def _decisions(records: Sequence[DecisionLine] | None) -> str:
    if records is None:
        return t.DECISIONS_UNAVAILABLE
    if not records:
        return t.NO_DECISIONS
    return "\n".join(
        t.DECISION.format(
            title=escape(r.title), topic=escape(r.topic), when=r.decided_on.isoformat()
        )
        for r in records
    )
