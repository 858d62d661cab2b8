"""A finished prep flow as Markdown (the scorecard's Export, uploaded as a ``.md`` file), and the
recommendation rule in words, which the Block Kit scorecard shares (words from texts)."""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.domain.knowledge.rubric import Level, Rubric
from bot.domain.prep.flow import AreaResult, PrepFlow
from bot.domain.prep.score import Verdict, recommend, tally
from bot.texts import prep as texts


def _same(text: str) -> str:
    return text


def rule_words(rubric: Rubric, level: Level, escape: Callable[[str], str] = _same) -> str:
    """The recommendation rule, built from knowledge/rubric.yaml, with the areas whose Red
    blocks Hire at ``level`` (``escape`` for names shown in mrkdwn)."""
    rule = rubric.recommendation
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
    critical = ", ".join(_name(rubric, a) for a in rubric.critical_for(level))
    return " ".join(
        [
            f"{texts.RULE_INTRO} {'; '.join(parts)}.",
            texts.RULE_MIN.format(n=rule.min_rated),
            texts.RULE_CRITICAL.format(
                areas=escape(critical),
                label=escape(level.label),
                blocked=texts.OUTCOMES[rule.blocked],
            ),
        ]
    )


def verdict_words(
    rubric: Rubric, flow: PrepFlow, verdict: Verdict, escape: Callable[[str], str] = _same
) -> list[str]:
    """The recommendation line with the tally, then why Hire was blocked or why there is no
    recommendation, if so."""
    counts = tally(flow.results)
    outcome = texts.OUTCOMES[verdict.outcome] if verdict.outcome else texts.NO_OUTCOME
    lines = [
        texts.RECOMMENDATION.format(
            outcome=outcome, tally=tally_words(flow.results), rated=counts.rated, total=flow.total
        )
    ]
    if verdict.blocked and verdict.by_counts is not None:
        names = ", ".join(_name(rubric, a) for a in verdict.blocked_by)
        by_counts = texts.OUTCOMES[verdict.by_counts]
        lines.append(texts.BLOCKED.format(areas=escape(names), by_counts=by_counts))
    if verdict.outcome is None and rubric.recommendation is not None:
        lines.append(texts.NOT_ENOUGH.format(min_rated=rubric.recommendation.min_rated))
    return lines


def tally_words(results: tuple[AreaResult, ...]) -> str:
    counts = tally(results)
    return texts.TALLY.format(
        green=counts.green, mixed=counts.mixed, red=counts.red, unrated=counts.unrated
    )


def rating_word(result: AreaResult) -> str:
    if result.rating:
        return texts.RATING_LABELS[result.rating]
    return texts.SKIPPED_WORD if result.skipped else texts.NOT_REACHED


def _name(rubric: Rubric, area_id: str) -> str:
    area = rubric.area(area_id)
    return area.name if area else area_id


def scorecard_markdown(rubric: Rubric, flow: PrepFlow) -> str:
    """The whole scorecard as a Markdown document: title, recommendation and rule (candidate
    scorecards), then every area with its rating, ticks, answer and note."""
    level = rubric.level(flow.level)
    if level is None:
        raise KeyError(flow.level)
    if flow.mode == "scorecard":
        title = texts.MD_SCORECARD_TITLE.format(candidate=flow.candidate, label=level.label)
        verdict = recommend(rubric, level, flow.results)
        head = [*verdict_words(rubric, flow, verdict), "", f"_{rule_words(rubric, level)}_"]
    else:
        title = texts.MD_PRACTICE_TITLE.format(label=level.label)
        head = [tally_words(flow.results)]
    lines = [f"# {title}", "", *head, "", texts.MD_AREAS]
    for result in flow.results:
        area = rubric.area(result.area)
        if area is None:
            continue
        lines += ["", texts.MD_AREA.format(name=area.name, rating=rating_word(result))]
        checks = area.checks_for(level)
        if flow.mode == "practice" and checks:
            lines.append(texts.MD_TICKED.format(ticked=len(result.ticked), total=len(checks)))
            lines += [f"- [{'x' if i in result.ticked else ' '}] {c}" for i, c in enumerate(checks)]
        if result.answer:
            lines += ["", texts.MD_ANSWER, *_quoted(result.answer)]
        if result.note:
            lines += ["", texts.MD_NOTE, *_quoted(result.note)]
    return "\n".join(lines) + "\n"


def _quoted(text: str) -> list[str]:
    return [f"> {line}" for line in text.splitlines()]


def filename(flow: PrepFlow) -> str:
    """``scorecard-jane-doe-senior.md`` or ``practice-senior.md``: letters, digits and dashes."""
    base = (
        f"scorecard-{flow.candidate}-{flow.level}"
        if flow.mode == "scorecard"
        else f"practice-{flow.level}"
    )
    slug = re.sub(r"[^a-z0-9]+", "-", base.lower()).strip("-")
    return f"{slug or 'scorecard'}.md"
