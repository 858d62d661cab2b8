"""Every word /llmcost shows: help, error messages, notes and labels.

Error templates are keyed by the error's ``code`` (see bot/domain/cost/errors.py);
notes by the note codes the estimate carries (see bot/domain/cost/result.py).
"""

from __future__ import annotations

import re

EXAMPLE = "model=gpt-4o in=2000 out=500 qps=3"

HELP = """\
*`/llmcost`: what an LLM workload costs, what would cut it, and when self-hosting pays*

*Try:* `/llmcost model=gpt-4o in=2000 out=500 qps=3`, or as you'd say it: \
`/llmcost gpt-4o-mini 3000 in 400 out 20 qps`

*Workload* (keys in any order, any case; `key=value` or `value key`):
• `model=` (or `m=`, or just the name): a model genai-prices knows, e.g. `gpt-4o`, \
`claude-sonnet-4-5`, `gemini-2.5-flash`; short names `sonnet`, `opus`, `haiku`, `4o`, `flash` \
mean the newest match (named in the answer). Pin a provider with `provider:model`.
• `in=` / `out=`: tokens per call. `2k`, `1.5M` and `1,200` all work.
• Traffic, exactly one of: `qps=` (calls per second, average), `per_minute=`, `per_hour=`, \
`per_day=`, `per_month=`.
• `cached=`: how many of the `in` tokens are read from the prompt cache; `cache_write=` / \
`cache_write_1h=`: how many are written to it (5-minute / 1-hour), at the model's cache-write \
prices.
• `reasoning=`: hidden reasoning tokens per call (billed as output).
• `tier=flex` or `tier=priority`: the provider's service tier; `batch=yes`: Batch API prices.
• `compare=gpt-4o,claude-sonnet-4-5,gemini-2.5-flash`: rank several models on the same workload.

*Your own prices*, $ per 1M tokens: `price_in=` and `price_out=` together, optional \
`price_cached=`, e.g. `/llmcost model=our-llama in=2000 out=500 qps=3 price_in=0.2 price_out=0.6`

*Self-hosting* (a fleet sized from published benchmarks; defaults in brackets):
• `oss=small|mid|large` (or a model, e.g. `oss=70b`): the open-weights stand-in [by the \
model's quality class]; `replicas=` [enough for the peak, at least 2]; `peak=` peak-to-average \
traffic [2]; `gpus=` GPUs per replica [by class]; `gpu_hour=` [$3.00]; `tps=` decode tokens/s \
per replica [by class]; `ops=` $ a month of operations [$5,000 + $250 a GPU].

*You get:* $ per call and per month, the verdict (under $20K a month stay on vendor APIs; \
$50K-$100K+ self-hosting deserves real math; between, case by case), the levers in the order \
to run them with what each could save here, and the self-host fleet: stand-in, GPUs, cost, \
break-even.
Prices: genai-prices offline data (its version is shown with each answer), or your own.
*In CI:* `python -m bot estimate <same arguments>` prints the answer as text (`--json` for \
scripts; `estimate diff '<base>' '<head>'` for a per-PR cost diff).
`/llmcost` with no arguments opens a form with the same fields."""



def plain(text: str) -> str:
    """Slack mrkdwn to terminal text: no ``*bold*`` stars, no code-span backticks."""
    return text.replace("`", "").replace("*", "")


FORM_LINE = "`/llmcost` with no arguments opens a form with the same fields."
HELP_TERMINAL = (
    plain(HELP.replace("\n" + FORM_LINE, ""))
    .replace("/llmcost help", "python -m bot estimate --help")
    .replace("/llmcost ", "python -m bot estimate ")
)
USAGE = """\
usage: python -m bot estimate [--json] ARGS...
       python -m bot estimate diff [--json] 'BASE ARGS' 'HEAD ARGS'
       python -m bot estimate --help

ARGS are /llmcost's, e.g.: python -m bot estimate model=gpt-4o in=2000 out=500 qps=3
Exit status: 0 with the answer on stdout; 1 with one error line on stderr for bad input;
2 for a bad command line (this text)."""
DIFF_HEAD = "Cost change, base -> head:"
DIFF_ROW = "{what}: {base} -> {head} ({delta}, {pct})"
DIFF_WHAT = {"per_call": "Per call", "per_month": "Per month"}
DIFF_VERDICT = "Verdict: {base} -> {head}"
DIFF_NO_PCT = "new"

# -- errors ---------------------------------------------------------------------------------------

FRAMES = {  # every /llmcost error names the token, says what is wrong, and shows a working example
    "mrkdwn": ":warning: `{token}`: {problem}\nTry: `{example}`",
    "terminal": "error: `{token}`: {problem} Try: `{example}`",  # one line on stderr; exit 1
    "field": "{token}: {problem} Try: {example}",  # plain text under a form field
}

