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
