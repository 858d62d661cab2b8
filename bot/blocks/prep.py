"""Block Kit for interview prep in DMs: menu, level choice, kit, area cards, resume prompt.

Every button value is a :class:`~bot.domain.prep.ButtonRef` (owner, session, step, arg).
Action ids: ``prep.menu.{mode}``, ``prep.start.{level}`` (level chooser),
``prep.scorecard.{level}`` (the kit's Scorecard button), ``prep.rate.{rating}``,
``prep.skip``, ``prep.stop``, ``prep.continue``, ``prep.over``. The end of a session
(scorecards) is in ``bot.blocks.prep_end``.
"""

from __future__ import annotations

from typing import Any

from bot.blocks.common import Block, actions, button, context, message, section
from bot.blocks.rubric import area_text, esc, level_blocks, level_buttons, short_label
from bot.domain.knowledge.rubric import Area, Level, Rubric
from bot.domain.prep import RATINGS, ButtonRef, PrepSession
from bot.texts import prep as texts
from bot.texts import rubric as rubric_texts


def _plural(n: int) -> str:
    return "" if n == 1 else "s"


def menu_message(owner: str) -> dict[str, Any]:
    buttons = [
        button(label, f"prep.menu.{mode}", ButtonRef(owner, arg=mode).encode())
        for mode, label in texts.MENU_BUTTONS.items()
    ]
    blocks = [section(texts.MENU), actions(*buttons), context(texts.MENU_HINT)]
    return message(texts.MENU_FALLBACK, blocks)


def choose_level_message(rubric: Rubric, owner: str, mode: str) -> dict[str, Any]:
    text = texts.CHOOSE_LEVEL[mode]
    value_of = lambda level: ButtonRef(owner, arg=mode).encode()  # noqa: E731
    return message(text, [section(text), level_buttons(rubric, "prep.start", value_of)])


def chosen_message(mode: str, level: Level) -> dict[str, Any]:
    """The level chooser after the click: what was chosen, no buttons."""
    text = texts.CHOSEN.format(what=texts.MENU_BUTTONS[mode], label=esc(level.label))
    return message(text, [section(text)])


def kit_message(rubric: Rubric, level: Level, owner: str) -> dict[str, Any]:
    """Everything to keep open during an interview, with a button to start a scorecard."""
    blocks = level_blocks(rubric, level, title=rubric_texts.KIT_TITLE)
    scorecard = ButtonRef(owner, arg="scorecard").encode()
    blocks += [
        context(texts.KIT_HINT.format(level=level.id)),
        actions(button(texts.MENU_BUTTONS["scorecard"], f"prep.scorecard.{level.id}", scorecard)),
    ]
    fallback = rubric_texts.KIT_TITLE.format(label=level.label)
    return message(fallback, blocks)


def intro_message(session: PrepSession, level: Level) -> dict[str, Any]:
    """The first words of a session: what is about to happen."""
    plural = _plural(session.total)
    if session.mode == "practice":
        text = texts.PRACTICE_INTRO.format(
            label=esc(level.label), total=session.total, plural=plural
        )
    elif session.step == "name":
        return name_message(session, level)
    else:
        text = texts.SCORECARD_INTRO.format(
            candidate=esc(session.candidate),
            label=esc(level.label),
            total=session.total,
            plural=plural,
        )
    return message(text, [section(text)])


def name_message(session: PrepSession, level: Level) -> dict[str, Any]:
    text = texts.ASK_NAME.format(label=esc(level.label))
    stop = button(texts.STOP, "prep.stop", ButtonRef.of(session).encode())
    return message(text, [section(text), actions(stop)])


def _heading(session: PrepSession, area: Area) -> str:
    heading = texts.AREA_HEADING.format(
        number=session.number, total=session.total, name=esc(area.name)
    )
    return f"{esc(session.candidate)} · {heading}" if session.mode == "scorecard" else heading


