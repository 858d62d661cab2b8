"""Uninstalls and token revocations: forget the workspace's tokens and its data.

* ``app_uninstalled``: delete every installation record of the workspace (or org) and every
  key under ``{p}:{team}:``.
* ``tokens_revoked``: Bolt's built-in handler deletes the revoked users' installations and,
  when the bot token was revoked, the bot record (single workspace: logged, acked).

Both also drop this process's cached authorization for the workspace (``forget``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from slack_bolt import BoltContext
from slack_bolt.listener.builtins import TokenRevocationListeners
from slack_sdk.oauth.installation_store import InstallationStore

from bot.deps import Deps, team_of

log = logging.getLogger(__name__)
Forget = Callable[..., None]


@dataclass(frozen=True)
class Installs:
    """Where installations live (None in single-workspace mode) and how to forget a cached
    authorization (None when nothing is cached)."""

    store: InstallationStore | None = None
    forget: Forget | None = None

    def _forget(self, context: BoltContext) -> None:
        if self.forget is not None:
            self.forget(enterprise_id=context.enterprise_id, team_id=context.team_id)

    def uninstalled(self, context: BoltContext) -> None:
        self._forget(context)
        if self.store is not None:
            self.store.delete_all(enterprise_id=context.enterprise_id, team_id=context.team_id)
        team = team_of(context)
        deleted = Deps.of(context).store.delete_team(team)
        log.info("app uninstalled from %s: deleted its installation and %d keys", team, deleted)

    def revoked(self, event: dict, context: BoltContext) -> None:
        if self.store is None:
            _revoked_in_single_workspace(event)
            return
        self._forget(context)
        TokenRevocationListeners(self.store).handle_tokens_revoked_events(event, context)


def _revoked_in_single_workspace(event: dict) -> None:
    """Nothing is stored to forget; say what stopped working (user ids only, no tokens)."""
    tokens = event.get("tokens") or {}
    if tokens.get("bot"):
        log.warning("the bot token was revoked: set a new SLACK_BOT_TOKEN")
    else:
        log.info(
            "user tokens revoked for %d users (none are used here)", len(tokens.get("oauth") or [])
        )
