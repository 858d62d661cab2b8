"""Spend: forecasts, the executive dashboard, budget alerts, the weekly digest, usage tokens
and the words of POST /usage's per-record errors."""

from __future__ import annotations

# -- POST /usage and the forms: problems, keyed by UsageError.code -------------------------
ERRORS = {
    "not_utf8": "The body is not UTF-8 text.",
    "empty_body": "The body is empty: send JSON lines or a JSON array of usage records.",
    "bad_array": "The body starts with [ but is not a JSON array (line {line}).",
    "bad_json": "This line is not JSON.",
    "not_object": "A record must be a JSON object.",
    "missing": "`{field}` is missing.",
    "bad_name": "`{field}` must be lower-case letters, digits, . _ or - (up to 48), not `{value}`.",
    "bad_text": "`{field}` must be a string of at most {limit} characters without `|`.",
    "bad_count": "`{field}` must be a whole number from 0 to {limit}.",
    "cached_over_input": "Cached input tokens ({cached}) can't exceed input tokens ({input}).",
    "bad_batch": "`batch` must be true or false.",
    "bad_timestamp": "`timestamp` must be ISO 8601 (2026-12-01T09:30:00Z) or Unix seconds.",
    "future_timestamp": "`timestamp` is more than a day in the future.",
    "unknown_model": "genai-prices has no model `{model}`{closest_hint}.",
    "unpriced": "genai-prices can't price `{model}` for these tokens.",
    "too_many": "At most {limit} records a request; split the body.",
    "bad_budget": "The budget must be dollars a month, e.g. 1500 (not `{value}`).",
    "no_channel": "Pick a channel.",
}


def derived(code: str, details: dict) -> dict:
    closest = details.get("closest") or ()
    hint = f" (closest: {', '.join(f'`{c}`' for c in closest)})" if closest else ""
    return {"closest_hint": hint}


HTTP = {
    "unauthorized": "Send Authorization: Bearer <your usage token>.",
    "no_token_set": "Usage ingest is off: set USAGE_TOKEN (one workspace) or create a token in App Home.",
    "too_large": "The body is over {limit} bytes; send smaller batches.",
    "unavailable": "The state store is unavailable; nothing was counted. Retry shortly.",
    "method": "Use {method} here.",
    "no_forecast": "No forecast named `{feature}`: save one from an /llmcost answer.",
    "bad_feature": "Not a feature name.",
}

# -- dashboard (App Home) ------------------------------------------------------------------
DASHBOARD_TITLE = "Spend this month"
DASHBOARD_INTRO = "{month}, from `POST /usage` records priced with {source}, against the forecasts."
DASHBOARD_EMPTY = (
    "_No usage this month yet. Send records to `POST /usage` (see the README's *Spend* "
    "section), and save forecasts from `/llmcost` answers._"
)
DASHBOARD_UNAVAILABLE = "_Spend figures can't be read right now; try again in a minute._"
PANELS = {
    "overview": "Overview",
    "features": "By feature",
    "teams": "By team",
    "tiers": "By model tier",
}
TOKEN_BUTTON = "Create usage token"
TOKEN_TITLE = "Usage token"
TOKEN_SINGLE = (
    "_`POST /usage` takes the `USAGE_TOKEN` setting or the token *Create usage token* makes._"
)
TOKEN_HINT = "_`POST /usage` takes the token *Create usage token* makes (shown once)._"
TOKEN_NOT_YOURS = (
    "<@{owner}> created this workspace's usage token; only they can replace it (a new token "
    "stops the old one, and the applications sending usage with it)."
)
TOKEN_SHOWN = (
    "*Your workspace's usage token* (shown once: only its hash is kept; an earlier token "
    "stops working):\n```{token}```\nSend it as `Authorization: Bearer &lt;token&gt;` "
    "to `POST /usage` and `GET /budget/&lt;feature&gt;`."
)
DIGEST_BUTTON = "Weekly digest…"

