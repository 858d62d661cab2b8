"""Block Kit for the end of a prep session: the practice scorecard and the interviewer's
debrief summary with its recommendation and the rule that gave it."""

from __future__ import annotations

from typing import Any

from bot.blocks.common import Block, context, divider, header, message, section
from bot.blocks.prep import area_of, level_of
from bot.blocks.rubric import esc
from bot.domain.knowledge.frameworks import AnswerTemplate
from bot.domain.knowledge.rubric import Level, Recommendation, Rubric
from bot.domain.prep import (
    AreaResult,
    PrepSession,
    next_level,
    practise_next,
    recommend,
    tally,
    weakest_first,
)
from bot.texts import prep as texts
from bot.texts import rubric as rubric_texts


def _rating_word(result: AreaResult) -> str:
    if result.rating:
        return texts.RATING_LABELS[result.rating]
    return texts.SKIPPED_WORD if result.skipped else texts.NOT_REACHED


def _emoji(result: AreaResult) -> str:
    return texts.RATING_EMOJI[result.rating] if result.rating else texts.UNRATED


def _tally_text(results: tuple[AreaResult, ...]) -> str:
    counts = tally(results)
    return texts.TALLY.format(
        green=counts.green, mixed=counts.mixed, red=counts.red, unrated=counts.unrated
    )


def practice_scorecard(
    session: PrepSession, rubric: Rubric, templates: tuple[AnswerTemplate, ...]
) -> dict[str, Any]:
    """Every area weakest first, what to practise next, and answer templates."""
    level = level_of(rubric, session.level)
    lines = [
        texts.AREA_LINE.format(
            emoji=_emoji(r), name=esc(area_of(rubric, r.area).name), rating=_rating_word(r)
        )
        for r in weakest_first(session.results)
    ]
    blocks = [
        header(texts.PRACTICE_DONE_TITLE.format(label=level.label)),
        section(_tally_text(session.results) + "\n" + "\n".join(lines)),
        divider(),
        section(texts.PRACTISE_NEXT),
    ]
    blocks += _practise_blocks(session, rubric, level)
    if templates:
        items = tuple(f"*{t.topic}*: {t.answer}" for t in templates)
        blocks.append(section(texts.TEMPLATES + "\n" + "\n".join(f"• {i}" for i in items)))
    weak = practise_next(session.results)
    retry = area_of(rubric, weak[0].area if weak else session.areas[0]).aliases[0]
    blocks.append(context(texts.AGAIN.format(level=level.id, area=retry)))
    return message(texts.PRACTICE_FALLBACK.format(label=level.label), blocks)


def _practise_blocks(session: PrepSession, rubric: Rubric, level: Level) -> list[Block]:
    weak = practise_next(session.results)
    counts = tally(session.results)
    if not weak and counts.rated == 0:
        return [section(texts.NOTHING_RATED)]
    if not weak:
        following = next_level(rubric, level.id)
        if following is None:
            return [section(texts.ALL_GREEN_TOP.format(label=esc(level.label)))]
        return [section(texts.ALL_GREEN.format(label=esc(level.label), next_level=following.id))]
    blocks = []
    for result in weak:
        area = area_of(rubric, result.area)
        text = texts.PRACTISE_ITEM.format(
            name=esc(area.name),
            rating=_rating_word(result),
            probe=esc(area.probe),
            bar_name=rubric_texts.BAR_NAMES[level.bar],
            bar=esc(area.bar_for(level)),
            green=esc(area.green),
            red=esc(area.red),
        )
        if result.note:
            text += "\n" + texts.YOUR_NOTE.format(note=esc(result.note))
        blocks.append(section(text))
    return blocks


def rule_text(rule: Recommendation | None) -> str:
    """The recommendation rule in words, built from knowledge/rubric.yaml."""
    if rule is None:
        return texts.NO_RULE
    parts = []
    for row in rule.rules:
        limits = []
        if row.max_red is not None:
            limits.append(
                texts.NO_RED
                if row.max_red == 0
                else texts.RULE_PARTS["max_red"].format(n=row.max_red)
            )
        if row.min_green is not None:
            limits.append(texts.RULE_PARTS["min_green"].format(n=row.min_green))
        parts.append(f"{texts.OUTCOMES[row.id]}: {' and '.join(limits) or texts.OTHERWISE}")
    return f"{texts.RULE_INTRO} {'; '.join(parts)}. {texts.RULE_MIN.format(n=rule.min_rated)}"


def scorecard_summary(session: PrepSession, rubric: Rubric) -> dict[str, Any]:
    """The debrief: recommendation, the stated rule, every area in rubric order with notes."""
    level = level_of(rubric, session.level)
    counts = tally(session.results)
    outcome = recommend(counts, rubric.recommendation)
    outcome_word = texts.OUTCOMES[outcome] if outcome else texts.NO_OUTCOME
    headline = texts.RECOMMENDATION.format(
        outcome=outcome_word,
        tally=_tally_text(session.results),
        rated=counts.rated,
        total=session.total,
    )
    if outcome is None and rubric.recommendation is not None:
        headline += "\n" + texts.NOT_ENOUGH.format(min_rated=rubric.recommendation.min_rated)
    blocks = [
        header(texts.SUMMARY_TITLE.format(candidate=session.candidate, label=level.label)),
        section(headline),
        context(rule_text(rubric.recommendation)),
        divider(),
    ]
    for result in session.results:
        line = texts.AREA_LINE.format(
            emoji=_emoji(result),
            name=esc(area_of(rubric, result.area).name),
            rating=_rating_word(result),
        )
        if result.note:
            line += "".join(
                texts.SUMMARY_NOTE.format(note=esc(n)) for n in result.note.splitlines()
            )
        blocks.append(section(line))
    blocks.append(context(texts.PASTE_HINT))
    fallback = texts.SUMMARY_FALLBACK.format(
        candidate=session.candidate, label=level.label, outcome=outcome_word
    )
    return message(fallback, blocks)
