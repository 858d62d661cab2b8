"""The Workflow Builder step ``estimate_llm_cost`` (manifest ``functions``, Bolt
``app.function``): the /llmcost engine on a step's inputs, for a pre-launch cost review a
team builds without code.

The inputs become /llmcost arguments and go through the same parser, so a step fails with
the sentence a bad /llmcost input gets (``functions.completeError``) and succeeds with the
estimate's outputs (``functions.completeSuccess``). Stateless, like /llmcost.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping

from slack_bolt import BoltContext, Complete, Fail

from bot.deps import Deps
from bot.domain.cost.errors import CostInputError
from bot.features.llmcost import answer
from bot.plaintext.llmcost_step import step_outputs
from bot.texts.errors import describe

log = logging.getLogger(__name__)
CALLBACK_ID = "estimate_llm_cost"
# step input -> /llmcost argument; the manifest declares the same names
INPUTS = (
    ("model", "model"),
    ("input_tokens", "in"),
    ("output_tokens", "out"),
    ("calls_per_day", "per_day"),
    ("cached_tokens", "cached"),
)


def step_args(inputs: Mapping[str, object]) -> str:
    """``model=gpt-4o in=2000 out=500 per_day=259200``: the inputs given, as typed (the
    parser checks them; an empty optional input is left out)."""
    parts = []
    for name, key in INPUTS:
        value = inputs.get(name)
        text = "" if value is None else str(value).strip()
        if text:
            parts.append(f"{key}={text}")
    return " ".join(parts)


def run(inputs: dict, complete: Complete, fail: Fail, context: BoltContext) -> None:
    try:
        estimate, _ = answer.run(step_args(inputs), Deps.of(context))
    except CostInputError as error:
        log.info("estimate_llm_cost step refused its inputs: %s", error.code)
        fail(describe(error, style="terminal"))
        return
    complete(outputs=step_outputs(estimate))
