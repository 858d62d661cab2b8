"""Prioritizing initiatives: the scoring flow and the ranking."""

from __future__ import annotations

TITLE = "Prioritizing {count} initiatives"
QUESTION = "*{initiative}* ({index} of {count})\n*{dimension}:* {question}"
PROGRESS = "Step {step} of {total} · anyone here can score · {low} = low, {high} = high"
SO_FAR = "{initiative} so far: {scores}"
SCORED = "{name} {score}"
FALLBACK_STEP = "Prioritizing: {initiative}, {dimension} ({step}/{total})"

RESULT_TITLE = "Ranking"
RANKED = "*{rank}. {name}*: *{total}* of {max_total}\n{scores}"
FLAG = ":warning: {dimension} {score}: {note}"
FIRST_WIN = ":rocket: *Ship first:* {name}: the best-ranked initiative with {minimums}."
NO_FIRST_WIN = (
    ":mag: *No initiative has {minimums} yet.* Raise confidence on *{name}* first "
    "(a Spike or PoC), before a bigger swing."
)
MINIMUM = "{name} at least {minimum}"
DEFAULT = ":dart: *Default:* {text}"
RULE = "Rule: score = {terms} ({low}-{high} each, max {max_total}); ties go to higher {ties}."
RULE_NO_TIES = "Rule: score = {terms} ({low}-{high} each, max {max_total})."
WEIGHTED = "{weight}×{name}"
FALLBACK_RESULT = "Ranking: {names}"

ERRORS = {
    "none": (
        "Name two or more initiatives separated by `;`, e.g. "
        "`{at}prioritize search revamp; support bot; eval harness`"
    ),
    "too_few": (
        "I need at least two initiatives to rank, separated by `;`, e.g. "
        "`{at}prioritize search revamp; support bot; eval harness`"
    ),
    "too_many": "That's {count} initiatives; I rank up to {limit} at a time.",
    "too_long": "Keep each name under {limit} characters (“{name}” is longer).",
    "duplicate": "“{name}” is named twice; give each initiative once.",
    "bad_score": "Scores go from {low} to {high}; use the buttons.",
    "already_done": "This ranking is complete; start another with `{at}prioritize a; b`.",
}
EXPIRED = "This ranking has expired. Start again with `{at}prioritize a; b; c`."
