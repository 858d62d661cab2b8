"""The post-ack pool (``bot.deps.PostAck``): jobs run after the ack, a full pool sheds
(WARNING + the busy notice) without blocking, held jobs wait for the response."""

from __future__ import annotations

import logging
import threading

import pytest

from bot.deps import PostAck, hold_jobs


def test_a_job_runs_in_the_pool() -> None:
    pool, ran = PostAck(2, 2), threading.Event()
    assert pool.submit(ran.set)
    assert ran.wait(2)
    assert pool.wait_idle(2)


def test_inline_runs_the_job_before_submit_returns() -> None:
    ran: list[int] = []
    assert PostAck(1, 0, inline=True).submit(lambda: ran.append(1))
    assert ran == [1]


@pytest.mark.parametrize(("threads", "queue"), [(1, 0), (1, 3), (2, 2)])
def test_a_full_pool_sheds_with_a_warning_and_the_busy_notice(
    threads: int, queue: int, caplog: pytest.LogCaptureFixture
) -> None:
    pool, gate, noticed = PostAck(threads, queue), threading.Event(), threading.Event()
    accepted = [pool.submit(gate.wait) for _ in range(threads + queue)]
    with caplog.at_level(logging.WARNING, logger="bot.deps"):
        shed = pool.submit(gate.wait, on_shed=noticed.set, what="click")
    assert accepted == [True] * (threads + queue)
    assert shed is False
    assert noticed.wait(2)  # the notice runs at once, in its own pool
    assert f"post-ack pool full ({threads + queue} jobs): shed a click" in caplog.text
    gate.set()
    assert pool.wait_idle(2)
    assert pool.submit(lambda: None)  # the slots come back


def test_a_failing_job_is_logged_and_frees_its_slot(caplog: pytest.LogCaptureFixture) -> None:
    pool = PostAck(1, 0)

    def boom() -> None:
        raise RuntimeError("secret text")

    with caplog.at_level(logging.ERROR, logger="bot.deps"):
        assert pool.submit(boom, what="click")
        assert pool.wait_idle(2)
    assert "unhandled RuntimeError in a post-ack click" in caplog.text
    assert pool.submit(lambda: None)


def test_held_jobs_start_only_when_released() -> None:
    pool, ran = PostAck(2, 2), threading.Event()
    stop = hold_jobs()
    assert pool.submit(ran.set)
    release = stop()
    after = threading.Event()
    assert pool.submit(after.set)  # the hold has stopped: at once
    assert after.wait(2)
    assert not ran.wait(0.2)  # held until released
    release()
    release()  # once only
    assert ran.wait(2)
    assert pool.wait_idle(2)
