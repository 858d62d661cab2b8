"""Self-assessment across the five domains: the words around the map's content."""

from __future__ import annotations

TITLE = "Self-assessment: {number} of {total}"
INTRO = "Rate where you are today on each domain, 1 to 5. Honest beats flattering."
DOMAIN = "*{number}. {name}* _({tagline})_\n*Core question:* {core_question}"
CAPABILITIES = "*Key capabilities*\n{lines}"
BULLET = "• {text}"
SCALE_BUTTON = "{score} · {label}"
SO_FAR = "So far: {scores}"
SCORED = "{name} {score}"
FALLBACK_STEP = "Self-assessment {number}/{total}: {name}. {core_question}"

RESULT_TITLE = "Your self-assessment"
SCORE_LINE = "`{bar}` {score} · {name}"
WEAKEST = "*Weakest: {name}* ({score}/{high}){tied}\n*Core question:* {core_question}"
TIED = "; tied with {names}"
WORK_ON = "*Capabilities to work on*\n{lines}"
RHYTHM = "*Keep a synthesis rhythm*\n{lines}"
RHYTHM_LINE = "• *{cadence}:* {practice}"
STRONGEST = (
    "Strongest: {name}. Next: pick one capability above and ask `{at}learn &lt;capability&gt;`."
)
FALLBACK_RESULT = "Self-assessment: weakest domain {name} ({score}/{high})."

ERRORS = {
    "bad_score": "Scores go from {low} to {high}; use the buttons.",
    "already_done": "This assessment is complete; start another with `{at}assess`.",
}
EXPIRED = "This self-assessment has expired. Start again with `{at}assess`."
NOT_YOURS = (
    ":lock: This self-assessment belongs to <@{owner}>. Start yours with `@Tradeoffs assess`."
)
