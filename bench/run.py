"""Benchmark: the real server against a no-op Bolt app on the same stack, over loopback.

    python bench/run.py                 # levels 1,10,50; about two minutes
    python bench/run.py --quick         # a smoke run

Starts a private redis-server, a stand-in for slack.com (bench/sink.py), the real server
(`python -m bot serve`: gunicorn gthread) and bench/noop_app.py (same stack, listeners
only ack), then sends signed requests: a slash command (/buildvsbuy <topic>, one Redis
write), a button click on a live flow (ack, then read + compare-and-set + response_url),
and an /llmcost estimate. Reports requests/s, server time (the server's own
Server-Timing header) and client latency, p50/p99, and the real/no-op ratio; Redis
round trips per request (MONITOR on the private Redis); start-up time. Everything is
loopback, every loop is bounded, and it stops by itself (--timeout). Not run in CI.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
import urllib.request
from contextlib import ExitStack
from pathlib import Path

import load
from report import print_report
from rounds import count_round_trips

from bot.devtools.redis_server import RedisServer, free_port
from bot.devtools.serve_process import ServeProcess
from bot.devtools.signed import SlackRequests
from bot.devtools.sim import find_button

HERE = Path(__file__).resolve().parent
SECRET = "bench-signing-secret"
TOKEN = "xoxb-bench-token"
LLMCOST = "model=gpt-4o in=2000 out=500 qps=3"
CLIENT_ID = "bench.client"
HARNESS_NICE = 10  # the load generator and the Slack stand-in share the servers' 2 cores


def _args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--levels", default="1,10,50", help="concurrency levels (default 1,10,50)")
    parser.add_argument("--requests", type=int, default=400, help="requests per scenario and level")
    parser.add_argument(
        "--workers", type=int, default=2 * (os.cpu_count() or 1),
        help="gunicorn workers (default 2 per CPU core, as `python -m bot serve`)",
    )  # fmt: skip
    parser.add_argument("--timeout", type=float, default=900, help="give up after this many s")
    parser.add_argument("--quick", action="store_true", help="levels 1,10 and 60 requests")
    parser.add_argument("--json", type=Path, help="also write the numbers here")
    parser.add_argument("--oauth", action="store_true", help="run the real app in OAuth mode")
    args = parser.parse_args(argv)
    if args.quick:
        args.levels, args.requests = "1,10", 60
    args.levels = [int(x) for x in args.levels.split(",")]
    return args


class Bench:
    def __init__(self, sink_port: int, deadline: float) -> None:
        self.sink = f"http://127.0.0.1:{sink_port}"
        self.deadline = deadline
        self.signer = SlackRequests(SECRET)
        self.seq = 0

    def _url(self, tag: str) -> str:
        self.seq += 1
        return f"{self.sink}/response/{tag}-{self.seq}"

    def commands(self, n: int, command: str = "/buildvsbuy", text: str = "bench topic"):
        return [
            self.signer.slash_command(command, f"{text} {i}" if command == "/buildvsbuy" else text,
                                      user_id=f"U{i % 50}", channel_id="C0BENCH",
                                      response_url=self._url("cmd"))
            for i in range(n)
        ]  # fmt: skip

    def clicks(self, flows: list[dict], tag: str) -> tuple[list, list[str]]:
        requests, keys = [], []
        for i, flow in enumerate(flows):
            yes = find_button(flow, "Yes")
            url = self._url(tag)
            keys.append(url.rsplit("/", 1)[1])
            requests.append(
                self.signer.block_action(
                    yes["action_id"], yes["value"], user_id=f"U{i % 50}", channel_id="C0BENCH",
                    message=flow, message_ts=f"1700000000.{i:06d}", response_url=url,
                    block_id=yes["block_id"],
                )
            )  # fmt: skip
        return requests, keys

    def arrivals(self, keys: list[str], wait: float = 30.0) -> dict[str, float]:
        """Unix times the sink received the response_url POSTs for ``keys``."""
        end = min(time.monotonic() + wait, self.deadline)
        while True:
            with urllib.request.urlopen(self.sink + "/arrivals", timeout=5) as response:
                seen = json.loads(response.read())
            if all(k in seen for k in keys) or time.monotonic() > end:
                return {k: seen[k] for k in keys if k in seen}
            time.sleep(0.1)


def _flows(run: load.Run) -> list[dict]:
    flows = []
    for sample in run.samples:
        if sample.status == 200 and sample.body:
            ack = json.loads(sample.body)
            if ack.get("blocks"):
                flows.append(ack)
    return flows


def _startup(env: dict[str, str], repeat: int = 5) -> dict[str, float]:
    def median_run(code: str) -> float:
        times = []
        for _ in range(repeat):
            began = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], env=env, check=True, timeout=120,
                           stderr=subprocess.DEVNULL)  # fmt: skip
            times.append(time.perf_counter() - began)
        return statistics.median(times)

    build = "from bot.runtime import build; from bot.settings import load_settings; build(load_settings())"
    return {
        "import slack_bolt": median_run("import slack_bolt"),
        "build the app": median_run(build),
    }


def _install(url: str) -> None:
    """The bench workspace's installation, as the OAuth flow would have saved it."""
    import redis
    from slack_sdk.oauth.installation_store import Installation

    from bot.oauth_store import RedisInstallationStore

    installs = RedisInstallationStore(
        redis.Redis.from_url(url), prefix="bench", client_id=CLIENT_ID
    )
    installs.save(Installation(team_id="T0TEST", user_id="U0ADMIN", bot_token=TOKEN,
                               bot_id="B0BOT", bot_user_id="U0BOT", bot_scopes="chat:write"))  # fmt: skip


