"""Print the benchmark's numbers as plain tables."""

from __future__ import annotations

import statistics

from load import Run, quantile

TARGET_RATIO, TARGET_P99, TARGET_TRIPS = 1.3, 150.0, 2.0


def _mean(run: Run) -> float:
    values = [s.server_ms for s in run.samples if s.server_ms == s.server_ms]
    return statistics.fmean(values) if values else float("nan")


def print_report(results: dict) -> None:
    print(f"\nTradeoffs benchmark ({results['mode']}): gunicorn gthread, "
          f"{results['workers']} workers x 8 threads, loopback, process_before_response=False")  # fmt: skip
    print("server = the server's own time (Server-Timing), client = round trip seen by the sender;")
    print("the load generator and the Slack stand-in share the 2 cores, at nice 10\n")
    header = (f"{'scenario':<18}{'conc':>5} {'app':<6}{'req/s':>8}{'ok':>6}"
              f"{'server p50':>12}{'p99':>8}{'mean':>8}{'client p50':>12}{'p99':>8}")  # fmt: skip
    print(header)
    print("-" * len(header))
    for scenario, levels in results["scenarios"].items():
        for level, runs in levels.items():
            for name, run in runs.items():
                print(f"{scenario:<18}{level:>5} {name:<6}{run.rps:>8.0f}{run.ok:>6}"
                      f"{run.server(0.5):>12.1f}{run.server(0.99):>8.1f}{_mean(run):>8.1f}"
                      f"{run.client(0.5):>12.1f}{run.client(0.99):>8.1f}")  # fmt: skip
            real, noop = runs["real"], runs["no-op"]
            ratio = _mean(real) / _mean(noop)
            flag = "ok" if ratio <= TARGET_RATIO and real.server(0.99) < TARGET_P99 else "MISSED"
            print(f"{'':<18}{'':>5} {'ratio':<6}{'':>14}"
                  f"{real.server(0.5) / noop.server(0.5):>11.2f}x{real.server(0.99) / noop.server(0.99):>7.2f}x"
                  f"{ratio:>7.2f}x   target mean <= {TARGET_RATIO}x, p99 < {TARGET_P99:.0f} ms: {flag}")  # fmt: skip
        print()
    if not results.get("llmcost"):
        print("/llmcost estimate: skipped (the real app has no /llmcost listener in this build)\n")
    print("button click, ack to message updated (response_url received), real app:")
    for level, (count, done) in results.get("click done", {}).items():
        print(f"  concurrency {level:>3}: {count} clicks, p50 {quantile(done, 0.5):.1f} ms, "
              f"p99 {quantile(done, 0.99):.1f} ms")  # fmt: skip
    print("\nRedis round trips per request (MONITOR, sequential):")
    for scenario, found in results["round trips"].items():
        flag = "" if scenario != "button click" else (
            "  ok" if found["per request"] <= TARGET_TRIPS else "  MISSED")  # fmt: skip
        print(f"  {scenario:<14} {found['per request']:.2f}  {found['commands']}  "
              f"({found['requests']} requests){flag}")  # fmt: skip
        if found["connection setup"]:
            print(f"  {'':<14} + connection set-up, once per new connection: "
                  f"{found['connection setup']}")  # fmt: skip
    startup = results["startup"]
    print("\nstart-up (median of 5 fresh interpreters):")
    for name, seconds in startup.items():
        print(f"  {name:<18} {seconds * 1000:7.0f} ms")
    extra = startup["build the app"] - startup["import slack_bolt"]
    print(f"  the app costs {extra * 1000:.0f} ms more than a bare `import slack_bolt`")
    served = results["served_in"]
    print("gunicorn start to first healthy /healthz: "
          + ", ".join(f"{name} {seconds:.2f} s" for name, seconds in served.items()))  # fmt: skip
