"""Usage records: what is accepted, and one refusal per bad case (per record, not per body)."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from bot.domain.usage import UsageError
from bot.domain.usage.records import parse_body, parse_record

NOW = datetime(2026, 12, 3, 12, 0, tzinfo=UTC)
GOOD = {
    "gen_ai.request.model": "gpt-4o",
    "gen_ai.usage.input_tokens": 2000,
    "gen_ai.usage.output_tokens": 500,
    "feature": "triage",
}


def test_a_good_record_with_every_field() -> None:
    record = parse_record({
        **GOOD, "gen_ai.usage.cache_read.input_tokens": 1500, "gen_ai.provider.name": "openai",
        "batch": True, "team": "Support-Eng", "user": "U1", "timestamp": "2026-12-01T09:30:00Z",
        "id": "call-1", "gen_ai.operation.name": "chat",
    }, now=NOW)  # fmt: skip
    assert (record.model, record.provider, record.cached_tokens, record.batch) == (
        "gpt-4o", "openai", 1500, True,
    )  # fmt: skip
    assert (record.team, record.user, record.id) == ("support-eng", "U1", "call-1")
    assert record.at == datetime(2026, 12, 1, 9, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("timestamp", "expected"),
    [
        (None, NOW),
        (1_764_581_400, datetime(2025, 12, 1, 9, 30, tzinfo=UTC)),
        ("2026-12-01T10:30:00+01:00", datetime(2026, 12, 1, 9, 30, tzinfo=UTC)),
        ("2026-12-01T09:30:00", datetime(2026, 12, 1, 9, 30, tzinfo=UTC)),
    ],
)
def test_timestamps(timestamp, expected) -> None:
    item = GOOD if timestamp is None else {**GOOD, "timestamp": timestamp}
    assert parse_record(item, now=NOW).at == expected


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"gen_ai.request.model": None}, "missing"),
        ({"gen_ai.request.model": 4}, "bad_text"),
        ({"gen_ai.request.model": "a|b"}, "bad_text"),
        ({"gen_ai.usage.input_tokens": None}, "missing"),
        ({"gen_ai.usage.input_tokens": -1}, "bad_count"),
        ({"gen_ai.usage.input_tokens": 1.5}, "bad_count"),
        ({"gen_ai.usage.input_tokens": True}, "bad_count"),
        ({"gen_ai.usage.input_tokens": "2000"}, "bad_count"),
        ({"gen_ai.usage.output_tokens": 10**9}, "bad_count"),
        ({"gen_ai.usage.cache_read.input_tokens": 2001}, "cached_over_input"),
        ({"feature": None}, "missing"),
        ({"feature": "Support Triage"}, "bad_name"),
        ({"feature": "x" * 49}, "bad_name"),
        ({"team": "a b"}, "bad_name"),
        ({"batch": "yes"}, "bad_batch"),
        ({"timestamp": "yesterday"}, "bad_timestamp"),
        ({"timestamp": [1]}, "bad_timestamp"),
        ({"timestamp": "2026-12-05T12:00:00Z"}, "future_timestamp"),
        ({"id": "x" * 129}, "bad_text"),
    ],
)
def test_bad_records_are_refused_with_a_code(change, code) -> None:
    with pytest.raises(UsageError) as caught:
        parse_record({**GOOD, **change}, now=NOW)
    assert caught.value.code == code


def test_json_lines_number_each_record_by_its_line() -> None:
    body = "\n".join([json.dumps(GOOD), "", "{not json", json.dumps([1]), json.dumps(GOOD)])
    parsed = parse_body(body.encode(), now=NOW)
    assert [(p.line, p.error.code if p.error else None) for p in parsed] == [
        (1, None), (3, "bad_json"), (4, "not_object"), (5, None),
    ]  # fmt: skip


def test_a_json_array_numbers_records_by_position() -> None:
    parsed = parse_body(json.dumps([GOOD, {"feature": "x"}]).encode(), now=NOW)
    assert [(p.line, p.error.code if p.error else None) for p in parsed] == [
        (1, None), (2, "missing"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("body", "code"),
    [(b"", "empty_body"), (b"  \n ", "empty_body"), (b"\xff\xfe", "not_utf8"),
     (b"[{\"a\": 1},", "bad_array")],
)  # fmt: skip
def test_bodies_that_are_not_records(body: bytes, code: str) -> None:
    with pytest.raises(UsageError) as caught:
        parse_body(body, now=NOW)
    assert caught.value.code == code
