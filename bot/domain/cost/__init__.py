"""/llmcost domain: parse a request, price it with genai-prices, rank levers, self-host
break-even. Pure Python: no Slack, no Redis.

    request = parse_request("model=gpt-4o in=2000 out=500 qps=3")
    result = estimate(request, knowledge.costs)
    # rendered by bot/blocks/llmcost.py (Slack) and bot/plaintext/llmcost.py (terminal)
"""

from bot.domain.cost.errors import CostInputError
from bot.domain.cost.estimate import estimate
from bot.domain.cost.money import format_count, format_pct, format_usd
from bot.domain.cost.parse import parse_request, wants_help
from bot.domain.cost.pricing import PRICE_SOURCE, closest_models, price_call
from bot.domain.cost.request import CostRequest
from bot.domain.cost.result import Estimate

__all__ = [
    "PRICE_SOURCE",
    "CostInputError",
    "CostRequest",
    "Estimate",
    "closest_models",
    "estimate",
    "format_count",
    "format_pct",
    "format_usd",
    "parse_request",
    "price_call",
    "wants_help",
]
