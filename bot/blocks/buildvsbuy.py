"""Block Kit for /buildvsbuy: the step, the recommendation, the ADR, notices, the topic modal."""

from __future__ import annotations

from typing import Any

from bot.blocks.clicks import FlowRef
from bot.blocks.common import (
    Block,
    actions,
    button,
    clip,
    context,
    divider,
    escape,
    header,
    message,
    notice,
    plain,
    section,
)
from bot.domain.buildvsbuy import (
    Flow,
    Move,
    PathLine,
    Progress,
    Recommendation,
    Verb,
    Vote,
    tally,
)
from bot.texts import buildvsbuy as texts

PREFIX = "bvb."
ACTION_YES, ACTION_NO = "bvb.yes", "bvb.no"
ACTION_BACK, ACTION_RESTART = "bvb.back", "bvb.restart"
ACTION_RECORD, ACTION_COST, ACTION_TOPIC = "bvb.record", "bvb.cost", "bvb.topic"
ACTION_CLOSE = "bvb.close"
STEP_BLOCK = "bvb.step"
TOPIC_CALLBACK = "bvb.topic_modal"
TOPIC_BLOCK, TOPIC_INPUT = "bvb.topic_block", "bvb.topic_input"
MODE_BLOCK, MODE_INPUT = "bvb.mode_block", "bvb.mode_input"
LINE_LIMIT = 300  # one path / bullet line
MAX_MENTIONS = 20
MESSAGE_BLOCKS = 50


def button_value(flow: Flow, node: str, verb: Verb) -> str:
    """The value of the walk's ``verb`` button at ``node``, for the flow's current turn."""
    return FlowRef(flow.team, "bvb", flow.id, flow.turn).value(Move(verb, node).encode())


def people(users: tuple[str, ...], nobody: str = texts.NOBODY) -> str:
    if not users:
        return nobody
    shown = ", ".join(f"<@{u}>" for u in users[:MAX_MENTIONS])
    return shown + (f" +{len(users) - MAX_MENTIONS}" if len(users) > MAX_MENTIONS else "")


def tally_text(votes: tuple[Vote, ...]) -> str:
    counted = tally(votes)
    return texts.TALLY.format(
        yes=len(counted["yes"]), yes_people=people(counted["yes"]),
        no=len(counted["no"]), no_people=people(counted["no"]),
    )  # fmt: skip


def _lines(lines: list[str]) -> str:
    return "\n".join(clip(line, LINE_LIMIT) for line in lines)


def _path_line(n: int, p: PathLine) -> str:
    answer = texts.ANSWERS[p.answer]
    if not p.votes:
        return texts.PATH_LINE.format(n=n, question=p.question.text, answer=answer, user=p.user)
    tie = texts.TIE_NOTE.format(user=p.user) if p.tie_broken else ""
    return texts.PATH_LINE_VOTE.format(
        n=n, question=p.question.text, answer=answer, tally=tally_text(p.votes), tie=tie
    )


def _path(path: tuple[PathLine, ...]) -> str:
    return _lines([_path_line(n, p) for n, p in enumerate(path, 1)])


def _bullets(items: tuple[str, ...]) -> str:
    return _lines([texts.BULLET.format(text=item) for item in items])


def _top(flow: Flow) -> list[Block]:
    started = texts.STARTED_BY_VOTE if flow.mode == "vote" else texts.STARTED_BY
    return [header(flow.topic), context(started.format(kind=texts.KIND, user=flow.started_by))]


def flow_message(
    flow: Flow, shown: Progress | Recommendation, recorded: tuple[int, str] | None = None
) -> dict[str, Any]:
    """The one message a flow lives in, for where it stands (``recorded``: the number and
    link of the record just posted from it)."""
    if isinstance(shown, Recommendation):
        return recommendation_message(flow, shown, recorded)
    return step_message(flow, shown)


def step_message(flow: Flow, progress: Progress) -> dict[str, Any]:
    question = progress.question
    node = question.id
    buttons = [
        button(texts.YES, ACTION_YES, button_value(flow, node, "yes"), style="primary"),
        button(texts.NO, ACTION_NO, button_value(flow, node, "no")),
    ]
    voting = flow.mode == "vote"
    if voting:
        buttons.append(button(texts.CLOSE, ACTION_CLOSE, button_value(flow, node, "close")))
    if progress.path:
        buttons += [
            button(texts.BACK, ACTION_BACK, button_value(flow, node, "back")),
            button(texts.RESTART, ACTION_RESTART, button_value(flow, node, "restart")),
        ]
    empty = texts.PATH_EMPTY_VOTE if voting else texts.PATH_EMPTY
    path = _path(progress.path) if progress.path else empty
    number = len(progress.path) + 1  # as the path counts: a walk may skip the tree's step 4
    blocks = [
        *_top(flow),
        section(texts.QUESTION.format(step=number, text=question.text, explain=question.explain)),
    ]
    if voting:
        votes = texts.VOTES.format(tally=tally_text(flow.votes)) if flow.votes else None
        blocks.append(context(votes or texts.NO_VOTES_YET.format(user=flow.started_by)))
    blocks += [
        actions(*buttons, block_id=STEP_BLOCK),
        divider(),
        section(f"{texts.PATH_TITLE}\n{path}"),
    ]
    fallback = texts.FALLBACK_STEP.format(topic=escape(flow.topic), question=question.text)
    return message(fallback, blocks)


