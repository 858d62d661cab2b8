"""``/llmcost`` text -> CostRequest.

``key=value`` pairs in any order; keys are case-insensitive with aliases (``input=``,
``m=``...). Also as people type it (``bot.domain.cost.words``): ``3000 in 400 out 20 qps``
and a bare model name. Every problem raises CostInputError naming the offending token;
its ``args`` detail is the input as typed, so the words can show a fixed copy of the
user's own command. Nothing else escapes (a property test holds this to account).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from decimal import Decimal

from bot.domain.cost.errors import CostInputError
from bot.domain.cost.keys import ALIASES, KEY_OF_ALIAS, LIMITS
from bot.domain.cost.keys import COUNTS as _COUNTS
from bot.domain.cost.request import (
    TIERS,
    VOLUME_KINDS,
    CostRequest,
    CustomPrices,
    SelfHostInputs,
    Tier,
    Volume,
)
from bot.domain.cost.values import (
    parse_count,
    parse_flag,
    parse_model_name,
    parse_number,
)
from bot.domain.cost.words import as_pairs

MAX_TEXT = 1000
MAX_COMPARE = 6
__all__ = ["ALIASES", "KEY_OF_ALIAS", "LIMITS", "MAX_TEXT", "parse_request", "wants_help"]

_SPACE_BEFORE_EQ = re.compile(r"(^|\s)([^\s=]+)\s+=")  # "in =2000", not "qps=3 =5"
_SPACE_AFTER_EQ = re.compile(r"=\s+(?=[^\s=]+(?:\s|$))")
_QUOTES = "\"'`“”‘’"


@dataclass(frozen=True)
class _Pair:
    token: str  # as typed
    value: str


def wants_help(text: str) -> bool:
    """True for an empty command or one starting with ``help`` (or ``?``)."""
    words = text.strip().lower().split()
    return not words or words[0] in {"help", "?", "-h", "--help"}


def parse_request(text: str) -> CostRequest:
    """The request in ``text``, or CostInputError naming the first offending token (with
    the text as typed in its ``args`` detail)."""
    if len(text) > MAX_TEXT:
        raise CostInputError("too_long", token=text, length=len(text), limit=MAX_TEXT)
    try:
        return _request(text)
    except CostInputError as error:
        error.details.setdefault("args", " ".join(text.split()))
        raise


def _request(text: str) -> CostRequest:
    pairs = _pairs(text)
    values = _Values()
    for key, pair in pairs.items():  # in the order typed, so the first bad token is named
        values.read(key, pair)

    custom = _custom(pairs, values)
    model, compare = _models(values, keep_same=custom is not None)
    for key in ("in", "out"):
        if key not in values.counts:
            raise CostInputError(
                "missing_tokens", token=f"{key}=", option=key, key=key
            )
    input_tokens, cached = values.counts["in"], values.counts.get("cached", 0)
    writes = values.counts.get("cache_write", 0) + values.counts.get("cache_write_1h", 0)
    if cached + writes > input_tokens:
        key = "cached" if cached > input_tokens or not writes else next(
            k for k in ("cache_write", "cache_write_1h") if k in pairs
        )
        raise CostInputError(
            "cached_above_input",
            token=pairs[key].token,
            option=key,
            cached=cached + writes,
            input=input_tokens,
        )
    numbers = values.numbers
    return CostRequest(
        model=model,
        input_tokens=input_tokens,
        output_tokens=values.counts["out"],
        volume=_volume(pairs, values),
        cached_tokens=cached,
        cache_write_tokens=values.counts.get("cache_write", 0),
        cache_write_1h_tokens=values.counts.get("cache_write_1h", 0),
        reasoning_tokens=values.counts.get("reasoning"),
        tier=values.tier,
        batch=values.batch,
        compare=compare,
        custom=custom,
        self_host=SelfHostInputs(
            oss=values.oss,
            gpus=values.counts.get("gpus"),
            gpu_hour=numbers.get("gpu_hour"),
            ops=numbers.get("ops"),
            tps=numbers.get("tps"),
            peak=numbers.get("peak"),
            replicas=values.counts.get("replicas"),
        ),
    )


class _Values:
    """Each key's value, read and checked, kept by type."""

    def __init__(self) -> None:
        self.model: str | None = None
        self.compare: tuple[str, ...] = ()
        self.batch = False
        self.tier: Tier | None = None
        self.oss: str | None = None
        self.counts: dict[str, int] = {}
        self.numbers: dict[str, Decimal] = {}

    def read(self, key: str, pair: _Pair) -> None:
        if key == "model":
            self.model = parse_model_name(pair.token, key, pair.value)
        elif key == "compare":
            self.compare = _compare_list(pair)
        elif key == "batch":
            self.batch = parse_flag(pair.token, key, pair.value)
        elif key == "tier":
            self.tier = _tier(pair)
        elif key == "oss":
            self.oss = parse_model_name(pair.token, key, pair.value)
        elif key in _COUNTS:
            self.counts[key] = parse_count(pair.token, key, pair.value, LIMITS[key])
        else:
            self.numbers[key] = parse_number(pair.token, key, pair.value, LIMITS[key])


