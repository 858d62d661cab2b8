"""What every listener needs besides the request: settings, state store, knowledge, and the
bounded pool that does the work after an ack (``later``)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from slack_bolt import BoltContext

from bot.domain.knowledge.registry import Knowledge
from bot.settings import Settings
from bot.state import Store

log = logging.getLogger(__name__)
Job = Callable[[], object]
NOTICE_THREADS, NOTICE_QUEUE = 2, 64  # the shed notices' own small pool


class PostAck:
    """The one place work after an ack runs: ``threads`` threads and at most ``queue`` jobs
    waiting. ``submit`` never blocks: with the pool full it sheds the job (one WARNING) and
    hands ``on_shed`` (a short "busy, try again" notice) to a separate small pool, so a slow
    Slack can fill this pool but never delay an ack. Over HTTP a job starts once the ack is
    written (``hold_jobs``). ``inline=True`` (tests, the demo) runs each job at once, before
    the request returns, so its effects are visible right after."""

    def __init__(
        self, threads: int, queue: int, *, inline: bool = False, notices: bool = True
    ) -> None:
        self.inline = inline
        self.limit = threads + queue
        self._slots = threading.BoundedSemaphore(self.limit)
        self._idle = threading.Condition()
        self._running = 0
        prefix = "later" if notices else "notice"
        self._pool = ThreadPoolExecutor(max_workers=threads, thread_name_prefix=prefix)
        self._notices: PostAck | None = None
        if notices:
            self._notices = PostAck(NOTICE_THREADS, NOTICE_QUEUE, inline=inline, notices=False)

    def submit(
        self, job: Job, *, on_shed: Job | None = None, what: str = "job", now: bool = False
    ) -> bool:
        """Run ``job`` after the ack; False (shed, ``on_shed`` queued) when the pool is full.
        ``now``: start it at once even while this thread's jobs are held (it acks)."""
        if self.inline:
            _run(job, what)
            return True
        if not self._slots.acquire(blocking=False):
            log.warning("post-ack pool full (%d jobs): shed a %s", self.limit, what)
            if on_shed is not None and self._notices is not None:
                self._notices.submit(on_shed, what=f"busy notice for a {what}")
            return False
        with self._idle:
            self._running += 1
        held = None if now else getattr(_held, "jobs", None)
        if held is not None:  # served over HTTP: start it once the ack is written
            held.append((self, job, what))
        else:
            self._pool.submit(self._finish, job, what)
        return True

    def _finish(self, job: Job, what: str) -> None:
        try:
            _run(job, what)
        finally:
            self._slots.release()
            with self._idle:
                self._running -= 1
                self._idle.notify_all()

    def wait_idle(self, timeout: float = 10.0) -> bool:
        """Wait until no job is queued or running here (tests, shutdown); False on timeout."""
        with self._idle:
            done = self._idle.wait_for(lambda: self._running == 0, timeout)
        notices = self._notices.wait_idle(timeout) if self._notices is not None else True
        return done and notices


_held = threading.local()


def hold_jobs() -> Callable[[], Callable[[], None]]:
    """Hold the jobs this thread submits from now until the returned ``stop`` is called;
    ``stop()`` ends the hold and returns ``release``, which starts the held jobs (once,
    however often it is called). The HTTP server stops the hold when the app returns and
    releases once the response (the ack) is written (``bot.server.after_response``), so a
    job never competes with its own ack for the interpreter."""
    jobs: list[tuple[PostAck, Job, str]] = []
    _held.jobs = jobs

    def stop() -> Callable[[], None]:
        if getattr(_held, "jobs", None) is jobs:
            _held.jobs = None

        def release() -> None:
            while jobs:
                pool, job, what = jobs.pop(0)
                pool._pool.submit(pool._finish, job, what)

        return release

    return stop


def _run(job: Job, what: str) -> None:
    try:
        job()
    except Exception as exc:  # jobs report their own errors; this is the last resort
        log.error("unhandled %s in a post-ack %s", type(exc).__name__, what, exc_info=exc)


def default_later() -> PostAck:
    return PostAck(threads=4, queue=64)


@dataclass(frozen=True)
class Deps:
    settings: Settings
    store: Store
    knowledge: Knowledge
    later: PostAck = field(default_factory=default_later)

    @staticmethod
    def of(context: BoltContext) -> Deps:
        return context["deps"]


def team_of(context: BoltContext) -> str:
    """The workspace a request belongs to (the enterprise for org-wide installs)."""
    return context.team_id or context.enterprise_id or "T-unknown"
