"""Every word interview prep shows in DMs: menu, practice, kit, scorecard, resume, errors."""

from __future__ import annotations

from bot.texts import common

# --- menu ---------------------------------------------------------------------------------
MENU = "*Interview prep.* What would you like to do?"
MENU_FALLBACK = (
    "Interview prep: practise as a candidate, get an interviewer kit, or keep a scorecard."
)
MENU_BUTTONS = {
    "practice": "Practise as a candidate",
    "kit": "Interviewer kit",
    "scorecard": "Scorecard",
}
MENU_HINT = (
    "Shortcuts: `practice senior`, `practice senior rag evals`, `kit staff`, `kit lead 45`, "
    "`scorecard senior Jane Doe`. In a session: `skip`, `stop`, `restart`."
)
CHOOSE_LEVEL = {
    "practice": "*Practise as a candidate.* Which level are you preparing for?",
    "kit": "*Interviewer kit.* Which level are you interviewing for?",
    "scorecard": "*Scorecard.* Which level is the candidate interviewing for?",
}
EXAMPLES = {
    "practice": "practice senior",
    "kit": "kit senior",
    "scorecard": "scorecard senior Jane Doe",
}

# --- practice -----------------------------------------------------------------------------
PRACTICE_INTRO = (
    ":dart: *Practice: {label}*, {total} area{plural}. I ask one probe at a time; answer here "
    "in one message, as you would in the interview. Then you see the level's expectations next "
    "to your answer: tick what you covered, and I suggest a rating from your ticks (yours to "
    "override). Every answer and note is on the scorecard at the end. `skip`, `stop` and "
    "`restart` work at any point."
)
AREA_HEADING = "*Area {number} of {total}: {name}*"
PROBE = ":speech_balloon: *Probe:* {probe}"
ANSWER_HINT = "Answer in one message here. `skip` · `stop` · `restart`"
YOUR_ANSWER = "*Your answer*"
RATE_HINT = "Optional: type what you missed first. Then rate yourself against the bar."
NOTED = ":memo: Noted for *{name}*. Rate with the buttons above when you're ready."
CHECKLIST_TITLE = "*Tick what your answer showed* ({total} {level} expectations):"
TICK_FIRST = (
    ":ballot_box_with_check: Tick what your answer covered and I'll suggest a rating "
    "(Green from {green}% ticked, Mixed from {mixed}%)."
)
SUGGESTED = (
    ":bulb: Suggested from your ticks: *{rating}* ({ticked} of {total}; Green from {green}%, "
    "Mixed from {mixed}%). Rate below; another rating overrides it."
)
SUGGESTED_LABEL = "{rating} (suggested)"
TICKED = "Ticked {ticked} of {total}"
RATING_LABELS = {"green": "Green", "mixed": "Mixed", "red": "Red"}
RATING_EMOJI = {
    "green": ":large_green_circle:",
    "mixed": ":large_yellow_circle:",
    "red": ":red_circle:",
}
SKIP = "Skip"
STOP = "Stop"
RATED = "{emoji} Rated *{rating}*"
SKIPPED_MARK = ":fast_forward: Skipped"
STOPPED_MARK = ":octagonal_sign: Stopped"
UNRATED = ":white_circle:"
NOT_REACHED = "not reached"
SKIPPED_WORD = "skipped"

PRACTICE_DONE_TITLE = "Your practice scorecard: {label}"
PRACTICE_FALLBACK = "Your practice scorecard for {label}."
TALLY = "{green} Green · {mixed} Mixed · {red} Red · {unrated} not rated"
AREA_LINE = "{emoji} *{name}*: {rating}"
PRACTISE_NEXT = "*What to practise next*"
PRACTISE_ITEM = (
    "*{name}* ({rating}). Retry the probe: {probe}\n"
    "{expectations}\n"
    ":large_green_circle: Show: {green}\n"
    ":red_circle: Avoid: {red}"
)
YOUR_NOTE = ":memo: You noted: {note}"
YOUR_ANSWERS = "*Your answers and notes*"
NO_ANSWERS = "No answers typed."
ALL_GREEN = ":tada: All Green at {label}. Try the next level up: `practice {next_level}`."
ALL_GREEN_TOP = ":tada: All Green at {label}, the top level. Try the calibration questions below."
NOTHING_RATED = (
    "Nothing rated yet: answer a few probes, then rate yourself, to see what to practise."
)
TEMPLATES = "*Answer templates worth having ready*"
AGAIN = "DM me `prep` for another round, or `practice {level} {area}` to retry one area."

