"""Usage tokens: who may send records and ask for a budget.

The workspace's token, created from App Home and shown once: ``tou-<team>-<secret>``; Redis
keeps only its SHA-256 and who created it (only they can replace it; a new token ends the
old one). Single-workspace mode also takes the ``USAGE_TOKEN`` setting (its team is
``single``). Comparisons are constant-time."""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets

from slack_bolt import BoltContext
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.blocks.spend_forms import token_modal
from bot.deps import Deps, team_of
from bot.errors import StateUnavailable
from bot.features.spend.store import SINGLE_TEAM, SpendStore, spend_team
from bot.settings import Settings
from bot.state import Store
from bot.texts import common
from bot.texts import spend as texts

log = logging.getLogger(__name__)
PREFIX = "tou-"


def configured(settings: Settings, store: Store) -> bool:
    """Whether any token could open anything (else a 401 says how to turn ingest on)."""
    if settings.oauth_enabled or settings.usage_token:
        return True
    return SpendStore(store, SINGLE_TEAM, id_ttl=settings.usage_id_ttl_seconds).token() is not None


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
        if expected and hmac.compare_digest(token.encode(), expected.encode()):
            return SINGLE_TEAM
    team, _, secret = token.removeprefix(PREFIX).partition("-")
    if not token.startswith(PREFIX) or not team or not secret or not team.isalnum():
        return None
    if team != SINGLE_TEAM and not settings.oauth_enabled:
        return None
    stored = SpendStore(store, team, id_ttl=settings.usage_id_ttl_seconds).token()
    ok = stored is not None and hmac.compare_digest(stored[0], _digest(token))
    return team if ok else None


def create(spend: SpendStore, user: str) -> tuple[str | None, str]:
    """(a new token for the workspace, returned once: only its hash is kept; its creator),
    or (None, who created the current one) when that was someone else."""
    current = spend.token()
    if current is not None and current[1] != user:
        return None, current[1]
    token = f"{PREFIX}{spend.team}-{secrets.token_urlsafe(24)}"
    spend.set_token(_digest(token), user)
    return token, user


def create_click(body: dict, client: WebClient, context: BoltContext) -> None:
    """App Home's "Create usage token": a new token, shown once in a modal."""
    deps, user = Deps.of(context), body["user"]["id"]
    settings = deps.settings
    spend = SpendStore(deps.store, spend_team(settings, team_of(context)),
                       id_ttl=settings.usage_id_ttl_seconds)  # fmt: skip
    try:
        token, owner = create(spend, user)
    except StateUnavailable:
        words = common.STATE_UNAVAILABLE
    else:
        shown = texts.TOKEN_SHOWN if token else texts.TOKEN_NOT_YOURS
        words = shown.format(token=token, owner=owner)
    try:
        client.views_open(trigger_id=body["trigger_id"], view=token_modal(words))
    except SlackApiError as exc:
        log.warning("views.open for a usage token failed: %s", exc.response.get("error"))
