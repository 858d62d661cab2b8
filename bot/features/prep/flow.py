"""Interview-prep flows between Redis and Slack, shared by the DM lines and the buttons.

One running flow per workspace and user: ``{p}:{team}:flow:prep:{user id}`` holding a
:class:`~bot.domain.prep.flow.PrepFlow`, TTL ``settings.prep_ttl_seconds``, renewed on every
write. Writes after a read are compare-and-set on the stored version. A finished or stopped
flow leaves its running key and, when it has a scorecard to show, is kept for its Share and
Export buttons at ``{p}:{team}:flow:prep:{user id}-{flow id}`` (the id its buttons carry),
for the same TTL.

``post`` is whatever sends a message to the user's DM: Bolt's ``say`` in a message listener,
or ``chat.postMessage`` to the clicked message's channel.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any

from bot.blocks import prep as blocks
from bot.blocks.clicks import FlowRef
from bot.blocks.common import context, notice
from bot.blocks.prep_end import ending_message
from bot.deps import Deps
from bot.domain.flows import new_id
from bot.domain.knowledge.rubric import Level
from bot.domain.prep import flow as prep
from bot.domain.prep.flow import Mode, PrepFlow
from bot.domain.prep.score import tally
from bot.errors import StateMissing
from bot.features.flows import flow_key
from bot.features.flows import save as save_flow
from bot.state import Key, Versioned
from bot.texts import prep as texts

log = logging.getLogger(__name__)
KIND = blocks.KIND
Post = Callable[..., Any]


def key(team: str, user: str) -> Key:
    """Where ``user``'s running flow lives."""
    return flow_key(team, KIND, user)


def done_key(team: str, ref_id: str) -> Key:
    """Where a finished flow is kept for Share and Export (``ref_id``: owner-flow id)."""
    return flow_key(team, KIND, ref_id)


def load(deps: Deps, team: str, user: str) -> Versioned[PrepFlow] | None:
    """The user's running flow; None if there is none or it names levels or areas the rubric
    no longer has (the knowledge changed since it started)."""
    found = deps.store.get(key=key(team, user), model=PrepFlow)
    if found is None or not _fits(deps, found.value):
        if found is not None:
            log.warning("prep: dropping a flow the rubric no longer matches")
            deps.store.delete(key=key(team, user))
        return None
    return found


def load_done(deps: Deps, team: str, ref_id: str) -> PrepFlow | None:
    found = deps.store.get(key=done_key(team, ref_id), model=PrepFlow)
    return found.value if found is not None and _fits(deps, found.value) else None


def _fits(deps: Deps, flow: PrepFlow) -> bool:
    rubric = deps.knowledge.rubric
    return rubric.level(flow.level) is not None and all(rubric.area(a) for a in flow.areas)


def ref(team: str, flow: PrepFlow) -> FlowRef:
    return blocks.flow_ref(team, flow)


def notice_to(post: Post, text: str) -> None:
    post(**notice(text))


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
) -> PrepFlow:
    """A new flow (replacing any other of this user's), its intro and its first card."""
    rubric = deps.knowledge.rubric
    flow = prep.start(
        mode=mode,
        flow_id=new_id(),
        owner=user,
        level=level,
        areas=tuple(areas) or tuple(area.id for area in rubric.areas),
        candidate=candidate,
    )
    deps.store.put(key=key(team, user), value=flow, ttl=deps.settings.prep_ttl_seconds)
    log.info("prep: %s flow started", mode)
    intro = blocks.intro_message(ref(team, flow), flow, _level(deps, level))
    if replaced:
        intro = {**intro, "blocks": [*intro["blocks"], context(texts.REPLACED)]}
    post(**intro)
    if flow.step != "name":
        post(**blocks.step_message(ref(team, flow), rubric, flow))
    return flow


def save(deps: Deps, team: str, current: Versioned[PrepFlow], new: PrepFlow) -> bool:
    """Store ``new`` if nobody moved the flow since ``current`` was read.

    Returns False (and the caller says "stale") when the race was lost; StateMissing
    when the flow expired in between."""
    return save_flow(deps, key(team, new.owner), current, new, ttl=deps.settings.prep_ttl_seconds)


