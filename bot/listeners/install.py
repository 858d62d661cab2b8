"""Uninstalls and token revocations: forget the workspace's tokens and its data.

* ``app_uninstalled``: delete every installation record of the workspace (or org)
  and every conversation key under ``{p}:{team}:``.
* ``tokens_revoked``: Bolt's built-in handler deletes the revoked users' installations
  and, when the bot token was revoked, the bot record (single workspace: logged, acked).

Both also drop this process's cached authorization for the workspace (``forget``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from slack_bolt import App, BoltContext
from slack_bolt.listener.builtins import TokenRevocationListeners
from slack_sdk.oauth.installation_store import InstallationStore

from bot.deps import Deps, team_of

log = logging.getLogger(__name__)
Forget = Callable[..., None]


def register(app: App, installs: InstallationStore | None, forget: Forget | None = None) -> None:
    """``installs`` is None in single-workspace mode (then only the data is forgotten)."""

    def _forget(context: BoltContext) -> None:
        if forget is not None:
            forget(enterprise_id=context.enterprise_id, team_id=context.team_id)

    def app_uninstalled(context: BoltContext) -> None:
        _forget(context)
        if installs is not None:
            installs.delete_all(enterprise_id=context.enterprise_id, team_id=context.team_id)
        team = team_of(context)
        deleted = Deps.of(context).store.delete_team(team)
        log.info("app uninstalled from %s: deleted its installation and %d keys", team, deleted)

    app.event("app_uninstalled")(app_uninstalled)
    if installs is None:
        app.event("tokens_revoked")(_revoked_in_single_workspace)
        return
    revocations = TokenRevocationListeners(installs)

    def tokens_revoked(event: dict, context: BoltContext) -> None:
        _forget(context)
        revocations.handle_tokens_revoked_events(event, context)

    app.event("tokens_revoked")(tokens_revoked)


def _revoked_in_single_workspace(event: dict) -> None:
    """Nothing is stored to forget; say what stopped working (user ids only, no tokens)."""
    tokens = event.get("tokens") or {}
    if tokens.get("bot"):
        log.warning("the bot token was revoked: set a new SLACK_BOT_TOKEN")
    else:
        log.info(
            "user tokens revoked for %d users (none are used here)", len(tokens.get("oauth") or [])
        )
