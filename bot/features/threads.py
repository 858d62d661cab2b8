"""Which flow a thread is running: ``{p}:{team}:thread:{channel}:{thread_ts}``.

A flow (build-or-buy, learn, assess, prioritize) points the thread it was started in at itself (a
DM's main conversation counts as the thread ``top``), so a later ``@Tradeoffs status`` there
finds it; two threads in one channel have two keys and never see each other's flows. The
flows' own state lives under their own ids (``bot/features/flows.py``).
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from bot.deps import Deps
from bot.domain.flows import FlowKind
from bot.state import Key

THREAD = "thread"
# A flow's TTL restarts on every click, so a walk the team answers over several days lives on;
# the pointer, written once at the start, outlives it (status then says "expired" at worst).
POINTER_TTL_SECONDS = 30 * 86_400


class ThreadPointer(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: FlowKind
    flow_id: str


def thread_key(team: str, channel: str, thread_ts: str | None) -> Key:
    return Key(team, THREAD, f"{channel}:{thread_ts or 'top'}")


def point(
    deps: Deps, *, team: str, channel: str, thread_ts: str | None, kind: FlowKind, flow_id: str
) -> None:
    """The thread's current conversation is now this flow (last started wins)."""
    deps.store.put(
        key=thread_key(team, channel, thread_ts),
        value=ThreadPointer(kind=kind, flow_id=flow_id),
        ttl=max(deps.settings.state_ttl_seconds, POINTER_TTL_SECONDS),
    )


def pointer(deps: Deps, *, team: str, channel: str, thread_ts: str | None) -> ThreadPointer | None:
    found = deps.store.get(key=thread_key(team, channel, thread_ts), model=ThreadPointer)
    return found.value if found else None