# --- scorecard ----------------------------------------------------------------------------
ASK_NAME = ":clipboard: *Scorecard: {label}.* Type the candidate's name."
SCORECARD_INTRO = (
    ":clipboard: *Scorecard for {candidate}: {label}*, {total} area{plural}. For each area, "
    "type a note if you like, then rate Green, Mixed or Red. `skip`, `stop` and `restart` "
    "work at any point."
)
KIT_HINT = (
    "Keep this open during the interview. Press Scorecard (or DM me "
    "`scorecard {level} Jane Doe`) to rate the candidate area by area."
)
SCORE_HINT = "Type a note first if you like (it goes with this area), then rate."
NOTED_SCORE = ":memo: Noted for *{name}*. Rate with the buttons above."
SUMMARY_TITLE = "Scorecard: {candidate} · {label}"
SUMMARY_FALLBACK = "Scorecard for {candidate}, {label}: {outcome}"
RECOMMENDATION = "*Recommendation: {outcome}*\n{tally} ({rated} of {total} areas rated)"
OUTCOMES = {
    "strong_hire": "Strong hire",
    "hire": "Hire",
    "no_hire": "No hire",
    "strong_no_hire": "Strong no hire",
}
NO_OUTCOME = "None yet"
NOT_ENOUGH = "Rate at least {min_rated} areas for a recommendation."
NO_RULE = "No recommendation rule is configured (knowledge/rubric.yaml `recommendation`)."
RULE_INTRO = "Rule, first match wins, counting rated areas only:"
RULE_PARTS = {"max_red": "at most {n} Red", "min_green": "at least {n} Green"}
NO_RED = "no Red"
OTHERWISE = "otherwise"
RULE_MIN = "Fewer than {n} rated areas: no recommendation."
RULE_CRITICAL = (
    "A Red in an area critical at {label} ({areas}) blocks Hire: the best it can get is {blocked}."
)
BLOCKED = (
    ":no_entry: Hire is blocked by a Red in {areas} (critical); the counts alone gave {by_counts}."
)
SUMMARY_NOTE = "\n> {note}"
PASTE_HINT = "Ready to paste into the debrief, share or export."
SHARED_BY = "Shared by <@{user}>."

# --- share and export ---------------------------------------------------------------------
SHARE = "Share…"
EXPORT = "Export Markdown"
SHARE_TITLE = "Share the scorecard"
SHARE_SUBMIT = "Share"
SHARE_CLOSE = "Cancel"
SHARE_INTRO = "Post *{title}* to a channel I'm in, or send it to a person (in their DM with me)."
SHARE_CHANNEL = "Channel"
SHARE_PERSON = "Person"
SHARE_CHANNEL_PLACEHOLDER = "Pick a channel"
SHARE_PERSON_PLACEHOLDER = "Pick a person"
SHARE_PICK_ONE = "Pick a channel or a person."
SHARE_BOTH = "Pick a channel or a person, not both."
SHARE_NOT_IN_CHANNEL = (
    "I'm not in that channel: invite me with /invite @Tradeoffs, or pick another."
)
SHARE_FAILED = "Slack didn't take the post. Try again, or pick another place."
SHARE_GONE = "This scorecard is no longer stored. DM me `prep` to start a new one."
SHARED_CHANNEL = ":outbox_tray: Shared the scorecard in <#{channel}>."
SHARED_PERSON = ":outbox_tray: Sent the scorecard to <@{user}>."
EXPORTED = ":page_facing_up: The scorecard as Markdown, to keep or paste anywhere."
EXPORT_FAILED = ":warning: I couldn't upload the Markdown file. Try again in a moment."
MD_SCORECARD_TITLE = "Scorecard: {candidate} · {label}"
MD_PRACTICE_TITLE = "Practice scorecard: {label}"
MD_AREAS = "## Areas"
MD_AREA = "### {name}: {rating}"
MD_TICKED = "Expectations ticked: {ticked} of {total}"
MD_ANSWER = "Answer:"
MD_NOTE = "Note:"

