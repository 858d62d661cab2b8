"""Usage tokens: who may send records and ask for a budget.

Single-workspace mode: the ``USAGE_TOKEN`` setting. OAuth mode: one token per workspace,
created from App Home and shown once: ``tou-<team>-<secret>``; Redis keeps only its SHA-256
(a new token replaces the old one). Comparisons are constant-time."""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets

from slack_bolt import BoltContext
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.blocks.common import notice
from bot.blocks.spend_forms import token_modal
from bot.deps import Deps, team_of
from bot.errors import StateUnavailable
from bot.features.spend.store import SINGLE_TEAM, SpendStore
from bot.settings import Settings
from bot.state import Store
from bot.texts import common

log = logging.getLogger(__name__)
PREFIX = "tou-"


def configured(settings: Settings) -> bool:
    return settings.oauth_enabled or bool(settings.usage_token)


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def authenticate(settings: Settings, store: Store, header: str | None) -> str | None:
    """The team whose spend the bearer token opens, or None."""
    scheme, _, token = (header or "").partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token or len(token) > 200:
        return None
    if not settings.oauth_enabled:
        expected = settings.usage_token.get_secret_value() if settings.usage_token else ""
        ok = bool(expected) and hmac.compare_digest(token.encode(), expected.encode())
        return SINGLE_TEAM if ok else None
    team, _, secret = token.removeprefix(PREFIX).partition("-")
    if not token.startswith(PREFIX) or not team or not secret or not team.isalnum():
        return None
    stored = SpendStore(store, team, id_ttl=settings.usage_id_ttl_seconds).token_hash()
    return team if stored and hmac.compare_digest(stored, _digest(token)) else None


def create(spend: SpendStore) -> str:
    """A new token for the workspace (returned once; only its hash is kept)."""
    token = f"{PREFIX}{spend.team}-{secrets.token_urlsafe(24)}"
    spend.set_token_hash(_digest(token))
    return token


def create_click(body: dict, client: WebClient, context: BoltContext) -> None:
    """App Home's "Create usage token" (OAuth mode): a new token, shown once in a modal."""
    deps = Deps.of(context)
    if not deps.settings.oauth_enabled:
        return
    spend = SpendStore(deps.store, team_of(context), id_ttl=deps.settings.usage_id_ttl_seconds)
    try:
        token = create(spend)
    except StateUnavailable:
        client.chat_postMessage(channel=body["user"]["id"], **notice(common.STATE_UNAVAILABLE))
        return
    try:
        client.views_open(trigger_id=body["trigger_id"], view=token_modal(token))
    except SlackApiError as exc:
        log.warning("views.open for a usage token failed: %s", exc.response.get("error"))
