"""A decision record as a Markdown file in adr-tools' layout (``NNNN-topic-slug.md``):
``# N. Title``, the date, then Status, Context, Decision, Consequences (Nygard) and our
Alternatives considered, Owner, Revisit, Participants or Votes, Cost estimate, Next step.
Used by the Export Markdown button and by ``python -m bot decisions export``."""

from __future__ import annotations

import re

from bot.domain.buildvsbuy import ContextLine, DecisionRecord, filename, tally
from bot.domain.cost.money import format_usd
from bot.texts import buildvsbuy as bvb_texts
from bot.texts import decisions as texts

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|])")


def md_escape(text: str) -> str:
    """Typed text (a topic) shown as itself in Markdown."""
    return _SPECIAL.sub(r"\\\1", text)


def _side(line: ContextLine) -> str:
    counted = tally(line.votes)
    return "; ".join(
        texts.VOTE_SIDE.format(
            answer=bvb_texts.ANSWERS[a],
            people=", ".join(f"@{u}" for u in counted[a]) or texts.NOBODY,
        )
        for a in ("yes", "no")
    )


def _context(line: ContextLine) -> str:
    answer = bvb_texts.ANSWERS[line.answer]
    if not line.votes:
        who = texts.MD_ANSWERED.format(user=line.user, answer=answer, question=line.question)
    else:
        won = len(tally(line.votes)[line.answer])
        template = texts.MD_TIED if line.tie_broken else texts.MD_VOTED
        who = template.format(
            question=line.question, answer=answer, won=won, lost=len(line.votes) - won,
            user=line.user, tally=_side(line),
        )  # fmt: skip
    return f"{line.finding} {who}".strip()


def _bullets(items: list[str] | tuple[str, ...]) -> list[str]:
    return [f"- {item}" for item in items]


def _status(record: DecisionRecord, topics: dict[int, str]) -> list[str]:
    lines = [texts.STATUS[record.status]]
    if record.status == "Superseded" and record.superseded_by is not None:
        number = record.superseded_by
        file = filename(number, topics.get(number, record.topic))
        lines = [texts.MD_SUPERSEDED.format(number=number, file=file)]
    for number in record.supersedes:
        file = filename(number, topics.get(number, record.topic))
        lines += ["", texts.MD_SUPERSEDES.format(number=number, file=file)]
    return lines


def markdown(record: DecisionRecord, topics: dict[int, str] | None = None) -> str:
    """The record's file. ``topics`` (number -> topic) names the files it links to."""
    topics = topics or {}
    owner = record.owner or record.recorded_by
    parts: list[list[str]] = [
        [texts.MD_TITLE.format(number=record.number, topic=md_escape(record.topic))],
        [texts.MD_DATE.format(date=record.decided_on.isoformat())],
        [texts.MD_STATUS],
        _status(record, topics),
        [texts.MD_CONTEXT],
        [texts.MD_CONTEXT_INTRO],
        _bullets([_context(c) for c in record.context]),
        [texts.MD_DECISION],
        [texts.MD_DECISION_TEXT.format(title=record.title, decision=record.decision)],
        [texts.MD_CONSEQUENCES],
        [texts.MD_GAIN],
        _bullets(record.wins),
        [texts.MD_ACCEPT],
        _bullets(record.risks),
        [texts.MD_ALTERNATIVES],
        _bullets(
            [texts.MD_ALTERNATIVE.format(title=a.title, reason=a.reason) for a in record.alternatives]
            or [texts.NO_ALTERNATIVES]
        ),
        [texts.MD_OWNER],
        [texts.MD_OWNER_TEXT.format(owner=owner)],
    ]
    if record.revisit_on:
        parts += [[texts.MD_REVISIT], [texts.MD_REVISIT_TEXT.format(date=record.revisit_on)]]
    if record.mode == "vote":
        parts += [[texts.MD_VOTES], [texts.MD_VOTES_TEXT]]
    parts += [[texts.MD_PEOPLE], _bullets([f"@{u}" for u in record.participants])]
    if record.cost is not None:
        cost = record.cost
        parts += [
            [texts.MD_COST],
            [
                texts.MD_COST_TEXT.format(
                    by=cost.by, per_month=format_usd(cost.per_month), model=cost.model,
                    on=cost.on.isoformat(), args=cost.args, prices=cost.prices,
                )
            ],
        ]
    parts += [[texts.MD_NEXT], [record.next_step]]
    return "\n\n".join("\n".join(part) for part in parts) + "\n"