def move_on(
    deps: Deps,
    post: Post,
    *,
    team: str,
    current: Versioned[PrepFlow],
    new: PrepFlow,
    stored: Callable[[], object] | None = None,
) -> bool:
    """After a rating or a skip: store and show the next card, or finish. False if stale.

    ``stored`` runs once the change is stored, before the next card is posted (a click
    uses it to freeze the card it came from)."""
    if new.finished:
        deps.store.delete(key=key(team, new.owner))
        log.info("prep: %s flow finished", new.mode)
    elif not save(deps, team, current, new):
        return False
    if stored is not None:
        stored()
    if new.finished:
        post(**ending(deps, team, new))
    else:
        post(**blocks.step_message(ref(team, new), deps.knowledge.rubric, new))
    return True


def ending(deps: Deps, team: str, flow: PrepFlow) -> dict[str, Any]:
    """The scorecard a flow ends with; the flow is kept for its Share and Export buttons."""
    deps.store.put(key=done_key(team, flow.ref_id), value=flow, ttl=deps.settings.prep_ttl_seconds)
    templates = deps.knowledge.frameworks.answer_templates
    return ending_message(deps.knowledge.rubric, flow, templates, ref(team, flow))


def stop(deps: Deps, post: Post, *, team: str, flow: PrepFlow) -> None:
    """End the flow now; show what was done so far, if anything."""
    deps.store.delete(key=key(team, flow.owner))
    log.info("prep: %s flow stopped", flow.mode)
    answered = any(r.skipped or r.answer or r.note for r in flow.results)
    if tally(flow.results).rated == 0 and not answered:
        notice_to(post, texts.STOPPED_EMPTY)
        return
    notice_to(post, texts.STOPPED)
    post(**ending(deps, team, flow))


def command(
    deps: Deps, post: Post, *, team: str, current: Versioned[PrepFlow], word: str, ts: str = ""
) -> None:
    """``skip``, ``stop`` or ``restart`` typed in the DM (``ts``: that message's)."""
    flow = current.value
    if word == "stop":
        stop(deps, post, team=team, flow=flow)
        return
    if word == "restart":
        new = prep.restart(flow).model_copy(update={"last_ts": ts})
        if not save(deps, team, current, new):
            notice_to(post, texts.STALE)
            return
        notice_to(post, texts.RESTARTED)
        post(**blocks.step_message(ref(team, new), deps.knowledge.rubric, new))
        return
    if flow.step == "name":  # nothing to skip before the candidate has a name
        post(**blocks.name_message(ref(team, flow), _level(deps, flow.level)))
        return
    skipped = prep.skip(flow).model_copy(update={"last_ts": ts})
    if not move_on(deps, post, team=team, current=current, new=skipped):
        notice_to(post, texts.STALE)


def text(
    deps: Deps, post: Post, *, team: str, current: Versioned[PrepFlow], line: str, ts: str = ""
) -> None:
    """A free-text DM line for a running flow: a name, an answer or a note."""
    rubric = deps.knowledge.rubric
    new, outcome = prep.take_text(current.value, line)
    if outcome == "ignored":  # an empty line: show again what the flow waits for
        post(**blocks.step_message(ref(team, current.value), rubric, current.value))
        return
    new = new.model_copy(update={"last_ts": ts})
    if not save(deps, team, current, new):
        notice_to(post, texts.STALE)
        return
    if outcome == "named":
        post(**blocks.intro_message(ref(team, new), new, _level(deps, new.level)))
        post(**blocks.step_message(ref(team, new), rubric, new))
    elif outcome == "answered":
        post(**blocks.step_message(ref(team, new), rubric, new))
    else:
        post(**blocks.noted_message(rubric, new))


def resume(deps: Deps, post: Post, *, team: str, flow: PrepFlow) -> None:
    post(**blocks.resume_message(ref(team, flow), deps.knowledge.rubric, flow))


def _level(deps: Deps, level_id: str) -> Level:
    level = deps.knowledge.rubric.level(level_id)
    if level is None:
        raise StateMissing(f"unknown level {level_id}")
    return level