def _pairs(text: str) -> dict[str, _Pair]:
    """Canonical key -> pair, in the order typed; rejects unknown, empty and repeated keys."""
    flat = _SPACE_AFTER_EQ.sub("=", _SPACE_BEFORE_EQ.sub(r"\1\2=", text.strip()))
    pairs: dict[str, _Pair] = {}
    for typed, token in as_pairs(flat.split(), KEY_OF_ALIAS):
        typed_key, sep, raw_value = token.partition("=")
        if not sep:
            raise CostInputError("not_key_value", token=typed)
        key = KEY_OF_ALIAS.get(typed_key.strip().lower().replace("-", "_"))
        if key is None:
            raise CostInputError(
                "unknown_key", token=typed, key=typed_key, suggestion=_key_hint(typed_key)
            )
        value = raw_value.strip(_QUOTES)
        if not value:
            raise CostInputError("missing_value", token=typed, option=key, key=key)
        if key in pairs:
            first = pairs[key].token
            raise CostInputError(
                "duplicate_key", token=typed, option=key, key=key, first=first
            )
        pairs[key] = _Pair(typed, value)
    return pairs


def _tier(pair: _Pair) -> Tier:
    word = pair.value.strip().lower()
    if word not in TIERS:
        raise CostInputError("bad_tier", token=pair.token, option="tier", tiers=TIERS)
    return word


def _key_hint(typed_key: str) -> str | None:
    """The option a mistyped key most likely meant (``gpu_hour=``), or None."""
    close = difflib.get_close_matches(typed_key.lower(), KEY_OF_ALIAS, n=1, cutoff=0.6)
    return KEY_OF_ALIAS[close[0]] + "=" if close else None


def _compare_list(pair: _Pair) -> tuple[str, ...]:
    names: list[str] = []
    for entry in pair.value.split(","):
        if not entry.strip():
            raise CostInputError("empty_entry", token=pair.token, option="compare")
        name = parse_model_name(pair.token, "compare", entry)
        if name.lower() not in {n.lower() for n in names}:
            names.append(name)
    if len(names) > MAX_COMPARE:
        raise CostInputError(
            "too_many_models", token=pair.token, option="compare", limit=MAX_COMPARE
        )
    return tuple(names)


def _models(values: _Values, *, keep_same: bool) -> tuple[str, tuple[str, ...]]:
    """The main model and the others to compare. The main model is dropped from the list,
    unless custom prices are given: then the list price of the same model is worth seeing."""
    model, listed = values.model, values.compare
    if model is None:
        if not listed:
            raise CostInputError("missing_model", token="model=", option="model")
        model, listed = listed[0], listed[1:]
    if keep_same:
        return model, listed
    return model, tuple(name for name in listed if name.lower() != model.lower())


def _volume(pairs: dict[str, _Pair], values: _Values) -> Volume:
    given = [key for key in pairs if key in VOLUME_KINDS]
    if not given:
        raise CostInputError("missing_volume", token="qps=", option="qps")
    if len(given) > 1:
        first, second = pairs[given[0]], pairs[given[1]]
        raise CostInputError(
            "several_volumes", token=second.token, option=given[0], first=first.token
        )
    kind = given[0]
    return Volume(kind=kind, value=values.numbers[kind])


def _custom(pairs: dict[str, _Pair], values: _Values) -> CustomPrices | None:
    price_in, price_out = values.numbers.get("price_in"), values.numbers.get("price_out")
    cached = values.numbers.get("price_cached")
    if price_in is None and price_out is None:
        if cached is not None:
            raise CostInputError(
                "price_cached_alone",
                token=pairs["price_cached"].token,
                option="price_cached",
            )
        return None
    if price_in is None or price_out is None:
        missing = "price_in" if price_in is None else "price_out"
        given = pairs["price_out" if price_in is None else "price_in"]
        raise CostInputError("price_pair", token=given.token, option=missing)
    if cached is not None and cached > price_in:
        raise CostInputError(
            "price_cached_above_input",
            token=pairs["price_cached"].token,
            option="price_cached",
            cached=cached,
            input=price_in,
        )
    return CustomPrices(price_in=price_in, price_out=price_out, price_cached=cached)
