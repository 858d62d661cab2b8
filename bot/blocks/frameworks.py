"""Framework answers as messages: rollout, team shapes, prioritizing, contracts, dashboard,
governance, answer templates, cost levers. Content from the knowledge files, words from
``bot.texts.frameworks``."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from bot.blocks.common import context, divider, header, message, section
from bot.domain.knowledge.costs import CostKnowledge, Lever
from bot.domain.knowledge.frameworks import Frameworks
from bot.texts import frameworks as texts

Payload = dict[str, Any]


def rollout(frameworks: Frameworks) -> Payload:
    phases = frameworks.rollout.phases
    blocks = [header(texts.ROLLOUT_TITLE), section(texts.ROLLOUT_INTRO)]
    blocks += [
        section(texts.PHASE.format(number=n, **p.model_dump())) for n, p in enumerate(phases, start=1)
    ]
    blocks.append(section(texts.ANTI_PATTERN.format(text=_capital(frameworks.rollout.anti_pattern))))
    return message(texts.ROLLOUT_TITLE + ": " + " → ".join(p.name for p in phases), blocks)


def team(frameworks: Frameworks) -> Payload:
    shapes = frameworks.team_shapes
    blocks = [header(texts.TEAM_TITLE)]
    blocks += [section(texts.SHAPE.format(**shape.model_dump())) for shape in shapes.shapes]
    blocks.append(section(texts.TEAM_DEFAULTS.format(lines="\n".join(shapes.defaults))))
    blocks.append(divider())
    roles = "\n".join(texts.ROLE.format(**r.model_dump()) for r in frameworks.roles)
    blocks.append(section(f"{texts.ROLES_TITLE}\n{roles}"))
    return message(f"{texts.TEAM_TITLE}. {shapes.defaults[0]}", blocks)


def prioritizing(frameworks: Frameworks, *, at: str) -> Payload:
    rules = frameworks.prioritizing
    dims = "\n".join(texts.PRIO_DIMENSION.format(**d.model_dump()) for d in rules.dimensions)
    blocks = [
        header(texts.PRIO_TITLE),
        section(dims),
        section(texts.PRIO_DEFAULT.format(text=_capital(rules.default))),
        context(texts.PRIO_START.format(at=at)),
    ]
    return message(f"{texts.PRIO_TITLE}: {', '.join(d.name for d in rules.dimensions)}", blocks)


def contracts(frameworks: Frameworks) -> Payload:
    blocks = [header(texts.CONTRACTS_TITLE), section(texts.CONTRACTS_INTRO)]
    blocks += [section(texts.CONTRACT.format(**c.model_dump())) for c in frameworks.contracts]
    return message(texts.CONTRACTS_TITLE, blocks)


def dashboard(frameworks: Frameworks) -> Payload:
    panels = "\n".join(texts.PANEL.format(**p.model_dump()) for p in frameworks.executive_dashboard)
    blocks = [header(texts.DASHBOARD_TITLE), section(texts.DASHBOARD_INTRO), section(panels)]
    return message(texts.DASHBOARD_TITLE, blocks)


def governance(frameworks: Frameworks) -> Payload:
    lines = "\n".join(texts.PRACTICE.format(**p.model_dump()) for p in frameworks.governance)
    return message(texts.GOVERNANCE_TITLE, [header(texts.GOVERNANCE_TITLE), section(lines)])


def templates(frameworks: Frameworks) -> Payload:
    blocks = [header(texts.TEMPLATES_TITLE), section(texts.TEMPLATES_INTRO)]
    blocks += [section(texts.TEMPLATE.format(**a.model_dump())) for a in frameworks.answer_templates]
    return message(texts.TEMPLATES_TITLE, blocks)


def levers(costs: CostKnowledge, *, at: str) -> Payload:
    ordered = sorted(costs.levers, key=lambda lever: lever.number)
    blocks = [header(texts.LEVERS_TITLE), section(texts.LEVERS_INTRO)]
    blocks += [
        section(
            texts.LEVER.format(
                number=lv.number, name=lv.name, effort=lv.effort, impact=impact(lv), notes=lv.notes
            )
        )
        for lv in ordered
    ]
    blocks.append(context(texts.LEVERS_TRY.format(at=at)))
    return message(texts.LEVERS_TITLE, blocks)


def lever_lines(costs: CostKnowledge) -> str:
    """One short line per lever: ``1. Cap output tokens: 10-40%``."""
    ordered = sorted(costs.levers, key=lambda lever: lever.number)
    return "\n".join(
        texts.LEVER_LINE.format(number=lv.number, name=lv.name, impact=impact(lv)) for lv in ordered
    )


def impact(lever: Lever) -> str:
    high = _percent(lever.impact_high_pct)
    if lever.impact_low_pct == 0:
        return texts.IMPACT_UP_TO.format(high=high)
    return texts.IMPACT_RANGE.format(low=_percent(lever.impact_low_pct), high=high)


def _percent(value: Decimal) -> str:
    return format(value.normalize(), "f")


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
