"""The command line: help, settings errors, knowledge check."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bot.settings import PROJECT_ROOT


def run(
    *args: str, env: dict[str, str] | None = None, stdin: str = ""
) -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "PORT", "LOG_"))}
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin, capture_output=True, text=True, timeout=60,
        env={**base, **(env or {})}, cwd=PROJECT_ROOT,
    )  # fmt: skip


@pytest.mark.parametrize("command", ["serve", "socket", "demo", "check", "estimate"])
def test_every_command_has_help(command: str) -> None:
    result = run(command, "--help")
    assert result.returncode == 0
    assert f"python -m bot {command}" in result.stdout


@pytest.mark.parametrize(
    ("command", "env", "variable"),
    [
        ("serve", {}, "SLACK_SIGNING_SECRET"),
        ("serve", {"SLACK_SIGNING_SECRET": "s"}, "SLACK_BOT_TOKEN"),
        ("serve", {"SLACK_SIGNING_SECRET": "s", "SLACK_CLIENT_ID": "1.2"}, "SLACK_CLIENT_SECRET"),
        ("serve", {"SLACK_SIGNING_SECRET": "s", "SLACK_CLIENT_SECRET": "x"}, "SLACK_CLIENT_ID"),
        ("socket", {"SLACK_BOT_TOKEN": "xoxb-1"}, "SLACK_APP_TOKEN"),
        ("check", {"PORT": "not-a-port"}, "PORT"),
        ("check", {"PORT": "70000"}, "PORT"),
        ("check", {"SLACK_API_URL": "slack.com/api"}, "SLACK_API_URL"),
        ("check", {"LOG_LEVEL": "chatty"}, "LOG_LEVEL"),
        ("check", {"STATE_TTL_SECONDS": "5"}, "STATE_TTL_SECONDS"),
        ("check", {"REDIS_URL": "localhost:6379"}, "REDIS_URL"),
    ],
)
def test_bad_settings_exit_2_naming_the_variable(command, env, variable) -> None:
    result = run(command, env=env)
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"error: {variable}")
    assert "Traceback" not in result.stderr


def test_check_passes_on_the_real_knowledge() -> None:
    result = run("check")
    assert result.returncode == 0, result.stderr
    assert "knowledge/decision_tree.yaml: ok:" in result.stdout
    assert len(result.stdout.strip().splitlines()) == len(
        list((PROJECT_ROOT / "knowledge").glob("*.yaml"))
    )


def test_check_catches_a_broken_tree_edge(tmp_path: Path) -> None:
    broken = tmp_path / "knowledge"
    shutil.copytree(PROJECT_ROOT / "knowledge", broken)
    tree = broken / "decision_tree.yaml"
    text = tree.read_text()
    assert "no: missing_knowledge" in text
    tree.write_text(text.replace("no: missing_knowledge", "no: nowhere", 1))
    result = run("check", env={"KNOWLEDGE_DIR": str(broken)})
    assert result.returncode == 1
    assert "knowledge/decision_tree.yaml: nodes.can_prompt.no:" in result.stderr
    assert "nowhere" in result.stderr
    assert "Traceback" not in result.stderr
