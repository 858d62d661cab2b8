"""Every word ``/rubric`` shows (the rubric's own content comes from knowledge/rubric.yaml)."""

from __future__ import annotations

EXAMPLE = "/rubric senior"
EXAMPLE_AREA = "/rubric senior rag"
TYPED_LIMIT = 40

HELP = """\
*`/rubric`: the AI engineering hiring rubric for a level*
• `/rubric senior`: years, scope and headline for the level; for each of the 8 areas the probe, \
the bar for that level and the green and red signals; then calibration questions and \
candidate anti-patterns.
• `/rubric senior rag`: just one area (a name or a clear abbreviation: `rag`, `evals`, `bvb`, \
`comms`, `mlops`).
• `/rubric`: pick a level with a button.
*Levels:* `mid` (L4), `senior` (L5), `staff` (L6), `lead` (L7, also `principal`).
Only you see the answer. DM me `prep` to practise an interview, get an interviewer kit or keep \
a scorecard."""

CHOOSE_LEVEL = (
    "*Which level?* Pick one, or type `/rubric senior` (`/rubric senior rag` for one area)."
)
CHOOSE_FALLBACK = "Pick a level for the hiring rubric."

TITLE = "Hiring rubric: {label}"
KIT_TITLE = "Interviewer kit: {label}"
LEVEL_LINE = "*Years:* {years}   *Scope:* {scope}\n*Headline:* {headline}"
AREA_TITLE = "*{number}. {name}*"
AREA_LINES = (
    ":speech_balloon: *Probe:* {probe}\n"
    ":dart: *{bar_name}:* {bar}\n"
    ":large_green_circle: *Green:* {green}\n"
    ":red_circle: *Red:* {red}"
)
OTHER_BAR = "For comparison, the {bar_name}: {bar}"
BAR_NAMES = {"mid": "Mid bar", "senior_lead": "Senior / Lead bar"}
CALIBRATION = "*Calibration questions*"
ANTI_PATTERNS = "*Candidate anti-patterns*"
ONLY_YOU = "Only you can see this."  # before FOOTER where that is true: not in a thread
FOOTER = "`/rubric {level} rag` narrows to one area; `/rubric help` for more."
AREA_FOOTER = "`/rubric {level}` shows all 8 areas."
FALLBACK = "Hiring rubric for {label}: {areas} areas with probes, bars and signals."

ERRORS = {
    "unknown_level": "I don't know the level `{typed}`. Levels: {choices}.",
    "missing_level": "Say which level, e.g. `senior`. Levels: {choices}.",
    "unknown_area": "I don't know the area `{typed}`. Areas: {choices}.",
    "ambiguous_area": "`{typed}` could mean several areas: {choices}. Type more of the name.",
}
FRAMES = {"mrkdwn": ":warning: {problem} Try `{example}`."}


def derived(code: str, details: dict[str, object]) -> dict[str, object]:
    """The choices as one list, and the example for the code when none was given
    (``bot.texts.errors.describe`` calls this)."""
    choices = details.get("choices") or ()
    code_example = EXAMPLE if code in ("unknown_level", "missing_level") else EXAMPLE_AREA
    return {
        "choices": ", ".join(str(c) for c in choices) if isinstance(choices, tuple) else choices,
        "example": details.get("example") or code_example,
    }
