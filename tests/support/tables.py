"""Read table blocks back as text, for assertions."""

from __future__ import annotations

from bot.devtools.render_text import table_cells


def table_rows(payload: dict) -> list[list[str]]:
    """The rows (header first) of the message's one table block; [] without one."""
    tables = [b for b in payload.get("blocks") or [] if b.get("type") == "table"]
    assert len(tables) <= 1, "one table per message"
    return table_cells(tables[0]) if tables else []
