"""Shared checks and strategies for the robustness properties (tests/test_robustness*.py).

The house rule under test: whatever a person types or clicks, and whatever a tampered
payload carries, the app answers with a short message of its own words. No raw exception
text, no traceback, no Python repr ever reaches Slack, and nothing is logged at ERROR (the
global error handler logs every unhandled listener exception there).
"""

from __future__ import annotations

import logging
import os
import uuid
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from bot.devtools.fake_slack import FakeSlack
from bot.devtools.sim import Reply, message_text

MARKERS = ("Traceback", "Error(", "Exception", "object at 0x")

# Function-scoped fixtures (sim, store, caplog) are shared by all examples of one test: each
# example uses its own user, channel, thread or workspace, so examples do not see each
# other's state. ROBUSTNESS_EXAMPLES=2000 for a deeper run than the suite's; tests whose
# examples take several requests run half as many (FUZZ_LONG).
EXAMPLES = int(os.environ.get("ROBUSTNESS_EXAMPLES", "200"))
FUZZ = settings(
    max_examples=EXAMPLES,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    deadline=None,
)
FUZZ_LONG = settings(FUZZ, max_examples=max(EXAMPLES // 2, 1))

SLACK_MARKUP = [
    "<@U1>", "<@U0BOT>", "<@W0ABC|someone>", "<!channel>", "<!here>", "<!everyone>",
    "<#C0TEST|general>", "<https://example.com|a link>", "<mailto:a@b.c>", "<>", "<|>",
    "&amp;", "&lt;", "&gt;", "&amp;lt;", "*bold*", "_it_", "~s~", "`code`", "```", ">quote",
]  # fmt: skip
KEYS = [
    "model=", "=", "==", "model==", "in=1e309", "in=-1", "in=nan", "in=inf", "out=0",
    "per_day=1e999", "qps=1e-400", "per_month=" + "9" * 40, "model=gpt-4o", "in=2k", "out=500",
    "per_day=10k", "compare=gpt-4o,claude-sonnet-4-5", "price_in=1", "gpus=0", "tps=-3",
    "gpu_hour=$1,000", "batch", "batch=yes", "cached=200%", "m=x", "in=1_000", "in=1,2,3",
]  # fmt: skip
WORDS = [
    "senior", "staff", "junior", "principal", "rag", "evals", "yes", "no", "help", "status",
    "skip", "stop", "restart", "vs", "or", "for", "about", ",", ";", "|", "||", "1.", "2)",
    "-", "•", "payload", "Alice", "Bob", "🙂", "日本語", "\u202e", "\u200b", "\x00", "\x1b[31m", "\r\n",
]  # fmt: skip
# How a request starts: nothing, or a keyword that sends the rest to a feature's parser.
LEADS = [
    "", "cost ", "llmcost ", "estimate ", "rubric ", "prep ", "build or buy ", "bvb ",
    "should we build or buy ", "learn ", "should i learn ", "prioritize ", "rank ", "assess ",
    "status ", "help ", "levers ", "rollout ", "team ", "contracts ", "dashboard ",
    "governance ", "templates ", "practice ", "practice senior ", "kit ", "scorecard ",
    "scorecard senior ", "interviewer kit ",
]  # fmt: skip

_token = st.one_of(
    st.sampled_from(SLACK_MARKUP + KEYS + WORDS),
    st.text(max_size=12),
    st.text(alphabet=st.characters(codec="ascii"), max_size=12),
)
_whitespace = st.text(alphabet=" \t\n\r\u00a0\u2003\u3000\u200b\x0b\x0c", min_size=1, max_size=30)
_long = st.builds(lambda part, n: (part * n)[:4000], st.text(min_size=1, max_size=40), st.integers(50, 4000))  # fmt: skip


def _strip_markers(text: str) -> str:
    """The text without MARKERS, so that any of them in a reply came from the app."""
    while any(marker in text for marker in MARKERS):
        for marker in MARKERS:
            text = text.replace(marker, "")
    return text


# Random text a person might send: anything, Slack markup, keys, whitespace, very long.
junk = st.one_of(
    st.text(max_size=300),
    st.lists(_token, max_size=12).map(" ".join),
    st.lists(_token, max_size=12).map("".join),
    _whitespace,
    _long,
).map(_strip_markers)
request_lines = st.builds(lambda lead, rest: lead + rest, st.sampled_from(LEADS), junk)


def fresh(prefix: str) -> str:
    """A Slack-looking id no other example uses (``U1A2B3...``)."""
    return prefix + uuid.uuid4().hex[:10].upper()


def fresh_ts() -> str:
    return f"{1_700_000_000 + uuid.uuid4().int % 10**8}.{uuid.uuid4().int % 10**6:06d}"


# --- the checks ---------------------------------------------------------------------------


def _strings(node: Any) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for key, v in node.items() if key != "_where" for s in _strings(v)]
    if isinstance(node, list):
        return [s for item in node for s in _strings(item)]
    return []


def shown(reply: Reply) -> list[str]:
    """Every string the app sent a person in this reply: messages (fallback text and
    blocks), views, and the ack (form errors included)."""
    found: list[str] = []
    for m in reply.messages:
        found.append(message_text(m))
        found.extend(_strings({k: v for k, v in m.items() if k in ("text", "blocks")}))
    for v in reply.views:
        found.extend(_strings(v))
    found.extend(_strings(reply.ack or {}))
    return found


def answered(reply: Reply) -> bool:
    """The app said something: a message, a view, errors in a form, or a file it shared
    (an export's upload, with its comment, is the answer)."""
    ack = reply.ack or {}
    shared = any(c.method == "files.completeUploadExternal" for c in reply.calls)
    return bool(reply.messages or reply.views or ack.get("response_action") == "errors" or shared)


def _trace(record: logging.LogRecord) -> str:
    return logging.Formatter().formatException(record.exc_info) if record.exc_info else ""


class Guard:
    """Runs one request and checks the house rule on what came back.

    ``guard.check(reply)`` asserts: HTTP 200; an answer (unless ``silent_ok``); every
    message and view valid Block Kit; no exception text, traceback or repr in anything
    shown; nothing logged at ERROR since the last check."""

    def __init__(self, slack: FakeSlack, caplog: pytest.LogCaptureFixture) -> None:
        self.slack = slack
        self.caplog = caplog
        self._problems = 0
        caplog.set_level(logging.INFO)

    def start(self) -> None:
        self.caplog.clear()
        self._problems = len(self.slack.validation_problems)

    def check(self, reply: Reply, *, silent_ok: bool = False, what: str = "") -> Reply:
        assert reply.status == 200, f"{what}: HTTP {reply.status} {reply.response.body!r}"
        if not silent_ok:
            calls = [c.method for c in reply.calls]
            assert answered(reply), f"{what}: the app stayed silent (calls: {calls})"
        problems = self.slack.validation_problems[self._problems :]
        self._problems = len(self.slack.validation_problems)
        assert problems == [], f"{what}: invalid Block Kit: {problems}"
        for text in shown(reply):
            for marker in MARKERS:
                assert marker not in text, f"{what}: {marker!r} reached Slack: {text[:300]!r}"
        self.check_logs(what=what)
        return reply

    def check_logs(self, *, what: str = "") -> None:
        """Nothing logged at ERROR since the last check."""
        errors = [r for r in self.caplog.records if r.levelno >= logging.ERROR]
        assert errors == [], f"{what}: logged at ERROR: " + "; ".join(
            f"{r.name}: {r.getMessage()}\n{_trace(r)}" for r in errors
        )
        self.caplog.clear()
