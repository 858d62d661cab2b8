"""Words of the Workflow Builder step ``estimate_llm_cost`` (its outputs are read by people
in the messages a workflow posts). Bad input fails the step with the same sentence a bad
/llmcost input gets (``bot.texts.llmcost``)."""

from __future__ import annotations

SUMMARY = (
    "{model}: {per_call} a call and {per_month} a month at {calls} calls a day. "
    "{verdict}. {stance}"
)
# the verdict's self-host stance, in a sentence that stands alone (no "below")
STANCE = {
    "model_it": "A self-hosted fleet would cost {amount} a month less on paper: worth modelling.",
    "not_worth_it": (
        "A self-hosted fleet is {amount} a month cheaper on paper, not enough to pay for "
        "on-call, upgrades and an open-weights model's quality."
    ),
    "api_cheaper": "The API is {amount} a month cheaper than a self-hosted fleet.",
}
