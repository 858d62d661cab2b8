"""Every word /llmcost shows: help, error messages, notes and labels.

Error templates are keyed by the error's ``code`` (see bot/domain/cost/errors.py);
notes by the note codes the estimate carries (see bot/domain/cost/result.py).
"""

from __future__ import annotations

EXAMPLE = "model=gpt-4o in=2000 out=500 qps=3"

HELP = """\
*`/llmcost`: what an LLM workload costs, what would cut it, and when self-hosting pays*

*Try:* `/llmcost model=gpt-4o in=2000 out=500 qps=3`

*Workload* (keys in any order, any case):
• `model=` (or `m=`): a model genai-prices knows, e.g. `gpt-4o`, `claude-sonnet-4-5`, \
`gemini-2.5-flash`. Pin a provider with `provider:model`, e.g. `groq:llama-3.3-70b-versatile`.
• `in=` / `out=` (or `input=` / `output=`): tokens per call. `2k`, `1.5M` and `1,200` all work.
• Traffic, exactly one of: `qps=` (calls per second, average), `per_day=`, `per_month=`.
• `cached=`: how many of the `in` tokens are served from the prompt cache (part of `in`).
• `batch=yes`: price with the provider's Batch API rates.
• `compare=gpt-4o,claude-sonnet-4-5,gemini-2.5-flash`: rank several models on the same workload \
(`model=` may then be left out: the first one is the main model).

*Your own prices* (negotiated rates, or any model genai-prices lacks), $ per 1M tokens:
• `price_in=` and `price_out=` together, optional `price_cached=`.
  `/llmcost model=our-llama in=2000 out=500 qps=3 price_in=0.2 price_out=0.6`

*Self-host break-even* (defaults in brackets):
• `gpus=` [1], `gpu_hour=` $ per GPU-hour [$3.00], `ops=` $ per month of operations [$2,000], \
`tps=` tokens per second one GPU serves, input + output [2,500].
  `/llmcost model=claude-sonnet-4-5 in=6k cached=4k out=800 per_day=2M gpus=4 gpu_hour=2.5 ops=8k`

*You get:* $ per call (input, cached input, output; output's share of the bill), calls and $ \
per month (30-day month) and per year, the seed's verdict (under $20K a month stay on vendor \
APIs; $50K-$100K+ self-hosting deserves real math; between, case by case), the levers that apply \
with what each could save, and the self-host comparison: GPU cost, break-even QPS and whether \
the GPUs can carry the load.
Prices: genai-prices offline data (the version is shown with each answer), or your own.
*In CI:* `python -m bot estimate <same arguments>` prints the answer as text: exit code 0, or 1 \
with one `error:` line on stderr for bad input.
`/llmcost` with no arguments opens a form with the same fields."""

# -- errors ---------------------------------------------------------------------------------------

FRAMES = {  # every /llmcost error names the token, says what is wrong, and shows a working example
    "mrkdwn": ":warning: `{token}`: {problem}\nTry: `{example}`",
    "terminal": "error: `{token}`: {problem} Try: `{example}`",  # one line on stderr; exit 1
    "field": "{token}: {problem} Try: {example}",  # plain text under a form field
}

