"""Framework answers as messages: rollout, team shapes, prioritizing, contracts, dashboard,
governance, answer templates, cost levers. Content from the knowledge files, words from
``bot.texts.frameworks``."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from bot.blocks.common import context, divider, header, message, section
from bot.domain.knowledge.costs import CostKnowledge, Lever
from bot.domain.knowledge.frameworks import Frameworks
from bot.texts import frameworks as t

Payload = dict[str, Any]


def rollout(frameworks: Frameworks) -> Payload:
    phases = frameworks.rollout.phases
    blocks = [header(t.ROLLOUT_TITLE), section(t.ROLLOUT_INTRO)]
    blocks += [
        section(t.PHASE.format(number=n, **p.model_dump())) for n, p in enumerate(phases, start=1)
    ]
    blocks.append(section(t.ANTI_PATTERN.format(text=_capital(frameworks.rollout.anti_pattern))))
    return message(t.ROLLOUT_TITLE + ": " + " → ".join(p.name for p in phases), blocks)


def team(frameworks: Frameworks) -> Payload:
    shapes = frameworks.team_shapes
    blocks = [header(t.TEAM_TITLE)]
    blocks += [section(t.SHAPE.format(**shape.model_dump())) for shape in shapes.shapes]
    blocks.append(section(t.TEAM_DEFAULTS.format(lines="\n".join(shapes.defaults))))
    blocks.append(divider())
    roles = "\n".join(t.ROLE.format(**r.model_dump()) for r in frameworks.roles)
    blocks.append(section(f"{t.ROLES_TITLE}\n{roles}"))
    return message(f"{t.TEAM_TITLE}. {shapes.defaults[0]}", blocks)


def prioritizing(frameworks: Frameworks, *, at: str) -> Payload:
    rules = frameworks.prioritizing
    dims = "\n".join(t.PRIO_DIMENSION.format(**d.model_dump()) for d in rules.dimensions)
    blocks = [
        header(t.PRIO_TITLE),
        section(dims),
        section(t.PRIO_DEFAULT.format(text=_capital(rules.default))),
        context(t.PRIO_START.format(at=at)),
    ]
    return message(f"{t.PRIO_TITLE}: {', '.join(d.name for d in rules.dimensions)}", blocks)


def contracts(frameworks: Frameworks) -> Payload:
    blocks = [header(t.CONTRACTS_TITLE), section(t.CONTRACTS_INTRO)]
    blocks += [section(t.CONTRACT.format(**c.model_dump())) for c in frameworks.contracts]
    return message(t.CONTRACTS_TITLE, blocks)


def dashboard(frameworks: Frameworks) -> Payload:
    panels = "\n".join(t.PANEL.format(**p.model_dump()) for p in frameworks.executive_dashboard)
    blocks = [header(t.DASHBOARD_TITLE), section(t.DASHBOARD_INTRO), section(panels)]
    return message(t.DASHBOARD_TITLE, blocks)


def governance(frameworks: Frameworks) -> Payload:
    lines = "\n".join(t.PRACTICE.format(**p.model_dump()) for p in frameworks.governance)
    return message(t.GOVERNANCE_TITLE, [header(t.GOVERNANCE_TITLE), section(lines)])


def templates(frameworks: Frameworks) -> Payload:
    blocks = [header(t.TEMPLATES_TITLE), section(t.TEMPLATES_INTRO)]
    blocks += [section(t.TEMPLATE.format(**a.model_dump())) for a in frameworks.answer_templates]
    return message(t.TEMPLATES_TITLE, blocks)


def levers(costs: CostKnowledge, *, at: str) -> Payload:
    ordered = sorted(costs.levers, key=lambda lever: lever.number)
    blocks = [header(t.LEVERS_TITLE), section(t.LEVERS_INTRO)]
    blocks += [
        section(
            t.LEVER.format(
                number=lv.number, name=lv.name, effort=lv.effort, impact=impact(lv), notes=lv.notes
            )
        )
        for lv in ordered
    ]
    blocks.append(context(t.LEVERS_TRY.format(at=at)))
    return message(t.LEVERS_TITLE, blocks)


def lever_lines(costs: CostKnowledge) -> str:
    """One short line per lever: ``1. Cap output tokens: 10-40%``."""
    ordered = sorted(costs.levers, key=lambda lever: lever.number)
    return "\n".join(
        t.LEVER_LINE.format(number=lv.number, name=lv.name, impact=impact(lv)) for lv in ordered
    )


def impact(lever: Lever) -> str:
    high = _percent(lever.impact_high_pct)
    if lever.impact_low_pct == 0:
        return t.IMPACT_UP_TO.format(high=high)
    return t.IMPACT_RANGE.format(low=_percent(lever.impact_low_pct), high=high)


def _percent(value: Decimal) -> str:
    return format(value.normalize(), "f")


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
