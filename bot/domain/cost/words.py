"""Arguments as people type them, to ``key=value`` tokens.

    gpt-4o-mini 3000 in 400 out 20 qps   ->  model=gpt-4o-mini in=3000 out=400 qps=20
    2k in 500 out 3 qps gpt-4o           ->  in=2k out=500 qps=3 model=gpt-4o
    in 2000 out 500 per_day 50k batch    ->  in=2000 out=500 per_day=50k batch=yes

A number next to a key (before or after it) is that key's value; a bare word that is no key
is the model; ``batch`` alone means ``batch=yes``. Each token keeps what was typed, so an
error names it as the user wrote it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence

_NUMBERISH = re.compile(r"[+-]?\$?(?=[.,]?[0-9])[0-9.,]*[kmb]?", re.IGNORECASE | re.ASCII)
_FLAGS = frozenset({"batch"})


def is_number(word: str) -> bool:
    return _NUMBERISH.fullmatch(word) is not None


def as_pairs(words: Sequence[str], keys: Mapping[str, str]) -> Iterator[tuple[str, str]]:
    """``(as typed, key=value token)`` for each argument in ``words``."""
    clean = [w.rstrip(",;") for w in words]
    clean = [w for w in clean if w]
    index = 0
    while index < len(clean):
        word = clean[index]
        nxt = clean[index + 1] if index + 1 < len(clean) else ""
        key = _key(word, keys)
        if "=" in word:
            yield word, word
        elif is_number(word) and _key(nxt, keys) and "=" not in nxt:
            yield f"{word} {nxt}", f"{nxt}={word}"
            index += 1
        elif key and is_number(nxt):
            yield f"{word} {nxt}", f"{word}={nxt}"
            index += 1
        elif key in _FLAGS:
            yield word, f"{word}=yes"
        elif not key and not is_number(word):
            yield word, f"model={word}"
        else:
            yield word, word
        index += 1


def _key(word: str, keys: Mapping[str, str]) -> str | None:
    return keys.get(word.lower().replace("-", "_")) if word else None
