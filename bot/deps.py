"""What every listener needs besides the request: settings, state store, knowledge."""

from __future__ import annotations

from dataclasses import dataclass

from slack_bolt import BoltContext

from bot.domain.knowledge import Knowledge
from bot.settings import Settings
from bot.state import Store


@dataclass(frozen=True)
class Deps:
    settings: Settings
    store: Store
    knowledge: Knowledge

    @staticmethod
    def of(context: BoltContext) -> Deps:
        return context["deps"]


def team_of(context: BoltContext) -> str:
    """The workspace a request belongs to (the enterprise for org-wide installs)."""
    return context.team_id or context.enterprise_id or "T-unknown"