def _quote(text: str) -> str:
    return "\n".join(f">{esc(line)}" for line in text.splitlines()) or ">…"


def _step_blocks(session: PrepSession, rubric: Rubric) -> tuple[list[Block], str]:
    """The current area's card without its buttons, and its hint line."""
    area, level = area_of(rubric, session.area), level_of(rubric, session.level)
    heading = _heading(session, area)
    if session.mode == "practice" and session.step == "answer":
        text = f"{heading}\n{texts.PROBE.format(probe=esc(area.probe))}"
        return [section(text)], texts.ANSWER_HINT
    if session.mode == "practice":
        answer = f"{heading}\n{texts.YOUR_ANSWER}\n{_quote(session.result.answer)}"
        return [section(answer), section(area_text(area, level))], texts.RATE_HINT
    return [section(f"{heading}\n{area_text(area, level)}")], texts.SCORE_HINT


def step_message(session: PrepSession, rubric: Rubric) -> dict[str, Any]:
    """The card for the current step, with its buttons."""
    if session.step == "name":
        return name_message(session, level_of(rubric, session.level))
    blocks, hint = _step_blocks(session, rubric)
    ref = ButtonRef.of(session).encode()
    elements = []
    if session.step == "rate":
        elements = [
            button(texts.RATING_LABELS[r], f"prep.rate.{r}", ref, style=_style(r)) for r in RATINGS
        ]
    elements += [button(texts.SKIP, "prep.skip", ref), button(texts.STOP, "prep.stop", ref)]
    blocks += [context(hint), actions(*elements)]
    name = area_of(rubric, session.area).name
    fallback = texts.AREA_HEADING.format(number=session.number, total=session.total, name=name)
    return message(fallback, blocks)


def _style(rating: str) -> str | None:
    return {"green": "primary", "red": "danger"}.get(rating)


def frozen_step(session: PrepSession, rubric: Rubric, mark: str) -> dict[str, Any]:
    """A card the user has moved past: the same content, no buttons, what they did."""
    if session.step == "name":
        text = texts.ASK_NAME.format(label=esc(level_of(rubric, session.level).label))
        return message(text, [section(text), context(mark)])
    blocks, _ = _step_blocks(session, rubric)
    return message(mark, [*blocks, context(mark)])


def rated_mark(rating: str | None) -> str:
    if rating is None:
        return texts.SKIPPED_MARK
    return texts.RATED.format(emoji=texts.RATING_EMOJI[rating], rating=texts.RATING_LABELS[rating])


def noted_message(session: PrepSession, rubric: Rubric) -> dict[str, Any]:
    template = texts.NOTED if session.mode == "practice" else texts.NOTED_SCORE
    return _notice(template.format(name=esc(area_of(rubric, session.area).name)))


def resume_message(session: PrepSession, rubric: Rubric) -> dict[str, Any]:
    level = short_label(level_of(rubric, session.level)).lower()
    if session.step == "name":
        text = texts.RESUME_NAME.format(level=level)
    else:
        what = texts.WHAT[session.mode].format(candidate=esc(session.candidate))
        text = texts.RESUME.format(
            number=session.number, total=session.total, level=level, what=what
        )
    ref = ButtonRef.of(session).encode()
    buttons = [
        button(texts.CONTINUE, "prep.continue", ref, style="primary"),
        button(texts.START_OVER, "prep.over", ref),
    ]
    return message(text, [section(text), actions(*buttons)])


def _notice(text: str) -> dict[str, Any]:
    return message(text, [section(text)])


def area_of(rubric: Rubric, area_id: str) -> Area:
    area = rubric.area(area_id)
    if area is None:  # ids come from the rubric when the session starts
        raise KeyError(area_id)
    return area


def level_of(rubric: Rubric, level_id: str) -> Level:
    level = rubric.level(level_id)
    if level is None:
        raise KeyError(level_id)
    return level
