"""Interview prep in DMs: keywords, shortcuts, and the lines a running flow waits for.

``bot/features/requests.py`` calls :func:`handle_dm` first for every DM line; it returns True when
it handled the line. "help" shows the prep menu and returns False, so the router's
general help follows it.
"""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import BoltContext, Say
from slack_sdk import WebClient

from bot.blocks.common import unescape
from bot.blocks.prep import choose_level_message, menu_message, menu_ref
from bot.blocks.prep_kit import kit_message
from bot.deps import Deps, team_of
from bot.domain.prep.flow import PrepFlow
from bot.domain.prep.kit import KitLengthError
from bot.domain.prep.line import DmLine, parse_line
from bot.domain.rubric import RubricInputError, find_areas, level_names, split_level
from bot.errors import StateUnavailable
from bot.features.people import from_person_in_dm
from bot.features.prep import flow
from bot.texts import common
from bot.texts import prep as texts
from bot.texts.errors import describe

log = logging.getLogger(__name__)
_MODES = ("practice", "kit", "scorecard")


def post_prep_menu(
    client: WebClient, *, channel: str, user: str, team: str, deps: Deps | None = None
) -> None:
    """Post the prep menu (practice / interviewer kit / scorecard) to ``channel`` for ``user``.

    Given ``deps``, a flow ``user`` has running is offered to resume instead, as a DM of
    "prep" does (App Home's button, a mention)."""
    found = None
    if deps is not None:
        try:
            found = flow.load(deps, team, user)
        except StateUnavailable:
            log.warning("prep: state store unavailable; showing the menu")

    def post(**payload: Any) -> None:
        client.chat_postMessage(channel=channel, **payload)

    if found is not None and deps is not None:
        flow.resume(deps, post, team=team, flow=found.value)
        return
    post(**menu_message(menu_ref(team, user)))


def prep_request(
    deps: Deps, client: WebClient, *, team: str, user: str, channel: str, text: str
) -> None:
    """A prep request made outside the DM (a mention, App Home), answered in ``channel``.

    The DM's keywords and shortcuts work (``practice senior rag``, ``kit staff 45``,
    ``scorecard senior Jane Doe``); anything else gets the menu, or the resume prompt
    when a flow is running. Raises StateUnavailable."""

    def say(**payload: Any) -> None:
        client.chat_postMessage(channel=channel, **payload)

    line = parse_line(unescape(text))
    current = flow.load(deps, team, user)
    running = current is not None
    if line.intent in _MODES and line.words:
        if _shortcut(deps, say, team=team, user=user, line=line, running=running):
            return
        if not running:
            return  # _shortcut explained what was wrong
    _menu(deps, say, team=team, user=user, line=line, running=current.value if current else None)


def handle_dm(message: dict, say: Say, client: WebClient, context: BoltContext) -> bool:
    """Handle a DM line if it is prep's: a keyword, a shortcut, or text a flow awaits."""
    if not from_person_in_dm(message):
        return False
    user = str(message["user"])
    deps, team = Deps.of(context), team_of(context)
    typed = unescape(message.get("text") or "")
    line = parse_line(typed)
    try:
        current = flow.load(deps, team, user)
    except StateUnavailable:
        if line.intent == "text":
            return False  # not ours as far as we can tell: let general help answer
        flow.notice_to(say, common.STATE_UNAVAILABLE)
        return True
    running = current.value if current else None
    ts = str(message.get("ts") or "")
    if running is not None and running.took(ts):
        return True  # Slack retried an event we already handled

    if line.intent in ("skip", "stop", "restart"):
        if current is None:
            flow.notice_to(say, texts.NO_SESSION)
        else:
            flow.command(deps, say, team=team, current=current, word=line.intent, ts=ts)
        return True
    if line.intent in _MODES and line.words:
        if _shortcut(deps, say, team=team, user=user, line=line, running=running is not None):
            return True
        if current is None:
            return True  # _shortcut explained what was wrong
    elif line.intent in _MODES or line.intent in ("menu", "help"):
        _menu(deps, say, team=team, user=user, line=line, running=running)
        return line.intent != "help"
    if current is not None:
        flow.text(deps, say, team=team, current=current, line=typed, ts=ts)
        return True
    return False


def _menu(
    deps: Deps, say: flow.Post, *, team: str, user: str, line: DmLine, running: PrepFlow | None
) -> None:
    """The menu, a mode's level chooser, or, with a flow running, the resume prompt."""
    if running is not None:
        flow.resume(deps, say, team=team, flow=running)
    elif line.intent in ("kit", "scorecard"):
        say(**choose_level_message(deps.knowledge.rubric, menu_ref(team, user), line.intent))
    else:
        say(**menu_message(menu_ref(team, user)))


def _shortcut(
    deps: Deps, say: flow.Post, *, team: str, user: str, line: DmLine, running: bool
) -> bool:
    """``practice senior rag``, ``kit staff`` (``kit staff 45``), ``scorecard senior Jane Doe``.

    Returns False when the words after the keyword name no level: with a flow running the
    line is then an answer or note; without one, the user is told why."""
    rubric = deps.knowledge.rubric
    words = list(line.words)
    level, rest = split_level(words, rubric, from_end=line.intent == "practice")
    if level is None:
        if not running:
            example = texts.EXAMPLES[line.intent]
            error = RubricInputError("unknown_level", words[0], choices=level_names(rubric))
            flow.notice_to(say, describe(error, example=example))
        return False
    if line.intent == "kit":
        digits = "".join(c for c in "".join(rest) if c.isdigit())
        try:
            say(**kit_message(rubric, level, menu_ref(team, user), int(digits) if digits else None))
        except KitLengthError as error:
            flow.notice_to(say, describe(error))
        return True
    if line.intent == "scorecard":
        candidate = " ".join(rest)
        flow.start(
            deps,
            say,
            team=team,
            user=user,
            mode="scorecard",
            level=level.id,
            candidate=candidate,
            replaced=running,
        )
        return True
    try:
        areas = find_areas(rest, rubric) if rest else ()
    except RubricInputError as error:
        flow.notice_to(say, describe(error, example="practice senior rag"))
        return True
    flow.start(
        deps,
        say,
        team=team,
        user=user,
        mode="practice",
        level=level.id,
        areas=[a.id for a in areas],
        replaced=running,
    )
    return True
