"""Routing a mention or DM by intent: a table of what people type, messy input included."""

from __future__ import annotations

import pytest

from bot.domain.intent import Kind, parse_intent, tidy

K = Kind


@pytest.mark.parametrize(
    ("text", "kind", "argument"),
    [
        # help, and nothing at all
        ("help", K.HELP, ""),
        ("  HELP!!! ", K.HELP, ""),
        ("<@U0BOT>", K.HELP, ""),
        ("", K.HELP, ""),
        ("?", K.HELP, ""),
        ("<@U0BOT> what can you do?", K.HELP, ""),
        # build or buy, with the topic kept as typed
        ("build or buy support-ticket triage", K.BUILD_OR_BUY, "support-ticket triage"),
        ("Build vs. Buy: Support Triage bot?", K.BUILD_OR_BUY, "Support Triage bot"),
        ("buildvsbuy a vector store", K.BUILD_OR_BUY, "vector store"),
        ("/buildvsbuy eval harness", K.BUILD_OR_BUY, "eval harness"),
        ("should we build or buy an eval harness?", K.BUILD_OR_BUY, "eval harness"),
        ("support triage: build or buy?", K.BUILD_OR_BUY, "support triage"),
        ("<@U0BOT> build-or-buy <@U0BOB> for search", K.BUILD_OR_BUY, "search"),
        ("build or buy", K.BUILD_OR_BUY, ""),
        # cost: the /llmcost arguments, only the key=value pairs when in a sentence
        ("cost model=gpt-4o in=2000 out=500 qps=3", K.COST, "model=gpt-4o in=2000 out=500 qps=3"),
        ("COST   model=gpt-4o  in=2k", K.COST, "model=gpt-4o in=2k"),
        ("/llmcost help", K.COST, "help"),
        (
            "what does model=gpt-4o in=2000 out=500 qps=3 cost?",
            K.COST,
            "model=gpt-4o in=2000 out=500 qps=3",
        ),
        ("cost", K.COST, ""),
        # rubric and prep
        ("rubric senior", K.RUBRIC, "senior"),
        ("Rubric   STAFF rag", K.RUBRIC, "STAFF rag"),
        ("hiring rubric for staff", K.RUBRIC, "staff"),
        ("prep", K.PREP, ""),
        ("interview prep", K.PREP, ""),
        ("practice senior rag", K.PREP, ""),
        ("Practise L5", K.PREP, ""),
        ("interviewer kit staff", K.PREP, ""),
        ("scorecard senior Jane Doe", K.PREP, ""),
        ("interview answer templates", K.TEMPLATES, ""),
        # framework answers
        ("rollout", K.ROLLOUT, ""),
        ("<@U0BOT> Rollout?", K.ROLLOUT, ""),
        ("phased rollout plan", K.ROLLOUT, ""),
        ("how should we roll this out?", K.ROLLOUT, ""),
        ("team shape", K.TEAM, ""),
        ("Team-Shapes", K.TEAM, ""),
        ("roles", K.TEAM, ""),
        ("when do we need a platform + applied split?", K.TEAM, ""),
        ("levers", K.LEVERS, ""),
        ("cost levers", K.LEVERS, ""),
        ("the 8 cost levers", K.LEVERS, ""),
        ("which cost levers apply?", K.LEVERS, ""),
        ("contracts", K.CONTRACTS, ""),
        ("cross-functional contracts", K.CONTRACTS, ""),
        ("dashboard", K.DASHBOARD, ""),
        ("executive cost dashboard", K.DASHBOARD, ""),
        ("governance", K.GOVERNANCE, ""),
        ("what governance do we need", K.GOVERNANCE, ""),
        ("templates", K.TEMPLATES, ""),
        ("answer templates", K.TEMPLATES, ""),
        # prioritize: the names as typed, articles included
        (
            "prioritize search revamp; support bot; eval harness",
            K.PRIORITIZE,
            "search revamp; support bot; eval harness",
        ),
        ("Prioritise: a; b", K.PRIORITIZE, "a; b"),
        ("help me prioritize A/B platform, the bot", K.PRIORITIZE, "A/B platform, the bot"),
        ("prioritize", K.PRIORITIZE, ""),
        # learn this now?
        ("learn mixture of experts", K.LEARN, "mixture of experts"),
        ("Should I learn RAG evaluation now?", K.LEARN, "RAG evaluation"),
        ("should I learn this now: DSPy", K.LEARN, "DSPy"),
        ("learn about A/B testing", K.LEARN, "A/B testing"),
        ("learn snow", K.LEARN, "snow"),
        ("learn", K.LEARN, ""),
        # self-assessment, status
        ("assess", K.ASSESS, ""),
        ("please assess me", K.ASSESS, ""),
        ("Self-Assessment", K.ASSESS, ""),
        ("status", K.STATUS, ""),
        ("where were we?", K.STATUS, ""),
        # not understood
        ("hello", K.UNKNOWN, ""),
        ("what's for lunch <@U0BOT>", K.UNKNOWN, ""),
        ("learning is fun", K.UNKNOWN, ""),
        ("costly mistakes", K.UNKNOWN, ""),
        ("teammate birthday", K.UNKNOWN, ""),
    ],
)
def test_parse_intent(text: str, kind: Kind, argument: str) -> None:
    intent = parse_intent(text)
    assert (intent.kind, intent.argument) == (kind, argument)


@pytest.mark.parametrize(
    ("raw", "tidied"),
    [
        ("<@U0BOT>  rollout ", "rollout"),
        ("<@U0BOT|tradeoffs> help", "help"),
        ("rollout <@W0ABC>", "rollout"),
        ("learn R&amp;D &lt;fast&gt;", "learn R&D <fast>"),
        ("see <https://example.com|the doc> and <#C0123|general>", "see the doc and general"),
        (", : rollout?!", "rollout"),
        ("a\n\tb", "a b"),
    ],
)
def test_tidy(raw: str, tidied: str) -> None:
    assert tidy(raw) == tidied


def test_whole_request_is_kept_tidied() -> None:
    assert parse_intent("<@U0BOT>  Rollout   plan?").text == "Rollout plan"
