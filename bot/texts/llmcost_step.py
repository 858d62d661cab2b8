"""Words of the Workflow Builder step ``estimate_llm_cost`` (its outputs are read by people
in the messages a workflow posts). Bad input fails the step with the same sentence a bad
/llmcost input gets (``bot.texts.llmcost``)."""

from __future__ import annotations

SUMMARY = (
    "{model}: {per_call} a call and {per_month} a month at {calls} calls a day. "
    "{verdict}: {advice}"
)
