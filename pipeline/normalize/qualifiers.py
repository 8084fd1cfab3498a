"""Map the words before a number ("more than", "an estimated") to one controlled qualifier."""

from __future__ import annotations

from functools import cache

from pipeline.patterns import load_json


@cache
def _qualifiers() -> dict[tuple[str, ...], str]:
    data = load_json("qualifiers.json")
    return {tuple(phrase.split()): value for phrase, value in data.items() if not phrase.startswith("_")}


@cache
def _particle_after() -> dict[tuple[str, ...], frozenset[str]]:
    data = load_json("qualifiers.json")["_particle_after"]
    return {tuple(phrase.split()): frozenset(verbs) for phrase, verbs in data.items()}


def qualifier(words_before: list[str]) -> str | None:
    """The qualifier that the lower-cased words just before a number end with, longest first.

    >>> qualifier(["has", "more", "than"])
    'over'
    >>> qualifier(["since", "then", "over"])
    'over'
    >>> qualifier(["an", "estimated"])
    'about'
    >>> qualifier(["the"]) is None
    True
    >>> qualifier(["paid", "up", "to"]), qualifier(["went", "up", "to"])
    ('up to', None)
    """
    table = _qualifiers()
    for size in (3, 2, 1):
        phrase = tuple(words_before[-size:])
        if len(words_before) >= size and phrase in table:
            before = words_before[-size - 1] if len(words_before) > size else None
            return None if before in _particle_after().get(phrase, ()) else table[phrase]
    return None


def is_qualifier(words: list[str]) -> bool:
    """Whether the lower-cased words are one qualifier phrase, all of them.

    >>> is_qualifier(["more", "than"]), is_qualifier(["from", "about"]), is_qualifier([])
    (True, False, False)
    """
    return tuple(words) in _qualifiers()


def qualified_readings(words: list[str]) -> list[tuple[str | None, list[str]]]:
    """(qualifier, rest) for the words read as they are and for every leading qualifier phrase (up to three words).

    The span readers (`read_money`, `read_count`) try each reading in turn.

    >>> qualified_readings(["more", "than", "$5m"])
    [(None, ['more', 'than', '$5m']), ('over', ['$5m'])]
    >>> qualified_readings(["about"])
    [(None, ['about'])]
    """
    readings: list[tuple[str | None, list[str]]] = [(None, words)]
    for size in (1, 2, 3):
        found = qualifier([w.lower() for w in words[:size]]) if len(words) > size else None
        if found:
            readings.append((found, words[size:]))
    return readings
