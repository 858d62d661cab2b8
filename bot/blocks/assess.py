"""Self-assessment messages: one domain at a time with a 1-5 scale, then the result."""

from __future__ import annotations

from typing import Any

from bot.blocks.clicks import FlowRef
from bot.blocks.common import actions, button, context, header, message, section
from bot.domain.assess import Result
from bot.domain.knowledge.operating_map import Domain, OperatingMap
from bot.texts import assess as texts

Payload = dict[str, Any]
SCORE_ACTION = "assess.score"


def question(ref: FlowRef, omap: OperatingMap, domain: Domain, scores: dict[str, int]) -> Payload:
    step = len(scores)
    total = len(omap.domains)
    capabilities = "\n".join(texts.BULLET.format(text=c) for c in domain.key_capabilities)
    blocks = [header(texts.TITLE.format(number=step + 1, total=total))]
    if step == 0:
        blocks.append(context(texts.INTRO))
    blocks += [
        section(texts.DOMAIN.format(**domain.model_dump())),
        section(texts.CAPABILITIES.format(lines=capabilities)),
        actions(
            *(
                button(
                    texts.SCALE_BUTTON.format(score=p.score, label=p.label),
                    f"{SCORE_ACTION}.{p.score}",
                    ref.value(p.score),
                )
                for p in omap.self_assessment.scale
            ),
            block_id=f"assess.{step}",
        ),
    ]
    if scores:
        done = [
            texts.SCORED.format(name=d.name, score=scores[d.id]) for d in omap.domains if d.id in scores
        ]
        blocks.append(context(texts.SO_FAR.format(scores=" · ".join(done))))
    text = texts.FALLBACK_STEP.format(
        number=step + 1, total=total, name=domain.name, core_question=domain.core_question
    )
    return message(text, blocks)


def result(omap: OperatingMap, res: Result, *, at: str) -> Payload:
    high = omap.self_assessment.scale[-1].score
    lines = "\n".join(
        texts.SCORE_LINE.format(bar=bar(score, high), score=score, name=d.name)
        for d, score in res.scores
    )
    weakest_score = dict((d.id, s) for d, s in res.scores)[res.weakest.id]
    tied = texts.TIED.format(names=", ".join(d.name for d in res.tied)) if res.tied else ""
    work_on = "\n".join(texts.BULLET.format(text=c) for c in res.capabilities)
    rhythm = "\n".join(
        texts.RHYTHM_LINE.format(cadence=s.cadence.capitalize(), practice=s.practice)
        for s in res.rhythm
    )
    blocks = [
        header(texts.RESULT_TITLE),
        section(lines),
        section(
            texts.WEAKEST.format(
                name=res.weakest.name,
                score=weakest_score,
                high=high,
                tied=tied,
                core_question=res.weakest.core_question,
            )
        ),
        section(texts.WORK_ON.format(lines=work_on)),
        section(texts.RHYTHM.format(lines=rhythm)),
        context(texts.STRONGEST.format(name=res.strongest.name, at=at)),
    ]
    text = texts.FALLBACK_RESULT.format(name=res.weakest.name, score=weakest_score, high=high)
    return message(text, blocks)


def bar(score: int, high: int) -> str:
    return "■" * score + "□" * (high - score)
