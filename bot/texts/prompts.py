"""Suggested prompts pinned to the top of the bot's Messages tab (at most four). Each
``message`` is sent as the person's DM line when they pick it, so it must be a request the DM
understands as typed (tests/scenario/home/test_suggested_prompts.py sends every one)."""

from __future__ import annotations

TITLE = "Try one of these"

PROMPTS: tuple[dict[str, str], ...] = (
    {
        "title": "Estimate a workload's LLM cost",
        "message": "cost model=gpt-4o in=2000 out=500 qps=3",
    },
    {
        "title": "Build or buy for a topic",
        "message": "build or buy support-ticket triage",
    },
    {
        "title": "Practise an AI engineering interview",
        "message": "prep",
    },
    {
        "title": "The hiring rubric at Staff level",
        "message": "rubric staff",
    },
)
