"""`python -m bot demo`: this terminal plays the Slack client for the real app.

Each input line becomes a signed request into the app (slash command, button
click, mention, DM); the app's Web API calls go to a FakeSlack on loopback and
whatever it sends back is rendered as text (`render_text`). Modals are filled in
field by field. Works with piped stdin: no prompts, each input line is echoed.
"""

from __future__ import annotations

from typing import IO

import yaml
from pydantic import SecretStr

from bot.app import create_app
from bot.devtools.demo_session import MENTION, Demo
from bot.devtools.fake_slack import FakeSlack
from bot.devtools.signed import SlackRequests
from bot.devtools.terminal import Terminal
from bot.domain.knowledge.registry import Knowledge
from bot.knowledge_loader import load_knowledge
from bot.settings import PROJECT_ROOT, Settings
from bot.state import Store, open_store

DEMO_SECRET = "demo-signing-secret"
DEMO_TOKEN = "xoxb-demo-token"


def _help() -> str:
    lines = [
        "Type what you would type in Slack (you are @U0DEMO in #demo):",
        "  /command args     a slash command in #demo",
        "  1, 2, ...         click that numbered button on the latest message",
        f"  {MENTION + ' text':<18}mention the bot in #demo (it answers in a thread)",
        "  home              open the App Home tab",
        "  any other text    a direct message to the bot",
        "  help              this list, then the bot's help (a DM of help)",
        "  quit or exit      stop the demo (so does the end of input)",
    ]
    commands = _manifest_commands()
    if commands:
        lines.append("Slash commands:")
        lines += [f"  {name} {hint}".rstrip() for name, hint in commands]
    return "\n".join(lines)


def _manifest_commands() -> list[tuple[str, str]]:
    path = PROJECT_ROOT / "manifest.yaml"
    try:
        manifest = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError):
        return []
    found = (manifest.get("features") or {}).get("slash_commands") or []
    return [(c.get("command", ""), c.get("usage_hint", "")) for c in found if isinstance(c, dict)]


def run_demo(
    stdin: IO[str],
    stdout: IO[str],
    *,
    settings: Settings,
    store: Store | None = None,
    knowledge: Knowledge | None = None,
) -> int:
    """Run the demo until quit/exit or end of input; returns the exit status (0).

    `store` and `knowledge` default to `open_store(settings)` and the knowledge dir."""
    with FakeSlack() as fake:
        demo_settings = settings.model_copy(
            update={
                "slack_api_url": fake.url,
                "slack_signing_secret": SecretStr(DEMO_SECRET),
                "slack_bot_token": SecretStr(DEMO_TOKEN),
            }
        )
        knowledge = knowledge if knowledge is not None else load_knowledge(settings.knowledge_dir)
        store = store if store is not None else open_store(demo_settings)
        app = create_app(
            demo_settings, store=store, knowledge=knowledge, process_before_response=True
        )
        requests = SlackRequests(DEMO_SECRET, bot_user_id=fake.workspace.bot_user_id)
        return Demo(app, fake, requests, Terminal(stdin, stdout)).run(_help())