ERRORS: dict[str, str] = {
    "too_long": "that's {length:,} characters; keep it under {limit:,}.",
    "not_key_value": "I read arguments as `key=value` pairs, e.g. `in=2000`.",
    "unknown_key": "`{key}` is not an option I know.{hint} Send `/llmcost help` for the list.",
    "missing_value": "`{key}=` needs a value.",
    "duplicate_key": "`{key}` is given twice (first as `{first}`).",
    "not_a_number": "`{value}` is not a number I can read: use digits with an optional k, M or B "
    "(`2k`, `1.5M`, `1,200`).",
    "not_finite": "`{value}` is not a finite number.",
    "negative": "`{key}` can't be negative.",
    "not_positive": "`{key}` must be more than 0.",
    "not_whole": "`{key}` must be a whole number.",
    "too_large": "`{key}` is capped at {cap}; `{value}` looks like a typo.",
    "too_small": "`{key}` below {floor} is too small to price sensibly.",
    "bad_flag": "`{key}` takes yes or no.",
    "bad_model_name": "`{value}` doesn't look like a model name (letters, digits and `.-_:/@`, "
    "at most {limit} characters).",
    "empty_entry": "`compare=` has an empty entry; separate model names with single commas.",
    "too_many_models": "`compare=` takes at most {limit} models.",
    "missing_model": "I need a model: `model=` (or `compare=` with several).",
    "missing_tokens": "I need the tokens per call: `{key}=`.",
    "missing_volume": "I need the traffic: one of `qps=`, `per_day=` or `per_month=`.",
    "spaces": "`{key}` takes one value, without spaces.",
    "several_volumes": "give only one of `qps=`, `per_day=`, `per_month=` (you also gave "
    "`{first}`).",
    "cached_above_input": "`cached` ({cached:,}) is more than `in` ({input:,}); cached tokens are "
    "part of the input.",
    "price_pair": "custom prices need both `price_in=` and `price_out=` ($ per 1M tokens).",
    "price_cached_alone": "`price_cached=` goes with `price_in=` and `price_out=`.",
    "price_cached_above_input": "`price_cached` ({cached}) is above `price_in` ({input}); a cache "
    "read never costs more than fresh input.",
    "unknown_model": "{source} doesn't know `{model}`.{closest} Or give your own rates with "
    "`price_in=` and `price_out=`.",
    "no_price": "{source} has no {direction}-token price for `{model}`, so I can't price it "
    "honestly. Pick a text model or give `price_in=` and `price_out=`.",
    "over_context": "`in` ({input:,} tokens) is more than `{model}`'s context window of "
    "{window:,} input tokens.",
}
UNKNOWN_KEY_HINT = " Did you mean `{suggestion}`?"
CLOSEST_MODELS = " Closest known: {names}."
NO_CLOSE_MODEL = " Nothing close in its list."

# A working example per option, shown with each error about that option.
EXAMPLES: dict[str, str] = {
    "model": EXAMPLE,
    "in": EXAMPLE,
    "out": EXAMPLE,
    "cached": "model=gpt-4o in=2000 cached=1500 out=500 qps=3",
    "batch": "model=gpt-4o in=2000 out=500 per_day=500k batch=yes",
    "qps": EXAMPLE,
    "per_day": "model=gpt-4o in=2000 out=500 per_day=250k",
    "per_month": "model=gpt-4o in=2000 out=500 per_month=7.5M",
    "compare": "in=2000 out=500 qps=3 compare=gpt-4o,claude-sonnet-4-5,gemini-2.5-flash",
    "price_in": "model=our-llama in=2000 out=500 qps=3 price_in=0.2 price_out=0.6",
    "price_out": "model=our-llama in=2000 out=500 qps=3 price_in=0.2 price_out=0.6",
    "price_cached": "model=our-llama in=2000 cached=1500 out=500 qps=3 price_in=0.2 price_out=0.6 "
    "price_cached=0.05",
    "gpus": "model=gpt-4o in=2000 out=500 qps=3 gpus=2",
    "gpu_hour": "model=gpt-4o in=2000 out=500 qps=3 gpu_hour=2.5",
    "ops": "model=gpt-4o in=2000 out=500 qps=3 ops=5k",
    "tps": "model=gpt-4o in=2000 out=500 qps=3 tps=3000",
}


def derived(code: str, details: dict[str, object]) -> dict[str, object]:
    """The composed parts of an error's words: the example for its option, the key hint, the
    closest model names (``bot.texts.errors.describe`` calls this)."""
    option = str(details.get("option") or "")
    suggestion = details.get("suggestion")
    closest = details.get("closest") or ()
    names = ", ".join(f"`{name}`" for name in closest) if isinstance(closest, tuple) else ""
    return {
        "example": details.get("example") or EXAMPLES.get(option, EXAMPLE),
        "hint": UNKNOWN_KEY_HINT.format(suggestion=suggestion) if suggestion else "",
        "closest": CLOSEST_MODELS.format(names=names) if names else NO_CLOSE_MODEL,
    }

# -- notes attached to a priced model -------------------------------------------------------------

NOTES: dict[str, str] = {
    "batch_unavailable": "genai-prices has no batch price for this model: standard prices used.",
    "batch_custom": "Custom prices are used as given; no batch discount applied on top.",
    "no_cache_price": "No cached-input price for this model: cached tokens billed at the input "
    "price.",
    "custom_no_cache_price": "No `price_cached=` given: cached tokens billed at `price_in`.",
    "zero_price": "This model is priced at $0 here (e.g. included in a subscription).",
    "request_fee": "Includes a per-request fee.",
    "beyond_context_window": "The prompt is longer than the context window genai-prices lists "
    "for this model; priced at its long-prompt rate, which assumes the long-context option.",
}

