"""Map the words before a number ("more than", "an estimated") to one controlled qualifier."""

from __future__ import annotations

from functools import cache

from pipeline.patterns import load_json


@cache
def _qualifiers() -> dict[tuple[str, ...], str]:
    data = load_json("qualifiers.json")
    return {tuple(phrase.split()): value for phrase, value in data.items() if not phrase.startswith("_")}


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
    """
    table = _qualifiers()
    for size in (3, 2, 1):
        if len(words_before) >= size and tuple(words_before[-size:]) in table:
            return table[tuple(words_before[-size:])]
    return None
