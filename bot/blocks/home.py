"""The App Home tab: start buttons, recent decisions, a compact reference (< 100 blocks)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any, Protocol

from bot.blocks.common import actions, button, context, divider, escape, header, section
from bot.blocks.frameworks import lever_lines
from bot.domain.knowledge.registry import Knowledge
from bot.texts import home as texts

VIEW_BLOCK_LIMIT = 100
BVB, COST, PREP, LEARN, ASSESS = "home.bvb", "home.cost", "home.prep", "home.learn", "home.assess"


class DecisionLine(Protocol):
    """What the Home tab shows of a decision record."""

    number: int
    title: str
    topic: str
    decided_on: date
    link: str | None
    supersedes: tuple[int, ...]


def home_view(
    knowledge: Knowledge,
    *,
    mine: Sequence[DecisionLine] | None,
    workspace: Sequence[DecisionLine] | None,
    superseded: int = 0,
) -> dict[str, Any]:
    """The Home view: current decisions only (``superseded``: how many are not shown).
    ``mine`` / ``workspace`` are None when the records can't be read."""
    blocks = [
        header(texts.TITLE),
        section(texts.INTRO),
        actions(
            button(texts.START_BVB, BVB, style="primary"),
            button(texts.START_COST, COST),
            button(texts.START_PREP, PREP),
            button(texts.START_LEARN, LEARN),
            button(texts.START_ASSESS, ASSESS),
            block_id="home.start",
        ),
        context(texts.ANYWHERE),
        divider(),
        header(texts.DECISIONS_TITLE),
        section(f"{texts.MINE}\n{_decisions(mine)}"),
        section(f"{texts.WORKSPACE}\n{_decisions(workspace)}"),
        *([context(texts.SUPERSEDED_HIDDEN.format(n=superseded))] if superseded else []),
        divider(),
        header(texts.REFERENCE_TITLE),
        *reference(knowledge),
        context(texts.MORE),
    ]
    return {"type": "home", "blocks": blocks[:VIEW_BLOCK_LIMIT]}


def reference(knowledge: Knowledge) -> list[dict[str, Any]]:
    levels = "\n".join(
        texts.LEVEL.format(label=lv.label, years=lv.years, headline=lv.headline)
        for lv in knowledge.rubric.levels
    )
    rollout = knowledge.frameworks.rollout
    phases = " → ".join(texts.PHASE.format(name=p.name, duration=p.duration) for p in rollout.phases)
    return [
        section(texts.LEVELS.format(lines=levels)),
        section(texts.LEVERS.format(lines=lever_lines(knowledge.costs))),
        section(texts.PHASES.format(phases=phases, anti_pattern=rollout.anti_pattern)),
    ]


def _decisions(records: Sequence[DecisionLine] | None) -> str:
    if records is None:
        return texts.DECISIONS_UNAVAILABLE
    if not records:
        return texts.NO_DECISIONS
    return "\n".join(_decision(r) for r in records)


def _decision(r: DecisionLine) -> str:
    number = texts.NUMBER.format(number=r.number)
    named = texts.LINKED.format(link=r.link, number=number) if r.link else number
    line = texts.DECISION.format(
        number=named, title=escape(r.title), topic=escape(r.topic), when=r.decided_on.isoformat()
    )
    if r.supersedes:
        replaced = ", ".join(texts.NUMBER.format(number=n) for n in r.supersedes)
        line += texts.SUPERSEDES.format(records=replaced)
    return line
