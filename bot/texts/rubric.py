"""Every word ``/rubric`` shows (the rubric's own content comes from knowledge/rubric.yaml)."""

from __future__ import annotations

EXAMPLE = "/rubric senior"
EXAMPLE_AREA = "/rubric senior rag"
EXAMPLE_ACROSS = "/rubric rag"
TYPED_LIMIT = 40

HELP = """\
*`/rubric`: the AI engineering hiring rubric for a level*
• `/rubric senior`: years, scope and headline for the level; for each of the 8 areas the probe, \
the bar for that level and the green and red signals; then calibration questions and \
candidate anti-patterns.
• `/rubric senior rag`: just one area (a name or a clear abbreviation: `rag`, `evals`, `bvb`, \
`comms`, `mlops`).
• `/rubric rag`: one area across the four levels, side by side.
• `/rubric`: pick a level with a button.
Bars, probes and signals are the lead frameworks'; what Staff and Lead / Principal add on top \
of the Senior / Lead bar was written for Tradeoffs.
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
    "{expectations}\n"
    ":large_green_circle: *Green:* {green}\n"
    ":red_circle: *Red:* {red}"
)
BAR_LINE = ":dart: *{bar_name}:* {bar}"
OTHER_BAR = "For comparison, the {bar_name}: {bar}"
BAR_NAMES = {"mid": "Mid bar", "senior_lead": "Senior / Lead bar"}
TIER_NAMES = {"staff": "Staff", "lead": "Lead / Principal"}
ADDS_LINE = ":heavy_plus_sign: *{tier} adds:* {items}"
ADDS_JOIN = "; "
SOURCE_NOTE = (
    "Probes, bars and signals: the lead frameworks. What Staff and Lead / Principal add: "
    "written for Tradeoffs."
)
PROBES_TITLE = "*{label} also: strategy and organization*"
PROBE_LINE = "• *{name}:* {probe}"
ACROSS_TITLE = "Hiring rubric: {name} across the levels"
ACROSS_SHARED = (
    ":speech_balloon: *Probe:* {probe}\n"
    ":large_green_circle: *Green:* {green}\n"
    ":red_circle: *Red:* {red}"
)
ACROSS_LEVEL = "*{label}* ({years} years)\n:dart: *{bar_name}:* {bar}"
ACROSS_FOOTER = "`/rubric senior {area}` shows one level with its calibration questions."
ACROSS_FALLBACK = "Hiring rubric: {name} at every level."
CALIBRATION = "*Calibration questions*"
ANTI_PATTERNS = "*Candidate anti-patterns*"
ONLY_YOU = "Only you can see this."  # before FOOTER where that is true: not in a thread
FOOTER = "`/rubric {level} rag` narrows to one area; `/rubric help` for more."
AREA_FOOTER = "`/rubric {level}` shows all 8 areas; `/rubric {area}` this area at every level."
FALLBACK = "Hiring rubric for {label}: {areas} areas with probes, bars and signals."

ERRORS = {
    "unknown_level": "I don't know the level `{typed}`. Levels: {choices}.",
    "missing_level": "Say which level, e.g. `senior`. Levels: {choices}.",
    "unknown_area": "I don't know the area `{typed}`. Areas: {choices}.",
    "ambiguous_area": "`{typed}` could mean several areas: {choices}. Type more of the name.",
    "unknown_word": "I don't know the level or area `{typed}`. Levels: {choices}. Areas: {areas}.",
}
FRAMES = {"mrkdwn": ":warning: {problem} Try `{example}`."}


def derived(code: str, details: dict[str, object]) -> dict[str, object]:
    """The choices as one list, and the example for the code when none was given
    (``bot.texts.errors.describe`` calls this)."""
    code_example = {
        "unknown_level": EXAMPLE,
        "missing_level": EXAMPLE,
        "unknown_word": EXAMPLE_ACROSS,
    }.get(code, EXAMPLE_AREA)
    return {
        "choices": _listed(details.get("choices")),
        "areas": _listed(details.get("areas")),
        "example": details.get("example") or code_example,
    }


def _listed(items: object) -> object:
    return ", ".join(str(i) for i in items) if isinstance(items, tuple) else items or ""

# /rubric <area> as a table: one row per level
T_LEVEL, T_YEARS, T_BAR, T_ADDS = "Level", "Years", "The bar", "What the level adds"
T_ADDS_ITEM = "{tier}: {items}"
T_NOTHING_ADDED = "the bar as written"
