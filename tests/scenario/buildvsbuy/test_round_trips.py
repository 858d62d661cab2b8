"""/buildvsbuy costs at most two Redis round trips per click (nine to post a record)."""

from __future__ import annotations

import threading

from tests.support.buildvsbuy import (
    PATHS,
    USERS,
    RoundTrips,
    answer,
    start,
    walk,
)


def test_each_click_costs_at_most_two_round_trips(sim, store, redis_client, monkeypatch):
    walk(sim, start(sim), PATHS[0].steps)  # warm-up: the Lua scripts are loaded once per server
    trips = RoundTrips(redis_client, monkeypatch)
    first = start(sim)
    assert trips.take() == ["EVALSHA"]  # create
    message = first
    for i, (_node, reply) in enumerate(PATHS[2].steps):
        message = answer(sim, message, reply, USERS[i % 3])
        assert trips.take() == ["HMGET", "EVALSHA"]
    message = sim.click(message, "Back").message
    assert trips.take() == ["HMGET", "EVALSHA"]
    sim.click(first, "Yes")  # stale
    assert trips.take() == ["HMGET"]
    sim.click(message, "Yes", value="garbage")  # tampered: no Redis at all
    assert trips.take() == []

    barrier, update = threading.Barrier(2, timeout=5), store.update

    def both_read_then_write(**kwargs):
        barrier.wait()
        return update(**kwargs)

    monkeypatch.setattr(store, "update", both_read_then_write)
    racers = [threading.Thread(target=sim.click, args=(message, label)) for label in ("Yes", "No")]
    for thread in racers:
        thread.start()
    for thread in racers:
        thread.join(10)
    assert sorted(trips.take()) == ["EVALSHA", "EVALSHA", "HMGET", "HMGET"]  # 2 per click
    monkeypatch.setattr(store, "update", update)

    final = walk(sim, start(sim), PATHS[1].steps)
    trips.take()
    sim.click(final, "Post decision record", user="U1")
    # the flow: get + CAS; the index: get + keep (numbering, superseding); the record: keep
    # (create), then keep again with its message, link and reminder; the index learns the link
    assert trips.take() == ["HMGET", "EVALSHA", "HMGET", "EVALSHA", "EVALSHA", "HMGET", "EVALSHA",
                            "HMGET", "EVALSHA"]  # fmt: skip
