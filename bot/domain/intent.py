"""What a mention or DM asks for: ``parse_intent("<@U0BOT> rollout?") -> Intent(ROLLOUT)``.

Pure: no Slack client, no state. The text is tidied first (mention tokens anywhere removed,
Slack's ``&amp;`` escapes and ``<link|label>`` markup undone, spaces collapsed, leading and
trailing punctuation dropped), then matched against ``START`` (the request begins with a
keyword) and, failing that, ``ANYWHERE`` (a distinctive phrase inside a sentence). For the
intents that take one (``TAKES_ARGUMENT``) the ``argument`` is the rest of the request in its
original case: the topic, the initiatives, the /llmcost or /rubric arguments (leading filler
such as "for" or "about" dropped; for cost, only the ``key=value`` pairs of a sentence).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum


class Kind(StrEnum):
    BUILD_OR_BUY = "build_or_buy"
    COST = "cost"
    RUBRIC = "rubric"
    PREP = "prep"
    ROLLOUT = "rollout"
    TEAM = "team"
    PRIORITIZE = "prioritize"
    LEVERS = "levers"
    CONTRACTS = "contracts"
    DASHBOARD = "dashboard"
    GOVERNANCE = "governance"
    TEMPLATES = "templates"
    LEARN = "learn"
    ASSESS = "assess"
    STATUS = "status"
    HELP = "help"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Intent:
    kind: Kind
    argument: str = ""  # the rest of the request (original case), tidied
    text: str = ""  # the whole request, tidied


_BUILD_OR_BUY = r"build\s*(?:or|vs\.?|versus|/|-vs-|-or-|-)\s*buy"

# (kind, pattern matched at the start of the tidied text). Order matters: the more specific
# first ("cost levers" is LEVERS, "cost dashboard" is DASHBOARD, then "cost ..." is COST).
START: tuple[tuple[Kind, str], ...] = (
    (Kind.HELP, r"(?:help|\?+|what can you do|commands|usage|how do i use (?:you|this))"),
    (Kind.STATUS, r"(?:status|where (?:are|were) we|continue|resume)"),
    (Kind.LEVERS, r"(?:the\s+)?(?:(?:8|eight)[\s-]*)?(?:cost[\s-]+)?(?:levers?|playbook)"),
    (Kind.DASHBOARD, r"(?:(?:the\s+)?exec(?:utive)?\s+)?(?:cost\s+)?dashboards?"),
    (Kind.BUILD_OR_BUY, rf"(?:/?buildvsbuy|bvb|{_BUILD_OR_BUY}|should we {_BUILD_OR_BUY})"),
    (Kind.COST, r"(?:/?llmcost|costs?|estimate|price|pricing)"),
    (Kind.RUBRIC, r"(?:/?rubric|(?:the\s+)?hiring rubric)"),
    (Kind.PREP, r"(?:interview\s+)?prep(?:are)?|practi[cs]e|(?:interviewer\s+)?kit|scorecard"),
    (Kind.ROLLOUT, r"(?:(?:a\s+)?phased\s+)?roll[\s-]?outs?(?:\s+phases|\s+plan)?"),
    (
        Kind.TEAM,
        r"(?:team[\s-]*(?:shapes?|design|structure|topology|roles)|teams?|roles|org design)",
    ),
    (Kind.PRIORITIZE, r"(?:prioriti[sz](?:e|ation|ing)|priorities|rank)"),
    (Kind.CONTRACTS, r"(?:cross[\s-]?functional(?:\s+contracts?)?|contracts?)"),
    (Kind.GOVERNANCE, r"(?:cost\s+|ai\s+)?governance"),
    (Kind.TEMPLATES, r"(?:(?:interview\s+)?answer[\s-]+templates?|templates?|interview answers?)"),
    (Kind.LEARN, r"(?:should\s+i\s+learn(?:\s+this\s+now)?|learn(?:\s+this\s+now)?)"),
    (Kind.ASSESS, r"(?:self[\s-]?assess(?:ment)?|assess(?:ment)?(?:\s+me)?)"),
)

# Phrases that give the intent away anywhere in a sentence; the argument is what follows.
ANYWHERE: tuple[tuple[Kind, str], ...] = (
    (Kind.COST, r"(?=\b(?:model|m|in|input|out|output|qps|per_day|per_month)=\S)"),
    (Kind.BUILD_OR_BUY, _BUILD_OR_BUY),
    (Kind.LEVERS, r"cost[\s-]+levers?"),
    (Kind.ROLLOUT, r"roll[\s-]?outs?|roll\s+(?:it\s+|this\s+)?out"),
    (Kind.TEAM, r"team[\s-]+shapes?|team\s+design|platform\s*\+\s*applied"),
    (Kind.GOVERNANCE, r"governance"),
    (Kind.DASHBOARD, r"dashboard"),
    (Kind.ASSESS, r"self[\s-]?assessment"),
    (Kind.RUBRIC, r"rubric"),
)

_COMPILED_START = tuple(
    (kind, re.compile(rf"^(?:{pattern})(?![\w=])", re.IGNORECASE)) for kind, pattern in START
)
_COMPILED_ANYWHERE = tuple(
    (kind, re.compile(rf"\b(?:{pattern})", re.IGNORECASE)) for kind, pattern in ANYWHERE
)
TAKES_ARGUMENT = frozenset({Kind.BUILD_OR_BUY, Kind.COST, Kind.RUBRIC, Kind.PRIORITIZE, Kind.LEARN})
_KEEP_ARGUMENT_AS_IS = {Kind.PRIORITIZE}  # a list of names: articles are part of them
_MENTION = re.compile(r"<@[UWB][A-Z0-9]+(?:\|[^>]*)?>")
_LINK = re.compile(r"<(?:#[A-Z0-9]+\|)?([^<>|]+)(?:\|([^<>]*))?>")
_EDGE_PUNCTUATION = " \t\n,;:.!?-–—*_~`'\""
_FILLER = re.compile(
    r"^(?:(?:for|about|on|of|me|us|is|this|it|the|a|an)(?:\s+|\s*[:,]\s*))+", re.IGNORECASE
)
_TRAILING_NOW = re.compile(r"(?:^|[\s,]+)(?:right\s+)?now$", re.IGNORECASE)
_POLITE = re.compile(
    r"^(?:(?:please|pls|hey|hi|hello|ok|so|can you|could you|would you|help me(?: with)?"
    r"|i want to|i'd like to|i need to|let's|lets|we need to|we want to)\b[\s,:]*)+",
    re.IGNORECASE,
)
_KEY_VALUE = re.compile(r"\S+=\S+")


def tidy(text: str) -> str:
    """Mention tokens out, Slack markup undone, spaces collapsed, edge punctuation gone."""
    text = _MENTION.sub(" ", text or "")
    text = _LINK.sub(lambda m: m.group(2) or m.group(1), text)
    text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    text = re.sub(r"\s+", " ", text)
    return text.strip(_EDGE_PUNCTUATION + " ")


def _argument(kind: Kind, rest: str) -> str:
    if kind not in TAKES_ARGUMENT:
        return ""
    rest = rest.strip(_EDGE_PUNCTUATION + " ")
    if kind is Kind.COST:
        pairs = _KEY_VALUE.findall(rest)
        return " ".join(pairs) if pairs else rest
    if kind in _KEEP_ARGUMENT_AS_IS:
        return rest
    rest = _FILLER.sub("", rest)
    if kind is Kind.LEARN:
        rest = _TRAILING_NOW.sub("", rest)
    return rest.strip(_EDGE_PUNCTUATION + " ")


def parse_intent(text: str) -> Intent:
    """The intent of a request; an empty request is HELP, an unrecognised one UNKNOWN."""
    tidied = tidy(text)
    if not tidied:
        return Intent(Kind.HELP)
    request = _POLITE.sub("", tidied) or tidied
    for kind, pattern in _COMPILED_START:
        found = pattern.match(request)
        if found:
            return Intent(kind, _argument(kind, request[found.end() :]), tidied)
    for kind, pattern in _COMPILED_ANYWHERE:
        found = pattern.search(tidied)
        if found:
            rest = tidied[found.end() :] if kind is not Kind.COST else tidied
            if kind is Kind.BUILD_OR_BUY and not _argument(kind, rest):
                rest = tidied[: found.start()]
            return Intent(kind, _argument(kind, rest), tidied)
    return Intent(Kind.UNKNOWN, "", tidied)
