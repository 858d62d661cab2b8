"""Words of an /llmcost answer, shared by the terminal (bot/plaintext/llmcost.py) and Slack
(bot/blocks/llmcost.py). Slack-only markup (``*bold*``) lives in the ``B_`` templates."""

from __future__ import annotations

TITLE = "LLM cost: {model}"
WORKLOAD = "{input} in{extras} / {output} out tokens per call{reasoning}, {volume}{pricing}"
CACHED = "{count} cached"
WRITTEN = "{count} written to the cache"
EXTRAS = " ({parts})"
REASONING = " + {count} reasoning"
BATCH_SUFFIX = ", Batch API prices"
TIER_SUFFIX = ", {tier} tier"
VOLUME = {
    "qps": "{value} QPS",
    "per_minute": "{value} calls a minute",
    "per_hour": "{value} calls an hour",
    "per_day": "{value} calls a day",
    "per_month": "{value} calls a month",
}
PRICES = "Prices from {source}: {model_id} ({provider}), {rates}"
RATES = "{input} in / {cached} cached / {output} out per 1M tokens"
CUSTOM_SOURCE = "custom prices (yours)"
CUSTOM_PROVIDER = "your rates"
CUSTOM_ROW = "{model} at your rates"
NOTE = "Note: {note}"
PER_CALL = "Per call: {total} = {parts}; {share}"
PER_CALL_PARTS = "input {input} + cached input {cached} + output {output}"
PER_CALL_WRITES = " + cache writes {writes}"
PER_CALL_OTHER = " + fees {other}"
OUTPUT_SHARE = "output is {share} of the bill"
VOLUME_LINE = "Volume: {calls_month} calls a month ({qps} QPS average, 30-day month)"
PER_MONTH = "Per month: {month}    Per year: {year}"

# -- the one verdict: the band, then what it means for self-hosting, said once -----------------
VERDICT = "Verdict: {label}. {advice} {stance}"
STANCE = {
    "model_it": "Self-hosting is worth modelling here: the fleet below costs {amount}/month "
    "less than the API on paper.",
    "not_worth_it": "The fleet below is {amount}/month cheaper on paper, but under $20K a month "
    "that is not worth it: on-call, upgrades and an open-weights model's quality cost more "
    "than the difference.",
    "api_cheaper": "Self-hosting does not pay here: the API costs {amount}/month less than the "
    "fleet below.",
}
QUALITY_CAVEAT = (
    " The stand-in is a lower quality class than {model}: open weights usually lag frontier "
    "vendors, so run your evals before counting on it."
)

COMPARE_HEAD = "Same workload on each model, cheapest first:"
COMPARE_ROW = "{rank}. {model}: {month}/month ({call} a call){delta}"
COMPARE_DELTA = ", {amount}/month vs {primary}"
COMPARE_PRIMARY = " (main model)"

# -- levers, in the playbook's order ---------------------------------------------------------------
LEVERS_HEAD = "Levers that apply, in the order to run them (on {month}/month):"
LEVER_ROW = "{rank}. {name} ({effort}, typically {low}-{high} of {part}): {savings}. {why}"
PARTS = {
    "bill": "the bill",
    "input": "the input",
    "uncached_input": "the uncached input",
    "output": "the output",
}
SAVE_RANGE = "{low}-{high}/month"
SAVE_UP_TO = "up to {high}/month"
SAVE_CAPPED = " ({limit})"
CEILINGS = {
    "cache_discount": "at most the cache discount on the uncached input",
    "batch_discount": "at most the batch discount on the whole bill",
    "cheaper_model": "at most what moving everything to the cheaper model saves",
    "fleet_saving": "at most what the fleet saves",
}
ROUTE_TO = " Route easy calls to {model}: all traffic there would save {amount}/month."
LEVERS_NONE = "No lever from the playbook applies to this workload."
LEVERS_NOTE = "Ranges overlap: don't add them up."