# --- the interviewer kit ------------------------------------------------------------------
KIT_PARTS = {
    "opening": "Opening: introductions, the role, how the interview runs",
    "calibration": "Calibration questions",
    "closing": "Close: the candidate's questions",
}
KIT_PLAN_TITLE = "*Timed plan: {minutes} minutes*"
KIT_PLAN_LINE = "• `{start}–{end}` {name} ({minutes} min){critical}"
KIT_PLAN_TOTAL = "*Total: {total} min*"
CRITICAL_MARK = " :warning:"
KIT_AREA_TITLE = "*{number}. {name}* · {minutes} min{critical}"
KIT_PROBE_TITLE = "*{level}: {name}* · {minutes} min"
KIT_FOLLOW_UPS = ":leftwards_arrow_with_hook: *Follow-ups:* 1) {first} 2) {second}"
KIT_STRONG = (
    ":white_check_mark: *A strong {level} answer holds:*\n{expectations}\n"
    ":large_green_circle: *Green:* {green}"
)
KIT_STRONG_ITEMS = ":white_check_mark: *A strong {level} answer holds:* {items}"
KIT_RED_FLAGS = ":triangular_flag_on_post: *Red flags:* {flags}"
KIT_CALIBRATION = "*Calibration questions* · {minutes} min"
KIT_CRITICAL = "{mark} Critical at this level: {areas}. A Red in one of them blocks Hire."
KIT_SOURCE = (
    "Probes, bars, green and red signals: the lead frameworks. Follow-ups, the other red flags, "
    "timings, what Staff and Lead / Principal add and the strategy probes: written for Tradeoffs."
)
KIT_LENGTH = "{minutes}-minute plan"

# --- sessions -----------------------------------------------------------------------------
RESUME = ":leftwards_arrow_with_hook: You were on area {number} of {total} for {level} ({what}); continue?"
RESUME_NAME = ":leftwards_arrow_with_hook: You were starting a scorecard for {level}; continue?"
WHAT = {"practice": "practice", "scorecard": "scorecard for {candidate}"}
CONTINUE = "Continue"
START_OVER = "Start over"
CONTINUING = "Continuing where you stopped."
STARTED_OVER = "Your unfinished session is cleared."
RESTARTED = ":arrows_counterclockwise: Starting over from area 1."
STOPPED = ":octagonal_sign: Stopped. Here is where you got to."
STOPPED_EMPTY = ":octagonal_sign: Stopped. DM me `prep` whenever you want to start again."
NO_SESSION = "There's no prep session running. DM me `prep` to start one."
EXPIRED = ":hourglass: This prep session has ended or expired. DM me `prep` to start a new one."
STALE = common.STALE
NOT_YOURS = common.NOT_YOURS
BAD_PAYLOAD = common.BAD_PAYLOAD
REPLACED = "(It replaces your unfinished session.)"
CHOSEN = "{what}: *{label}*"

# Problems, keyed by CodedError codes (bot/errors.py)
ERRORS = {
    "bad_payload": BAD_PAYLOAD,
    "expired": EXPIRED,
    "stale": STALE,
    "not_yours": NOT_YOURS,
    "unknown_length": (
        ":warning: The kit has {choices}-minute plans, not {minutes}. Try `kit senior {first}`."
    ),
}


def derived(code: str, details: dict[str, object]) -> dict[str, object]:
    """The kit lengths as words (``bot.texts.errors.describe`` calls this)."""
    choices = details.get("choices")
    if not isinstance(choices, tuple) or not choices:
        return {}
    return {"choices": " and ".join(str(c) for c in choices), "first": choices[0]}

# the candidate scorecard as a table: one row per area
T_AREA, T_RATING, T_NOTES = "Area", "Rating", "Interviewer's notes"
T_NO_NOTE = "no note"
