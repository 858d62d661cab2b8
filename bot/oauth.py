"""Installs in many workspaces: Bolt's OAuth flow on the Redis stores, and an authorize
step that costs no Web API call and, most of the time, no Redis round trip.

``SLACK_CLIENT_ID`` + ``SLACK_CLIENT_SECRET`` switch this on (``create_app`` checks
``settings.oauth_enabled``); ``GET /slack/install`` starts an install and
``GET /slack/oauth_redirect`` finishes it.

Bolt's default ``InstallationStoreAuthorize`` calls ``auth.test`` on every request
and turns a store outage into "please reinstall the app". ``InstallationAuthorize``
reads the bot record (``find_bot``: one GET) and builds the result from what the
install saved. It reuses a result for ``FRESH_AUTH_SECONDS`` (so a click stays at two
Redis round trips); uninstall and revocation events forget it at once in the process
that receives them, and other processes catch up within that time (a revoked token
only makes Slack answer ``token_revoked``). When Redis is unreachable it uses the last
result it saw for that workspace, up to ``STALE_AUTH_SECONDS`` old, so stateless answers
keep working through an outage; without one the request fails with ``StateUnavailable``.
"""

from __future__ import annotations

import html
import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Sequence

from slack_bolt.authorization import AuthorizeResult
from slack_bolt.authorization.authorize import Authorize
from slack_bolt.context import BoltContext
from slack_bolt.oauth.callback_options import CallbackOptions, FailureArgs, SuccessArgs
from slack_bolt.oauth.oauth_settings import OAuthSettings
from slack_bolt.response import BoltResponse

from bot.errors import StateUnavailable
from bot.oauth_store import RedisInstallationStore, RedisOAuthStateStore
from bot.settings import Settings
from bot.state import Store
from bot.texts import oauth as texts

log = logging.getLogger(__name__)
FRESH_AUTH_SECONDS = 30
STALE_AUTH_SECONDS = 3600
STALE_AUTH_ENTRIES = 10_000


class InstallationAuthorize(Authorize):
    def __init__(
        self,
        installs: RedisInstallationStore,
        *,
        fresh_seconds: float = FRESH_AUTH_SECONDS,
        stale_seconds: float = STALE_AUTH_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__()
        self.installs = installs
        self.fresh_seconds = fresh_seconds
        self.stale_seconds = stale_seconds
        self.clock = clock
        self._last: OrderedDict[tuple, tuple[float, AuthorizeResult]] = OrderedDict()
        self._lock = threading.Lock()

    def __call__(
        self,
        *,
        context: BoltContext,
        enterprise_id: str | None,
        team_id: str | None,
        user_id: str | None,
        **_actor: str | None,
    ) -> AuthorizeResult | None:
        org = bool(context.is_enterprise_install)
        where = (enterprise_id, None if org else team_id)
        fresh = self._recent(where, self.fresh_seconds)
        if fresh is not None:
            return fresh
        try:
            bot = self.installs.find_bot(
                enterprise_id=enterprise_id, team_id=team_id, is_enterprise_install=org
            )
        except StateUnavailable:
            return self._stale(where)
        if bot is None or not bot.bot_token:
            self._remember(where, None)
            log.warning("no installation for enterprise %s team %s", *where)
            return None
        result = AuthorizeResult(
            enterprise_id=bot.enterprise_id,
            team_id=bot.team_id,
            team=bot.team_name,
            bot_user_id=bot.bot_user_id,
            bot_id=bot.bot_id,
            bot_token=bot.bot_token,
            bot_scopes=bot.bot_scopes,
        )
        self._remember(where, result)
        return result

    def forget(self, *, enterprise_id: str | None, team_id: str | None) -> None:
        """Drop what is known about a workspace (or org: pass its enterprise id and None)."""
        with self._lock:
            for where in [w for w in self._last if w[0] == enterprise_id]:
                if team_id is None or where[1] in (team_id, None):
                    self._last.pop(where, None)

    def _recent(self, where: tuple, max_age: float) -> AuthorizeResult | None:
        with self._lock:
            seen = self._last.get(where)
        if seen is not None and self.clock() - seen[0] <= max_age:
            return seen[1]
        return None

    def _remember(self, where: tuple, result: AuthorizeResult | None) -> None:
        with self._lock:
            if result is None:
                self._last.pop(where, None)
                return
            self._last[where] = (self.clock(), result)
            self._last.move_to_end(where)
            while len(self._last) > STALE_AUTH_ENTRIES:
                self._last.popitem(last=False)

    def _stale(self, where: tuple) -> AuthorizeResult:
        known = self._recent(where, self.stale_seconds)
        if known is None:
            raise StateUnavailable("installation store unavailable")
        log.warning("state store unavailable: using the last known installation")
        return known


def build_oauth(
    settings: Settings, store: Store
) -> tuple[OAuthSettings, RedisInstallationStore, InstallationAuthorize]:
    """OAuth settings, installation store and authorize for ``App(...)``, all on ``store``'s
    Redis client and key prefix."""
    settings.require("slack_client_id", "slack_client_secret")
    installs = RedisInstallationStore(
        store.client, prefix=store.prefix, client_id=str(settings.slack_client_id)
    )
    states = RedisOAuthStateStore(
        store.client, prefix=store.prefix, expiration_seconds=settings.oauth_state_ttl_seconds
    )
    oauth_settings = OAuthSettings(
        client_id=str(settings.slack_client_id),
        client_secret=settings.secret("slack_client_secret"),
        scopes=settings.slack_scopes.split(","),
        user_scopes=[],
        redirect_uri=settings.slack_redirect_uri,
        installation_store=installs,
        installation_store_bot_only=True,
        state_store=states,
        state_expiration_seconds=settings.oauth_state_ttl_seconds,
        callback_options=CallbackOptions(success=_success_page, failure=failure_page),
        logger=logging.getLogger("bot.oauth.flow"),
    )
    return oauth_settings, installs, InstallationAuthorize(installs)


_PAGE = """<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>{title}</title>
<style>body {{ padding: 10px 15px; font-family: verdana, sans-serif; text-align: center; }}
small {{ color: #666; }}</style></head>
<body>
<h2>{title}</h2>
<p>{message}</p>
<p><a href="{install}">{again}</a></p>
<p><small>{code}</small></p>
</body>
</html>
"""


def _success_page(args: SuccessArgs) -> BoltResponse:
    return args.default.success(args)  # Bolt's page: "Thank you!" and a link into Slack


def failure_page(args: FailureArgs) -> BoltResponse:
    """The redirect's failure page: what happened in plain words, nothing installed, and a
    link back to the install page (Bolt's default led with "Oops, Something Went Wrong!"
    and developer hints, even when the person had just pressed Cancel)."""
    reason = str(args.reason or "")
    install = args.settings.install_path or "/slack/install"
    body = _PAGE.format(
        title=html.escape(texts.TITLE),
        message=html.escape(texts.REASONS.get(reason, texts.OTHER)),
        install=html.escape(install),
        again=html.escape(texts.START_AGAIN),
        code=html.escape(texts.REASON_CODE.format(reason=reason[:100])),
    )
    log.info("install not completed (reason %s)", reason[:100])
    headers: dict[str, str | Sequence[str]] = {
        "Content-Type": "text/html; charset=utf-8",
        # the state cookie is spent either way, as in Bolt's own failure response
        "Set-Cookie": args.settings.state_utils.build_set_cookie_for_deletion(),
    }
    return BoltResponse(status=args.suggested_status_code, body=body, headers=headers)
