"""``python -m bot decisions export|delete``: the records kept in Redis, as files."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys

from bot.cli.decisions import run_decisions, teams
from bot.features.buildvsbuy import decisions
from bot.settings import PROJECT_ROOT
from tests.support.buildvsbuy import PATHS, TEAM, post_record, start, walk


def _two_records(sim) -> None:
    post_record(sim, walk(sim, start(sim, "contract review"), PATHS[1].steps))
    post_record(sim, walk(sim, start(sim, "Contract review"), PATHS[0].steps))  # supersedes 1


def test_export_writes_every_record_as_its_file(sim, redis_url, key_prefix, tmp_path) -> None:
    _two_records(sim)
    env = {**os.environ, "REDIS_URL": redis_url, "REDIS_PREFIX": key_prefix}
    done = subprocess.run(
        [sys.executable, "-m", "bot", "decisions", "export", "--out", str(tmp_path),
         "--team", TEAM],
        capture_output=True, text=True, timeout=60, cwd=PROJECT_ROOT, env=env,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.endswith(f"wrote 2 decision record(s) to {tmp_path}\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "0001-contract-review.md", "0002-contract-review.md",
    ]  # fmt: skip
    first = (tmp_path / "0001-contract-review.md").read_text()
    second = (tmp_path / "0002-contract-review.md").read_text()
    assert first.startswith("# 1. contract review\n")
    assert "## Status\n\nSuperseded by [ADR 0002](0002-contract-review.md)\n" in first
    assert "We will go with RAG." in first
    assert "Supersedes [ADR 0001](0001-contract-review.md)" in second
    assert "We will go with Prompting." in second
    for text in (first, second):
        assert re.findall(r"^## (Context|Decision|Consequences|Alternatives considered)$", text, re.M)


def test_export_without_a_team_writes_each_workspace_in_its_folder(sim, store, settings, tmp_path):
    _two_records(sim)
    assert teams(store) == [TEAM]
    out = io.StringIO()
    code = run_decisions(
        "export", settings=settings, out=out, err=io.StringIO(), out_dir=tmp_path, store=store
    )
    assert code == 0
    assert sorted(p.name for p in (tmp_path / TEAM).iterdir()) == [
        "0001-contract-review.md", "0002-contract-review.md",
    ]  # fmt: skip


def test_an_empty_log_writes_nothing(store, settings, tmp_path) -> None:
    out = io.StringIO()
    assert run_decisions(
        "export", settings=settings, out=out, err=io.StringIO(), out_dir=tmp_path, store=store
    ) == 0
    assert out.getvalue() == f"wrote 0 decision record(s) to {tmp_path}\n"
    assert list(tmp_path.iterdir()) == []


def test_delete_removes_one_record_for_good(sim, store, settings) -> None:
    _two_records(sim)
    err = io.StringIO()
    args = {"settings": settings, "out": io.StringIO(), "err": err, "store": store}
    assert run_decisions("delete", team=TEAM, number=2, **args) == 0
    assert decisions.read_record(store, TEAM, 2) is None
    assert [e.number for e in decisions.read_index(store, TEAM).entries] == [1]
    assert run_decisions("delete", team=TEAM, number=2, **args) == 1
    assert "has no decision record 2" in err.getvalue()
    assert run_decisions("delete", team=TEAM, **args) == 2
