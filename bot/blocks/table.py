"""Table blocks (slack_sdk 3.39+ ``TableBlock``) where people compare: one table per message,
at most 100 rows of 20 cells. The header row is bold; every table also has an aligned
plain-text form for the message's ``text`` fallback (notifications, clients that don't draw
tables) and for the terminal demo."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

ROW_LIMIT = 100  # header included
CELL_LIMIT = 20
EMPTY = "–"  # raw_text cells can't be empty

Align = Literal["left", "center", "right"]


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    align: tuple[Align, ...] = ()  # per column, left when missing
    wrap: tuple[bool, ...] = ()  # per column: wrap long cells (Slack clips them otherwise)

    def __post_init__(self) -> None:
        width = len(self.header)
        if any(len(row) != width for row in self.rows):
            raise ValueError("every row needs as many cells as the header")

    @property
    def fits(self) -> bool:
        """Whether Slack can draw it as one table block."""
        return 1 + len(self.rows) <= ROW_LIMIT and 0 < len(self.header) <= CELL_LIMIT


def _bold(text: str) -> dict[str, Any]:
    section = {"type": "rich_text_section", "elements": [
        {"type": "text", "text": text or EMPTY, "style": {"bold": True}},
    ]}  # fmt: skip
    return {"type": "rich_text", "elements": [section]}


def _raw(text: str) -> dict[str, Any]:
    return {"type": "raw_text", "text": text or EMPTY}


def table_block(table: Table) -> dict[str, Any]:
    """The table block; raises ValueError where it doesn't fit (check ``fits`` first and show
    sections instead)."""
    if not table.fits:
        raise ValueError(f"a table of {len(table.rows)} rows x {len(table.header)} doesn't fit")
    block: dict[str, Any] = {
        "type": "table",
        "rows": [[_bold(h) for h in table.header], *[[_raw(c) for c in r] for r in table.rows]],
    }
    columns = len(table.header)
    if table.align or table.wrap:
        block["column_settings"] = [_setting(table, i) for i in range(columns)]
    return block


def _setting(table: Table, column: int) -> dict[str, Any]:
    setting: dict[str, Any] = {
        "align": table.align[column] if column < len(table.align) else "left"
    }
    if column < len(table.wrap) and table.wrap[column]:
        setting["is_wrapped"] = True
    return setting


def table_text(table: Table) -> str:
    """The table as aligned monospace lines (columns padded; right-aligned columns on the
    right), for a ``text`` fallback or a terminal."""
    lines = [table.header, *table.rows]
    widths = [max(len(line[i] or EMPTY) for line in lines) for i in range(len(table.header))]

    def cell(i: int, text: str) -> str:
        text = text or EMPTY
        align = table.align[i] if i < len(table.align) else "left"
        return text.rjust(widths[i]) if align == "right" else text.ljust(widths[i])

    return "\n".join("  ".join(cell(i, t) for i, t in enumerate(line)).rstrip() for line in lines)
