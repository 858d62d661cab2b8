"""The /llmcost form, when a build-or-buy flow opened it: /llmcost answers it as always
(``form.submit`` acks), then the flow keeps the estimate for its decision record."""

from __future__ import annotations

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from bot.features.buildvsbuy import costs
from bot.features.llmcost import form


def on_cost_submit(
    ack: Ack, body: dict, view: dict, client: WebClient, context: BoltContext
) -> None:
    form.submit(ack, body, view, client, context)
    costs.submitted(body, view, context)
