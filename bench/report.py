"""Print the benchmark's numbers as plain tables, then every target of issue 17 with
pass / fail, the ratio (or value) first."""

from __future__ import annotations

from load import quantile

REAL, NOOP, POLLING = "real", "no-op", "no-op polling"
STATELESS = ("/llmcost estimate", "/llmcost help", "/rubric")
ANSWER_RATIO, CLICK_DONE_MS, CLICK_DONE_AT, TRIPS = 1.5, 15.0, 10, 2.0
SERVE_RATIO, ESTIMATE_RATIO, SCALE_RATIO = 1.3, 1.5, 1.7
TARGET_LEVELS = (1, 50)


def _table(results: dict) -> None:
    header = (f"{'scenario':<18}{'conc':>5} {'app':<14}{'req/s':>7}{'ok':>10}"
              f"{'client p50':>11}{'p99':>8}{'server p50':>11}{'p99':>8}{'CPU/req':>9}")  # fmt: skip
    print(header)
    print("-" * len(header))
    for scenario, levels in results["scenarios"].items():
        for level, runs in levels.items():
            for name, run in runs.items():
                print(f"{scenario:<18}{level:>5} {name:<14}{run.rps:>7.0f} {run.ok:>5}/{len(run.samples):<5}"
                      f"{run.client(0.5):>9.1f}{run.client(0.99):>8.1f}"
                      f"{run.server(0.5):>11.1f}{run.server(0.99):>8.1f}{run.cpu_ms:>9.2f}")  # fmt: skip
        print()


def targets(results: dict) -> list[tuple[str, float, str, bool]]:
    """(what, ratio or value, target, met) for every target of issue 17."""
    found: list[tuple[str, float, str, bool]] = []

    def ratio(what: str, real: float, base: float, limit: float) -> None:
        value = real / base if base else float("nan")
        found.append((f"{what} ({real:.1f} vs {base:.1f} ms)", value, f"<= {limit}x",
                      value <= limit))  # fmt: skip

    for scenario in (*STATELESS, "button click"):
        for level in TARGET_LEVELS:
            runs = results["scenarios"].get(scenario, {}).get(level)
            if not runs:
                continue
            for q, label in ((0.5, "p50"), (0.99, "p99")):
                what = "ack" if scenario == "button click" else "answer"
                ratio(f"{scenario} {what} {label} at {level} conn vs no-op",
                      runs[REAL].client(q), runs[NOOP].client(q), ANSWER_RATIO)  # fmt: skip
            failed = len(runs[REAL].samples) - runs[REAL].ok
            found.append((f"{scenario} at {level} conn: requests not answered 200", failed,
                          "== 0", failed == 0))  # fmt: skip
    done = results.get("click done", {}).get(CLICK_DONE_AT)
    if done:
        p50 = quantile(done[1], 0.5)
        found.append((f"click sent -> message updated p50 at {CLICK_DONE_AT} conn, ms "
                      f"({done[0]} clicks)", p50, f"< {CLICK_DONE_MS:.0f}", p50 < CLICK_DONE_MS))  # fmt: skip
    trips = results["round trips"]["button click"]["per request"]
    found.append(("Redis round trips per click", trips, f"<= {TRIPS:.0f}", trips <= TRIPS))
    served = results["served_in"]
    value = served[REAL] / served[NOOP]
    found.append((f"gunicorn start to healthy /healthz vs no-op ({served[REAL]:.2f} vs "
                  f"{served[NOOP]:.2f} s)", value, f"<= {SERVE_RATIO}x", value <= SERVE_RATIO))  # fmt: skip
    cli = list(results["startup"].values())
    value = cli[0] / cli[1]
    found.append((f"`python -m bot estimate` vs `import genai_prices` ({cli[0] * 1000:.0f} vs "
                  f"{cli[1] * 1000:.0f} ms)", value, f"<= {ESTIMATE_RATIO}x", value <= ESTIMATE_RATIO))  # fmt: skip
    one, two = results["throughput"].values()
    value = two.rps / one.rps if one.rps else float("nan")
    found.append((f"/llmcost req/s at 50 conn, 2 workers vs 1 ({two.rps:.0f} vs {one.rps:.0f})",
                  value, f">= {SCALE_RATIO}x", value >= SCALE_RATIO))  # fmt: skip
    return found


def print_report(results: dict) -> None:
    print(f"\nTradeoffs benchmark ({results['mode']}): {results['workers']} workers each, "
          "bot.server.gunicorn_config, loopback")  # fmt: skip
    print(f"  {REAL}: python -m bot serve; {NOOP}: listeners only ack, inside the HTTP response "
          f"(process_before_response=True); {POLLING}: listeners only ack, Bolt's polling ack")  # fmt: skip
    print("  client = round trip seen by the sender (what the user waits for), server = the "
          "server's own Server-Timing; ms")  # fmt: skip
    print("  load average (1, 5, 15 min) before: {:.2f} {:.2f} {:.2f}, after: {:.2f} {:.2f} {:.2f}\n"
          .format(*results["load before"], *results["load after"]))  # fmt: skip
    _table(results)
    print("button click, sent to message updated (response_url received), real app:")
    for level, (count, done) in results.get("click done", {}).items():
        print(f"  concurrency {level:>3}: {count} clicks, p50 {quantile(done, 0.5):.1f} ms, "
              f"p99 {quantile(done, 0.99):.1f} ms")  # fmt: skip
    print("\nserver CPU a request (all its processes, post-ack work included), real vs no-op: "
          "once the cores are saturated, the floor under any latency ratio")  # fmt: skip
    for scenario, levels in results["scenarios"].items():
        cells = []
        for level, runs in levels.items():
            real, base = runs[REAL].cpu_ms, runs[NOOP].cpu_ms
            cells.append(f"{level} conn {real:.2f} vs {base:.2f} ms ({real / base if base else float('nan'):.2f}x)")
        print(f"  {scenario:<18} " + ", ".join(cells))
    print("\nRedis round trips per request (MONITOR, sequential):")
    for scenario, found in results["round trips"].items():
        print(f"  {scenario:<14} {found['per request']:.2f}  {found['commands']}  "
              f"({found['requests']} requests)")  # fmt: skip
    print("\n/llmcost at 50 connections by workers (real app):")
    for name, run in results["throughput"].items():
        print(f"  {name}: {run.rps:.0f} req/s, {run.ok}/{len(run.samples)} ok, "
              f"client p50 {run.client(0.5):.1f} ms")  # fmt: skip
    print("\nstart-up (medians): " + ", ".join(
        f"{name} {seconds:.3f} s" for name, seconds in {**results["served_in"], **results["startup"]}.items()))  # fmt: skip
    found = targets(results)
    print(f"\nissue 17 targets: {sum(met for *_, met in found)} of {len(found)} met")
    for what, value, limit, met in found:
        print(f"  {value:8.2f}  {limit:<8} {'pass' if met else 'FAIL'}  {what}")
