"""Help for mentions and DMs: what the bot can do, with examples that work as typed.

``{at}`` is how a request starts where it is typed: ``@Tradeoffs `` in a channel or thread,
nothing in a DM with the bot.
"""

from __future__ import annotations

MENTION_AT = "@Tradeoffs "
DM_AT = ""

HELP_TITLE = "What I can do"
HELP_INTRO = (
    "Ask me in a channel or thread with a mention and I answer in the thread; "
    "in a DM with me, just type the request."
)

# (section title, lines); each line is one working example and what it does.
HELP_SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "Decide and estimate",
        (
            "`{at}build or buy support-ticket triage`: walk the build / buy / fine-tune "
            "decision tree here, with buttons",
            "`{at}cost model=gpt-4o in=2000 out=500 qps=3`: $ per call and per month, the "
            "levers that apply, self-host break-even (same arguments as `/llmcost`)",
            "`{at}prioritize search revamp; support bot; eval harness`: score each on Value, "
            "Confidence, Leverage, Reversibility, Capacity and get a ranking",
        ),
    ),
    (
        "Frameworks",
        (
            "`{at}rollout`: phases, exit criteria, durations",
            "`{at}team shape`: team shapes, roles, the mid-stage default",
            "`{at}levers`: the 8 cost levers with their typical impact",
            "`{at}contracts` · `{at}dashboard` · `{at}governance` · `{at}templates`",
        ),
    ),
    (
        "Grow as a leader",
        (
            "`{at}learn mixture of experts`: should I learn this now? (three filters "
            "-> a learning plan)",
            "`{at}assess`: rate yourself on the five domains; get your weakest and what to work on",
            "`{at}rubric senior`: the hiring rubric for a level",
        ),
    ),
)
HELP_MORE = (
    "Slash commands (not in threads): `/buildvsbuy [topic]`, `/llmcost help`, `/rubric help`. "
    "DM me `prep` to practise an interview. In a thread, `{at}status` shows where its "
    "conversation is. My App Home tab has buttons for all of this."
)

UNKNOWN = (
    "I didn't catch that. Try `{at}build or buy &lt;topic&gt;`, `{at}cost model=gpt-4o in=2000 "
    "out=500 qps=3`, `{at}rollout`, `{at}prioritize a; b` or `{at}learn &lt;topic&gt;`, "
    "or `{at}help` for everything."
)

PREP_SENT = ":envelope: I've answered in our DM: interview prep happens there."


def help_lines(at: str) -> list[tuple[str, str]]:
    """(section title, its lines joined) with ``at`` filled in."""
    return [
        (title, "\n".join(f"• {line.format(at=at)}" for line in lines))
        for title, lines in HELP_SECTIONS
    ]


def fallback_text(at: str) -> str:
    """All of the help as plain text (notification fallback)."""
    parts = [HELP_INTRO] + [f"{t}:\n{body}" for t, body in help_lines(at)]
    return "\n".join([*parts, HELP_MORE.format(at=at)])