CUSTOM_SOURCE = "custom prices (yours)"
NOTE = "Note: {note}"

# -- labels for the estimate --------------------------------------------------------------------

TITLE = "LLM cost: {model}"
WORKLOAD = "{input} in ({cached} cached) / {output} out tokens per call, {volume}{batch}"
WORKLOAD_NO_CACHE = "{input} in / {output} out tokens per call, {volume}{batch}"
BATCH_SUFFIX = ", Batch API prices"
VOLUME = {
    "qps": "{value} QPS",
    "per_day": "{value} calls a day",
    "per_month": "{value} calls a month",
}
PRICES = "Prices from {source}: {model_id} ({provider}), {rates}"
RATES = "{input} in / {cached} cached / {output} out per 1M tokens"
CUSTOM_PROVIDER = "your rates"
CUSTOM_ROW = "{model} at your rates"
PER_CALL = "Per call: {total} = {parts}; {share}"
PER_CALL_PARTS = "input {input} + cached input {cached} + output {output}"
PER_CALL_OTHER = " + fees {other}"
OUTPUT_SHARE = "output is {share} of the bill"
VOLUME_LINE = "Volume: {calls_month} calls a month ({qps} QPS average, 30-day month)"
PER_MONTH = "Per month: {month}    Per year: {year}"
VERDICT = "Verdict: {label}. {advice}"
COMPARE_HEAD = "Same workload on each model, cheapest first:"
COMPARE_ROW = "{rank}. {model}: {month}/month ({call} a call){delta}"
COMPARE_DELTA = ", {amount}/month vs {primary}"
COMPARE_PRIMARY = " (main model)"
LEVERS_HEAD = "Levers that apply, ranked by what they could save on {month}/month:"
LEVER_ROW = "{rank}. {name} ({effort}, typically {low}-{high}): {savings}. {why}"
SAVE_RANGE = "{low}-{high}/month"
SAVE_UP_TO = "up to {high}/month"
# Why a lever's saving stops short of its typical range (its acts_on in knowledge/costs.yaml).
SAVE_CAPPED = " ({part})"
SAVE_LIMITS = {
    "input": "at most all the input costs",
    "output": "at most all the output costs",
    "uncached_input": "at most the cache discount on all the uncached input",
    "bill": "at most the whole bill",
}
LEVERS_NONE = "No lever from the playbook applies to this workload."
LEVERS_NOTE = "Ranges overlap: don't add them up."
SELF_HOST_HEAD = "Self-host comparison (seed break-even formula):"
GPU_COST = "GPUs: {gpus} x {gpu_hour}/h x {hours} h + {ops} ops = {monthly}/month"
DEFAULTS_USED = "(defaults used for {names}; see /llmcost help)"
API_COST = "API at this volume: {monthly}/month; {difference}"
CHEAPER_SELF_HOST = "self-hosting on {gpus} GPU(s) is {amount}/month cheaper on paper"
CHEAPER_API = "the API is {amount}/month cheaper than {gpus} GPU(s)"
BREAK_EVEN = "Break-even: {qps} QPS ({calls} calls a month)"
BREAK_EVEN_NONE = "Break-even: none, this model costs $0 a call."
BREAK_EVEN_BEYOND = "; {gpus} GPU(s) top out at {max_qps} QPS, so they never reach it"
CAPACITY = (
    "Capacity: needs {needed} tok/s; {gpus} GPU(s) x {tps} tok/s = {available} tok/s, "
    "{util} utilization:"
)
CAN_CARRY = "they can carry the load."
CANNOT_CARRY = "they can't carry it; {needed_gpus} GPUs would, at {cost}/month."

# -- command line (python -m bot estimate) -------------------------------------------------------


# -- Block Kit message (bot/blocks/llmcost.py) -----------------------------------------------------

