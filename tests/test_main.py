"""The command line: help, settings errors, knowledge check."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bot.__main__ import main
from bot.settings import PROJECT_ROOT


def run(
    *args: str, env: dict[str, str] | None = None, stdin: str = ""
) -> subprocess.CompletedProcess:
    """``python -m bot ...`` in a fresh interpreter: the real entry point."""
    base = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "PORT", "LOG_"))}
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin, capture_output=True, text=True, timeout=60,
        env={**base, **(env or {})}, cwd=PROJECT_ROOT,
    )  # fmt: skip


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    """``main(args)`` in this process with ``env`` as the environment's settings (no
    interpreter start-up per case); returns (exit status, stdout, stderr)."""

    def call(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
        for name in list(os.environ):
            if name.startswith(("SLACK_", "PORT", "LOG_")):
                monkeypatch.delenv(name)
        for name, value in (env or {}).items():
            monkeypatch.setenv(name, value)
        capsys.readouterr()
        try:
            status = main(list(args))
        except SystemExit as exit_:  # argparse: --help, usage errors
            status = int(exit_.code or 0)
        out, err = capsys.readouterr()
        return status, out, err

    return call


@pytest.mark.parametrize("command", ["serve", "socket", "demo", "check", "estimate", "migrate-keys"])
def test_every_command_has_help(cli, command: str) -> None:
    status, out, _ = cli(command, "--help")
    assert status == 0
    assert f"python -m bot {command}" in out


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
def test_bad_settings_exit_2_naming_the_variable(cli, command, env, variable) -> None:
    status, _, err = cli(command, env=env)
    assert status == 2, err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith(f"error: {variable}")
    assert "Traceback" not in err


def test_bad_settings_exit_2_from_a_fresh_interpreter_too() -> None:
    result = run("serve", env={"SLACK_SIGNING_SECRET": "s"})
    assert result.returncode == 2, result.stderr
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("error: SLACK_BOT_TOKEN")


def test_check_passes_on_the_real_knowledge() -> None:
    result = run("check")
    assert result.returncode == 0, result.stderr
    assert "knowledge/decision_tree.yaml: ok:" in result.stdout
    assert len(result.stdout.strip().splitlines()) == len(
        list((PROJECT_ROOT / "knowledge").glob("*.yaml"))
    )


def test_check_catches_a_broken_tree_edge(cli, tmp_path: Path) -> None:
    broken = tmp_path / "knowledge"
    shutil.copytree(PROJECT_ROOT / "knowledge", broken)
    tree = broken / "decision_tree.yaml"
    text = tree.read_text()
    assert "no: missing_knowledge" in text
    tree.write_text(text.replace("no: missing_knowledge", "no: nowhere", 1))
    status, _, err = cli("check", env={"KNOWLEDGE_DIR": str(broken)})
    assert status == 1
    assert "knowledge/decision_tree.yaml: nodes.can_prompt.no:" in err
    assert "nowhere" in err
    assert "Traceback" not in err


def test_migrate_keys_renames_old_style_keys_even_after_a_start(cli, redis_client, redis_url, store) -> None:
    p = store.prefix
    redis_client.set(f"{p}:key_scheme", "2")  # a server has started on this prefix already
    redis_client.set(f"{p}:T1:flow:bvb:late", "x")
    status, out, _ = cli("migrate-keys", env={"REDIS_URL": redis_url, "REDIS_PREFIX": p})
    assert (status, out) == (0, "moved 1 keys to their hash-tagged names\n")
    assert redis_client.get(f"{p}:{{T1}}:flow:bvb:late") == b"x"
