"""What every flow's feature shares: its key, the compare-and-set save, and ``Flows``: start
one, show it, take a click on it, store the next turn.

A flow is a message with buttons, one step at a time. Its state (a pydantic model with
``user``, ``channel``, ``thread_ts`` and a ``turn``) lives at ``{p}:{team}:flow:{kind}:{id}``
for ``STATE_TTL_SECONDS``; the thread it was started in points at it (``threads``). A click
costs two Redis round trips: read, compare-and-set. Learn, assess and prioritize are ``Flows``;
build-or-buy and interview prep use ``flow_key`` and ``save`` with their own click rules.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from pydantic import BaseModel
from slack_bolt import BoltContext, Respond
from slack_sdk import WebClient

from bot.blocks.clicks import FlowRef, decode_action
from bot.deps import Deps, team_of
from bot.domain.flows import FlowKind, FlowState, new_id
from bot.errors import BadButtonValue, CodedError, StateConflict
from bot.features import threads
from bot.features.places import at_for
from bot.features.replies import tell
from bot.state import Key, Versioned
from bot.texts import common
from bot.texts.errors import describe

FLOW = "flow"
Payload = dict[str, Any]


S = TypeVar("S", bound=FlowState)


def flow_key(team: str, kind: FlowKind, flow_id: str) -> Key:
    return Key(team, FLOW, f"{kind}:{flow_id}")


def save(deps: Deps, key: Key, current: Versioned[Any], new: BaseModel, *, ttl: int) -> bool:
    """Compare-and-set; False when someone else's click got there first (StateMissing when
    the state expired in between)."""
    try:
        deps.store.update(key=key, expected_version=current.version, value=new, ttl=ttl)
    except StateConflict:
        return False
    return True


@dataclass(frozen=True)
class Clicked(Generic[S]):
    """A click on a flow's current step, by someone who may answer it."""

    deps: Deps
    team: str
    at: str  # how requests start where the click came from
    flow_id: str
    answer: str
    found: Versioned[S]

    @property
    def state(self) -> S:
        return self.found.value


@dataclass(frozen=True)
class Flows(Generic[S]):
    """One kind of flow: where its states live, how one is drawn, its words."""

    kind: FlowKind
    model: type[S]
    render: Callable[[Deps, FlowRef, S], Payload]  # (deps, where it stands, state) -> message
    expired: str  # "{at}": how to start again
    not_yours: str | None  # "{owner}"; None: anyone in the conversation may click
    log: logging.Logger
    label: str  # names the flow in the log

    def key(self, team: str, flow_id: str) -> Key:
        return flow_key(team, self.kind, flow_id)

    def draw(self, deps: Deps, team: str, flow_id: str, state: S) -> Payload:
        ref = FlowRef(team, self.kind, flow_id, state.turn)
        return self.render(deps, ref, state)

    def start(self, client: WebClient, deps: Deps, *, team: str, state: S) -> None:
        """Store ``state`` under a new id, point its thread at it, post its first step there.

        StateUnavailable without Redis."""
        channel, thread_ts = state.channel, state.thread_ts
        flow_id = new_id()
        deps.store.create(
            key=self.key(team, flow_id), value=state, ttl=deps.settings.state_ttl_seconds
        )
        threads.point(
            deps, team=team, channel=channel, thread_ts=thread_ts, kind=self.kind, flow_id=flow_id
        )
        client.chat_postMessage(
            channel=channel, thread_ts=thread_ts, **self.draw(deps, team, flow_id, state)
        )

    def current(self, deps: Deps, team: str, flow_id: str) -> Payload | None:
        """The flow's message as it stands now, or None when it has expired."""
        found = deps.store.get(key=self.key(team, flow_id), model=self.model)
        return self.draw(deps, team, flow_id, found.value) if found else None

    def error_text(self, error: CodedError, at: str) -> str:
        """The words for one of this flow's errors, where requests start with ``at``."""
        return describe(error, at=at)

    def clicked(
        self, body: dict, action: dict, respond: Respond, context: BoltContext
    ) -> Clicked[S] | None:
        """The state a click is for, checked (one read). None, after telling the clicker
        why, when the button is not one of ours, the flow has expired, is someone else's,
        or the click is on an old step."""
        deps, team = Deps.of(context), team_of(context)
        at = at_for((body.get("channel") or {}).get("id"))
        try:
            click = decode_action(body, action, team=team, kind=self.kind)
        except BadButtonValue as error:
            self.log.info("ignored a %s click: %s", self.label, error.why)
            tell(respond, describe(error, at=at))
            return None
        found = deps.store.get(key=self.key(team, click.id), model=self.model)
        if found is None:
            tell(respond, self.expired.format(at=at))
            return None
        state = found.value
        if self.not_yours is not None and state.user != body["user"]["id"]:
            tell(respond, self.not_yours.format(owner=state.user))
            return None
        if click.turn != state.turn:
            tell(respond, common.STALE)
            return None
        return Clicked(deps, team, at, click.id, click.arg, found)

    def advance(self, clicked: Clicked[S], respond: Respond, new: S) -> None:
        """Store ``new`` (compare-and-set) and show it in place of the clicked message; a
        click that lost the race to another gets "stale" instead."""
        deps, key = clicked.deps, self.key(clicked.team, clicked.flow_id)
        if not save(deps, key, clicked.found, new, ttl=deps.settings.state_ttl_seconds):
            tell(respond, common.STALE)
            return
        self.log.info("%s %s: turn %d", self.label, clicked.flow_id, new.turn)
        respond(replace_original=True, **self.draw(deps, clicked.team, clicked.flow_id, new))

