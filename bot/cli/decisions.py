"""``python -m bot decisions export --out DIR [--team T]``: every decision record kept in
Redis, as the Markdown files Export Markdown uploads (``NNNN-topic-slug.md``, adr-tools'
numbering); ``python -m bot decisions delete --team T --number N`` deletes one for good.

Without ``--team``, every workspace with a decision log is exported, each into
``DIR/<team>/``; with it, straight into ``DIR``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from bot.features.buildvsbuy import decisions
from bot.plaintext.decisions import markdown
from bot.redis_client import reply_text
from bot.settings import Settings
from bot.state import Store, open_store, redis_errors

_MARK = "\x00"


def _glob(text: str) -> str:
    return "".join("\\" + c if c in "*?[]\\" else c for c in text)


def teams(store: Store) -> list[str]:
    """Every workspace with a decision index (found by scanning for its key, whatever the
    key scheme around the team looks like)."""
    template = decisions.index_key(_MARK).render(store.prefix)
    before, after = template.split(_MARK)
    pattern = _glob(before) + "*" + _glob(after)
    found = set()
    with redis_errors():
        for raw in store.client.scan_iter(match=pattern, count=500):
            name = reply_text(raw)
            if name.startswith(before) and name.endswith(after):
                found.add(name[len(before) : len(name) - len(after)])
    return sorted(found)


def export(store: Store, out_dir: Path, team: str | None) -> list[tuple[str, Path]]:
    """Write the files; (team, path) of each, in order."""
    written = []
    for each in [team] if team else teams(store):
        folder = out_dir if team else out_dir / each
        records = decisions.all_records(store, each)
        topics = {r.number: r.topic for r in records}
        for record in records:
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / record.filename
            path.write_text(markdown(record, topics), encoding="utf-8")
            written.append((each, path))
    return written


def run_decisions(
    action: str,
    *,
    settings: Settings,
    out: TextIO,
    err: TextIO,
    out_dir: Path | None = None,
    team: str | None = None,
    number: int | None = None,
    store: Store | None = None,
) -> int:
    store = store or open_store(settings)
    if action == "delete":
        if not team or number is None:
            err.write("error: delete needs --team T and --number N\n")
            return 2
        if not decisions.delete(store, team, number):
            err.write(f"error: workspace {team} has no decision record {number}\n")
            return 1
        out.write(f"deleted decision record {number} of workspace {team}\n")
        return 0
    target = out_dir or Path(".")
    written = export(store, target, team)
    for each, path in written:
        out.write(f"{each}: {path}\n")
    out.write(f"wrote {len(written)} decision record(s) to {target}\n")
    return 0
