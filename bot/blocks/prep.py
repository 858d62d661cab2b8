"""Block Kit for interview prep in DMs: menu, level choice, area cards, resume prompt.

Every button value comes from a :class:`~bot.blocks.clicks.FlowRef` of kind ``prep`` whose id
is the owner (menu and level buttons, turn 0, drawn before a flow exists) or owner and flow id
(``U0ALICE-1a2b...``, at the flow's turn). A practice card's checklist is a checkboxes element
whose block id carries the same value (checkboxes have no value of their own).

Action ids: ``prep.menu.{mode}``, ``prep.start.{level}`` (level chooser),
``prep.scorecard.{level}`` and ``prep.kit.{level}`` (the kit's buttons), ``prep.tick``,
``prep.rate.{rating}``, ``prep.skip``, ``prep.stop``, ``prep.continue``, ``prep.over``,
``prep.share``, ``prep.export``. The kit is in ``bot.blocks.prep_kit``, the end of a flow
(scorecards) in ``bot.blocks.prep_end``.
"""

from __future__ import annotations

from typing import Any

from bot.blocks.clicks import FlowRef
from bot.blocks.common import Block, actions, button, clip, context, message, plain, section
from bot.blocks.rubric import area_text, esc, level_buttons, short_label
from bot.domain.flows import FlowKind
from bot.domain.knowledge.rubric import Area, Level, Rubric
from bot.domain.prep.flow import RATINGS, PrepFlow, ref_id
from bot.texts import prep as texts

KIND: FlowKind = "prep"
TICK = "prep.tick"


def menu_ref(team: str, owner: str) -> FlowRef:
    """What buttons drawn before a flow exists point at: the owner, turn 0."""
    return FlowRef(team, KIND, ref_id(owner), 0)


def flow_ref(team: str, flow: PrepFlow) -> FlowRef:
    return FlowRef(team, KIND, flow.ref_id, flow.turn)


def _plural(n: int) -> str:
    return "" if n == 1 else "s"


def menu_message(ref: FlowRef) -> dict[str, Any]:
    buttons = [
        button(label, f"prep.menu.{mode}", ref.value(mode))
        for mode, label in texts.MENU_BUTTONS.items()
    ]
    blocks = [section(texts.MENU), actions(*buttons), context(texts.MENU_HINT)]
    return message(texts.MENU_FALLBACK, blocks)


def choose_level_message(rubric: Rubric, ref: FlowRef, mode: str) -> dict[str, Any]:
    text = texts.CHOOSE_LEVEL[mode]
    return message(
        text, [section(text), level_buttons(rubric, "prep.start", lambda _: ref.value(mode))]
    )


def chosen_message(mode: str, level: Level) -> dict[str, Any]:
    """The level chooser after the click: what was chosen, no buttons."""
    text = texts.CHOSEN.format(what=texts.MENU_BUTTONS[mode], label=esc(level.label))
    return message(text, [section(text)])


def intro_message(ref: FlowRef, flow: PrepFlow, level: Level) -> dict[str, Any]:
    """The first words of a flow: what is about to happen."""
    plural = _plural(flow.total)
    if flow.mode == "practice":
        text = texts.PRACTICE_INTRO.format(label=esc(level.label), total=flow.total, plural=plural)
    elif flow.step == "name":
        return name_message(ref, level)
    else:
        text = texts.SCORECARD_INTRO.format(
            candidate=esc(flow.candidate), label=esc(level.label), total=flow.total, plural=plural
        )
    return message(text, [section(text)])


def name_message(ref: FlowRef, level: Level) -> dict[str, Any]:
    text = texts.ASK_NAME.format(label=esc(level.label))
    return message(text, [section(text), actions(button(texts.STOP, "prep.stop", ref.value()))])


def _heading(flow: PrepFlow, area: Area) -> str:
    heading = texts.AREA_HEADING.format(number=flow.number, total=flow.total, name=esc(area.name))
    return f"{esc(flow.candidate)} · {heading}" if flow.mode == "scorecard" else heading


def quote(text: str) -> str:
    return "\n".join(f">{esc(line)}" for line in text.splitlines()) or ">…"


def suggestion(rubric: Rubric, flow: PrepFlow) -> str | None:
    """The rating the ticks suggest for the current practice card (None before any tick)."""
    result = flow.result
    checks = area_of(rubric, result.area).checks_for(level_of(rubric, flow.level))
    if not result.ticked:
        return None
    return rubric.self_rating.suggest(len(result.ticked), len(checks))


def _checklist(ref: FlowRef, rubric: Rubric, flow: PrepFlow) -> list[Block]:
    level, area = level_of(rubric, flow.level), area_of(rubric, flow.area)
    checks = area.checks_for(level)
    options = [
        {"text": plain(clip(item, 75)), "value": str(index)} for index, item in enumerate(checks)
    ]
    element: Block = {"type": "checkboxes", "action_id": TICK, "options": options}
    chosen = [options[i] for i in flow.result.ticked if i < len(options)]
    if chosen:
        element["initial_options"] = chosen
    title = texts.CHECKLIST_TITLE.format(level=esc(short_label(level)), total=len(checks))
    return [section(title), actions(element, block_id=ref.value("tick"))]


