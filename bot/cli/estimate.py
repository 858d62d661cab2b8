"""``python -m bot estimate``: the /llmcost answer on a terminal, for scripts and CI.

    python -m bot estimate model=gpt-4o in=2000 out=500 qps=3        # text
    python -m bot estimate --json gpt-4o 2000 in 500 out 3 qps       # JSON
    python -m bot estimate diff 'BASE ARGS' 'HEAD ARGS' [--json]     # per-PR cost diff

Exit status: 0 with the answer on stdout; 1 with one error line on stderr for bad input;
2 with the usage on stderr for a bad command line (no arguments at all included).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import NamedTuple, TextIO

from bot.domain.cost.errors import CostInputError
from bot.domain.cost.estimate import estimate
from bot.domain.cost.parse import parse_request, wants_help
from bot.domain.cost.result import Estimate
from bot.domain.knowledge.costs import CostKnowledge
from bot.domain.knowledge.selfhost import SelfHostKnowledge
from bot.knowledge_loader import load_file
from bot.plaintext.llmcost import render_text
from bot.plaintext.llmcost_diff import render_diff
from bot.plaintext.llmcost_json import diff_json, estimate_json
from bot.settings import Settings
from bot.texts import llmcost as texts
from bot.texts.errors import describe

EXIT_BAD_INPUT = 1
EXIT_USAGE = 2
JSON_FLAG = "--json"


def run_estimate(argv: Sequence[str], *, settings: Settings, out: TextIO, err: TextIO) -> int:
    """Print the estimate (or diff) for ``argv``; see the module doc for exit codes."""
    args = [a for a in argv if a != JSON_FLAG]
    as_json = len(args) != len(argv)
    if not args:
        err.write(texts.USAGE + "\n")
        return EXIT_USAGE
    if args[0] in {"-h", "--help"} or (args[0] != "diff" and wants_help(" ".join(args))):
        out.write(texts.HELP_TERMINAL + "\n")
        return 0
    if args[0].startswith("-"):
        err.write(texts.USAGE + "\n")
        return EXIT_USAGE
    # Only the two files an estimate reads (a command loads what it needs: start-up time)
    knowledge = Sources(
        load_file(settings.knowledge_dir, CostKnowledge),
        load_file(settings.knowledge_dir, SelfHostKnowledge),
    )
    if args[0] == "diff":
        if len(args) != 3:
            err.write(texts.USAGE + "\n")
            return EXIT_USAGE
        return _diff(args[1], args[2], knowledge, as_json, out, err)
    try:
        result = _estimate(" ".join(args), knowledge)
    except CostInputError as exc:
        err.write(terminal_error(exc) + "\n")
        return EXIT_BAD_INPUT
    out.write(
        json.dumps(estimate_json(result), indent=2) + "\n" if as_json else render_text(result)
    )
    return 0


def terminal_error(error: CostInputError, side: str = "") -> str:
    """One plain line: no Slack markup."""
    line = texts.plain(describe(error, style="terminal", at=""))
    return line.replace("error: ", f"error: {side}: ", 1) if side else line


class Sources(NamedTuple):
    """The knowledge an estimate reads."""

    costs: CostKnowledge
    selfhost: SelfHostKnowledge


def _estimate(text: str, knowledge: Sources) -> Estimate:
    return estimate(parse_request(text), knowledge.costs, knowledge.selfhost)


def _diff(
    base_text: str, head_text: str, knowledge: Sources, as_json: bool, out: TextIO, err: TextIO
) -> int:
    results: list[Estimate] = []
    for side, text in (("base", base_text), ("head", head_text)):
        try:
            results.append(_estimate(text, knowledge))
        except CostInputError as exc:
            err.write(terminal_error(exc, side) + "\n")
            return EXIT_BAD_INPUT
    base, head = results
    out.write(
        json.dumps(diff_json(base, head), indent=2) + "\n" if as_json else render_diff(base, head)
    )
    return 0
