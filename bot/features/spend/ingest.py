"""POST /usage's work: read the records, price each with genai-prices, count them all in
one Redis script (ids make a resend count once), then check the budgets they touched."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.domain.usage import UsageError
from bot.domain.usage.cost import record_cost
from bot.domain.usage.ledger import Increment, feature_field, increments, merge, month_of
from bot.domain.usage.records import parse_body
from bot.features.spend.store import Batch, SpendStore
from bot.texts.errors import describe

MAX_RECORDS = 10_000


@dataclass(frozen=True)
class LineError:
    line: int
    code: str
    message: str


@dataclass(frozen=True)
class IngestResult:
    accepted: int
    duplicates: int
    errors: tuple[LineError, ...]
    month: str
    month_to_date: dict[str, int]  # feature -> micro-dollars this month, after this ingest

    def as_json(self) -> dict:
        return {
            "accepted": self.accepted,
            "duplicates": self.duplicates,
            "refused": len(self.errors),
            "errors": [{"line": e.line, "error": e.code, "message": e.message} for e in self.errors],
        }


def _error(line: int, error: UsageError) -> LineError:
    return LineError(line, error.code, describe(error, style="terminal"))


def ingest(spend: SpendStore, body: bytes, *, now: datetime) -> IngestResult:
    """Raises UsageError for a body that is not records (or too many), StateUnavailable when
    Redis is down (then nothing was counted)."""
    parsed = parse_body(body, now=now)
    if len(parsed) > MAX_RECORDS:
        raise UsageError("too_many", limit=MAX_RECORDS)
    errors: list[LineError] = []
    plain: list[list[Increment]] = []
    batch = Batch()
    features: set[str] = set()
    current = month_of(now)
    for item in parsed:
        if item.record is None:
            assert item.error is not None
            errors.append(_error(item.line, item.error))
            continue
        record = item.record
        try:
            cost = record_cost(record)
        except UsageError as error:
            errors.append(_error(item.line, error))
            continue
        counters = increments(record, cost)
        users = [(month_of(record.at), record.user)] if record.user else []
        if record.id:
            batch.records.append((record.id, counters, users))
        else:
            plain.append(counters)
            batch.base_users.extend(users)
        if month_of(record.at) == current:
            features.add(record.feature)
    batch.base = merge(plain)
    batch.report = [(current, feature_field(f)) for f in sorted(features)]
    done = spend.ingest(batch)
    counted = len(plain) + len(batch.records) - len(done.duplicates)
    return IngestResult(
        accepted=counted,
        duplicates=len(done.duplicates),
        errors=tuple(errors),
        month=current,
        month_to_date={field.split("|")[1]: v for (_, field), v in done.report.items()},
    )
