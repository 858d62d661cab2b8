"""Words for conversations in threads (status of the thread's flow)."""

from __future__ import annotations

NO_FLOW = (
    "Nothing is running in this thread. Start something, e.g. `{at}prioritize a; b`, "
    "`{at}learn &lt;topic&gt;` or `{at}assess`."
)
FLOW_EXPIRED = "This thread's conversation has expired. Start a new one: `{at}help` lists them."

COST_HELP = (
    "*Cost estimates here:* `{at}cost model=gpt-4o in=2000 out=500 qps=3`. Keys: `model=`, "
    "`in=`, `out=`, one of `qps=` / `per_day=` / `per_month=`, and optionally `cached=`, "
    "`batch=yes`, `compare=a,b,c`, `price_in=` / `price_out=`, `gpus=`, `gpu_hour=`, `ops=`, "
    "`tps=`. `/llmcost help` (outside threads) explains each one."
)
