"""``python -m bot estimate <args>``: the /llmcost answer as plain text on a terminal."""

from __future__ import annotations

from typing import TextIO

from bot.domain.cost.errors import CostInputError
from bot.domain.cost.estimate import estimate
from bot.domain.cost.parse import parse_request, wants_help
from bot.knowledge_loader import load_knowledge
from bot.plaintext.llmcost import render_text
from bot.settings import Settings
from bot.texts import llmcost as texts
from bot.texts.errors import describe


def run_estimate(text: str, *, settings: Settings, out: TextIO, err: TextIO) -> int:
    """Print the estimate for ``text`` (or the help); bad input: one line on ``err``, exit 1."""
    if wants_help(text):
        out.write(texts.HELP + "\n")
        return 0
    try:
        request = parse_request(text)
        result = estimate(request, load_knowledge(settings.knowledge_dir).costs)
    except CostInputError as exc:
        err.write(describe(exc, style="terminal") + "\n")
        return 1
    out.write(render_text(result))
    return 0
