"""Interview prep sessions between Redis and Slack, shared by the DM lines and the buttons.

One session per workspace and user: ``{p}:{team}:flow:prep:{user id}`` holding a
:class:`~bot.domain.prep.PrepSession`, TTL ``settings.prep_ttl_seconds``,
renewed on every write. Writes after a read are compare-and-set on the stored
version; a finished or stopped session is deleted.

``post`` is whatever sends a message to the user's DM: Bolt's ``say`` in a
message listener, or ``chat.postMessage`` to the clicked message's channel.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable, Sequence
from typing import Any

from bot.blocks import prep as blocks
from bot.blocks.common import context, message, section
from bot.blocks.prep_end import practice_scorecard, scorecard_summary
from bot.deps import Deps
from bot.domain import prep
from bot.domain.flows import FlowKind
from bot.domain.knowledge.rubric import Level
from bot.domain.prep import Mode, PrepSession
from bot.errors import StateMissing
from bot.features.flows import flow_key
from bot.features.flows import save as save_flow
from bot.state import Key, Versioned
from bot.texts import prep as texts

log = logging.getLogger(__name__)
KIND: FlowKind = "prep"
Post = Callable[..., Any]


def key(team: str, user: str) -> Key:
    return flow_key(team, KIND, user)


def load(deps: Deps, team: str, user: str) -> Versioned[PrepSession] | None:
    """The user's session; None if there is none or it names levels or areas the rubric
    no longer has (the knowledge changed since it started)."""
    found = deps.store.get(key=key(team, user), model=PrepSession)
    rubric = deps.knowledge.rubric
    if found is None:
        return None
    session = found.value
    if rubric.level(session.level) is None or any(rubric.area(a) is None for a in session.areas):
        log.warning("prep: dropping a session the rubric no longer matches")
        deps.store.delete(key=key(team, user))
        return None
    return found


def notice(post: Post, text: str) -> None:
    post(**message(text, [section(text)]))


def start(
    deps: Deps,
    post: Post,
    *,
    team: str,
    user: str,
    mode: Mode,
    level: str,
    areas: Sequence[str] = (),
    candidate: str = "",
    replaced: bool = False,
) -> PrepSession:
    """A new session (replacing any other of this user's), its intro and its first card."""
    rubric = deps.knowledge.rubric
    session = prep.start(
        mode=mode,
        sid=secrets.token_hex(4),
        owner=user,
        level=level,
        areas=tuple(areas) or tuple(area.id for area in rubric.areas),
        candidate=candidate,
    )
    deps.store.put(key=key(team, user), value=session, ttl=deps.settings.prep_ttl_seconds)
    log.info("prep: %s session started", mode)
    intro = blocks.intro_message(session, _level(deps, level))
    if replaced:
        intro = _with_line(intro, texts.REPLACED)
    post(**intro)
    if session.step != "name":
        post(**blocks.step_message(session, rubric))
    return session


def save(deps: Deps, team: str, current: Versioned[PrepSession], new: PrepSession) -> bool:
    """Store ``new`` if nobody moved the session since ``current`` was read.

    Returns False (and the caller says "stale") when the race was lost; StateMissing
    when the session expired in between."""
    return save_flow(
        deps, key(team, new.owner), current, new, ttl=deps.settings.prep_ttl_seconds
    )


def move_on(
    deps: Deps,
    post: Post,
    *,
    team: str,
    current: Versioned[PrepSession],
    new: PrepSession,
    stored: Callable[[], object] | None = None,
) -> bool:
    """After a rating or a skip: store and show the next card, or finish. False if stale.

    ``stored`` runs once the change is stored, before the next card is posted (a click
    uses it to freeze the card it came from)."""
    if new.finished:
        deps.store.delete(key=key(team, new.owner))
        log.info("prep: %s session finished", new.mode)
    elif not save(deps, team, current, new):
        return False
    if stored is not None:
        stored()
    post(**(ending(deps, new) if new.finished else blocks.step_message(new, deps.knowledge.rubric)))
    return True


def ending(deps: Deps, session: PrepSession) -> dict[str, Any]:
    rubric = deps.knowledge.rubric
    if session.mode == "practice":
        templates = deps.knowledge.frameworks.answer_templates
        return practice_scorecard(session, rubric, templates)
    return scorecard_summary(session, rubric)


def stop(deps: Deps, post: Post, *, team: str, session: PrepSession) -> None:
    """End the session now; show what was done so far, if anything."""
    deps.store.delete(key=key(team, session.owner))
    log.info("prep: %s session stopped", session.mode)
    if prep.tally(session.results).rated == 0 and not any(r.skipped for r in session.results):
        notice(post, texts.STOPPED_EMPTY)
        return
    notice(post, texts.STOPPED)
    post(**ending(deps, session))


def command(
    deps: Deps, post: Post, *, team: str, current: Versioned[PrepSession], word: str, ts: str = ""
) -> None:
    """``skip``, ``stop`` or ``restart`` typed in the DM (``ts``: that message's)."""
    session = current.value
    if word == "stop":
        stop(deps, post, team=team, session=session)
        return
    if word == "restart":
        new = prep.restart(session).model_copy(update={"last_ts": ts})
        if not save(deps, team, current, new):
            notice(post, texts.STALE)
            return
        notice(post, texts.RESTARTED)
        post(**blocks.step_message(new, deps.knowledge.rubric))
        return
    if session.step == "name":  # nothing to skip before the candidate has a name
        post(**blocks.name_message(session, _level(deps, session.level)))
        return
    skipped = prep.skip(session).model_copy(update={"last_ts": ts})
    if not move_on(deps, post, team=team, current=current, new=skipped):
        notice(post, texts.STALE)


def text(
    deps: Deps, post: Post, *, team: str, current: Versioned[PrepSession], line: str, ts: str = ""
) -> None:
    """A free-text DM line for a running session: a name, an answer or a note."""
    rubric = deps.knowledge.rubric
    new, outcome = prep.take_text(current.value, line)
    if outcome == "ignored":  # an empty line: show again what the session waits for
        post(**blocks.step_message(current.value, rubric))
        return
    new = new.model_copy(update={"last_ts": ts})
    if not save(deps, team, current, new):
        notice(post, texts.STALE)
        return
    if outcome == "named":
        post(**blocks.intro_message(new, _level(deps, new.level)))
        post(**blocks.step_message(new, rubric))
    elif outcome == "answered":
        post(**blocks.step_message(new, rubric))
    else:
        post(**blocks.noted_message(new, rubric))


def resume(deps: Deps, post: Post, *, session: PrepSession) -> None:
    post(**blocks.resume_message(session, deps.knowledge.rubric))


def _level(deps: Deps, level_id: str) -> Level:
    level = deps.knowledge.rubric.level(level_id)
    if level is None:
        raise StateMissing(f"unknown level {level_id}")
    return level


def _with_line(payload: dict[str, Any], line: str) -> dict[str, Any]:
    return {**payload, "blocks": [*payload["blocks"], context(line)]}
