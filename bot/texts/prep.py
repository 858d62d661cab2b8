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
    "Shortcuts: `practice senior`, `practice senior rag evals`, `kit staff`, "
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
    "in one message, as you would in the interview. Then you see the bar and the signals next "
    "to your answer and rate yourself. `skip`, `stop` and `restart` work at any point."
)
AREA_HEADING = "*Area {number} of {total}: {name}*"
PROBE = ":speech_balloon: *Probe:* {probe}"
ANSWER_HINT = "Answer in one message here. `skip` · `stop` · `restart`"
YOUR_ANSWER = "*Your answer*"
RATE_HINT = "Optional: type what you missed first. Then rate yourself against the bar."
NOTED = ":memo: Noted for *{name}*. Rate with the buttons above when you're ready."
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
    ":dart: Aim for the {bar_name}: {bar}\n"
    ":large_green_circle: Show: {green}\n"
    ":red_circle: Avoid: {red}"
)
YOUR_NOTE = ":memo: You noted: {note}"
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
SUMMARY_NOTE = "\n> {note}"
PASTE_HINT = "Ready to paste into the debrief."

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
ERRORS = {"bad_payload": BAD_PAYLOAD, "expired": EXPIRED, "stale": STALE, "not_yours": NOT_YOURS}
