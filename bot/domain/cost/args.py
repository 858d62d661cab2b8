"""A CostRequest back to ``/llmcost`` arguments, and form fields to arguments.

``request_args(parse_request(text))`` is the canonical argument string: parsing it gives
the same request again. Buttons carry it (to share or edit an answer) and the modal form
builds its arguments with ``form_args``, so a form and a command asking the same thing
give the same answer, down to the button values.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal

from bot.domain.cost.errors import CostInputError
from bot.domain.cost.request import CostRequest

# Canonical keys in the order the arguments are written.
KEY_ORDER: tuple[str, ...] = (
    "model",
    "in",
    "cached",
    "cache_write",
    "cache_write_1h",
    "out",
    "reasoning",
    "qps",
    "per_minute",
    "per_hour",
    "per_day",
    "per_month",
    "batch",
    "tier",
    "compare",
    "price_in",
    "price_out",
    "price_cached",
    "gpus",
    "gpu_hour",
    "ops",
    "tps",
    "oss",
    "peak",
    "replicas",
)
_LIST_SEPARATORS = re.compile(r"[\s,]+")


def number_text(value: Decimal | int) -> str:
    """Plain digits the parser reads back exactly (never an exponent: ``1.5E+6``)."""
    if isinstance(value, int):
        return str(value)
    return format(value.normalize(), "f")


def request_fields(request: CostRequest) -> dict[str, str]:
    """The request as argument values keyed by canonical key, in KEY_ORDER, given ones only."""
    fields: dict[str, str] = {"model": request.model, "in": number_text(request.input_tokens)}
    if request.cached_tokens:
        fields["cached"] = number_text(request.cached_tokens)
    for key, count in (
        ("cache_write", request.cache_write_tokens),
        ("cache_write_1h", request.cache_write_1h_tokens),
    ):
        if count:
            fields[key] = number_text(count)
    fields["out"] = number_text(request.output_tokens)
    if request.reasoning_tokens is not None:
        fields["reasoning"] = number_text(request.reasoning_tokens)
    fields[request.volume.kind] = number_text(request.volume.value)
    if request.batch:
        fields["batch"] = "yes"
    if request.tier:
        fields["tier"] = request.tier
    if request.compare:
        fields["compare"] = ",".join(request.compare)
    if request.custom is not None:
        fields["price_in"] = number_text(request.custom.price_in)
        fields["price_out"] = number_text(request.custom.price_out)
        if request.custom.price_cached is not None:
            fields["price_cached"] = number_text(request.custom.price_cached)
    host = request.self_host
    for key, value in (
        ("gpus", host.gpus),
        ("gpu_hour", host.gpu_hour),
        ("ops", host.ops),
        ("tps", host.tps),
        ("peak", host.peak),
        ("replicas", host.replicas),
    ):
        if value is not None:
            fields[key] = number_text(value)
    if host.oss:
        fields["oss"] = host.oss
    return fields


def request_args(request: CostRequest) -> str:
    """The canonical argument string for ``request``."""
    return join_args(request_fields(request))


def join_args(fields: Mapping[str, str]) -> str:
    return " ".join(f"{key}={fields[key]}" for key in KEY_ORDER if fields.get(key))


def form_args(fields: Mapping[str, str | None]) -> str:
    """Arguments from form fields keyed by canonical key (empty fields left out).

    ``compare`` may separate names with commas and/or spaces. Any other value with a space
    inside raises CostInputError("spaces") naming that field's token."""
    clean: dict[str, str] = {}
    for key in KEY_ORDER:
        value = (fields.get(key) or "").strip()
        if not value:
            continue
        if key == "compare":
            value = ",".join(name for name in _LIST_SEPARATORS.split(value) if name)
        elif len(value.split()) > 1:
            raise CostInputError(
                "spaces", token=f"{key}={value}", option=key, key=key
            )
        clean[key] = value
    return join_args(clean)