# -- the self-host fleet ------------------------------------------------------------------------
SELF_HOST_HEAD = (
    "Self-hosting open weights (the self-host break-even formula, published benchmarks):"
)
STAND_IN = "Stand-in: {name} ({example}) for {model}, {tier}."
STAND_IN_CHOSEN = "Stand-in: {name} ({example}), as asked, for {model}, {tier}."
LOWER_QUALITY = " A lower quality class than the vendor model."
FLEET = (
    "Fleet: {replicas} replicas x {gpr} GPU(s) = {gpus} GPUs, sized for a peak of {peak_qps} "
    "QPS ({peak}x the average) at {target} target utilization ({util} at peak)."
)
THROUGHPUT = (
    "Per replica: {prefill} prefill + {decode} decode tok/s interactive (offline peak "
    "{peak_prefill} + {peak_decode}), so {replica_qps} calls a second."
)
FLEET_COST = (
    "Cost: {gpus} x {gpu_hour}/h x {hours} h = {gpu_monthly}, + ops {ops} = {monthly}/month"
)
API_COST = "API at this volume: {monthly}/month; {difference}."
FLEET_CHEAPER = "the fleet is {amount}/month cheaper on paper"
API_CHEAPER = "the API is {amount}/month cheaper"
BREAK_EVEN = "Break-even: {qps} QPS ({calls} calls a month)."
BREAK_EVEN_NONE = "Break-even: none; a replica costs more than the API calls it can carry."
NEXT_REPLICA = "The next replica is needed above {qps} QPS ({calls} calls a month)."
DEFAULTS_USED = (
    "Published benchmark figures and default assumptions used for {names}; "
    "change them with oss=, replicas=, peak=, gpus=, gpu_hour=, tps=, ops=."
)

# -- Slack only -------------------------------------------------------------------------------
FALLBACK = "LLM cost for {model}: {call} a call, {month} a month"
F_PER_CALL = "*Per call*\n{total}"
F_OUTPUT_SHARE = "*Output's share of the bill*\n{share}"
F_PER_MONTH = "*Per month* (30 days)\n{month}"
F_PER_YEAR = "*Per year*\n{year}"
F_CALLS_MONTH = "*Calls a month*\n{calls}"
F_QPS = "*Average QPS*\n{qps}"
SPLIT = "Per call: input {input} · cached input {cached} · output {output}"
SPLIT_WRITES = " · cache writes {writes}"
SPLIT_OTHER = " · fees {other}"
B_VERDICT = "{emoji} *{label}.* {advice} {stance}"
VERDICT_EMOJI = {
    "vendor_api": ":white_check_mark:",
    "case_by_case": ":scales:",
    "real_math": ":bar_chart:",
}
B_COMPARE_HEAD = "*Same workload on each model*, cheapest first:"
B_COMPARE_ROW = "{rank}. *{model}*: {month}/month ({call} a call){delta}"
B_COMPARE_NOTE = "      _{note}_"
B_LEVERS_HEAD = "*Levers that apply*, in the order to run them (on {month}/month):"
B_LEVER = (
    "*{rank}. {name}*: {savings}\n{effort} · typically {low}-{high} of {part} · {notes}\n_{why}_"
)
B_SELF_HOST_HEAD = "*Self-hosting open weights* (the self-host break-even formula)"
F_STAND_IN = "*Stand-in*\n{name}{lower}"
F_FLEET = "*Fleet*\n{replicas} × {gpr} GPU = {gpus} GPUs"
F_FLEET_COST = "*Fleet per month*\n{gpu_monthly} GPUs + {ops} ops = *{monthly}*"
F_API_COST = "*API per month, same volume*\n{monthly}"
F_BREAK_EVEN = "*Break-even*\n{qps} QPS ({calls} calls a month)"
F_BREAK_EVEN_NONE = "*Break-even*\nnone: a replica costs more than the calls it carries"
F_NEXT = "*Next replica above*\n{qps} QPS"
F_PEAK = "*Sized for*\n{peak_qps} QPS peak ({peak}× average), {util} busy"
B_LOWER = " (lower quality class)"
SHARE_BUTTON = "Share in channel"
EDIT_BUTTON = "Change inputs"
SHARED_BY = "Shared by <@{user}>"

# -- tables (one per message: the models compared, else the fleet against the API) -----------
T_MODEL, T_PER_CALL, T_PER_MONTH, T_VS = "Model", "$ a call", "$ a month", "vs cheapest"
T_CHEAPEST = "cheapest"
T_YOURS = "{model} (yours)"
T_OPTION, T_WHAT = "Option", "What it is"
T_API = "Vendor API"
T_API_WHAT = "{model}, {calls} calls a month"
T_FLEET = "Self-hosted fleet"
T_FLEET_WHAT = "{replicas} × {gpr} GPUs running {oss}: GPUs {gpus} + ops {ops}"
T_DIFFERENCE = "Difference"
T_DIFF_FLEET = "the fleet is {amount} a month cheaper on paper"
T_DIFF_API = "the API is {amount} a month cheaper"

# -- the break-even chart ----------------------------------------------------------------------
CHART_BUTTON = "Break-even chart"
CHART_COMMENT = "Break-even chart for {model}: {alt}"
CHART_IN_DM = (
    ":chart_with_upwards_trend: I can't post files in that conversation, so the break-even "
    "chart for {model} is in our DM."
)
CHART_FAILED = (
    ":warning: Slack didn't take the chart ({error}). Click *Break-even chart* again in a "
    "minute."
)
