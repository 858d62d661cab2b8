"""Words on the /llmcost break-even chart (a PNG a leader may paste into a budget review)."""

from __future__ import annotations

TITLE = "Vendor API vs self-hosting, $ a month by volume"
SUBTITLE = "{model} on the API vs {replacement} on your own GPUs"
X_LABEL = "Calls a day"
X_LABEL_LOG = "Calls a day (log scale)"
Y_LABEL = "$ a month"
Y_LABEL_LOG = "$ a month (log scale)"
API = "Vendor API ({model})"
FLEET = "Self-hosted fleet (steps: one more replica)"
YOU = "Your volume: {calls} calls a day"
BREAK_EVEN = "Break-even: {calls} calls a day"
NO_BREAK_EVEN = "No break-even in this range: the API stays cheaper"
REPLICAS = "{n} replicas"
ALT = (
    "Chart: {model} on the API against a self-hosted fleet, monthly cost by calls a day; "
    "your volume {calls} a day; {break_even}."
)
FILENAME = "llmcost-break-even.png"
