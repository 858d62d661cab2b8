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
from bot.texts import buildvsbuy as t

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
            t.PATH_LINE.format(
                n=n, question=p.question.text, answer=t.ANSWERS[p.answer], user=p.user
            )
            for n, p in enumerate(path, 1)
        ]
    )


def _bullets(items: tuple[str, ...]) -> str:
    return _lines([t.BULLET.format(text=item) for item in items])


def _top(flow: Flow) -> list[Block]:
    return [header(flow.topic), context(t.STARTED_BY.format(kind=t.KIND, user=flow.started_by))]


def flow_message(flow: Flow, shown: Progress | Recommendation) -> dict[str, Any]:
    """The one message a flow lives in, for where it stands."""
    if isinstance(shown, Recommendation):
        return recommendation_message(flow, shown)
    return step_message(flow, shown)


def step_message(flow: Flow, progress: Progress) -> dict[str, Any]:
    question = progress.question
    node = question.id
    buttons = [
        button(t.YES, ACTION_YES, button_value(flow, node, "yes"), style="primary"),
        button(t.NO, ACTION_NO, button_value(flow, node, "no")),
    ]
    if progress.path:
        buttons += [
            button(t.BACK, ACTION_BACK, button_value(flow, node, "back")),
            button(t.RESTART, ACTION_RESTART, button_value(flow, node, "restart")),
        ]
    path = _path(progress.path) if progress.path else t.PATH_EMPTY
    number = len(progress.path) + 1  # as the path counts: a walk may skip the tree's step 4
    blocks = [
        *_top(flow),
        section(t.QUESTION.format(step=number, text=question.text, explain=question.explain)),
        actions(*buttons, block_id=STEP_BLOCK),
        divider(),
        section(f"{t.PATH_TITLE}\n{path}"),
    ]
    fallback = t.FALLBACK_STEP.format(topic=escape(flow.topic), question=question.text)
    return message(fallback, blocks)


def recommendation_message(flow: Flow, rec: Recommendation) -> dict[str, Any]:
    outcome, phase = rec.outcome, rec.next_phase
    node = outcome.id
    stack = _lines(
        [
            t.STACK_LINE.format(layer=s.layer, default=s.default_choice, when=s.build_only_when)
            for s in rec.stack
        ]
    )
    buttons = [
        button(t.BACK, ACTION_BACK, button_value(flow, node, "back")),
        button(t.RESTART, ACTION_RESTART, button_value(flow, node, "restart")),
        button(t.COST, ACTION_COST, button_value(flow, node, "cost")),
    ]
    if not flow.recorded_by:
        buttons.append(
            button(t.RECORD, ACTION_RECORD, button_value(flow, node, "record"), style="primary")
        )
    blocks = [
        *_top(flow),
        section(t.RECOMMENDATION.format(title=outcome.title, summary=outcome.summary)),
        section(f"{t.WHY}\n{_path(rec.path)}"),
        section(f"{t.WINS}\n{_bullets(outcome.wins)}"),
        section(f"{t.COSTS}\n{_bullets(outcome.costs_and_risks)}"),
        section(
            t.NEXT_STEP.format(
                phase=phase.name,
                duration=phase.duration,
                action=rec.next_action,
                exit_criteria=phase.exit_criteria,
            )
        ),
        section(f"{t.STACK}\n{stack}" if rec.stack else t.NO_STACK),
        actions(*buttons, block_id=STEP_BLOCK),
    ]
    if flow.recorded_by:
        blocks.append(context(t.RECORDED.format(user=flow.recorded_by)))
    blocks.append(context(t.PARTICIPANTS.format(people=_people(flow.participants))))
    fallback = t.FALLBACK_RECOMMENDATION.format(topic=escape(flow.topic), title=outcome.title)
    return message(fallback, blocks)


def record_message(record: DecisionRecord) -> dict[str, Any]:
    """The ADR posted in the flow's thread."""
    context_lines = _lines(
        [
            t.ADR_CONTEXT_LINE.format(question=c.question, answer=t.ANSWERS[c.answer], user=c.user)
            for c in record.context
        ]
    )
    blocks = [
        header(t.ADR_TITLE.format(topic=record.topic)),
        section(
            t.ADR_META.format(
                date=record.decided_on.isoformat(),
                status=record.status,
                people=_people(record.participants),
            )
        ),
        section(t.ADR_CONTEXT.format(lines=context_lines)),
        section(t.ADR_DECISION.format(title=record.title, decision=record.decision)),
        section(
            t.ADR_CONSEQUENCES.format(wins=_bullets(record.wins), risks=_bullets(record.risks))
        ),
        section(t.ADR_NEXT.format(next_step=record.next_step)),
    ]
    fallback = t.ADR_FALLBACK.format(topic=escape(record.topic), title=record.title)
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
    return notice(t.HELP)


def ask_topic_message() -> dict[str, Any]:
    blocks = [section(t.ASK_TOPIC), actions(button(t.ASK_TOPIC_BUTTON, ACTION_TOPIC, "topic"))]
    return message(t.ASK_TOPIC, blocks)


def topic_modal(private_metadata: str) -> dict[str, Any]:
    """The topic form; ``private_metadata`` says where to post the flow (a ``Place``)."""
    return {
        "type": "modal",
        "callback_id": TOPIC_CALLBACK,
        "title": plain(t.MODAL_TITLE),
        "submit": plain(t.MODAL_SUBMIT),
        "close": plain(t.MODAL_CLOSE),
        "private_metadata": private_metadata,
        "blocks": [
            {
                "type": "input",
                "block_id": TOPIC_BLOCK,
                "label": plain(t.MODAL_LABEL),
                "hint": plain(t.MODAL_HINT),
                "element": {
                    "type": "plain_text_input",
                    "action_id": TOPIC_INPUT,
                    "max_length": 150,
                    "placeholder": plain(t.MODAL_PLACEHOLDER),
                },
            }
        ],
    }