def recommendation_message(
    flow: Flow, rec: Recommendation, recorded: tuple[int, str] | None = None
) -> dict[str, Any]:
    outcome, phase = rec.outcome, rec.next_phase
    node = outcome.id
    stack = _lines(
        [
            texts.STACK_LINE.format(layer=s.layer, default=s.default_choice, when=s.build_only_when)
            for s in rec.stack
        ]
    )
    buttons = [
        button(texts.BACK, ACTION_BACK, button_value(flow, node, "back")),
        button(texts.RESTART, ACTION_RESTART, button_value(flow, node, "restart")),
        button(texts.COST, ACTION_COST, button_value(flow, node, "cost")),
    ]
    if not flow.recorded_by:
        buttons.append(
            button(texts.RECORD, ACTION_RECORD, button_value(flow, node, "record"), style="primary")
        )
    blocks = [
        *_top(flow),
        section(texts.RECOMMENDATION.format(title=outcome.title, summary=rec.summary)),
        section(f"{texts.WHY}\n{_path(rec.path)}"),
        section(f"{texts.WINS}\n{_bullets(outcome.wins)}"),
        section(f"{texts.COSTS}\n{_bullets(outcome.costs_and_risks)}"),
        section(
            texts.NEXT_STEP.format(
                phase=phase.name,
                duration=phase.duration,
                action=rec.next_action,
                exit_criteria=phase.exit_criteria,
            )
        ),
        section(f"{texts.STACK}\n{stack}" if rec.stack else texts.NO_STACK),
        actions(*buttons, block_id=STEP_BLOCK),
    ]
    if flow.recorded_by and recorded:
        number, link = recorded
        blocks.append(context(texts.RECORDED_AS.format(user=flow.recorded_by, link=link, number=number)))
    elif flow.recorded_by:
        blocks.append(context(texts.RECORDED.format(user=flow.recorded_by)))
    blocks.append(context(texts.PARTICIPANTS.format(people=people(flow.participants))))
    fallback = texts.FALLBACK_RECOMMENDATION.format(topic=escape(flow.topic), title=outcome.title)
    return message(fallback, blocks)


def without_buttons(original: dict[str, Any] | None, note: str) -> dict[str, Any]:
    """``original`` with its buttons removed and ``note`` added as a context line."""
    original = original or {}
    kept = []
    for blk in original.get("blocks") or []:
        if not isinstance(blk, dict) or blk.get("type") == "actions":
            continue
        accessory = blk.get("accessory")
        if isinstance(accessory, dict) and accessory.get("type") == "button":
            blk = {k: v for k, v in blk.items() if k != "accessory"}
        kept.append(blk)
    blocks = [*kept[: MESSAGE_BLOCKS - 1], context(note)]
    text = original.get("text")
    return message((text if isinstance(text, str) else "").strip() or note, blocks)


def help_message() -> dict[str, Any]:
    return notice(texts.HELP)


def ask_topic_message() -> dict[str, Any]:
    blocks = [section(texts.ASK_TOPIC), actions(button(texts.ASK_TOPIC_BUTTON, ACTION_TOPIC, "topic"))]
    return message(texts.ASK_TOPIC, blocks)


def topic_modal(private_metadata: str, initial: str = "") -> dict[str, Any]:
    """The topic form; ``private_metadata`` says where to post the flow (a ``Place``);
    ``initial`` fills the field (at most its 150 characters)."""
    element: dict[str, Any] = {
        "type": "plain_text_input",
        "action_id": TOPIC_INPUT,
        "max_length": 150,
        "placeholder": plain(texts.MODAL_PLACEHOLDER),
    }
    if initial:
        element["initial_value"] = initial[:150]
    modes = [
        {"text": plain(texts.MODE_WALK), "value": "walk"},
        {"text": plain(texts.MODE_VOTE), "value": "vote"},
    ]
    return {
        "type": "modal",
        "callback_id": TOPIC_CALLBACK,
        "title": plain(texts.MODAL_TITLE),
        "submit": plain(texts.MODAL_SUBMIT),
        "close": plain(texts.MODAL_CLOSE),
        "private_metadata": private_metadata,
        "blocks": [
            {
                "type": "input",
                "block_id": TOPIC_BLOCK,
                "label": plain(texts.MODAL_LABEL),
                "hint": plain(texts.MODAL_HINT),
                "element": element,
            },
            {
                "type": "input",
                "block_id": MODE_BLOCK,
                "label": plain(texts.MODE_LABEL),
                "element": {
                    "type": "radio_buttons",
                    "action_id": MODE_INPUT,
                    "options": modes,
                    "initial_option": modes[0],
                },
            },
        ],
    }