ERRORS: dict[str, str] = {
    "too_long": "that's {length:,} characters; keep it under {limit:,}.",
    "not_key_value": "I read arguments as `key=value` pairs, e.g. `in=2000`.",
    "unknown_key": "`{key}` is not an option I know.{hint}",
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
    "missing_volume": "I need the traffic: one of `qps=`, `per_minute=`, `per_hour=`, `per_day=` "
    "or `per_month=`.",
    "spaces": "`{key}` takes one value, without spaces.",
    "several_volumes": "give only one traffic figure (you also gave `{first}`).",
    "cached_above_input": "cached and cache-write tokens ({cached:,}) are more than `in` "
    "({input:,}); they are part of the input.",
    "bad_tier": "`tier` takes `flex` or `priority`.",
    "unknown_oss": "`{value}` is no open-weights class I size: use `small`, `mid` or `large` "
    "(or a model of theirs, e.g. `70b`).",
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
NO_KEY_HINT = " Send `/llmcost help` for the list."
WHOLE = frozenset({"example", "args"})  # shown whole: the user's own command, fixed
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
# The pair that fixes an error about an option, laid into the user's own arguments.
FIX_PAIRS: dict[str, str] = {
    "model": "model=gpt-4o", "in": "in=2000", "out": "out=500", "qps": "qps=3",
    "cached": "cached=0", "cache_write": "cache_write=0", "cache_write_1h": "cache_write_1h=0",
    "reasoning": "reasoning=0", "per_minute": "per_minute=180", "per_hour": "per_hour=10k",
    "per_day": "per_day=250k", "per_month": "per_month=7.5M", "batch": "batch=yes",
    "tier": "tier=flex", "gpus": "gpus=2", "gpu_hour": "gpu_hour=2.5", "ops": "ops=5k",
    "tps": "tps=3000", "oss": "oss=mid", "peak": "peak=2", "replicas": "replicas=2",
    "price_in": "price_in=0.2", "price_out": "price_out=0.6", "price_cached": "price_cached=0.05",
}  # fmt: skip
_REPLACE = frozenset({"not_a_number", "not_finite", "negative", "not_positive", "not_whole",
                      "too_large", "too_small", "bad_flag", "missing_value", "bad_tier",
                      "unknown_oss", "bad_model_name"})  # fmt: skip
_APPEND = frozenset({"missing_model", "missing_tokens", "missing_volume", "price_pair"})
_DROP = frozenset({"duplicate_key", "several_volumes", "price_cached_alone", "not_key_value"})


def derived(code: str, details: dict[str, object]) -> dict[str, object]:
    """The composed parts of an error's words: the example (the user's own arguments, fixed,
    when they are known), the key hint, the closest model names (``describe`` calls this)."""
    option = str(details.get("option") or "")
    suggestion = details.get("suggestion")
    closest = details.get("closest") or ()
    names = ", ".join(f"`{name}`" for name in closest) if isinstance(closest, tuple) else ""
    return {
        "example": details.get("example") or fixed_args(code, details) or EXAMPLES.get(option, EXAMPLE),
        "hint": UNKNOWN_KEY_HINT.format(suggestion=suggestion) if suggestion else NO_KEY_HINT,
        "closest": CLOSEST_MODELS.format(names=names) if names else NO_CLOSE_MODEL,
    }


def fixed_args(code: str, details: dict[str, object]) -> str | None:
    """The user's own arguments with the offending token fixed (a typo'd key, a model, a bad
    value replaced; a missing piece added; a repeated one dropped), or None if unknown."""
    args, token = str(details.get("args") or ""), str(details.get("token") or "")
    option = str(details.get("option") or "")
    fix: str | None = None
    if code == "unknown_key" and details.get("suggestion"):
        fix = str(details["suggestion"]) + token.partition("=")[2]
    elif code == "unknown_model" and isinstance(details.get("closest"), tuple) and details["closest"]:
        fix = f"{option}={details['closest'][0]}"  # type: ignore[index]
    elif code in _REPLACE:
        fix = FIX_PAIRS.get(option)
    if not args:
        return None
    flat = args.replace("`", "'")
    word = re.compile(r"(?<!\S)" + re.escape(token) + r"(?!\S)") if token else None
    if fix is not None and word is not None and word.search(flat):
        return " ".join(word.sub(lambda _: fix, flat, count=1).split())
    if code in _APPEND and option in FIX_PAIRS:
        return f"{flat} {FIX_PAIRS[option]}"
    if code in _DROP and word is not None and word.search(flat):
        return " ".join(word.sub("", flat, count=1).split()) or None
    return None


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
    "tier_unavailable": "genai-prices has no price for that service tier on this model: "
    "standard prices used.",
    "no_cache_write_price": "No cache-write price for this model: cache writes billed at the "
    "input price.",
    "reasoning_left_out": "This model reasons before it answers and bills that as output; "
    "the estimate leaves reasoning out: add `reasoning=` (tokens per call) to count it.",
}
ALIAS_NOTE = "`{alias}` read as {model}, the newest match in genai-prices."

COMMAND = "/llmcost"

FORM_FAILED = (
    ":warning: I couldn't open the form. Type the arguments instead, e.g. "
    "`/llmcost " + EXAMPLE + "`, or see `/llmcost help`."
)
POST_FAILED = "I couldn't post the answer where you are. Add me to the channel, or try again."
BAD_SHARE = ":warning: I couldn't read the arguments on that button, so nothing was posted."
