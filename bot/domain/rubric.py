"""What ``/rubric`` was asked for: a level (id or alias), maybe one area (name or abbreviation),
or an area alone (that area across the levels).

Pure: works on the :class:`~bot.domain.knowledge.rubric.Rubric` model only.

Levels are matched exactly (id or alias, any case). Areas are matched exactly
first; otherwise a typed word of at least two characters is a *clear
abbreviation* when it starts exactly one area's id, alias or name word, or
equals the initials of a hyphenated alias (``bvb`` for ``build-vs-buy``).
Several matches make the word ambiguous; none make it unknown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import ClassVar, Literal

from bot.domain.knowledge.base import normalize_key
from bot.domain.knowledge.rubric import Area, Level, Rubric
from bot.errors import CodedError

MIN_ABBREVIATION = 2
HELP_WORDS = frozenset({"help", "?", "-h", "--help"})
_MAX_LEVEL_WORDS = 3  # "first ic", "mid level": a level may take several words


class RubricInputError(CodedError):
    """What the user typed does not name a level or area; ``code`` keys the texts.
    ``example``, when given, is the command shown as one that works."""

    topic: ClassVar[str] = "rubric"

    def __init__(
        self,
        code: Literal["unknown_level", "unknown_area", "ambiguous_area", "unknown_word"],
        typed: str,
        *,
        choices: tuple[str, ...] = (),
        areas: tuple[str, ...] = (),
        example: str = "",
    ) -> None:
        shown = "missing_level" if code == "unknown_level" and not typed.strip() else code
        super().__init__(shown, typed=typed, choices=choices, areas=areas, example=example)
        self.typed = typed
        self.choices = choices


@dataclass(frozen=True)
class RubricQuery:
    """``kind`` is ``help``, ``choose`` (nothing given), ``show`` (a level, maybe an area) or
    ``area`` (an area, no level: the area across the levels)."""

    kind: Literal["help", "choose", "show", "area"]
    level: Level | None = None
    area: Area | None = None


def parse_query(text: str, rubric: Rubric) -> RubricQuery:
    """``""`` -> choose; ``"help"`` -> help; ``"senior rag"`` / ``"rag senior"`` -> show;
    ``"rag"`` -> area.

    Raises :class:`RubricInputError` for an unknown level (when the words after it name an
    area), an unknown or ambiguous area, or words that name neither (``unknown_word``)."""
    words = words_of(text)
    if not words:
        return RubricQuery("choose")
    if len(words) == 1 and words[0].lower() in HELP_WORDS:
        return RubricQuery("help")
    level, rest = split_level(words, rubric)
    if level is not None:
        area = find_area(" ".join(rest), rubric) if rest else None
        return RubricQuery("show", level, area)
    try:
        return RubricQuery("area", area=find_area(" ".join(words), rubric))
    except RubricInputError as error:
        if error.code == "ambiguous_area":
            raise
    if len(words) > 1 and _names_an_area(" ".join(words[1:]), rubric):
        raise RubricInputError("unknown_level", words[0], choices=level_names(rubric))
    raise RubricInputError(
        "unknown_word", " ".join(words), choices=level_names(rubric), areas=area_names(rubric)
    )


def _names_an_area(text: str, rubric: Rubric) -> bool:
    try:
        find_area(text, rubric)
    except RubricInputError:
        return False
    return True


def find_level(text: str, rubric: Rubric) -> Level:
    """The level named by ``text`` (id or alias, any case); RubricInputError otherwise."""
    level = rubric.level(text) if text.strip() else None
    if level is None:
        raise RubricInputError("unknown_level", text.strip(), choices=level_names(rubric))
    return level


def find_area(text: str, rubric: Rubric) -> Area:
    """The area ``text`` names exactly or abbreviates clearly; RubricInputError otherwise."""
    typed = text.strip()
    exact = rubric.area(typed) if typed else None
    if exact is None and typed:  # the full name, as error messages list it
        words = _words(typed)
        exact = next((area for area in rubric.areas if _name_words(area) == words), None)
    if exact is not None:
        return exact
    matches = _abbreviated(normalize_key(typed), rubric) if typed else []
    if len(matches) == 1:
        return matches[0]
    if matches:
        names = tuple(area.name for area in matches)
        raise RubricInputError("ambiguous_area", typed, choices=names)
    raise RubricInputError("unknown_area", typed, choices=area_names(rubric))


def find_areas(words: list[str], rubric: Rubric) -> tuple[Area, ...]:
    """Several areas, one per word or per comma-separated phrase, in the order typed, once each."""
    phrases = [p for p in re.split(r"\s*,\s*", " ".join(words)) if p]
    if len(phrases) == 1:
        try:
            return (find_area(phrases[0], rubric),)
        except RubricInputError:
            phrases = phrases[0].split()
    found: list[Area] = []
    for phrase in phrases:
        area = find_area(phrase, rubric)
        if area not in found:
            found.append(area)
    return tuple(found)


def level_names(rubric: Rubric) -> tuple[str, ...]:
    """``("mid (l4)", ...)``: each level id with its L-number aliases, for error messages."""
    names = []
    for level in rubric.levels:
        short = [a.upper() for a in level.aliases if re.fullmatch(r"l\d+", a)]
        names.append(f"{level.id} ({', '.join(short)})" if short else level.id)
    return tuple(names)


def area_names(rubric: Rubric) -> tuple[str, ...]:
    return tuple(area.name for area in rubric.areas)


def split_level(
    words: list[str], rubric: Rubric, *, from_end: bool = True
) -> tuple[Level | None, list[str]]:
    """The level named by the first (or else, if ``from_end``, the last) words, and the
    words left over."""
    for size in range(min(_MAX_LEVEL_WORDS, len(words)), 0, -1):
        level = rubric.level(" ".join(words[:size]))
        if level is not None:
            return level, words[size:]
    if not from_end:
        return None, words
    for size in range(min(_MAX_LEVEL_WORDS, len(words) - 1), 0, -1):
        level = rubric.level(" ".join(words[-size:]))
        if level is not None:
            return level, words[:-size]
    return None, words


def words_of(text: str) -> list[str]:
    return [w for w in re.split(r"\s+", text.strip()) if w]


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9+]+", text.lower())


def _name_words(area: Area) -> list[str]:
    return _words(area.name)


def _abbreviated(key: str, rubric: Rubric) -> list[Area]:
    if len(key) < MIN_ABBREVIATION:
        return []
    found = []
    for area in rubric.areas:
        keys = [normalize_key(area.id), *area.aliases, *_name_words(area)]
        initials = ["".join(part[0] for part in k.split("-")) for k in keys if "-" in k]
        if any(k.startswith(key) for k in keys) or key in initials:
            found.append(area)
    return found
