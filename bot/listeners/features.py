"""Entry points of the other features, found when called.

Mentions and App Home hand work to /buildvsbuy, /llmcost and interview prep. Each is looked up
here by module and name; while a feature is not in the build the lookup returns None and the
caller tells the user the command to use instead. An ImportError inside a feature's module is
not hidden: only the module itself being absent is.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

BUILDVSBUY = "bot.listeners.commands.buildvsbuy"
LLMCOST_COMMAND = "bot.listeners.commands.llmcost"
LLMCOST_VIEW = "bot.listeners.views.llmcost"
RUBRIC = "bot.listeners.commands.rubric"
PREP = "bot.listeners.messages.prep"


def entry(module: str, name: str) -> Callable[..., Any] | None:
    try:
        loaded = importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name == module:
            return None
        raise
    found = getattr(loaded, name, None)
    return found if callable(found) else None


def start_flow() -> Callable[..., None] | None:
    """``start_flow(client, deps, *, team, user, channel, topic, thread_ts=None)``"""
    return entry(BUILDVSBUY, "start_flow")


def recent_decisions() -> Callable[..., list] | None:
    """``recent_decisions(deps, *, team, user=None, limit=5) -> list[DecisionRecord]``"""
    return entry(BUILDVSBUY, "recent_decisions")


def estimate_payload() -> Callable[..., dict] | None:
    """``estimate_payload(text, deps) -> dict``"""
    return entry(LLMCOST_COMMAND, "estimate_payload")


def open_cost_modal() -> Callable[..., None] | None:
    """``open_cost_modal(client, *, trigger_id, initial=None, ...)``"""
    return entry(LLMCOST_VIEW, "open_cost_modal")


def rubric_payload() -> Callable[..., dict] | None:
    """``rubric_payload(text, deps) -> dict``"""
    return entry(RUBRIC, "rubric_payload")


def post_prep_menu() -> Callable[..., None] | None:
    """``post_prep_menu(client, *, channel, user)``"""
    return entry(PREP, "post_prep_menu")
