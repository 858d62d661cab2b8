"""OAuth installations and OAuth state on Redis, for installs in many workspaces.

slack_sdk ships file, SQLite, SQLAlchemy and S3 stores but none for Redis; these two
follow the same contract (``InstallationStore`` / ``OAuthStateStore``) and the SQL
stores' semantics:

* ``find_installation`` without a user gives the latest installation in the workspace
  (or org, for org-wide installs); with a user, that user's latest, carrying the
  workspace's latest bot token (bolt-python#664).
* ``find_bot`` gives the latest bot; ``delete_bot`` / ``delete_installation`` /
  ``delete_all`` remove what they name, nothing else. A deleted bot's token is no
  longer handed out through ``find_installation`` either.
* An OAuth state is consumed once, and only before it expires.

Keys (``{p}`` is REDIS_PREFIX, ``-`` stands for an absent enterprise or team id):

* ``{p}:install:{client_id}:{{enterprise}:{team}}:bot`` -- the latest bot, JSON string.
* ``{p}:install:{client_id}:{{enterprise}:{team}}:installers`` -- hash user id -> that
  user's latest installation, JSON.
* ``{p}:oauth_state:{state}`` -- issue time; expires after ``expiration_seconds``.

The braces are a Redis Cluster hash tag: a workspace's two keys share a slot, so ``save``
(a transaction), ``find_installation`` (a pipeline) and ``delete_all`` (one DEL) work on a
cluster.

Installations have no TTL: they live until Slack tells us the app was uninstalled or
its tokens were revoked. Every read is one round trip; Redis errors raise
``StateUnavailable`` (never a silent "not installed").
"""

from __future__ import annotations

import json
import logging
import time
import uuid
from logging import Logger
from typing import Any

import redis
from slack_sdk.oauth.installation_store import Bot, Installation, InstallationStore
from slack_sdk.oauth.state_store import OAuthStateStore

from bot.state import redis_errors

log = logging.getLogger(__name__)
NONE = "-"
_BOT_FIELDS = (
    "bot_token",
    "bot_id",
    "bot_user_id",
    "bot_scopes",
    "bot_refresh_token",
    "bot_token_expires_at",
)


def _to_json(entity: Bot | Installation) -> str:
    return json.dumps(entity.__dict__, separators=(",", ":"))


def _load(cls: type, raw: bytes | str | None) -> Any:
    if raw is None:
        return None
    try:
        return cls(**json.loads(raw))
    except (ValueError, TypeError):
        log.warning("discarding an unreadable %s record", cls.__name__)
        return None


