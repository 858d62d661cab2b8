"""A Redis client for a port nothing listens on, built as the product builds its client
(``bot.redis_client.connect``: 1 s connect timeout, no retries), so a test of "Redis is down"
sees what the server would see, at once. redis-py's own defaults retry a refused connection
10 times with backoff (about 4 s), which no server of ours does."""

from __future__ import annotations

import redis

from bot.devtools.redis_server import free_port
from bot.redis_client import connect
from bot.settings import Settings


def dead_redis() -> redis.Redis:
    client = connect(Settings(redis_url=f"redis://127.0.0.1:{free_port()}/0"))
    assert isinstance(client, redis.Redis)
    return client
