"""Table blocks: Slack's limits, the bold header, alignment, and the aligned-text fallback."""

from __future__ import annotations

import pytest
from slack_sdk.models.blocks import Block, TableBlock

from bot.blocks.table import CELL_LIMIT, ROW_LIMIT, Table, table_block, table_text
from bot.devtools.blockkit import message_problems

COSTS = Table(
    header=("Model", "$/call", "$/month"),
    rows=(("gemini-2.5-flash", "$0.00185", "$5,544.00"), ("gpt-4o", "$0.0100", "$30,000.00")),
    align=("left", "right", "right"),
)


def _message(*blocks: dict) -> dict:
    return {"text": table_text(COSTS), "blocks": list(blocks)}


def test_a_table_is_a_valid_table_block() -> None:
    block = table_block(COSTS)
    assert isinstance(Block.parse(block), TableBlock)
    assert message_problems(_message(block)) == []
    header = block["rows"][0][0]["elements"][0]["elements"][0]
    assert header == {"type": "text", "text": "Model", "style": {"bold": True}}
    assert block["rows"][2] == [
        {"type": "raw_text", "text": "gpt-4o"},
        {"type": "raw_text", "text": "$0.0100"},
        {"type": "raw_text", "text": "$30,000.00"},
    ]
    assert block["column_settings"] == [{"align": "left"}, {"align": "right"}, {"align": "right"}]


def test_text_fallback_is_aligned() -> None:
    assert table_text(COSTS).splitlines() == [
        "Model               $/call     $/month",
        "gemini-2.5-flash  $0.00185   $5,544.00",
        "gpt-4o             $0.0100  $30,000.00",
    ]


def test_empty_cells_get_a_dash() -> None:
    block = table_block(Table(header=("a", "b"), rows=(("x", ""),)))
    assert block["rows"][1][1] == {"type": "raw_text", "text": "–"}
    assert message_problems({"text": "t", "blocks": [block]}) == []


@pytest.mark.parametrize(
    ("rows", "columns", "fits"),
    [
        (ROW_LIMIT - 1, 3, True),
        (ROW_LIMIT, 3, False),  # the header is a row too
        (3, CELL_LIMIT, True),
        (3, CELL_LIMIT + 1, False),
    ],
)
def test_fits_slacks_limits(rows, columns, fits) -> None:
    table = Table(
        header=tuple(f"c{i}" for i in range(columns)),
        rows=tuple(tuple("v" for _ in range(columns)) for _ in range(rows)),
    )
    assert table.fits is fits
    if fits:
        assert message_problems({"text": "t", "blocks": [table_block(table)]}) == []
    else:
        with pytest.raises(ValueError, match="doesn't fit"):
            table_block(table)


def test_ragged_rows_are_refused() -> None:
    with pytest.raises(ValueError, match="as many cells"):
        Table(header=("a", "b"), rows=(("x",),))


@pytest.mark.parametrize(
    ("block", "problem"),
    [
        ({"type": "table", "rows": []}, "at least one row"),
        ({"type": "table", "rows": [[{"type": "raw_text", "text": "a"}]] * 101}, "101 rows"),
        ({"type": "table", "rows": [[{"type": "raw_text", "text": "a"}] * 21]}, "21 cells"),
        ({"type": "table", "rows": [[{"type": "raw_text", "text": ""}]]}, "non-empty text"),
        ({"type": "table", "rows": [[{"type": "mrkdwn", "text": "a"}]]}, "raw_text, raw_number"),
        (
            {
                "type": "table",
                "rows": [
                    [{"type": "raw_text", "text": "a"}] * 2,
                    [{"type": "raw_text", "text": "a"}],
                ],
            },
            "the first row has 2",
        ),
        (
            {
                "type": "table",
                "rows": [[{"type": "raw_text", "text": "a"}]],
                "column_settings": [{"align": "middle"}],
            },
            "align must be",
        ),
    ],
)
def test_the_validator_catches_bad_tables(block, problem) -> None:
    problems = message_problems({"text": "t", "blocks": [block]})
    assert any(problem in p for p in problems), problems


def test_one_table_per_message() -> None:
    block = table_block(COSTS)
    problems = message_problems(_message(block, {**block}))
    assert any("2 tables, limit 1 per message" in p for p in problems)