OVERVIEW_HEADER = ("Measure", "This month", "Forecast")
OV_SPENT = "$ this month"
OV_VS = "$ vs forecast"
OV_PER_USER = "$ per active user"
OV_USERS = "Active users"
OV_CACHE = "Cache hit rate (input tokens)"
OV_OUTPUT = "Average output tokens per call"
OV_BATCH = "Calls on a Batch API"
OV_CALLS = "Calls"
FEATURES_HEADER = ("Feature", "Team", "$ this month", "Forecast", "Budget", "% of budget")
TEAMS_HEADER = ("Team", "$ this month", "Share")
TIERS_HEADER = ("Model tier", "Input tokens", "Output tokens", "Share of tokens")
TIER_NAMES = {
    "small": "Small (< $0.50 / 1M input)",
    "mid": "Mid ($0.50-2 / 1M input)",
    "frontier": "Frontier (≥ $2 / 1M input)",
}
NO_TEAM = "(no team)"
NOT_APPLICABLE = "–"

# -- forecasts -----------------------------------------------------------------------------
SAVE_BUTTON = "Save as forecast"
FORM_TITLE = "Save as forecast"
FORM_SUBMIT = "Save"
FORM_CLOSE = "Cancel"
FORM_INTRO = "*{model}* · estimated *{estimate}* a month. Usage records name the feature."
FEATURE_LABEL = "Feature name"
FEATURE_HINT = "As your application sends it in `feature`, e.g. support-triage."
TEAM_LABEL = "Owning team"
TEAM_HINT = "e.g. platform, support-eng."
CHANNEL_LABEL = "Channel for budget alerts"
BUDGET_LABEL = "Monthly budget ($)"
BUDGET_HINT = "Alerts at 75% and 100%; GET /budget/<feature> answers over: true from 100%."
SAVED = (
    ":white_check_mark: Forecast *{feature}* saved: {estimate} a month estimated, budget "
    "{budget}, alerts in <#{channel}>, owned by {team}."
)
FORM_FAILED = "The forecast form didn't open; try the button again."
BAD_VALUE = "That button is from an answer I can't read any more; run `/llmcost` again."
FORECASTS_TITLE = "Forecasts"
FORECASTS_HEADER = ("Feature", "Team", "Model", "Forecast", "Budget", "$ this month", "Alerts")
FORECASTS_EMPTY = (
    "No forecasts yet. Run `/llmcost model=gpt-4o in=2000 out=500 qps=3` and press "
    "*Save as forecast*."
)
FORECASTS_FALLBACK = "{count} forecasts"

# -- alerts --------------------------------------------------------------------------------
ALERT_75 = (
    ":warning: *{feature}* has used *{pct}* of its {budget} budget for {month}: {spent} so far "
    "(forecast {estimate}). Owner: {team}."
)
ALERT_100 = (
    ":rotating_light: *{feature}* reached *{pct}* of its {budget} budget for {month}: {spent} "
    "so far. `GET /budget/{feature}` now answers `\"over\": true`: applications using it as "
    "their kill switch stop here. Owner: {team}."
)
LEVERS_TITLE = "*Levers that apply to this workload* (from its /llmcost estimate):"
LEVER = "• *{name}*: could save {low}-{high} a month"
NO_LEVERS = "_The forecast was saved without an estimate's levers; run `/llmcost` on it._"
OBSERVED = (
    "This month: cache hit rate {cache}, {batch} of calls on a Batch API, {output} output "
    "tokens a call."
)

# -- weekly digest -------------------------------------------------------------------------
DIGEST_FORM_TITLE = "Weekly spend digest"
DIGEST_CHANNEL = "Channel"
DIGEST_ON = "Post the digest here every Monday"
DIGEST_OFF = "Stop the digest here"
DIGEST_CHOICE = "Digest"
DIGEST_TITLE = "Weekly LLM spend, week to {ending}"
DIGEST_HEADER = ("Feature", "This week", "Week before", "Change")
DIGEST_EMPTY = "No LLM usage in the last two weeks."
DIGEST_FALLBACK = "Weekly LLM spend to {ending}: {total}"
DIGEST_STARTED = ":calendar: The weekly spend digest will be posted in <#{channel}> on Mondays."
DIGEST_STOPPED = "The weekly spend digest in <#{channel}> is stopped."
NEW = "new"
PACE = "{pace} at this pace"
DIGEST_FAILED = "I couldn't schedule it there: invite me to the channel, then try again."
LIST_WORD = "forecasts"  # /llmcost forecasts