def _suggestion_line(rubric: Rubric, flow: PrepFlow) -> str:
    suggested = suggestion(rubric, flow)
    rule = rubric.self_rating
    if suggested is None:
        return texts.TICK_FIRST.format(green=rule.green_from, mixed=rule.mixed_from)
    total = len(area_of(rubric, flow.area).checks_for(level_of(rubric, flow.level)))
    return texts.SUGGESTED.format(
        rating=texts.RATING_LABELS[suggested], ticked=len(flow.result.ticked), total=total,
        green=rule.green_from, mixed=rule.mixed_from,
    )  # fmt: skip


def _step_blocks(rubric: Rubric, flow: PrepFlow) -> tuple[list[Block], str]:
    """The current area's card without its buttons, and its hint line."""
    area, level = area_of(rubric, flow.area), level_of(rubric, flow.level)
    heading = _heading(flow, area)
    if flow.mode == "practice" and flow.step == "answer":
        text = f"{heading}\n{texts.PROBE.format(probe=esc(area.probe))}"
        return [section(text)], texts.ANSWER_HINT
    if flow.mode == "practice":
        answer = f"{heading}\n{texts.YOUR_ANSWER}\n{quote(flow.result.answer)}"
        return [section(answer), section(area_text(area, level))], texts.RATE_HINT
    return [section(f"{heading}\n{area_text(area, level)}")], texts.SCORE_HINT


def step_message(ref: FlowRef, rubric: Rubric, flow: PrepFlow) -> dict[str, Any]:
    """The card for the current step, with its buttons (and a practice card's checklist)."""
    if flow.step == "name":
        return name_message(ref, level_of(rubric, flow.level))
    blocks, hint = _step_blocks(rubric, flow)
    practising = flow.mode == "practice" and flow.step == "rate"
    if practising:
        blocks += _checklist(ref, rubric, flow)
    elements = []
    if flow.step == "rate":
        suggested = suggestion(rubric, flow) if practising else None
        elements = [
            button(
                texts.SUGGESTED_LABEL.format(rating=texts.RATING_LABELS[r])
                if r == suggested
                else texts.RATING_LABELS[r],
                f"prep.rate.{r}",
                ref.value(r),
                style=_style(r),
            )
            for r in RATINGS
        ]
    elements += [
        button(texts.SKIP, "prep.skip", ref.value()),
        button(texts.STOP, "prep.stop", ref.value()),
    ]
    notes = [_suggestion_line(rubric, flow), hint] if practising else [hint]
    blocks += [context(*notes), actions(*elements)]
    name = area_of(rubric, flow.area).name
    fallback = texts.AREA_HEADING.format(number=flow.number, total=flow.total, name=name)
    return message(fallback, blocks)


def _style(rating: str) -> str | None:
    return {"green": "primary", "red": "danger"}.get(rating)


def ticked_text(rubric: Rubric, flow: PrepFlow, index: int | None = None) -> str:
    """``Ticked 2 of 5: a; b`` for an area's practice checklist (the current one by default)."""
    result = flow.results[flow.index if index is None else index]
    checks = area_of(rubric, result.area).checks_for(level_of(rubric, flow.level))
    items = [checks[i] for i in result.ticked if i < len(checks)]
    shown = texts.TICKED.format(ticked=len(items), total=len(checks))
    return f"{shown}: {esc('; '.join(items))}" if items else shown


def frozen_step(rubric: Rubric, flow: PrepFlow, mark: str) -> dict[str, Any]:
    """A card the user has moved past: the same content, no buttons, what they did."""
    if flow.step == "name":
        text = texts.ASK_NAME.format(label=esc(level_of(rubric, flow.level).label))
        return message(text, [section(text), context(mark)])
    blocks, _ = _step_blocks(rubric, flow)
    notes = [mark]
    if flow.mode == "practice" and flow.step == "rate":
        notes.append(ticked_text(rubric, flow))
    return message(mark, [*blocks, context(*notes)])


def rated_mark(rating: str | None) -> str:
    if rating is None:
        return texts.SKIPPED_MARK
    return texts.RATED.format(emoji=texts.RATING_EMOJI[rating], rating=texts.RATING_LABELS[rating])


def noted_message(rubric: Rubric, flow: PrepFlow) -> dict[str, Any]:
    template = texts.NOTED if flow.mode == "practice" else texts.NOTED_SCORE
    return notice_message(template.format(name=esc(area_of(rubric, flow.area).name)))


def resume_message(ref: FlowRef, rubric: Rubric, flow: PrepFlow) -> dict[str, Any]:
    level = short_label(level_of(rubric, flow.level)).lower()
    if flow.step == "name":
        text = texts.RESUME_NAME.format(level=level)
    else:
        what = texts.WHAT[flow.mode].format(candidate=esc(flow.candidate))
        text = texts.RESUME.format(number=flow.number, total=flow.total, level=level, what=what)
    buttons = [
        button(texts.CONTINUE, "prep.continue", ref.value(), style="primary"),
        button(texts.START_OVER, "prep.over", ref.value()),
    ]
    return message(text, [section(text), actions(*buttons)])


def notice_message(text: str) -> dict[str, Any]:
    return message(text, [section(text)])


def area_of(rubric: Rubric, area_id: str) -> Area:
    area = rubric.area(area_id)
    if area is None:  # ids come from the rubric when the flow starts
        raise KeyError(area_id)
    return area


def level_of(rubric: Rubric, level_id: str) -> Level:
    level = rubric.level(level_id)
    if level is None:
        raise KeyError(level_id)
    return level
