"""Benchmark: the real server against two no-op Bolt apps on the same stack, over loopback,
and every target of issue 17 with pass / fail, ratio first.

    python bench/run.py                 # levels 1,10,50; a few minutes
    python bench/run.py --quick         # a smoke run

Starts a private redis-server, a stand-in for slack.com (bench/sink.py), the real server
(`python -m bot serve`), and bench/noop_app.py twice: acking inside the HTTP response
(`process_before_response=True`, the baseline the targets are measured against) and with
Bolt's polling ack (`process_before_response=False`, how the app ran before). All three
use bot.server.gunicorn_config with the same workers. Then it sends signed requests: the
stateless answers (/llmcost estimate, /llmcost help, /rubric), /buildvsbuy <topic> (one
Redis write), and a button click on a live flow (ack, then read + compare-and-set +
response_url). Servers take turns in rounds (one round each, rotating), so a neighbour's
load hits all of them alike. Also: Redis round trips (MONITOR), start-up (gunicorn to
healthy /healthz, alternating; `python -m bot estimate` against `import genai_prices`),
and /llmcost throughput of 2 workers against 1. Every loop is bounded (--timeout).
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import statistics
import subprocess
import sys
import threading
import time
from contextlib import ExitStack
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # this checkout's bot/, not an installed one

import load  # noqa: E402
from cpu import tree_seconds  # noqa: E402
from report import print_report  # noqa: E402
from rounds import count_round_trips  # noqa: E402
from scenarios import Bench, flows_of  # noqa: E402

from bot.devtools.redis_server import RedisServer, free_port  # noqa: E402
from bot.devtools.serve_process import ServeProcess  # noqa: E402

SECRET = "bench-signing-secret"
TOKEN = "xoxb-bench-token"
LLMCOST = "model=gpt-4o in=2000 out=500 qps=3"
CLIENT_ID = "bench.client"
HARNESS_NICE = 10  # the load generator and the Slack stand-in share the servers' 2 cores
ROUNDS = 4
POST_ACK_SETTLE = 0.05  # s after a round before its server's CPU is read
REAL, NOOP, POLLING = "real", "no-op", "no-op polling"


def _args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--levels", default="1,10,50", help="concurrency levels (default 1,10,50)")
    parser.add_argument("--requests", type=int, default=400, help="requests per scenario and level")
    parser.add_argument(
        "--workers", type=int, default=2 * (os.cpu_count() or 1),
        help="gunicorn workers (default 2 per CPU core, as `python -m bot serve`)",
    )  # fmt: skip
    parser.add_argument("--timeout", type=float, default=1200, help="give up after this many s")
    parser.add_argument("--quick", action="store_true", help="levels 1,10,50 and 80 requests")
    parser.add_argument("--json", type=Path, help="also write the numbers here")
    parser.add_argument("--oauth", action="store_true", help="run the real app in OAuth mode")
    args = parser.parse_args(argv)
    if args.quick:
        args.requests = 80
    args.levels = [int(x) for x in args.levels.split(",")]
    return args


def _noop(env: dict[str, str], workers: int, mode: str) -> ServeProcess:
    argv = [sys.executable, str(HERE / "noop_app.py"), str(workers), mode]
    return ServeProcess(env, argv=argv)


def interleaved(servers: dict[str, ServeProcess], make, level: int, deadline: float):
    """{name: Run}: each server gets ROUNDS turns, in rotating order, of its requests
    (``make(name)`` builds them, all before the first is sent)."""
    parts = {name: make(name) for name in servers}
    runs: dict[str, list[load.Run]] = {name: [] for name in servers}
    names = list(servers)
    for r in range(ROUNDS):
        for name in names[r % len(names):] + names[: r % len(names)]:
            chunk = parts[name][r::ROUNDS]
            pid = servers[name].process.pid
            before = tree_seconds(pid)
            done = load.run(servers[name].port, chunk, level, deadline)
            time.sleep(POST_ACK_SETTLE)  # what a click's ack left to do afterwards is its cost too
            done.cpu = tree_seconds(pid) - before
            runs[name].append(done)
    return {name: load.merge(parts) for name, parts in runs.items()}


def _timed_run(argv: list[str], env: dict[str, str], limit: float = 120) -> float:
    """Wall time of one run. A blocking wait, bounded by a timer that kills the process:
    ``subprocess.run(timeout=...)`` polls with sleeps that grow to 50 ms, so every time it
    measured was rounded up to the next step (0.1635, 0.2135, 0.2635 s...)."""
    began = time.perf_counter()
    process = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    killer = threading.Timer(limit, process.kill)
    killer.start()
    try:
        status = process.wait()
    finally:
        killer.cancel()
    if status != 0:
        raise subprocess.CalledProcessError(status, argv)
    return time.perf_counter() - began


def _cli_startup(env: dict[str, str], repeat: int = 7) -> dict[str, float]:
    """Median wall time of fresh interpreters, alternating the two commands."""
    commands = {
        "python -m bot estimate": [sys.executable, "-m", "bot", "estimate", *LLMCOST.split()],
        'python -c "import genai_prices"': [sys.executable, "-c", "import genai_prices"],
    }
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(repeat):
        for name, argv in commands.items():
            times[name].append(_timed_run(argv, env))
    return {name: statistics.median(values) for name, values in times.items()}


def _serve_startup(make: dict, repeat: int = 3) -> dict[str, float]:
    """Median gunicorn start to first healthy /healthz, servers alternating."""
    times: dict[str, list[float]] = {name: [] for name in make}
    for _ in range(repeat):
        for name, factory in make.items():
            server = factory()
            try:
                server.start()
                times[name].append(server.started_in or float("nan"))
            finally:
                server.stop()
    return {name: statistics.median(values) for name, values in times.items()}


def _install(url: str) -> None:
    """The bench workspace's installation, as the OAuth flow would have saved it."""
    import redis
    from slack_sdk.oauth.installation_store import Installation

    from bot.oauth_store import RedisInstallationStore

    installs = RedisInstallationStore(redis.Redis.from_url(url), prefix="bench", client_id=CLIENT_ID)
    installs.save(Installation(team_id="T0TEST", user_id="U0ADMIN", bot_token=TOKEN,
                               bot_id="B0BOT", bot_user_id="U0BOT", bot_scopes="chat:write"))  # fmt: skip


