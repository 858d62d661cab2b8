"""``python -m bot estimate <args>``: the /llmcost answer as plain text on a terminal."""

from __future__ import annotations

from typing import TextIO

from bot.domain.cost.errors import CostInputError
from bot.domain.cost.estimate import estimate
from bot.domain.cost.parse import parse_request, wants_help
from bot.domain.cost.text import render_text
from bot.kb import load_knowledge
from bot.settings import Settings
from bot.texts import llmcost as texts


def run_estimate(text: str, *, settings: Settings, out: TextIO, err: TextIO) -> int:
    """Print the estimate for ``text`` (or the help); bad input: one line on ``err``, exit 1."""
    if wants_help(text):
        out.write(texts.HELP + "\n")
        return 0
    try:
        request = parse_request(text)
        result = estimate(request, load_knowledge(settings.knowledge_dir).costs)
    except CostInputError as exc:
        err.write(cli_error(exc) + "\n")
        return 1
    out.write(render_text(result))
    return 0


def cli_error(error: CostInputError) -> str:
    """The error as one line for a terminal (no emoji, no line break)."""
    line = texts.CLI_ERROR.format(token=error.token, problem=error.problem, example=error.example)
    return " ".join(line.split())