COMMAND = "/llmcost"
FALLBACK = "LLM cost for {model}: {call} a call, {month} a month"
F_PER_CALL = "*Per call*\n{total}"
F_OUTPUT_SHARE = "*Output's share of the bill*\n{share}"
F_PER_MONTH = "*Per month* (30 days)\n{month}"
F_PER_YEAR = "*Per year*\n{year}"
F_CALLS_MONTH = "*Calls a month*\n{calls}"
F_QPS = "*Average QPS*\n{qps}"
SPLIT = "Per call: input {input} · cached input {cached} · output {output}"
SPLIT_OTHER = " · fees {other}"
VERDICT_BLOCK = "{emoji} *{label}.* {advice}"
VERDICT_EMOJI = {
    "vendor_api": ":white_check_mark:",
    "case_by_case": ":scales:",
    "real_math": ":bar_chart:",
}
B_COMPARE_HEAD = "*Same workload on each model*, cheapest first:"
B_COMPARE_ROW = "{rank}. *{model}*: {month}/month ({call} a call){delta}"
B_COMPARE_NOTE = "      _{note}_"
B_LEVERS_HEAD = "*Levers that apply*, ranked by what they could save on {month}/month:"
B_LEVER = "*{rank}. {name}*: {savings}\n{effort} · typically {low}-{high} · {notes}\n_{why}_"
B_SELF_HOST_HEAD = "*Self-host vs API* (seed break-even formula)"
F_GPU_COST = "*GPUs per month*\n{gpus} × {gpu_hour}/h × {hours} h + {ops} ops = *{monthly}*"
F_API_COST = "*API per month, same volume*\n{monthly}"
F_BREAK_EVEN = "*Break-even*\n{qps} QPS ({calls} calls a month)"
F_BREAK_EVEN_NONE = "*Break-even*\nnone: this model costs $0 a call"
F_TPS = "*Tokens per second*\nneeds {needed}; has {available} ({gpus} × {tps})"
F_UTILIZATION = "*Utilization*\n{util}"
F_CARRY_YES = "*Can they carry the load?*\nYes"
F_CARRY_NO = "*Can they carry the load?*\nNo: {needed_gpus} GPUs would, at {cost}/month"
B_BEYOND = "{gpus} GPU(s) top out at {max_qps} QPS, so they never reach break-even."
CONTEXT_PRICES = "{prices}"
CONTEXT_DEFAULTS = "Defaults used: {values} (change them with `gpus=`, `gpu_hour=`, `ops=`, `tps=`)"
DEFAULT_VALUE = "{name} {value}"
SHARE_BUTTON = "Share in channel"
EDIT_BUTTON = "Change inputs"
SHARED_BY = "Shared by <@{user}>"

# -- Block Kit modal (bot/blocks/llmcost_form.py) --------------------------------------------------

MODAL_TITLE = "LLM cost"
MODAL_SUBMIT = "Estimate"
MODAL_CLOSE = "Cancel"
MODAL_INTRO = "Same fields as `/llmcost`: numbers take `2k`, `1.5M` or `1,200`."
LABELS = {
    "model": "Model",
    "in": "Input tokens per call",
    "out": "Output tokens per call",
    "cached": "Cached input tokens per call (part of input)",
    "volume_kind": "Traffic measured as",
    "volume": "Traffic",
    "batch": "Batch API",
    "compare": "Compare with (comma-separated models)",
    "price_in": "Your input price, $ per 1M tokens",
    "price_out": "Your output price, $ per 1M tokens",
    "price_cached": "Your cached-input price, $ per 1M tokens",
    "gpus": "GPUs",
    "gpu_hour": "$ per GPU-hour",
    "ops": "Ops overhead, $ per month",
    "tps": "Tokens per second one GPU serves",
}
PLACEHOLDERS = {
    "model": "gpt-4o",
    "in": "2000",
    "out": "500",
    "cached": "1500",
    "volume": "3",
    "compare": "claude-sonnet-4-5, gemini-2.5-flash",
    "price_in": "0.2",
    "price_out": "0.6",
    "price_cached": "0.05",
    "gpus": "4",
    "gpu_hour": "2.5",
    "ops": "8k",
    "tps": "3000",
}
MODEL_HINT = "A model genai-prices knows (e.g. claude-sonnet-4-5), or provider:model."
VOLUME_KINDS = {
    "qps": "Calls per second (QPS)",
    "per_day": "Calls per day",
    "per_month": "Calls per month",
}
BATCH_OPTION = "Price with Batch API rates"
MODAL_PRICES = "*Your own prices* (optional: negotiated rates, or a model genai-prices lacks)"
MODAL_SELF_HOST = (
    "*Self-host break-even* (optional: empty fields use the defaults in `/llmcost help`)"
)
FORM_FAILED = (
    ":warning: I couldn't open the form. Type the arguments instead, e.g. "
    "`/llmcost " + EXAMPLE + "`, or see `/llmcost help`."
)
POST_FAILED = "I couldn't post the answer where you are. Add me to the channel, or try again."
BAD_SHARE = ":warning: I couldn't read the arguments on that button, so nothing was posted."
