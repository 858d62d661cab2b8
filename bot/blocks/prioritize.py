"""Prioritization messages: one score per click, then the ranking with the rule shown."""

from __future__ import annotations

from typing import Any

from bot.blocks.clicks import FlowRef
from bot.blocks.common import actions, button, context, escape, header, message, section
from bot.domain.knowledge.frameworks import Prioritizing
from bot.domain.prioritize import PrioFlow, Question, Ranking
from bot.texts import prioritize as texts

Payload = dict[str, Any]
SCORE_ACTION = "prioritize.score"


def question(ref: FlowRef, rules: Prioritizing, session: PrioFlow, q: Question) -> Payload:
    scale = rules.scoring
    count = len(session.initiatives)
    blocks = [
        header(texts.TITLE.format(count=count)),
        section(
            texts.QUESTION.format(
                initiative=escape(q.initiative),
                index=q.index + 1,
                count=count,
                dimension=q.dimension.name,
                question=q.dimension.question,
            )
        ),
        actions(
            *(
                button(str(v), f"{SCORE_ACTION}.{v}", ref.value(v))
                for v in range(scale.low, scale.high + 1)
            ),
            block_id=f"prioritize.{q.step}",
        ),
        context(texts.PROGRESS.format(step=q.step + 1, total=q.total, low=scale.low, high=scale.high)),
    ]
    given = session.scores[q.index] if q.index < len(session.scores) else {}
    if given:
        shown = [
            texts.SCORED.format(name=d.name, score=given[d.id])
            for d in rules.dimensions
            if d.id in given
        ]
        blocks.append(
            context(texts.SO_FAR.format(initiative=escape(q.initiative), scores=" · ".join(shown)))
        )
    text = texts.FALLBACK_STEP.format(
        initiative=escape(q.initiative), dimension=q.dimension.name, step=q.step + 1, total=q.total
    )
    return message(text, blocks)


def ranking(rules: Prioritizing, result: Ranking) -> Payload:
    names = {d.id: d.name for d in rules.dimensions}
    blocks = [header(texts.RESULT_TITLE)]
    for rank, row in enumerate(result.ranked, start=1):
        scores = " · ".join(texts.SCORED.format(name=names[d], score=row.scores[d]) for d in names)
        flags = [
            texts.FLAG.format(dimension=names[f.dimension], score=row.scores[f.dimension], note=f.note)
            for f in row.flags
        ]
        text = texts.RANKED.format(
            rank=rank,
            name=escape(row.name),
            total=row.total,
            max_total=result.max_total,
            scores=scores,
        )
        blocks.append(section("\n".join([text, *flags])))
    minimums = ", ".join(
        texts.MINIMUM.format(name=names[d], minimum=m) for d, m in rules.scoring.first_win.items()
    )
    if result.first_win is not None:
        blocks.append(
            section(texts.FIRST_WIN.format(name=escape(result.first_win.name), minimums=minimums))
        )
    else:
        blocks.append(
            section(texts.NO_FIRST_WIN.format(minimums=minimums, name=escape(result.ranked[0].name)))
        )
    blocks.append(section(texts.DEFAULT.format(text=rules.default[:1].upper() + rules.default[1:])))
    blocks.append(context(rule_text(rules)))
    text = texts.FALLBACK_RESULT.format(names=", ".join(escape(r.name) for r in result.ranked))
    return message(text, blocks)


def rule_text(rules: Prioritizing) -> str:
    """The ranking rule in words, from the data: ``score = Value + Confidence + ...``."""
    scoring = rules.scoring
    names = {d.id: d.name for d in rules.dimensions}
    terms = " + ".join(
        names[d] if w == 1 else texts.WEIGHTED.format(weight=w, name=names[d])
        for d, w in scoring.weights.items()
        if w
    )
    ties = ", then ".join(names[d] for d in scoring.tie_break)
    fields = {
        "terms": terms,
        "low": scoring.low,
        "high": scoring.high,
        "max_total": scoring.max_total,
    }
    return texts.RULE.format(ties=ties, **fields) if ties else texts.RULE_NO_TIES.format(**fields)