class RedisInstallationStore(InstallationStore):
    """Bot and installer records per (enterprise, team) in Redis, keyed by client id."""

    def __init__(
        self, client: redis.Redis, *, prefix: str, client_id: str, logger: Logger = log
    ) -> None:
        self.client = client
        self.prefix = prefix
        self.client_id = client_id
        self._logger = logger

    @property
    def logger(self) -> Logger:
        return self._logger

    def _base(self, enterprise_id: str | None, team_id: str | None) -> str:
        where = f"{enterprise_id or NONE}:{team_id or NONE}"
        return f"{self.prefix}:install:{self.client_id}:{{{where}}}"

    def keys_for(self, *, enterprise_id: str | None, team_id: str | None) -> tuple[str, str]:
        """The (bot, installers) keys of one workspace or org."""
        base = self._base(enterprise_id, team_id)
        return f"{base}:bot", f"{base}:installers"

    # --- writes ---------------------------------------------------------------------

    def save(self, installation: Installation) -> None:
        bot_key, installers_key = self.keys_for(
            enterprise_id=installation.enterprise_id, team_id=installation.team_id
        )
        with redis_errors(self.client):
            pipe = self.client.pipeline(transaction=True)
            if installation.bot_token is not None:
                pipe.set(bot_key, _to_json(installation.to_bot()))
            pipe.hset(installers_key, installation.user_id or NONE, _to_json(installation))
            pipe.execute()
        self.logger.info("saved an installation for %s", installers_key.rsplit(":", 1)[0])

    def save_bot(self, bot: Bot) -> None:
        if bot.bot_token is None:
            self.logger.debug("skipped saving a bot without a bot token")
            return
        bot_key, _ = self.keys_for(enterprise_id=bot.enterprise_id, team_id=bot.team_id)
        with redis_errors(self.client):
            self.client.set(bot_key, _to_json(bot))

    def delete_bot(self, *, enterprise_id: str | None, team_id: str | None) -> None:
        bot_key, _ = self.keys_for(enterprise_id=enterprise_id, team_id=team_id)
        with redis_errors(self.client):
            self.client.delete(bot_key)

    def delete_installation(
        self, *, enterprise_id: str | None, team_id: str | None, user_id: str | None = None
    ) -> None:
        _, installers_key = self.keys_for(enterprise_id=enterprise_id, team_id=team_id)
        with redis_errors(self.client):
            if user_id is None:
                self.client.delete(installers_key)
            else:
                self.client.hdel(installers_key, user_id)

    def delete_all(self, *, enterprise_id: str | None, team_id: str | None) -> None:
        with redis_errors(self.client):
            self.client.delete(*self.keys_for(enterprise_id=enterprise_id, team_id=team_id))

    # --- reads ----------------------------------------------------------------------

    def find_bot(
        self,
        *,
        enterprise_id: str | None,
        team_id: str | None,
        is_enterprise_install: bool | None = False,
    ) -> Bot | None:
        if is_enterprise_install:
            team_id = None
        bot_key, _ = self.keys_for(enterprise_id=enterprise_id, team_id=team_id)
        with redis_errors(self.client):
            raw = self.client.get(bot_key)
        return _load(Bot, raw)

    def find_installation(
        self,
        *,
        enterprise_id: str | None,
        team_id: str | None,
        user_id: str | None = None,
        is_enterprise_install: bool | None = False,
    ) -> Installation | None:
        if is_enterprise_install:
            team_id = None
        bot_key, installers_key = self.keys_for(enterprise_id=enterprise_id, team_id=team_id)
        with redis_errors(self.client):
            pipe = self.client.pipeline(transaction=False)
            pipe.get(bot_key)
            if user_id is None:
                pipe.hvals(installers_key)
            else:
                pipe.hget(installers_key, user_id)
            raw_bot, raw = pipe.execute()
        candidates = raw if user_id is None else [raw]
        found = [i for i in (_load(Installation, r) for r in candidates) if i is not None]
        if not found:
            return None
        installation = max(found, key=lambda i: i.installed_at)
        bot = _load(Bot, raw_bot)
        if bot is None:  # the bot was deleted (tokens revoked): do not hand its token out
            for name in _BOT_FIELDS:
                setattr(installation, name, None)
        elif user_id is not None or installation.bot_token != bot.bot_token:
            for name in _BOT_FIELDS:  # the workspace's latest bot token wins (bolt-python#664)
                setattr(installation, name, getattr(bot, name))
        return installation


class RedisOAuthStateStore(OAuthStateStore):
    """One-time OAuth ``state`` values with an expiry, shared by every server process."""

    def __init__(
        self,
        client: redis.Redis,
        *,
        prefix: str,
        expiration_seconds: int,
        logger: Logger = log,
    ) -> None:
        self.client = client
        self.prefix = prefix
        self.expiration_seconds = expiration_seconds
        self._logger = logger

    @property
    def logger(self) -> Logger:
        return self._logger

    def _key(self, state: str) -> str:
        return f"{self.prefix}:oauth_state:{state}"

    def issue(self, *args: object, **kwargs: object) -> str:
        state = uuid.uuid4().hex
        with redis_errors(self.client):
            self.client.set(self._key(state), repr(time.time()), ex=self.expiration_seconds)
        return state

    def consume(self, state: str) -> bool:
        """True once for a state this store issued that has not expired; False after."""
        if not state:
            return False
        with redis_errors(self.client):
            issued = self.client.getdel(self._key(state))
        if issued is None:
            self.logger.info("OAuth state unknown, used or expired")
            return False
        try:
            return time.time() < float(issued) + self.expiration_seconds
        except ValueError:
            return False
