""" "Should I learn this now?" messages: the current filter with its answers, then the plan."""

from __future__ import annotations

from typing import Any

from bot.blocks.clicks import FlowRef
from bot.blocks.common import actions, button, context, escape, header, message, plain, section
from bot.domain.knowledge.learning import FilterOption
from bot.domain.knowledge.operating_map import Filter
from bot.domain.learn import TOPIC_LIMIT, Outcome, Question
from bot.texts import learn as texts

Payload = dict[str, Any]
ANSWER_ACTION = "learn.answer"
TOPIC_MODAL, TOPIC_BLOCK, TOPIC_INPUT = "learn.topic", "topic", "learn.topic_input"
Answered = tuple[Filter, FilterOption]


def question(
    ref: FlowRef, topic: str, q: Question, answered: tuple[Answered, ...]
) -> Payload:
    step = ref.turn
    item, topic = q.filter, escape(topic)
    blocks = [
        header(texts.TITLE),
        section(texts.TOPIC.format(topic=topic)),
        section(
            texts.QUESTION.format(
                number=q.number, total=q.total, name=item.name, question=item.question
            )
        ),
        context(*(f"{e.label}: {e.text}" for e in item.examples)),
    ]
    if item.guidance:
        blocks.append(context(texts.GUIDANCE.format(text=item.guidance)))
    if answered:
        blocks.append(context(texts.SO_FAR.format(answers=" · ".join(answer_lines(answered)))))
    blocks.append(
        actions(
            *(
                button(o.label, f"{ANSWER_ACTION}.{o.id}", ref.value(o.id))
                for o in q.options
            ),
            block_id=f"learn.{step}",
        )
    )
    text = texts.FALLBACK_STEP.format(
        topic=topic, number=q.number, total=q.total, question=item.question
    )
    return message(text, blocks)


def plan(topic: str, outcome: Outcome) -> Payload:
    topic = escape(topic)
    blocks = [
        header(texts.TITLE),
        section(texts.PLAN.format(topic=topic, plan=outcome.plan.name, summary=outcome.plan.summary)),
        section(texts.WHY.format(text=outcome.rule.why)),
        section(texts.NEXT_STEP.format(text=outcome.rule.next_step)),
        context(" · ".join(answer_lines(outcome.answered))),
    ]
    text = texts.FALLBACK_PLAN.format(topic=topic, plan=outcome.plan.name, summary=outcome.plan.summary)
    return message(text, blocks)


def answer_lines(answered: tuple[Answered, ...]) -> list[str]:
    return [texts.ANSWERED.format(filter=f.name, answer=o.label) for f, o in answered]


def topic_modal() -> dict[str, Any]:
    """The modal asking for a topic before the three filters (App Home)."""
    return {
        "type": "modal",
        "callback_id": TOPIC_MODAL,
        "title": plain(texts.MODAL_TITLE),
        "submit": plain(texts.MODAL_SUBMIT),
        "close": plain(texts.MODAL_CLOSE),
        "blocks": [
            {
                "type": "input",
                "block_id": TOPIC_BLOCK,
                "label": plain(texts.MODAL_LABEL),
                "hint": plain(texts.MODAL_HINT),
                "element": {
                    "type": "plain_text_input",
                    "action_id": TOPIC_INPUT,
                    "max_length": TOPIC_LIMIT,
                    "placeholder": plain(texts.MODAL_PLACEHOLDER),
                },
            }
        ],
    }
