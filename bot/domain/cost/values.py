"""Reading one value of a ``key=value`` pair: numbers with k/M/B suffixes and commas,
yes/no flags, model names. Each failure is a CostInputError naming the token."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from bot.domain.cost.errors import CostInputError
from bot.domain.cost.money import format_count

_NUMBER = re.compile(
    r"\+?\$?(?P<num>(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?|\.[0-9]+)(?P<suffix>[kmb]?)",
    re.IGNORECASE | re.ASCII,
)
_MULTIPLIER = {"": 1, "k": 10**3, "m": 10**6, "b": 10**9}
_NON_FINITE = frozenset({"nan", "snan", "qnan", "inf", "infinity"})
MAX_DIGITS = 24  # more digits than any sane figure; keeps Decimal work small
_MODEL = re.compile(r"[a-z0-9@][a-z0-9._:/@+-]*", re.IGNORECASE | re.ASCII)
MODEL_NAME_LIMIT = 100
_YES = frozenset({"yes", "y", "true", "on", "1"})
_NO = frozenset({"no", "n", "false", "off", "0"})


@dataclass(frozen=True)
class Limits:
    """What a numeric option accepts: ``floor`` <= value <= ``cap``; zero only if allowed."""

    cap: Decimal
    floor: Decimal = Decimal(0)
    zero_ok: bool = False
    whole: bool = False


def parse_number(token: str, key: str, value: str, limits: Limits) -> Decimal:
    """A Decimal within ``limits`` from text like ``2k``, ``1.5M``, ``1,200``, ``$3.50``."""
    bad = {"token": token, "option": key, "key": key, "value": value}
    text = value.strip()
    if text.lstrip("+-$").lower() in _NON_FINITE:
        raise CostInputError("not_finite", **bad)
    negative = text.startswith(("-", "$-"))
    match = _NUMBER.fullmatch(text.replace("-", "", 1) if negative else text)
    if match is None or len(match["num"]) > MAX_DIGITS:
        raise CostInputError("not_a_number", **bad)
    number = Decimal(match["num"].replace(",", "")) * _MULTIPLIER[match["suffix"].lower()]
    if negative and number != 0:
        raise CostInputError("negative", **bad)
    if number == 0:
        if not limits.zero_ok:
            raise CostInputError("not_positive", **bad)
        return Decimal(0)
    if number > limits.cap:
        raise CostInputError("too_large", cap=format_count(limits.cap), **bad)
    if number < limits.floor:
        raise CostInputError("too_small", floor=format_count(limits.floor), **bad)
    if limits.whole and number != number.to_integral_value():
        raise CostInputError("not_whole", **bad)
    return number


def parse_count(token: str, key: str, value: str, limits: Limits) -> int:
    """A whole number (tokens, GPUs) within ``limits``."""
    whole = Limits(cap=limits.cap, floor=limits.floor, zero_ok=limits.zero_ok, whole=True)
    return int(parse_number(token, key, value, whole))


def parse_flag(token: str, key: str, value: str) -> bool:
    word = value.strip().lower()
    if word in _YES:
        return True
    if word in _NO:
        return False
    raise CostInputError("bad_flag", token=token, option=key, key=key)


def parse_model_name(token: str, key: str, value: str) -> str:
    """A model reference as typed (case kept for display; genai-prices ignores case)."""
    name = value.strip()
    if len(name) > MODEL_NAME_LIMIT or not _MODEL.fullmatch(name):
        raise CostInputError(
            "bad_model_name",
            token=token,
            option=key,
            value=name,
            limit=MODEL_NAME_LIMIT,
        )
    return name
