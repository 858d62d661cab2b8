"""The App Home tab's words."""

from __future__ import annotations

TITLE = "Tradeoffs"
INTRO = (
    "Make AI decisions where your team already talks: build or buy, what it costs, who to "
    "hire, what to learn next."
)
START_BVB = "Build or buy?"
START_COST = "Estimate LLM cost"
START_PREP = "Interview prep"
START_LEARN = "Should I learn this now?"
START_ASSESS = "Self-assessment"
ANYWHERE = "Or mention me in any thread: `@Tradeoffs help` lists everything I can do there."

DECISIONS_TITLE = "Recent decisions"
MINE = "*Yours*"
WORKSPACE = "*Across the workspace*"
DECISION = "• {number} *{title}*: {topic} · _{when}_"
NUMBER = "ADR {number:04d}"
LINKED = "<{link}|{number}>"
SUPERSEDES = " · replaces {records}"
SUPERSEDED_HIDDEN = (
    "Only current decisions are listed: {n} superseded by a later record are not shown "
    "(their threads say which record replaced them)."
)
NO_DECISIONS = (
    "_None yet: press *Build or buy?* above, or run `/buildvsbuy &lt;topic&gt;` in a channel._"
)
DECISIONS_UNAVAILABLE = "_Decision records can't be read right now; try again in a minute._"

REFERENCE_TITLE = "Reference"
LEVELS = "*Levels*\n{lines}"
LEVEL = "• *{label}* · {years} yrs: {headline}"
LEVERS = "*The 8 cost levers* (typical impact)\n{lines}"
PHASES = "*Rollout phases*\n{phases}\n_Anti-pattern: {anti_pattern}_"
PHASE = "{name} ({duration})"
MORE = "More in any thread: `@Tradeoffs rollout` · `team shape` · `levers` · `prioritize a; b`"
