"""A Web API client for a workspace outside a Slack request (POST /usage's alerts and the
digest): the bot token in single-workspace mode, the installation's in OAuth mode."""

from __future__ import annotations

from slack_sdk import WebClient

from bot.settings import Settings
from bot.slack_client import make_web_client
from bot.state import Store

_clients: dict[tuple[str, str], WebClient] = {}


def _single(settings: Settings) -> WebClient:
    """One client per (API URL, token), made on first use (WebClient is thread-safe)."""
    token = settings.secret("slack_bot_token")
    found = _clients.get((settings.slack_api_url, token))
    if found is None:
        found = _clients[settings.slack_api_url, token] = make_web_client(settings, token)
    return found


def client_for(settings: Settings, store: Store, team: str) -> WebClient | None:
    """None when the workspace has no installation (its alerts can't be posted)."""
    if not settings.oauth_enabled:
        return _single(settings)
    from bot.oauth_store import RedisInstallationStore

    installs = RedisInstallationStore(
        store.client, prefix=store.prefix, client_id=str(settings.slack_client_id)
    )
    bot = installs.find_bot(enterprise_id=None, team_id=team)
    if bot is None or not bot.bot_token:
        return None
    return make_web_client(settings, bot.bot_token)
