"""Block Kit for a decision record (ADR): the record in its thread (Accepted or Superseded),
its Export Markdown button and its revisit reminder. Their buttons carry
``{team}|adr|{number}|0|{arg}`` (``bot/blocks/clicks.py``)."""

from __future__ import annotations

from typing import Any

from bot.blocks.buildvsbuy import LINE_LIMIT, people
from bot.blocks.clicks import FlowRef
from bot.blocks.common import (
    actions,
    button,
    clip,
    context,
    escape,
    header,
    message,
    plain,
    section,
)
from bot.domain.buildvsbuy import ContextLine, DecisionRecord, tally
from bot.domain.cost.money import format_usd
from bot.texts import buildvsbuy as bvb_texts
from bot.texts import decisions as texts

KIND = "adr"
ACTION_EXPORT = "adr.export"
ACTION_REVISIT_COST = "adr.cost"
ACTION_OWNER = "adr.owner"
OWNER_CALLBACK = "adr.owner_modal"
OWNER_BLOCK, OWNER_INPUT = "adr.owner_block", "adr.owner_input"
RECORD_BLOCK = "adr.record"
REMINDER_BLOCK = "adr.reminder"


def ref(team: str, number: int) -> FlowRef:
    """What a record's buttons point at: the record, by its number (records have no turns)."""
    return FlowRef(team, KIND, str(number), 0)


def number_text(number: int) -> str:
    return texts.NUMBER.format(number=number)


def _bullets(items: tuple[str, ...] | list[str]) -> str:
    return "\n".join(clip(texts.BULLET.format(text=item), LINE_LIMIT) for item in items)


def vote_tally(line: ContextLine, side: str, mention: str = "<@{}>") -> str:
    counted = tally(line.votes)
    return "; ".join(
        side.format(
            answer=bvb_texts.ANSWERS[a],
            people=", ".join(mention.format(u) for u in counted[a]) or texts.NOBODY,
        )
        for a in ("yes", "no")
    )


def context_line(line: ContextLine) -> str:
    """One bullet of the context: what the answer established, and who answered (or how
    the vote went)."""
    answer = bvb_texts.ANSWERS[line.answer]
    if not line.votes:
        who = texts.ANSWERED.format(user=line.user, answer=answer, question=line.question)
    else:
        counted = tally(line.votes)
        won, lost = len(counted[line.answer]), len(line.votes) - len(counted[line.answer])
        template = texts.TIED if line.tie_broken else texts.VOTED
        who = template.format(
            question=line.question, answer=answer, won=won, lost=lost, user=line.user,
            tally=vote_tally(line, texts.VOTE_SIDE),
        )  # fmt: skip
    return f"{line.finding} {who}".strip()


def status_text(record: DecisionRecord) -> str:
    if record.status != "Superseded" or record.superseded_by is None:
        return texts.STATUS[record.status]
    if record.superseded_link:
        return texts.SUPERSEDED_STATUS.format(
            link=record.superseded_link, number=record.superseded_by
        )
    return texts.SUPERSEDED_STATUS_NO_LINK.format(number=record.superseded_by)


def record_message(record: DecisionRecord, team: str) -> dict[str, Any]:
    """The ADR as posted in the flow's thread (and as edited when superseded)."""
    revisit = record.revisit_on.isoformat() if record.revisit_on else "-"
    alternatives = [
        texts.ALTERNATIVE.format(title=a.title, reason=a.reason) for a in record.alternatives
    ]
    blocks = [
        header(texts.TITLE.format(number=record.number, topic=record.topic)),
        section(
            texts.META.format(
                status=status_text(record), date=record.decided_on.isoformat(),
                owner=record.owner or record.recorded_by, revisit=revisit,
            )
        ),
        section(texts.CONTEXT.format(lines=_bullets([context_line(c) for c in record.context]))),
        section(texts.DECISION.format(title=record.title, decision=record.decision)),
        section(
            texts.CONSEQUENCES.format(wins=_bullets(record.wins), risks=_bullets(record.risks))
        ),
        section(texts.ALTERNATIVES.format(lines=_bullets(alternatives or [texts.NO_ALTERNATIVES]))),
        section(texts.NEXT.format(next_step=record.next_step)),
    ]
    if record.cost is not None:
        cost = record.cost
        blocks.append(
            section(
                texts.COST.format(
                    by=cost.by, per_month=format_usd(cost.per_month), model=escape(cost.model),
                    on=cost.on.isoformat(), args=escape(cost.args), prices=escape(cost.prices),
                )
            )
        )
    crowd = texts.PEOPLE_VOTE if record.mode == "vote" else texts.PEOPLE
    notes = [crowd.format(people=people(record.participants))]
    if record.supersedes:
        notes.append(
            texts.SUPERSEDES.format(records=", ".join(number_text(n) for n in record.supersedes))
        )
    blocks.append(context(*notes))
    if record.status == "Superseded" and record.superseded_by is not None:
        blocks.append(context(texts.SUPERSEDED_NOTE.format(record=status_text(record))))
    at = ref(team, record.number)
    blocks.append(
        actions(
            button(texts.EXPORT, ACTION_EXPORT, at.value("export")),
            button(texts.OWNER_BUTTON, ACTION_OWNER, at.value("owner")),
            block_id=RECORD_BLOCK,
        )
    )
    fallback = texts.FALLBACK.format(
        number=record.number, topic=escape(record.topic), title=record.title
    )
    return message(fallback, blocks)


def reminder_message(record: DecisionRecord, team: str) -> dict[str, Any]:
    """The revisit reminder, scheduled in the record's thread for its revisit date."""
    words = {
        "record": number_text(record.number), "topic": escape(record.topic),
        "date": record.decided_on.isoformat(), "owner": record.owner or record.recorded_by,
    }  # fmt: skip
    value = ref(team, record.number).value("cost")
    blocks = [
        section(texts.REMINDER.format(**words)),
        actions(
            button(texts.REMINDER_BUTTON, ACTION_REVISIT_COST, value, style="primary"),
            block_id=REMINDER_BLOCK,
        ),
    ]
    return message(texts.REMINDER_FALLBACK.format(**words), blocks)


def owner_modal(record: DecisionRecord, private_metadata: str) -> dict[str, Any]:
    """Change a record's owner; ``private_metadata`` is the record's button value."""
    title = texts.TITLE.format(number=record.number, topic=record.topic)
    return {
        "type": "modal",
        "callback_id": OWNER_CALLBACK,
        "title": plain(texts.OWNER_TITLE),
        "submit": plain(texts.OWNER_SUBMIT),
        "close": plain(texts.OWNER_CLOSE),
        "private_metadata": private_metadata,
        "blocks": [
            section(escape(clip(title, 300))),
            {
                "type": "input",
                "block_id": OWNER_BLOCK,
                "label": plain(texts.OWNER_LABEL),
                "element": {
                    "type": "users_select",
                    "action_id": OWNER_INPUT,
                    "initial_user": record.owner or record.recorded_by,
                },
            },
        ],
    }
