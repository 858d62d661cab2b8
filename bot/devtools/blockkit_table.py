"""Block Kit rules for `table` blocks that slack_sdk's TableBlock does not check: at most 100
rows of at most 20 cells, at most 20 column settings, cells `raw_text` / `raw_number` /
`rich_text`, every row as wide as the first, and one table per message."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # blockkit_rules imports these rules
    from bot.devtools.blockkit_rules import Checker

ROW_LIMIT = 100
CELL_LIMIT = 20
CELL_TYPES = frozenset({"raw_text", "raw_number", "rich_text"})
ALIGN = frozenset({"left", "center", "right"})
TABLES_PER_MESSAGE = 1


def table(ck: Checker, path: str, blk: dict) -> None:
    rows = blk.get("rows")
    if not isinstance(rows, list) or not rows:
        ck.add(f"{path}.rows", "a table needs at least one row")
        return
    if len(rows) > ROW_LIMIT:
        ck.add(f"{path}.rows", f"{len(rows)} rows, limit {ROW_LIMIT}")
    width = len(rows[0]) if isinstance(rows[0], list) else 0
    for r, row in enumerate(rows):
        where = f"{path}.rows[{r}]"
        if not isinstance(row, list) or not row:
            ck.add(where, "a row must be a non-empty list of cells")
            continue
        if len(row) > CELL_LIMIT:
            ck.add(where, f"{len(row)} cells, limit {CELL_LIMIT}")
        if len(row) != width:
            ck.add(where, f"{len(row)} cells, the first row has {width}")
        for c, cell in enumerate(row):
            _cell(ck, f"{where}[{c}]", cell)
    settings = blk.get("column_settings")
    if settings is None:
        return
    if not isinstance(settings, list) or len(settings) > CELL_LIMIT:
        ck.add(f"{path}.column_settings", f"must be a list of at most {CELL_LIMIT}")
        return
    for i, setting in enumerate(settings):
        if setting is not None and (
            not isinstance(setting, dict) or setting.get("align", "left") not in ALIGN
        ):
            ck.add(f"{path}.column_settings[{i}]", "align must be left, center or right")


def _cell(ck: Checker, path: str, cell: Any) -> None:
    if not isinstance(cell, dict) or cell.get("type") not in CELL_TYPES:
        ck.add(path, "a cell must be raw_text, raw_number or rich_text")
        return
    if cell["type"] == "raw_text":
        text = cell.get("text")
        if not isinstance(text, str) or not text:
            ck.add(path, "raw_text needs non-empty text")


def tables_per_message(ck: Checker, path: str, blocks: list) -> None:
    count = sum(1 for b in blocks if isinstance(b, dict) and b.get("type") == "table")
    if count > TABLES_PER_MESSAGE:
        ck.add(path, f"{count} tables, limit {TABLES_PER_MESSAGE} per message")
