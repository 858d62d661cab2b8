"""Uninstalls and token revocations: forget the workspace's tokens and its data.

* ``app_uninstalled``: delete every installation record of the workspace (or org)
  and every conversation key under ``{p}:{team}:``.
* ``tokens_revoked``: Bolt's built-in handler deletes the revoked users' installations
  and, when the bot token was revoked, the bot record.
"""

from __future__ import annotations

import logging

from slack_bolt import App, BoltContext
from slack_bolt.listener.builtins import TokenRevocationListeners
from slack_sdk.oauth.installation_store import InstallationStore

from bot.deps import Deps, team_of

log = logging.getLogger(__name__)


def register(app: App, installs: InstallationStore | None) -> None:
    """``installs`` is None in single-workspace mode (then only the data is forgotten)."""

    def app_uninstalled(context: BoltContext) -> None:
        if installs is not None:
            installs.delete_all(enterprise_id=context.enterprise_id, team_id=context.team_id)
        team = team_of(context)
        deleted = Deps.of(context).store.delete_team(team)
        log.info("app uninstalled from %s: deleted its installation and %d keys", team, deleted)

    app.event("app_uninstalled")(app_uninstalled)
    if installs is not None:
        revoked = TokenRevocationListeners(installs).handle_tokens_revoked_events
        app.event("tokens_revoked")(revoked)
