"""What the learn / assess / prio walks share: ids, where "@Tradeoffs " applies, ephemeral
notices, the compare-and-set save, and ``Walk``: start one, show it, take a click on it.

A walk is a message with buttons, one step at a time. Its session (a pydantic model with
``user``, ``channel``, ``thread_ts`` and a ``step`` property) lives at
``{p}:{team}:{kind}:{flow id}`` for ``STATE_TTL_SECONDS``; the thread it was started in points
at it (``thread_state``). A click costs two Redis round trips: read, compare-and-set.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from pydantic import BaseModel
from slack_bolt import BoltContext, Respond
from slack_sdk import WebClient

from bot.blocks.clicks import decode
from bot.deps import Deps, team_of
from bot.errors import CodedError, StateConflict
from bot.listeners import thread_state
from bot.listeners.replies import tell
from bot.listeners.thread_state import FlowKind
from bot.state import Key, Versioned
from bot.texts import common
from bot.texts.errors import describe
from bot.texts.help import DM_AT, MENTION_AT

S = TypeVar("S", bound=BaseModel)  # with user, channel, thread_ts and step (see above)
Payload = dict[str, Any]


def new_id() -> str:
    return secrets.token_hex(6)


def at_for(channel: str | None) -> str:
    """How a request starts where this conversation lives: nothing in a DM with the bot."""
    return DM_AT if (channel or "").startswith("D") else MENTION_AT


def save(deps: Deps, key: Key, current: Versioned, new: BaseModel, *, ttl: int) -> bool:
    """Compare-and-set; False when someone else's click got there first (StateMissing when
    the state expired in between). Interview prep's sessions are saved this way too."""
    try:
        deps.store.update(key=key, expected_version=current.version, value=new, ttl=ttl)
    except StateConflict:
        return False
    return True


@dataclass(frozen=True)
class Clicked(Generic[S]):
    """A click on a walk's current step, by someone who may answer it."""

    deps: Deps
    team: str
    at: str  # how requests start where the click came from
    flow_id: str
    answer: str
    found: Versioned[S]

    @property
    def session(self) -> S:
        return self.found.value


@dataclass(frozen=True)
class Walk(Generic[S]):
    """One kind of walk: where its sessions live, how a session looks, its words."""

    kind: FlowKind
    model: type[S]
    render: Callable[[Deps, str, S], Payload]  # (deps, flow id, session) -> message
    expired: str  # "{at}": how to start again
    not_yours: str | None  # "{owner}"; None: anyone in the conversation may click
    errors: Mapping[str, str]  # the walk's CodedError codes -> words ("{at}", details)
    log: logging.Logger
    label: str  # names the walk in the log

    def key(self, team: str, flow_id: str) -> Key:
        return Key(team, self.kind, flow_id)

    def start(self, client: WebClient, deps: Deps, *, team: str, session: S) -> None:
        """Store ``session`` under a new id, point its thread at it, post its first step there.

        StateUnavailable without Redis."""
        channel, thread_ts = session.channel, session.thread_ts
        flow_id = new_id()
        deps.store.create(
            key=self.key(team, flow_id), value=session, ttl=deps.settings.state_ttl_seconds
        )
        thread_state.point(
            deps, team=team, channel=channel, thread_ts=thread_ts, kind=self.kind, flow_id=flow_id
        )
        client.chat_postMessage(
            channel=channel, thread_ts=thread_ts, **self.render(deps, flow_id, session)
        )

    def current(self, deps: Deps, team: str, flow_id: str) -> Payload | None:
        """The walk's message as it stands now, or None when it has expired."""
        found = deps.store.get(key=self.key(team, flow_id), model=self.model)
        return self.render(deps, flow_id, found.value) if found else None

    def error_text(self, error: CodedError, at: str) -> str:
        """The words for ``error``; text in its details (a name someone typed) is escaped."""
        return describe(error, at=at)

    def clicked(
        self, body: dict, action: dict, respond: Respond, context: BoltContext
    ) -> Clicked[S] | None:
        """The session a click is for, checked (one read). None, after telling the clicker
        why, when the walk has expired, is someone else's, or the click is on an old step."""
        deps, team = Deps.of(context), team_of(context)
        click = decode(action.get("value"))
        at = at_for((body.get("channel") or {}).get("id"))
        found = deps.store.get(key=self.key(team, click.flow_id), model=self.model)
        if found is None:
            tell(respond, self.expired.format(at=at))
            return None
        session = found.value
        if self.not_yours is not None and session.user != body["user"]["id"]:
            tell(respond, self.not_yours.format(owner=session.user))
            return None
        if click.step != session.step:
            tell(respond, common.STALE)
            return None
        return Clicked(deps, team, at, click.flow_id, click.answer, found)

    def advance(self, clicked: Clicked[S], respond: Respond, new: S) -> None:
        """Store ``new`` (compare-and-set) and show it in place of the clicked message; a
        click that lost the race to another gets "stale" instead."""
        deps, key = clicked.deps, self.key(clicked.team, clicked.flow_id)
        if not save(deps, key, clicked.found, new, ttl=deps.settings.state_ttl_seconds):
            tell(respond, common.STALE)
            return
        self.log.info("%s %s: step %d", self.label, clicked.flow_id, new.step)
        respond(replace_original=True, **self.render(deps, clicked.flow_id, new))
