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
    DecisionRecord,
    Flow,
    Move,
    PathLine,
    Progress,
    Recommendation,
    Verb,
)
from bot.texts import buildvsbuy as texts

PREFIX = "bvb."
ACTION_YES, ACTION_NO = "bvb.yes", "bvb.no"
ACTION_BACK, ACTION_RESTART = "bvb.back", "bvb.restart"
ACTION_RECORD, ACTION_COST, ACTION_TOPIC = "bvb.record", "bvb.cost", "bvb.topic"
STEP_BLOCK = "bvb.step"
TOPIC_CALLBACK = "bvb.topic_modal"
TOPIC_BLOCK, TOPIC_INPUT = "bvb.topic_block", "bvb.topic_input"
LINE_LIMIT = 300  # one path / bullet line
MAX_MENTIONS = 20
MESSAGE_BLOCKS = 50


def button_value(flow: Flow, node: str, verb: Verb) -> str:
    """The value of the walk's ``verb`` button at ``node``, for the flow's current turn."""
    return FlowRef(flow.team, "bvb", flow.id, flow.turn).value(Move(verb, node).encode())


def _people(users: tuple[str, ...]) -> str:
    shown = ", ".join(f"<@{u}>" for u in users[:MAX_MENTIONS])
    return shown + (f" +{len(users) - MAX_MENTIONS}" if len(users) > MAX_MENTIONS else "")


def _lines(lines: list[str]) -> str:
    return "\n".join(clip(line, LINE_LIMIT) for line in lines)


def _path(path: tuple[PathLine, ...]) -> str:
    return _lines(
        [
            texts.PATH_LINE.format(
                n=n, question=p.question.text, answer=texts.ANSWERS[p.answer], user=p.user
            )
            for n, p in enumerate(path, 1)
        ]
    )


def _bullets(items: tuple[str, ...]) -> str:
    return _lines([texts.BULLET.format(text=item) for item in items])


def _top(flow: Flow) -> list[Block]:
    return [header(flow.topic), context(texts.STARTED_BY.format(kind=texts.KIND, user=flow.started_by))]


def flow_message(flow: Flow, shown: Progress | Recommendation) -> dict[str, Any]:
    """The one message a flow lives in, for where it stands."""
    if isinstance(shown, Recommendation):
        return recommendation_message(flow, shown)
    return step_message(flow, shown)


def step_message(flow: Flow, progress: Progress) -> dict[str, Any]:
    question = progress.question
    node = question.id
    buttons = [
        button(texts.YES, ACTION_YES, button_value(flow, node, "yes"), style="primary"),
        button(texts.NO, ACTION_NO, button_value(flow, node, "no")),
    ]
    if progress.path:
        buttons += [
            button(texts.BACK, ACTION_BACK, button_value(flow, node, "back")),
            button(texts.RESTART, ACTION_RESTART, button_value(flow, node, "restart")),
        ]
    path = _path(progress.path) if progress.path else texts.PATH_EMPTY
    number = len(progress.path) + 1  # as the path counts: a walk may skip the tree's step 4
    blocks = [
        *_top(flow),
        section(texts.QUESTION.format(step=number, text=question.text, explain=question.explain)),
        actions(*buttons, block_id=STEP_BLOCK),
        divider(),
        section(f"{texts.PATH_TITLE}\n{path}"),
    ]
    fallback = texts.FALLBACK_STEP.format(topic=escape(flow.topic), question=question.text)
    return message(fallback, blocks)


def recommendation_message(flow: Flow, rec: Recommendation) -> dict[str, Any]:
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
        section(texts.RECOMMENDATION.format(title=outcome.title, summary=outcome.summary)),
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
    if flow.recorded_by:
        blocks.append(context(texts.RECORDED.format(user=flow.recorded_by)))
    blocks.append(context(texts.PARTICIPANTS.format(people=_people(flow.participants))))
    fallback = texts.FALLBACK_RECOMMENDATION.format(topic=escape(flow.topic), title=outcome.title)
    return message(fallback, blocks)


def record_message(record: DecisionRecord) -> dict[str, Any]:
    """The ADR posted in the flow's thread."""
    context_lines = _lines(
        [
            texts.ADR_CONTEXT_LINE.format(question=c.question, answer=texts.ANSWERS[c.answer], user=c.user)
            for c in record.context
        ]
    )
    blocks = [
        header(texts.ADR_TITLE.format(topic=record.topic)),
        section(
            texts.ADR_META.format(
                date=record.decided_on.isoformat(),
                status=record.status,
                people=_people(record.participants),
            )
        ),
        section(texts.ADR_CONTEXT.format(lines=context_lines)),
        section(texts.ADR_DECISION.format(title=record.title, decision=record.decision)),
        section(
            texts.ADR_CONSEQUENCES.format(wins=_bullets(record.wins), risks=_bullets(record.risks))
        ),
        section(texts.ADR_NEXT.format(next_step=record.next_step)),
    ]
    fallback = texts.ADR_FALLBACK.format(topic=escape(record.topic), title=record.title)
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
            }
        ],
    }
