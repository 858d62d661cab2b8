"""Helpers for spend tests: WSGI calls to the usage app, records, and genai-prices' own
totals to compare the app's figures with."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from genai_prices import Usage, calc_price

TOKEN = "usage-test-token"


def record(**change: Any) -> dict[str, Any]:
    base = {
        "gen_ai.request.model": "gpt-4o",
        "gen_ai.usage.input_tokens": 2000,
        "gen_ai.usage.output_tokens": 500,
        "feature": "triage",
    }
    return {**base, **change}


def lines(*records: dict[str, Any]) -> bytes:
    return "\n".join(json.dumps(r) for r in records).encode()


def call(
    app: Callable, method: str, path: str, body: bytes = b"", *, token: str | None = TOKEN,
    headers: dict[str, str] | None = None,
) -> tuple[int, dict[str, Any], dict[str, str]]:
    """(status, JSON body, headers) of one request to a WSGI app."""
    environ = {
        "REQUEST_METHOD": method, "PATH_INFO": path, "CONTENT_LENGTH": str(len(body)),
        "wsgi.input": io.BytesIO(body), **(headers or {}),
    }  # fmt: skip
    if token is not None:
        environ["HTTP_AUTHORIZATION"] = f"Bearer {token}"
    seen: dict[str, Any] = {}

    def start(status: str, response_headers: list, *exc: Any) -> None:
        seen["status"], seen["headers"] = int(status.split()[0]), dict(response_headers)

    data = b"".join(app(environ, start))
    return seen["status"], json.loads(data) if data else {}, seen["headers"]


def genai_total(records: list[dict[str, Any]]) -> Decimal:
    """What genai-prices says the records cost, priced one by one."""
    total = Decimal(0)
    for r in records:
        usage = Usage(
            input_tokens=r["gen_ai.usage.input_tokens"],
            cache_read_tokens=r.get("gen_ai.usage.cache_read.input_tokens", 0),
            output_tokens=r["gen_ai.usage.output_tokens"],
        )
        context = {"processing": "batch"} if r.get("batch") else None
        total += calc_price(usage, r["gen_ai.request.model"], price_context=context).total_price
    return total
