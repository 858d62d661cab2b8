"""Benchmark POST /usage: records a second through the real server against a no-op endpoint
on the same stack (gunicorn gthread via bot.server.run_gunicorn, same threads), with 1 and
4 workers, over loopback.

    python bench/usage.py            # about a minute on 2 cores
    python bench/usage.py --quick    # a smoke run

Starts a private redis-server, the real server (`python -m bot serve` with USAGE_TOKEN) and
this file's no-op server (`--noop WORKERS`: reads the body, answers 200 with zero counts),
then sends JSON-lines bodies of 1 and 100 records (unique ids, gpt-4o / claude-sonnet-4-5 /
gemini-2.5-flash with varied tokens) from 8 concurrent connections. Reports records/s,
requests/s and the server's own time (Server-Timing) p50/p99. Every loop is bounded and
it stops by itself (--timeout). Not run in CI.
"""

from __future__ import annotations

import argparse
import http.client
import itertools
import json
import os
import random
import statistics
import sys
import threading
import time
from contextlib import ExitStack
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.devtools.redis_server import RedisServer  # noqa: E402
from bot.devtools.serve_process import ServeProcess  # noqa: E402

TOKEN = "bench-usage-token"
MODELS = ("gpt-4o", "claude-sonnet-4-5", "gemini-2.5-flash")
SERVE_THREADS = 8  # as `python -m bot serve`


def _noop_server(workers: int) -> None:
    from bot.server import run_gunicorn

    def factory():
        def app(environ, start_response):
            started = time.perf_counter()
            if environ.get("PATH_INFO") == "/healthz":
                start_response("200 OK", [("Content-Type", "application/json")])
                return [b'{"ok": true}']
            length = int(environ.get("CONTENT_LENGTH") or 0)
            environ["wsgi.input"].read(length)
            body = b'{"accepted": 0, "duplicates": 0, "refused": 0, "errors": []}'
            elapsed = (time.perf_counter() - started) * 1000
            start_response("200 OK", [("Content-Type", "application/json"),
                                      ("Server-Timing", f"app;dur={elapsed:.2f}")])  # fmt: skip
            return [body]

        return app

    run_gunicorn(factory, port=int(os.environ["PORT"]), workers=workers, threads=SERVE_THREADS)


def _bodies(count: int, size: int, seed: int) -> list[bytes]:
    rng = random.Random(seed)
    now = int(time.time())
    bodies = []
    for r in range(count):
        lines = []
        for i in range(size):
            record = {
                "gen_ai.request.model": rng.choice(MODELS),
                "gen_ai.usage.input_tokens": rng.randint(200, 8000),
                "gen_ai.usage.output_tokens": rng.randint(50, 1500),
                "feature": f"feature-{rng.randint(1, 8)}", "team": f"team-{rng.randint(1, 3)}",
                "user": f"U{rng.randint(1, 500)}", "timestamp": now - rng.randint(0, 3600),
                "id": f"{seed}-{r}-{i}",
            }  # fmt: skip
            lines.append(json.dumps(record))
        bodies.append("\n".join(lines).encode())
    return bodies


def _send(port: int, body: bytes) -> tuple[int, float, int]:
    """(status, server ms, records accepted)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("POST", "/usage", body=body, headers={
            "Authorization": f"Bearer {TOKEN}", "Content-Type": "application/x-ndjson",
        })  # fmt: skip
        response = connection.getresponse()
        data = response.read()
        timing = response.getheader("Server-Timing") or "app;dur=nan"
    finally:
        connection.close()
    accepted = json.loads(data).get("accepted", 0) if response.status == 200 else 0
    return response.status, float(timing.split("dur=")[1]), accepted


def _load(port: int, bodies: list[bytes], concurrency: int, deadline: float) -> dict:
    results: list[tuple[int, float, int]] = []
    lock, counter = threading.Lock(), itertools.count()

    def worker() -> None:
        for i in counter:
            if i >= len(bodies) or time.monotonic() > deadline:
                return
            result = _send(port, bodies[i])
            with lock:
                results.append(result)

    began = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - began
    server = sorted(ms for _, ms, _ in results)
    records = sum(len(b.splitlines()) for b in bodies[: len(results)])
    return {
        "requests": len(results), "ok": sum(1 for s, _, _ in results if s == 200),
        "records": records, "accepted": sum(a for _, _, a in results), "wall_s": wall,
        "records_per_s": records / wall, "requests_per_s": len(results) / wall,
        "server_p50_ms": statistics.median(server),
        "server_p99_ms": server[min(len(server) - 1, int(len(server) * 0.99))],
    }  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workers", default="1,4", help="gunicorn workers to try (default 1,4)")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--timeout", type=float, default=600)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--json", type=Path, help="also write the numbers here")
    parser.add_argument("--noop", type=int, help=argparse.SUPPRESS)  # run the no-op server
    args = parser.parse_args(argv)
    if args.noop:
        _noop_server(args.noop)
        return 0
    deadline = time.monotonic() + args.timeout
    shapes = [(1, 40 if args.quick else 400), (100, 10 if args.quick else 60)]  # (size, count)
    results = []
    with ExitStack() as stack:
        redis = stack.enter_context(RedisServer())
        env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "REDIS_", "USAGE_"))},
            "SLACK_BOT_TOKEN": "xoxb-bench", "SLACK_SIGNING_SECRET": "bench-secret",
            "SLACK_API_URL": "http://127.0.0.1:9/api/", "REDIS_URL": redis.url,
            "REDIS_PREFIX": "bench-usage", "USAGE_TOKEN": TOKEN, "LOG_LEVEL": "WARNING",
        }  # fmt: skip
        seed = itertools.count(1)
        for workers in (int(w) for w in args.workers.split(",")):
            servers = {
                "real": ServeProcess(env, workers=workers),
                "no-op": ServeProcess(env, argv=[sys.executable, __file__, "--noop", str(workers)]),
            }
            for server in servers.values():
                stack.callback(server.stop)
                server.start()
            for name, server in servers.items():
                _load(server.port, _bodies(20, 10, next(seed)), 4, deadline)  # warm up
                for size, count in shapes:
                    row = _load(server.port, _bodies(count, size, next(seed)), args.concurrency,
                                deadline)  # fmt: skip
                    results.append({"server": name, "workers": workers, "records_per_request": size,
                                    **row})  # fmt: skip
            for server in servers.values():
                server.stop()
    print(f"{'server':6} {'workers':>7} {'rec/req':>7} {'records/s':>10} {'req/s':>7} "
          f"{'p50 ms':>7} {'p99 ms':>7} {'accepted':>9}")  # fmt: skip
    for r in results:
        print(f"{r['server']:6} {r['workers']:>7} {r['records_per_request']:>7} "
              f"{r['records_per_s']:>10.0f} {r['requests_per_s']:>7.0f} {r['server_p50_ms']:>7.2f} "
              f"{r['server_p99_ms']:>7.2f} {r['accepted']:>9}")  # fmt: skip
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
