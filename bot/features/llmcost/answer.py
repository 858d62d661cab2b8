"""/llmcost answers, shared by the command, the form, the buttons and mentions.

Stateless: no Redis, so it answers with Redis down. Every answer is computed again from an
argument string, which is parsed as untrusted input each time (typed, built from a form, or
read from a button). ``command`` answers the slash command in its ack (ephemeral, with
"Share in channel"); ``/llmcost`` alone opens the form instead (``wants_form``).
"""

from __future__ import annotations

from typing import Any

from bot.blocks.llmcost import error_message, estimate_message, help_message
from bot.deps import Deps
from bot.domain.cost.args import request_args
from bot.domain.cost.errors import CostInputError
from bot.domain.cost.estimate import estimate
from bot.domain.cost.parse import MAX_TEXT, parse_request, wants_help
from bot.domain.cost.request import CostRequest
from bot.domain.cost.result import Estimate
from bot.texts.errors import describe


def run(text: str, deps: Deps) -> tuple[Estimate, str]:
    """The estimate for ``text`` and the canonical arguments to carry in its buttons.
    Raises CostInputError for bad input."""
    request = parse_request(text)
    knowledge = deps.knowledge
    return estimate(request, knowledge.costs, knowledge.selfhost), button_args(request, text)


def button_args(request: CostRequest, typed: str) -> str:
    """Canonical arguments, or (in the rare case they grow past the parser's limit) the
    arguments as typed, which parsed already and so fit."""
    canonical = request_args(request)
    return canonical if len(canonical) <= MAX_TEXT else " ".join(typed.split())


def answer(
    text: str, deps: Deps, *, shareable: bool, shared_by: str | None = None
) -> dict[str, Any]:
    """The estimate message for ``text``, or the error notice; never raises for bad input."""
    try:
        result, args = run(text, deps)
    except CostInputError as error:
        return error_message(describe(error))
    return estimate_message(result, args=args, shareable=shareable, shared_by=shared_by)


def estimate_payload(text: str, deps: Deps) -> dict[str, Any]:
    """``{"text", "blocks"}`` for /llmcost arguments ``text``: the estimate (no share
    button: it is meant for a message everyone sees), the help for "" or "help", or an
    error notice for bad input. Never raises for bad input."""
    if wants_help(text):
        return help_message()
    return answer(text, deps, shareable=False)


def wants_form(text: str) -> bool:
    """``/llmcost`` with no arguments opens the form."""
    return not text.strip()


def command(text: str, deps: Deps) -> dict[str, Any]:
    """The ack of ``/llmcost <arguments>``: the help, or the estimate, only for the asker."""
    if wants_help(text):
        return {"response_type": "ephemeral", **help_message()}
    return {"response_type": "ephemeral", **answer(text, deps, shareable=True)}
