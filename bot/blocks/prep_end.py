"""Block Kit for the end of a prep flow: the practice scorecard (every answer and note, Green
areas included) and the interviewer's candidate scorecard with its recommendation and the rule
that gave it. Both end with Share and Export buttons (``bot.blocks.prep_share``) unless drawn
for sharing."""

from __future__ import annotations

from typing import Any

from bot.blocks.clicks import FlowRef
from bot.blocks.common import Block, context, divider, header, message, section
from bot.blocks.prep import area_of, level_of, quote, ticked_text
from bot.blocks.prep_share import share_buttons
from bot.blocks.rubric import esc, expectations_text
from bot.blocks.table import Table, table_block, table_text
from bot.domain.knowledge.frameworks import AnswerTemplate
from bot.domain.knowledge.rubric import Level, Rubric
from bot.domain.prep.flow import AreaResult, PrepFlow
from bot.domain.prep.score import next_level, practise_next, recommend, tally, weakest_first
from bot.plaintext.prep import rating_word, rule_words, tally_words, verdict_words
from bot.texts import prep as texts


def emoji(result: AreaResult) -> str:
    return texts.RATING_EMOJI[result.rating] if result.rating else texts.UNRATED


def _line(rubric: Rubric, result: AreaResult) -> str:
    name = esc(area_of(rubric, result.area).name)
    return texts.AREA_LINE.format(emoji=emoji(result), name=name, rating=rating_word(result))


def _answer_blocks(rubric: Rubric, flow: PrepFlow) -> list[Block]:
    """Every area in rubric order: rating, ticks, the answer typed and the note, if any."""
    blocks: list[Block] = [section(texts.YOUR_ANSWERS)]
    for index, result in enumerate(flow.results):
        if not (result.answer or result.note or result.rating or result.skipped):
            continue
        head = f"{_line(rubric, result)} · {ticked_text(rubric, flow, index)}"
        blocks.append(section(f"{head}\n{quote(result.answer)}" if result.answer else head))
        if result.note:
            blocks.append(section(texts.YOUR_NOTE.format(note=esc(result.note))))
    if len(blocks) == 1:
        blocks.append(section(texts.NO_ANSWERS))
    return blocks


def practice_scorecard(
    rubric: Rubric,
    flow: PrepFlow,
    templates: tuple[AnswerTemplate, ...],
    ref: FlowRef | None = None,
) -> dict[str, Any]:
    """Every area weakest first, what to practise next, every answer and note, templates;
    with ``ref``, the Share and Export buttons."""
    level = level_of(rubric, flow.level)
    lines = [_line(rubric, r) for r in weakest_first(flow.results)]
    blocks = [
        header(texts.PRACTICE_DONE_TITLE.format(label=level.label)),
        section(tally_words(flow.results) + "\n" + "\n".join(lines)),
        divider(),
        section(texts.PRACTISE_NEXT),
        *_practise_blocks(rubric, flow, level),
        divider(),
        *_answer_blocks(rubric, flow),
    ]
    if templates:
        items = tuple(f"*{t.topic}*: {t.answer}" for t in templates)
        blocks.append(section(texts.TEMPLATES + "\n" + "\n".join(f"• {i}" for i in items)))
    weak = practise_next(flow.results)
    retry = area_of(rubric, weak[0].area if weak else flow.areas[0]).aliases[0]
    blocks.append(context(texts.AGAIN.format(level=level.id, area=retry)))
    if ref is not None:
        blocks.append(share_buttons(ref))
    return message(texts.PRACTICE_FALLBACK.format(label=level.label), blocks)


def _practise_blocks(rubric: Rubric, flow: PrepFlow, level: Level) -> list[Block]:
    weak = practise_next(flow.results)
    if not weak and tally(flow.results).rated == 0:
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
            rating=rating_word(result),
            probe=esc(area.probe),
            expectations=expectations_text(area, level),
            green=esc(area.green),
            red=esc(area.red),
        )
        blocks.append(section(text))
    return blocks


def scorecard_summary(
    rubric: Rubric, flow: PrepFlow, ref: FlowRef | None = None, *, shared_by: str = ""
) -> dict[str, Any]:
    """The debrief: recommendation, the stated rule, every area in rubric order with notes;
    with ``ref``, the Share and Export buttons; ``shared_by``: who posted it here."""
    level = level_of(rubric, flow.level)
    verdict = recommend(rubric, level, flow.results)
    blocks = [
        header(texts.SUMMARY_TITLE.format(candidate=flow.candidate, label=level.label)),
        section("\n".join(verdict_words(rubric, flow, verdict, esc))),
        context(rule_words(rubric, level, esc)),
        divider(),
    ]
    table = scorecard_table(rubric, flow)
    blocks.append(table_block(table))
    blocks.append(
        context(texts.SHARED_BY.format(user=shared_by) if shared_by else texts.PASTE_HINT)
    )
    if ref is not None:
        blocks.append(share_buttons(ref))
    outcome = texts.OUTCOMES[verdict.outcome] if verdict.outcome else texts.NO_OUTCOME
    fallback = texts.SUMMARY_FALLBACK.format(
        candidate=flow.candidate, label=level.label, outcome=outcome
    )
    return message(fallback + "\n" + esc(table_text(table)), blocks)


def scorecard_table(rubric: Rubric, flow: PrepFlow) -> Table:
    """Every area in rubric order: its rating and the interviewer's notes (8 rows: it fits)."""
    rows = tuple(
        (
            area_of(rubric, r.area).name,
            rating_word(r),
            " / ".join(line.strip() for line in r.note.splitlines() if line.strip())
            or texts.T_NO_NOTE,
        )
        for r in flow.results
    )
    return Table(
        header=(texts.T_AREA, texts.T_RATING, texts.T_NOTES), rows=rows, wrap=(False, False, True)
    )


def ending_message(
    rubric: Rubric,
    flow: PrepFlow,
    templates: tuple[AnswerTemplate, ...],
    ref: FlowRef | None = None,
    *,
    shared_by: str = "",
) -> dict[str, Any]:
    """The scorecard a flow ends with, for its mode."""
    if flow.mode == "practice":
        shown = practice_scorecard(rubric, flow, templates, ref)
        if shared_by:
            shown["blocks"].append(context(texts.SHARED_BY.format(user=shared_by)))
        return shown
    return scorecard_summary(rubric, flow, ref, shared_by=shared_by)
