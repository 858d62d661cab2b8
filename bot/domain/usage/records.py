"""Usage records as senders post them to ``POST /usage``: JSON lines or one JSON array of
objects named with OpenTelemetry GenAI attributes where they exist.

| field | meaning |
| --- | --- |
| ``gen_ai.request.model`` | the model, as genai-prices knows it (``gpt-4o``, ``anthropic:claude-sonnet-4-5``) |
| ``gen_ai.provider.name`` | optional provider; used when genai-prices knows it |
| ``gen_ai.usage.input_tokens`` | input tokens, cached ones included |
| ``gen_ai.usage.cache_read.input_tokens`` | optional: the part of the input read from the provider's cache |
| ``gen_ai.usage.output_tokens`` | output tokens |
| ``batch`` | optional ``true`` when the call went through a Batch API |
| ``feature`` | the product feature that made the call (the forecast's name) |
| ``team``, ``user`` | optional: who owns it, who it served |
| ``timestamp`` | optional ISO 8601 time or Unix seconds (default: when it arrived) |
| ``id`` | optional: a record sent twice with the same id counts once |

Other attributes are ignored, so spans can be sent as they are.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from bot.domain.usage import UsageError

MODEL = "gen_ai.request.model"
PROVIDER = "gen_ai.provider.name"
INPUT = "gen_ai.usage.input_tokens"
CACHED = "gen_ai.usage.cache_read.input_tokens"
OUTPUT = "gen_ai.usage.output_tokens"
MAX_TOKENS = 100_000_000  # per call; anything above is a unit mistake
MAX_TEXT = 128  # model, team, user, id
FUTURE_SLACK = timedelta(hours=24)  # clocks differ; a day ahead is a mistake
NAME = re.compile(r"^[a-z0-9][a-z0-9._-]{0,47}$")  # feature and team names


@dataclass(frozen=True)
class UsageRecord:
    model: str
    provider: str | None
    input_tokens: int  # cached included
    cached_tokens: int
    output_tokens: int
    batch: bool
    feature: str
    team: str | None
    user: str | None
    at: datetime  # UTC
    id: str | None


@dataclass(frozen=True)
class Parsed:
    """One record of a body: ``line`` is its line (JSON lines) or position (array), from 1."""

    line: int
    record: UsageRecord | None
    error: UsageError | None


def feature_name(value: object, field: str = "feature") -> str:
    """A feature or team name: lower-case letters, digits, ``.``, ``_``, ``-``, up to 48."""
    if not isinstance(value, str) or not value.strip():
        raise UsageError("missing", field=field)
    name = value.strip().lower()
    if not NAME.match(name):
        raise UsageError("bad_name", field=field, value=value)
    return name


def parse_body(body: bytes, *, now: datetime) -> list[Parsed]:
    """Every record of ``body``; raises UsageError for a body that is not records at all."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise UsageError("not_utf8") from None
    stripped = text.strip()
    if not stripped:
        raise UsageError("empty_body")
    if stripped.startswith("["):
        try:
            items = json.loads(stripped)
        except json.JSONDecodeError as exc:
            raise UsageError("bad_array", line=exc.lineno) from None
        return [_one(i, item, now) for i, item in enumerate(items, start=1)]
    parsed = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError:
            parsed.append(Parsed(number, None, UsageError("bad_json")))
            continue
        parsed.append(_one(number, item, now))
    return parsed


def _one(line: int, item: Any, now: datetime) -> Parsed:
    try:
        return Parsed(line, parse_record(item, now=now), None)
    except UsageError as error:
        return Parsed(line, None, error)


def parse_record(item: Any, *, now: datetime) -> UsageRecord:
    if not isinstance(item, dict):
        raise UsageError("not_object")
    model = _text(item, MODEL, required=True)
    input_tokens = _count(item, INPUT, required=True)
    cached = _count(item, CACHED)
    if cached > input_tokens:
        raise UsageError("cached_over_input", cached=cached, input=input_tokens)
    batch = item.get("batch", False)
    if not isinstance(batch, bool):
        raise UsageError("bad_batch")
    team = item.get("team")
    return UsageRecord(
        model=str(model),
        provider=_text(item, PROVIDER),
        input_tokens=input_tokens,
        cached_tokens=cached,
        output_tokens=_count(item, OUTPUT, required=True),
        batch=batch,
        feature=feature_name(item.get("feature")),
        team=None if team in (None, "") else feature_name(team, "team"),
        user=_text(item, "user"),
        at=_timestamp(item.get("timestamp"), now),
        id=_text(item, "id"),
    )


def _text(item: dict, field: str, *, required: bool = False) -> str | None:
    value = item.get(field)
    if value is None or value == "":
        if required:
            raise UsageError("missing", field=field)
        return None
    if not isinstance(value, str) or len(value) > MAX_TEXT or "|" in value:
        raise UsageError("bad_text", field=field, limit=MAX_TEXT)
    return value


def _count(item: dict, field: str, *, required: bool = False) -> int:
    value = item.get(field)
    if value is None:
        if required:
            raise UsageError("missing", field=field)
        return 0
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_TOKENS:
        raise UsageError("bad_count", field=field, limit=MAX_TOKENS)
    return value


def _timestamp(value: Any, now: datetime) -> datetime:
    if value is None:
        return now
    try:
        if isinstance(value, bool):
            raise ValueError
        if isinstance(value, int | float):
            at = datetime.fromtimestamp(value, UTC)
        elif isinstance(value, str):
            at = datetime.fromisoformat(value.replace("Z", "+00:00"))
            at = at.replace(tzinfo=UTC) if at.tzinfo is None else at.astimezone(UTC)
        else:
            raise ValueError
    except (ValueError, OverflowError, OSError):
        raise UsageError("bad_timestamp") from None
    if at > now + FUTURE_SLACK:
        raise UsageError("future_timestamp")
    return at
