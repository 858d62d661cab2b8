"""Read table blocks back as text, for assertions."""

from __future__ import annotations


def _cell(cell: dict) -> str:
    if cell.get("type") == "rich_text":
        return "".join(
            e.get("text", "") for s in cell.get("elements", []) for e in s.get("elements", [])
        )
    return str(cell.get("text", ""))


def table_rows(payload: dict) -> list[list[str]]:
    """The rows (header first) of the message's one table block; [] without one."""
    tables = [b for b in payload.get("blocks") or [] if b.get("type") == "table"]
    assert len(tables) <= 1, "one table per message"
    return [[_cell(c) for c in row] for row in tables[0]["rows"]] if tables else []
