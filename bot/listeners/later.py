"""Registration helper: ``app.action(...)(after_ack(listener))`` acks at once, inside the
HTTP response, and runs ``listener`` in the bounded post-ack pool (``Deps.later``).

This is the one way work happens after an ack: Bolt runs every listener with
``process_before_response=True`` (no polling loop between a listener and its ack), so a
listener that calls Slack or Redis before it returns delays its own ack. Such listeners are
registered through ``after_ack``; the listener gets the same arguments Bolt would give it
(``ack`` is a no-op: the request is acked already). An error in it reaches the user through
the global error handler, as any listener's would; a full pool sheds it with a WARNING and
a "busy, try again" notice (``common.BUSY``) sent from the pool's own small notice pool.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from slack_bolt import Ack, BoltContext, BoltRequest
from slack_bolt.kwargs_injection import build_required_kwargs
from slack_bolt.util.utils import get_arg_names_of_callable

from bot.deps import Deps
from bot.listeners.errors import deliver_notice, handle_error
from bot.texts import common

Listener = Callable[..., Any]
log = logging.getLogger(__name__)
ACK_WAIT = 2.5  # s an ack_from_pool listener may take to ack (Slack allows 3)


def _acked_already(*_args: Any, **_kwargs: Any) -> None:
    """The ``ack`` a post-ack listener gets: the request was acked before it started."""


def after_ack(listener: Listener) -> Listener:
    """A Bolt listener that acks, then runs ``listener`` in the post-ack pool."""
    names = get_arg_names_of_callable(listener)
    what = listener.__name__

    def acked(ack: Ack, request: BoltRequest, logger: logging.Logger) -> None:
        ack()

        def job() -> None:  # the arguments are built in the pool too, not before the ack
            kwargs = build_required_kwargs(
                logger=logger, required_arg_names=names, request=request, response=None,
                this_func=listener,
            )  # fmt: skip
            if "ack" in kwargs:
                kwargs["ack"] = _acked_already
            listener(**kwargs)

        run_after_ack(request.context, request.body, job, what=what)

    _keep_names(acked, listener)
    return acked


def ack_from_pool(listener: Listener) -> Listener:
    """For a listener whose ack depends on its work (a modal submission that posts, then
    acks or shows a field error, then goes on): the whole listener runs in the post-ack
    pool, and the request returns the moment it acks (an Event, not a polling loop), or
    after ``ACK_WAIT`` with an empty ack (the form closes; the listener goes on)."""
    names = get_arg_names_of_callable(listener)
    what = listener.__name__

    def acked(ack: Ack, request: BoltRequest, logger: logging.Logger) -> None:
        kwargs = build_required_kwargs(
            logger=logger, required_arg_names=names, request=request, response=None,
            this_func=listener,
        )  # fmt: skip
        called = threading.Event()

        def passed_on(*args: Any, **options: Any) -> None:
            if not called.is_set():
                ack(*args, **options)
                called.set()

        kwargs["ack"] = passed_on

        def job() -> None:
            try:
                listener(**kwargs)
            finally:
                called.set()

        started = run_after_ack(request.context, request.body, job, what=what, now=True)
        if started and not called.wait(ACK_WAIT):
            log.warning("%s did not ack within %.1fs; acked empty", what, ACK_WAIT)
        called.set()  # from here on the listener's own ack goes nowhere
        if ack.response is None:
            ack()

    _keep_names(acked, listener)
    return acked


def _keep_names(acked: Listener, listener: Listener) -> None:
    # Bolt names a listener by its function (logs): keep the wrapped one's names. Not
    # ``__wrapped__``: Bolt would read the wrapped one's arguments and pass those.
    acked.__name__, acked.__qualname__ = listener.__name__, listener.__qualname__
    acked.__module__, acked.__doc__ = listener.__module__, listener.__doc__


def run_after_ack(
    context: BoltContext,
    body: dict[str, Any],
    job: Callable[[], object],
    *,
    what: str,
    now: bool = False,
) -> bool:
    """Run ``job`` in the post-ack pool; its errors go to the user like a listener's.
    False when the pool was full (the user gets the busy notice instead)."""

    def guarded() -> None:
        try:
            job()
        except Exception as error:
            handle_error(error, body, context.respond, context.client)

    def busy() -> None:
        deliver_notice(common.BUSY, body, context.respond, context.client)

    return Deps.of(context).later.submit(guarded, on_shed=busy, what=what, now=now)
