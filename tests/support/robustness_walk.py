"""Find every button and modal the app offers by using it: start each flow, then keep clicking.

``discover(sim)`` returns a ``Catalog``: for each action_id the app put on a message or view,
and for each modal callback_id it opened, the shortest ``path`` of steps that produced it.
``Board(sim).replay(path)`` walks a path again (in a fresh conversation, with new flow
ids), so a test gets a live message with that button, or that modal, in the state a person
would find it in.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, urlencode

from slack_bolt import App, BoltRequest, BoltResponse

from bot.devtools.signed import FORM, Request
from bot.devtools.sim import WHERE, Reply, SlackSim
from tests.support.robustness import fresh

Step = tuple[str, ...]  # ("command", "/rubric", text) | ("dm", text) | ("mention", text)
# | ("home",) | ("click", action_id)
Path = tuple[Step, ...]
MISSING = object()  # a forged click without this part

STARTS: dict[str, Path] = {
    "buildvsbuy": (("command", "/buildvsbuy", "support triage bot"),),
    "buildvsbuy, no topic": (("command", "/buildvsbuy", ""),),
    "llmcost": (("command", "/llmcost", "model=gpt-4o in=2k out=500 per_day=10k"),),
    "llmcost form": (("command", "/llmcost", ""),),
    "rubric": (("command", "/rubric", ""),),
    "prep": (("dm", "prep"),),
    "practice": (("dm", "practice senior"), ("dm", "My answer.")),
    "scorecard": (("dm", "scorecard senior Ada"),),
    "kit": (("dm", "kit staff"),),
    "resume": (("dm", "practice senior"), ("dm", "prep")),
    "learn": (("mention", "learn rust"),),
    "assess": (("mention", "assess"),),
    "prioritize": (("mention", "prioritize search, chat, evals"),),
    "home": (("home",),),
}
# Buttons the walk records but does not press: they go back or end, not deeper.
SIDEWAYS = (".back", ".restart", ".stop", ".skip", ".over")
MAX_CLICKS = 20


def elements(surface: dict) -> list[dict]:
    """The interactive elements of a message or view (not the inputs of a modal form)."""
    found = []
    for block in surface.get("blocks") or []:
        if block.get("type") == "input":
            continue
        candidates = list(block.get("elements") or [])
        if isinstance(block.get("accessory"), dict):
            candidates.append(block["accessory"])
        found += [e for e in candidates if isinstance(e, dict) and e.get("action_id")]
    return found


def is_view(surface: dict) -> bool:
    return surface.get("type") in ("modal", "home")


@dataclass
class Board:
    """One person's conversation with the app: every message and view it has been shown."""

    sim: SlackSim
    user: str = field(default_factory=lambda: fresh("U"))
    channel: str = field(default_factory=lambda: fresh("C"))
    dm_channel: str = field(default_factory=lambda: fresh("D"))
    surfaces: list[dict] = field(default_factory=list)
    check: Callable[[Reply], object] | None = None  # run on every reply (a Guard's check)

    def run(self, step: Step) -> Reply:
        sim, kind = self.sim, step[0]
        if kind == "command":
            reply = sim.command(step[1], step[2], user=self.user, channel=self.channel)
        elif kind == "dm":
            reply = sim.dm(step[1], user=self.user, channel=self.dm_channel)
        elif kind == "mention":
            reply = sim.mention(step[1], user=self.user, channel=self.channel)
        elif kind == "home":
            reply = sim.open_home(user=self.user)
        else:
            reply = self.click(step[1])
        if self.check is not None:
            self.check(reply)
        self.surfaces += reply.messages + reply.views
        return reply

    def replay(self, path: Path) -> Board:
        for step in path:
            self.run(step)
        return self

    def holding(self, action_id: str) -> dict:
        """The newest message or view with ``action_id`` on it."""
        for surface in reversed(self.surfaces):
            if any(e["action_id"] == action_id for e in elements(surface)):
                return surface
        raise AssertionError(f"nothing on the board has {action_id!r}")

    def value(self, action_id: str) -> str | None:
        """What the element carries: its value, or a checklist's block id (checkboxes have
        no value; the app puts the flow's button value in the block id)."""
        surface = self.holding(action_id)
        for block in surface.get("blocks") or []:
            for element in block.get("elements") or []:
                if isinstance(element, dict) and element.get("action_id") == action_id:
                    if element.get("type") == "checkboxes":
                        return block.get("block_id")
                    return element.get("value")
        found = [e for e in elements(surface) if e["action_id"] == action_id]
        return found[0].get("value")

    def click(self, action_id: str, *, user: str | None = None) -> Reply:
        surface = self.holding(action_id)
        if is_view(surface):
            return self.sim.click_in_view(surface, action_id, user=user or self.user)
        ticks = _first_option(surface, action_id)
        if ticks is not None:
            return self.sim.tick(surface, action_id, ticks, user=user or self.user)
        return self.sim.click(surface, action_id, user=user or self.user)

    def forged(self, action_id: str, *, user: str, value: Any, message: Any = None) -> Request:
        """A click on ``action_id`` as Slack would send it, then changed: ``value`` (MISSING:
        no value) and, for a message, the ``message`` the payload carries (None: as Slack
        sends it; MISSING: none)."""
        surface = self.holding(action_id)
        requests = self.sim.requests
        if is_view(surface):
            body, _ = requests.block_action(action_id, "x", user_id=user, view=surface)
        else:
            where = surface.get(WHERE) or {}
            url = self.sim.fake.new_response_url(channel=where.get("channel"), message_ts=where.get("ts"))  # fmt: skip
            clean = {k: v for k, v in surface.items() if k != WHERE}
            body, _ = requests.block_action(
                action_id, "x", user_id=user, channel_id=where.get("channel"), message=clean,
                message_ts=where.get("ts"), is_ephemeral=bool(where.get("ephemeral")),
                response_url=url, thread_ts=where.get("thread_ts"),
                selected=_first_option(surface, action_id),
            )  # fmt: skip
        payload = json.loads(parse_qs(body)["payload"][0])
        action = payload["actions"][0]
        carrier = "block_id" if action.get("type") == "checkboxes" else "value"
        action.pop(carrier, None)
        if value is not MISSING:
            action[carrier] = value
        if message is MISSING:
            payload.pop("message", None)
        elif message is not None and not is_view(surface):
            payload["message"] = message
        return requests.sign(urlencode({"payload": json.dumps(payload)}), FORM)


