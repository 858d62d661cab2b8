"""Words of the /llmcost modal form (bot/blocks/llmcost_form.py), errors phrased for a form
field included (``describe(error, style="field", topic="llmcost_form")``)."""

from __future__ import annotations

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
    "cache_write": "Input tokens written to the cache per call, 5-minute",
    "cache_write_1h": "Input tokens written to the cache per call, 1-hour",
    "reasoning": "Reasoning tokens per call (billed as output)",
    "tier": "Service tier: flex or priority",
    "oss": "Open-weights stand-in: small, mid or large",
    "replicas": "Replicas (empty: enough for the peak, at least 2)",
    "peak": "Peak-to-average traffic ratio",
    "volume_kind": "Traffic measured as",
    "volume": "Traffic",
    "batch": "Batch API",
    "compare": "Compare with (comma-separated models)",
    "price_in": "Your input price, $ per 1M tokens",
    "price_out": "Your output price, $ per 1M tokens",
    "price_cached": "Your cached-input price, $ per 1M tokens",
    "gpus": "GPUs per replica",
    "gpu_hour": "$ per GPU-hour",
    "ops": "Ops overhead, $ per month",
    "tps": "Output tokens per second one replica serves",
}
PLACEHOLDERS = {
    "model": "gpt-4o",
    "in": "2000",
    "out": "500",
    "cached": "1500",
    "cache_write": "500",
    "cache_write_1h": "0",
    "reasoning": "1500",
    "tier": "flex",
    "oss": "mid",
    "replicas": "2",
    "peak": "2",
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
    "per_minute": "Calls per minute",
    "per_hour": "Calls per hour",
    "per_day": "Calls per day",
    "per_month": "Calls per month",
}
BATCH_OPTION = "Price with Batch API rates"
MODAL_PRICES = "*Your own prices* (optional: negotiated rates, or a model genai-prices lacks)"
MODAL_SELF_HOST = (
    "*Self-host fleet* (optional: empty fields use published benchmark figures)"
)

# -- errors under a form field: about the field, never in slash-command syntax -----------------
FRAMES = {"field": "{problem}"}
ERRORS: dict[str, str] = {
    "not_a_number": "“{value}” is not a number I can read: digits with an optional k, M or B "
    "(2k, 1.5M, 1,200).",
    "not_finite": "“{value}” is not a finite number.",
    "negative": "This can't be negative.",
    "not_positive": "This must be more than 0.",
    "not_whole": "This must be a whole number.",
    "too_large": "At most {cap}; “{value}” looks like a typo.",
    "too_small": "Below {floor} is too small to price sensibly.",
    "bad_model_name": "“{value}” doesn't look like a model name (letters, digits and .-_:/@, at "
    "most {limit} characters).",
    "empty_entry": "One entry is empty: separate model names with commas.",
    "too_many_models": "At most {limit} models.",
    "spaces": "One value, without spaces.",
    "cached_above_input": "Cached tokens ({cached:,}) can't be more than the input tokens "
    "({input:,}): they are part of the input.",
    "price_pair": "Give both your input and your output price ($ per 1M tokens).",
    "price_cached_alone": "A cached-input price needs your input and output prices too.",
    "price_cached_above_input": "The cached-input price ({cached}) is above the input price "
    "({input}); a cache read never costs more than fresh input.",
    "unknown_model": "{source} doesn't know “{model}”.{closest} Or fill in your own prices below.",
    "no_price": "{source} has no {direction}-token price for “{model}”. Pick a text model or fill "
    "in your own prices below.",
    "over_context": "{input:,} input tokens is more than {model}'s context window of {window:,}.",
    "missing_model": "Which model? e.g. gpt-4o.",
    "missing_tokens": "How many tokens per call? e.g. 2000.",
    "missing_volume": "How much traffic? e.g. 3.",
    "unknown_oss": "“{value}” is no open-weights class I size: small, mid or large.",
    "bad_tier": "Flex or priority.",
}


def derived(code: str, details: dict[str, object]) -> dict[str, object]:
    closest = details.get("closest") or ()
    names = ", ".join(str(name) for name in closest) if isinstance(closest, tuple) else ""
    return {"closest": f" Closest known: {names}." if names else ""}
