"""Words for conversations in threads (status of the thread's flow)."""

from __future__ import annotations

NO_FLOW = (
    "Nothing is running in this thread. Start something, e.g. `{at}prioritize a; b`, "
    "`{at}learn &lt;topic&gt;` or `{at}assess`."
)
FLOW_EXPIRED = "This thread's conversation has expired. Start a new one: `{at}help` lists them."