def _start_sink(stack: ExitStack) -> int:
    port = free_port()
    sink = subprocess.Popen([sys.executable, str(HERE / "sink.py"), str(port)],
                            preexec_fn=lambda: os.nice(HARNESS_NICE))  # fmt: skip
    stack.callback(sink.wait, 10)
    stack.callback(sink.terminate)
    for _ in range(200):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/arrivals", timeout=1).close()
            return port
        except OSError:
            time.sleep(0.05)
    raise RuntimeError("the Slack stand-in did not start")


def main(argv: list[str] | None = None) -> int:
    args = _args(argv)
    deadline = time.monotonic() + args.timeout
    results: dict = {"levels": args.levels, "workers": args.workers, "scenarios": {},
                     "mode": "OAuth (many workspaces)" if args.oauth else "single workspace"}  # fmt: skip
    with ExitStack() as stack:
        redis = stack.enter_context(RedisServer())
        sink_port = _start_sink(stack)
        env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "REDIS_"))},
            "SLACK_BOT_TOKEN": TOKEN, "SLACK_SIGNING_SECRET": SECRET,
            "SLACK_API_URL": f"http://127.0.0.1:{sink_port}/api/", "REDIS_URL": redis.url,
            "REDIS_PREFIX": "bench", "LOG_LEVEL": "WARNING",
        }  # fmt: skip
        real_env = env
        if args.oauth:
            real_env = {**env, "SLACK_CLIENT_ID": CLIENT_ID, "SLACK_CLIENT_SECRET": "bench-secret"}
            _install(redis.url)
        servers = {
            "real": ServeProcess(real_env, workers=args.workers),
            "no-op": ServeProcess(env, argv=[sys.executable, str(HERE / "noop_app.py"), str(args.workers)]),
        }  # fmt: skip
        for server in servers.values():
            stack.callback(server.stop)
            server.start()
        results["served_in"] = {name: s.started_in for name, s in servers.items()}
        os.nice(HARNESS_NICE)  # from here on the load generator yields the CPU to the servers
        bench = Bench(sink_port, deadline)
        warm = bench.commands(40)
        for server in servers.values():  # Lua scripts, auth.test, imports: paid once
            flows = _flows(load.run(servers["real"].port, warm[:20], 4, deadline))
            load.run(server.port, warm[20:], 4, deadline)
            load.run(server.port, bench.clicks(flows, "warm")[0], 4, deadline)
            load.run(server.port, bench.commands(10, "/llmcost", LLMCOST), 4, deadline)
        probe = load.send(servers["real"].port, *bench.commands(1, "/llmcost", LLMCOST)[0])
        has_llmcost = probe.status == 200 and b"blocks" in probe.body
        scenarios = results["scenarios"]
        for level in args.levels:
            n = max(args.requests // (4 if level == 1 else 1), 50)
            runs = {
                name: load.run(s.port, bench.commands(n), level, deadline)
                for name, s in servers.items()
            }
            scenarios.setdefault("slash command", {})[level] = runs
            flows = _flows(runs["real"])
            click_runs, completion = {}, []
            for name, server in servers.items():
                requests, keys = bench.clicks(flows, f"{name}-{level}")
                click_runs[name] = load.run(server.port, requests, level, deadline)
                if name == "real":
                    arrived = bench.arrivals(keys)
                    sent = {
                        k: s.sent_at for k, s in zip(keys, click_runs[name].samples, strict=False)
                    }
                    completion = [
                        (arrived[k] - sent[k]) * 1000 for k in keys if k in arrived and k in sent
                    ]
            scenarios.setdefault("button click", {})[level] = click_runs
            results.setdefault("click done", {})[level] = (len(completion), completion)
            if has_llmcost:
                scenarios.setdefault("/llmcost estimate", {})[level] = {
                    name: load.run(s.port, bench.commands(n, "/llmcost", LLMCOST), level, deadline)
                    for name, s in servers.items()
                }
        results["llmcost"] = has_llmcost
        results["round trips"] = count_round_trips(redis.url, bench, servers["real"].port, _flows)
        results["startup"] = _startup(env)
    print_report(results)
    if args.json:
        args.json.write_text(json.dumps(results, default=_plain, indent=2))
    return 0


def _plain(value: object) -> object:
    if isinstance(value, load.Run):
        return {"rps": value.rps, "ok": value.ok, "n": len(value.samples),
                "server_p50": value.server(0.5), "server_p99": value.server(0.99),
                "client_p50": value.client(0.5), "client_p99": value.client(0.99)}  # fmt: skip
    return str(value)


if __name__ == "__main__":
    sys.exit(main())