def _start_sink(stack: ExitStack) -> int:
    port = free_port()
    # Slack's own servers are not on our cores: the stand-in runs at normal priority.
    sink = subprocess.Popen([sys.executable, str(HERE / "sink.py"), str(port)])
    stack.callback(sink.wait, 10)
    stack.callback(sink.terminate)
    bench = Bench(port, time.monotonic() + 10, SECRET)
    for _ in range(200):
        try:
            bench.arrivals([], wait=0)
            return port
        except OSError:
            time.sleep(0.05)
    raise RuntimeError("the Slack stand-in did not start")


def _scenarios(args, bench: Bench, servers: dict, deadline: float, results: dict) -> None:
    stateless = {
        "/llmcost estimate": ("/llmcost", LLMCOST),
        "/llmcost help": ("/llmcost", "help"),
        "/rubric": ("/rubric", ""),
    }
    scenarios = results["scenarios"]
    for level in args.levels:
        n = max(args.requests // (4 if level == 1 else 1), 40)
        for name, (command, text) in stateless.items():
            scenarios.setdefault(name, {})[level] = interleaved(
                servers, lambda _s, n=n, c=command, t=text: bench.commands(n, c, t), level, deadline
            )
        started = interleaved(servers, lambda _s, n=n: bench.commands(n), level, deadline)
        scenarios.setdefault("/buildvsbuy", {})[level] = started
        flows = flows_of(started[REAL])
        clicks = {name: bench.clicks(flows, f"{name}-{level}") for name in servers}
        runs = interleaved(servers, lambda s, c=clicks: c[s][0], level, deadline)
        scenarios.setdefault("button click", {})[level] = runs
        arrived = bench.arrivals(clicks[REAL][1])
        sent = {s.tag: s.sent_at for s in runs[REAL].samples if s.tag and s.status == 200}
        done = [(arrived[k] - sent[k]) * 1000 for k in sent if k in arrived]
        results.setdefault("click done", {})[level] = (len(done), done)


def _throughput(args, env: dict[str, str], bench: Bench, deadline: float) -> dict:
    """/llmcost at 50 connections on 1 and on 2 workers of the real server."""
    servers = {f"{w} worker{'s' if w > 1 else ''}": ServeProcess(env, workers=w) for w in (1, 2)}
    try:
        for server in servers.values():
            server.start()
        for server in servers.values():  # warm every worker
            load.run(server.port, bench.commands(40, "/llmcost", LLMCOST), 8, deadline)
        n = max(args.requests * 2, 200)
        runs = interleaved(servers, lambda _s: bench.commands(n, "/llmcost", LLMCOST), 50, deadline)
    finally:
        for server in servers.values():
            server.stop()
    return runs


def _compile_bytecode() -> None:
    """Write bot/'s bytecode caches, as ``pip install`` does for every installed package (the
    baselines' slack_bolt and genai_prices included). An editable checkout run with
    PYTHONDONTWRITEBYTECODE=1 would otherwise compile its ~200 modules from source at every
    start, which no deployment does."""
    compileall.compile_dir(HERE.parent / "bot", quiet=1)


def main(argv: list[str] | None = None) -> int:
    args = _args(argv)
    _compile_bytecode()
    deadline = time.monotonic() + args.timeout
    results: dict = {"levels": args.levels, "workers": args.workers, "scenarios": {},
                     "mode": "OAuth (many workspaces)" if args.oauth else "single workspace",
                     "load before": os.getloadavg()}  # fmt: skip
    with ExitStack() as stack:
        redis = stack.enter_context(RedisServer())
        sink_port = _start_sink(stack)
        env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "REDIS_"))},
            "SLACK_BOT_TOKEN": TOKEN, "SLACK_SIGNING_SECRET": SECRET,
            "SLACK_API_URL": f"http://127.0.0.1:{sink_port}/api/", "REDIS_URL": redis.url,
            "REDIS_PREFIX": "bench", "LOG_LEVEL": "WARNING", "PYTHONPATH": str(HERE.parent),
        }  # fmt: skip
        real_env = env
        if args.oauth:
            real_env = {**env, "SLACK_CLIENT_ID": CLIENT_ID, "SLACK_CLIENT_SECRET": "bench-secret"}
            _install(redis.url)
        results["served_in"] = _serve_startup({
            REAL: lambda: ServeProcess(real_env, workers=args.workers),
            NOOP: lambda: _noop(env, args.workers, "in-response"),
        })  # fmt: skip
        servers = {
            REAL: ServeProcess(real_env, workers=args.workers),
            NOOP: _noop(env, args.workers, "in-response"),
            POLLING: _noop(env, args.workers, "polling"),
        }
        for server in servers.values():
            stack.callback(server.stop)
            server.start()
        os.nice(HARNESS_NICE)  # from here on the load generator yields the CPU to the servers
        bench = Bench(sink_port, deadline, SECRET)
        for server in servers.values():  # Lua scripts, auth.test, imports: paid once per worker
            flows = flows_of(load.run(servers[REAL].port, bench.commands(20), 4, deadline))
            load.run(server.port, bench.commands(20), 4, deadline)
            load.run(server.port, bench.clicks(flows, "warm")[0], 4, deadline)
            load.run(server.port, bench.commands(20, "/llmcost", LLMCOST), 4, deadline)
        _scenarios(args, bench, servers, deadline, results)
        results["round trips"] = count_round_trips(redis.url, bench, servers[REAL].port, flows_of)
        for server in servers.values():
            server.stop()
        results["throughput"] = _throughput(args, real_env, bench, deadline)
        results["startup"] = _cli_startup(env)
    results["load after"] = os.getloadavg()
    print_report(results)
    if args.json:
        args.json.write_text(json.dumps(results, default=_plain, indent=2))
    return 0


def _plain(value: object) -> object:
    if isinstance(value, load.Run):
        return {"rps": value.rps, "ok": value.ok, "n": len(value.samples),
                "server_p50": value.server(0.5), "server_p99": value.server(0.99),
                "server_cpu_ms": value.cpu_ms,
                "client_p50": value.client(0.5), "client_p99": value.client(0.99)}  # fmt: skip
    return str(value)


if __name__ == "__main__":
    sys.exit(main())
