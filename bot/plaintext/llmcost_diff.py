"""``python -m bot estimate diff``: how $ per call and per month change from base to head."""

from __future__ import annotations

from decimal import Decimal

from bot.domain.cost.money import format_pct, format_usd, format_usd_delta
from bot.domain.cost.result import Estimate
from bot.texts import llmcost as texts


def render_diff(base: Estimate, head: Estimate) -> str:
    lines = [texts.DIFF_HEAD]
    for what, old, new in (
        ("per_call", base.primary.per_call.total, head.primary.per_call.total),
        ("per_month", base.primary.per_month, head.primary.per_month),
    ):
        lines.append(
            texts.DIFF_ROW.format(
                what=texts.DIFF_WHAT[what],
                base=format_usd(old),
                head=format_usd(new),
                delta=format_usd_delta(new - old),
                pct=_pct(old, new),
            )
        )
    lines.append(texts.DIFF_VERDICT.format(base=base.verdict.label, head=head.verdict.label))
    return "\n".join(lines) + "\n"


def _pct(old: Decimal, new: Decimal) -> str:
    if old == 0:
        return texts.DIFF_NO_PCT
    change = (new - old) / old * 100
    return ("+" if change > 0 else "") + format_pct(change)