def _first_option(surface: dict, action_id: str) -> list[str] | None:
    """A checkboxes element's first option value (what the walk ticks), else None."""
    found = [e for e in elements(surface) if e["action_id"] == action_id]
    if not found or found[0].get("type") != "checkboxes":
        return None
    return [str(o.get("value")) for o in (found[0].get("options") or [])[:1]]


@dataclass
class Catalog:
    actions: dict[str, Path] = field(default_factory=dict)  # action_id -> path showing it
    modals: dict[str, Path] = field(default_factory=dict)  # callback_id -> path opening it

    def learn(self, path: Path, reply: Reply) -> None:
        """Remember what ``reply`` shows, keeping the shortest path to each."""
        for surface in reply.messages + reply.views:
            for element in elements(surface):
                _keep_shortest(self.actions, element["action_id"], path)
            if surface.get("type") == "modal" and surface.get("callback_id"):
                _keep_shortest(self.modals, surface["callback_id"], path)


def _keep_shortest(paths: dict[str, Path], key: str, path: Path) -> None:
    if key not in paths or len(path) < len(paths[key]):
        paths[key] = path


def _next_click(board: Board, clicked: set[str]) -> str | None:
    """A button not pressed yet (oldest first: short paths), else the first one that goes
    deeper on the newest message or view that has one."""
    offered = [
        e["action_id"]
        for surface in board.surfaces
        for e in elements(surface)
        if not e["action_id"].endswith(SIDEWAYS)
    ]
    new = [a for a in offered if a not in clicked]
    return new[0] if new else (offered[-1] if offered else None)


def walk(
    sim: SlackSim, start: Path, catalog: Catalog, check: Callable[[Reply], object] | None = None
) -> None:
    """Run ``start``, then click (see ``_next_click``) up to MAX_CLICKS times; ``catalog``
    learns everything shown; ``check`` runs on every reply."""
    board = Board(sim, check=check)
    path: Path = ()
    for step in start:
        path += (step,)
        catalog.learn(path, board.run(step))
    clicked: set[str] = set()
    for _ in range(MAX_CLICKS):
        action_id = _next_click(board, clicked)
        if action_id is None:
            return
        clicked.add(action_id)
        path += (("click", action_id),)
        catalog.learn(path, board.run(("click", action_id)))


_CACHE: dict[str, Catalog] = {}


def discover(sim: SlackSim) -> Catalog:
    """Every action_id and modal reachable from ``STARTS`` (walked once per test session:
    paths replay in any test's app)."""
    if "catalog" not in _CACHE:
        catalog = Catalog()
        for start in STARTS.values():
            walk(sim, start, catalog)
        _CACHE["catalog"] = catalog
    return dataclasses.replace(_CACHE["catalog"])


# --- what the app registers -----------------------------------------------------------------


def registered(app: App, matcher: str) -> dict[str, Any]:
    """The app's listeners whose Bolt matcher is ``matcher`` ("action", "view_submission"),
    by listener function (``module.name``)."""
    return {
        f"{lst.ack_function.__module__}.{lst.ack_function.__name__}": lst
        for lst in app._listeners
        if lst.matchers[0].func.__qualname__.startswith(matcher + ".")
    }


def heard_by(listener: Any, body: dict) -> bool:
    """Whether ``listener``'s Bolt matcher takes a request with this ``body``."""
    request = BoltRequest(body=body, mode="socket_mode")
    return listener.matchers[0].matches(request, BoltResponse(status=200))


def click_body(action_id: str) -> dict:
    return {"type": "block_actions", "actions": [{"action_id": action_id, "block_id": "b"}]}


def submission_body(callback_id: str) -> dict:
    return {"type": "view_submission", "view": {"type": "modal", "callback_id": callback_id}}
