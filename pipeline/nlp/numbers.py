"""The number grammar on tokens, and the `factwire_numbers` component that finds every number once.

A number run is a maximal run of tokens that spells one number ("1.16
billion", "three hundred and two", "a 1.5-billion-euro deal"). The component
puts them in `doc.spans["numbers"]`, where the money and count finders read
them; the values come from `pipeline.normalize.numbers`.
"""

from __future__ import annotations

import re

import numpy
from spacy.attrs import LOWER, SHAPE
from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.nlp.base import string_ids
from pipeline.normalize.numbers import NUMBER_WORDS, SCALES, TENS, UNITS, parse_number
from pipeline.normalize.qualifiers import is_qualifier, qualifier

NUMBERS = "numbers"  # the key of doc.spans

_DIGITS = re.compile(r"^[-−]?(?:\d[\d,]*(?:\.\d+)?|\.\d+)$")
_LEADING_ZERO = re.compile(r"^0\d")  # "08" of a date, "000" of a table's "( 000s )"
_GROUPS = re.compile(r"^\d+(?:/\d+)*$")
_FRACTION_SCALES = frozenset({"half", "quarter", "dozen", "hundred", "thousand", "million", "billion", "trillion"})


def looks_like_year(run: Span) -> bool:
    """A bare four-digit number between 1800 and 2100."""
    return run.text.isdigit() and len(run.text) == 4 and 1800 <= int(run.text) <= 2100


def _word_class(word: str) -> str:
    if word in UNITS:
        return "unit" if UNITS[word] < 10 else "teen"
    if word in TENS:
        return "ten"
    if word in SCALES:
        return "scale"
    return "hundred" if word == "hundred" else "other"


_FOLLOWS = {
    "unit": {"hundred", "scale", "other"}, "teen": {"hundred", "scale", "other"},
    "ten": {"unit", "hundred", "scale", "other"}, "hundred": {"unit", "teen", "ten", "scale", "other"},
    "scale": {"unit", "teen", "ten", "hundred", "scale", "other"}, "other": {"unit", "teen", "ten", "hundred", "scale", "other"},
}


def _word_follows(previous: str, word: str) -> bool:
    """Whether one number word can continue another in a single number: "twenty five" yes, "one two" no.

    A scale word may follow a smaller one only ("thousand million", "lakh crore", not "thousand thousand").
    """
    before, after = _word_class(previous), _word_class(word)
    if before == after == "scale":
        return SCALES[word] > SCALES[previous]
    return after in _FOLLOWS[before]


def _glued_digit_groups(doc: Doc, i: int) -> int:
    """The end of the digit groups glued to token i by "-" or "/" ("1996-08-28", "5/1/98-02"), or i when fewer
    than three groups: three or more are a date or a code, never a number."""
    groups, j = 0, i
    while j < len(doc) and _GROUPS.match(doc[j].text):
        groups += doc[j].text.count("/") + 1
        j += 1
        if j + 1 < len(doc) and doc[j].text in {"-", "/"} and not doc[j - 1].whitespace_ and not doc[j].whitespace_:
            j += 1
        else:
            break
    return j if groups >= 3 and j > i + 1 else i


def _starts_run(doc: Doc, i: int) -> bool:
    """Whether a number run can start at token i: digits (not "08" or "000", a date's or a table's part), a number
    word, a spelled-out scale, "a"/"half"/"quarter" before a scale ("a billion", "half a million")."""
    token, n = doc[i], len(doc)
    if _DIGITS.match(token.text):
        return not _LEADING_ZERO.match(token.text)
    if token.lower_ in {"a", "half", "quarter", "quarters"} and i + 1 < n and doc[i + 1].lower_ in _FRACTION_SCALES:
        return token.lower_ != "a" or doc[i + 1].lower_ not in {"half", "quarter"} or i + 2 < n
    if token.lower_ == "half" and i + 2 < n and doc[i + 1].lower_ == "a" and doc[i + 2].lower_ in _FRACTION_SCALES:
        return True  # "half a million"
    if token.lower_ in SCALES:
        return len(token.text) > 2 and token.lower_ != "grand"
    return token.lower_ in NUMBER_WORDS


_START_WORDS = string_ids({"a", "half", "quarter", "quarters", *SCALES, *NUMBER_WORDS})


def _possible_starts(doc: Doc) -> list[int]:
    """The tokens a number or glued digit groups may start at, from the Doc's arrays (no Token made for the
    others): a digit in the text (its shape has a "d", the rules' \\d being narrower; a token of 100 characters or
    more has the shape "LONG") or a word that may start one."""
    shapes, lowers = doc.to_array([SHAPE, LOWER]).T
    with_digit = [shape for shape in numpy.unique(shapes).tolist()
                  if "d" in (written := doc.vocab.strings[shape]) or written == "LONG"]
    return numpy.flatnonzero(numpy.isin(shapes, numpy.array(with_digit, dtype="uint64"))
                             | numpy.isin(lowers, _START_WORDS)).tolist()


def number_runs(doc: Doc) -> list[Span]:
    """Maximal runs of tokens that spell one number ("1.16 billion", "three hundred and two").

    Abbreviated scales (m, bn, k) count only right after digits; "and" and a
    hyphen join number words; "a" starts a run before a scale word ("a billion").
    Number words never continue digits: "$1 billion seven years ago" is two numbers.
    """
    runs: list[Span] = []
    i, n = 0, len(doc)
    for start in _possible_starts(doc):
        if start < i:
            continue
        i = start
        glued = _glued_digit_groups(doc, i)
        if glued > i:
            i = glued
            continue
        if not _starts_run(doc, i):
            continue
        digits_first = bool(_DIGITS.match(doc[i].text))
        j = i + 1
        while j < n:
            nxt = doc[j]
            prev = doc[j - 1]
            if nxt.lower_ in SCALES and (len(nxt.text) > 2 or _DIGITS.match(prev.text)) and nxt.lower_ != "grand" \
                    and _word_follows(prev.lower_, nxt.lower_):
                j += 1
            elif nxt.lower_ in NUMBER_WORDS and not digits_first and nxt.lower_ not in SCALES \
                    and _word_follows(prev.lower_, nxt.lower_):
                j += 1
            elif nxt.lower_ in {"and", "-", "a"} and j + 1 < n and not digits_first \
                    and doc[j + 1].lower_ in NUMBER_WORDS | {"half"} and not _DIGITS.match(doc[j + 1].text) \
                    and _word_follows(prev.lower_, doc[j + 1].lower_):
                j += 2
            elif nxt.lower_ == "half" and prev.lower_ == "a" or nxt.lower_ == "quarters" and j + 1 < n \
                    and doc[j + 1].lower_ in SCALES:
                j += 1
            elif nxt.lower_ == "point" and j + 1 < n and (doc[j + 1].is_digit or doc[j + 1].lower_ in NUMBER_WORDS) \
                    and not doc[j + 1].lower_ in SCALES:
                j += 2  # "one point three"
            elif nxt.text == "-" and j + 1 < n and _DIGITS.match(prev.text) and doc[j + 1].lower_ in SCALES \
                    and len(doc[j + 1].text) > 2:
                j += 2  # "a 1.5-billion-euro deal"
            elif len(nxt.text) == 3 and nxt.is_digit and prev.is_digit and len(prev.text) <= 3 and prev.whitespace_ == " ":
                j += 1  # "70 000 jobs": thousands separated by a space
            else:
                break
        span = doc[i:j]
        if parse_number(span.text) is not None:
            runs.append(span)
        i = j
    return runs


class NumberFinder:
    """Put every number run of the Doc in `doc.spans["numbers"]`, for the money and count finders."""

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[NUMBERS] = number_runs(doc)
        return doc


@Language.factory("factwire_numbers")
def make_numbers(nlp: Language, name: str) -> NumberFinder:
    return NumberFinder()


def qualifier_before(doc: Doc, start: int) -> str | None:
    """The controlled qualifier written just before token `start` ("more than", "an estimated"), if any."""
    return qualifier([t.lower_ for t in doc[max(start - 4, 0):start]])  # three words and the one before them


def preceded_by(doc: Doc, start: int, cues: list[tuple[str, ...]]) -> bool:
    """Whether one of `cues` (lower-cased word tuples) ends just before token `start`, or before a qualifier
    there: "up from 120", "down from more than 1,000"."""
    words = [t.lower_ for t in doc[max(start - 7, 0):start]]
    for cut in range(len(words), max(len(words) - 4, -1), -1):
        if cut == len(words) or is_qualifier(words[cut:]):
            if any(tuple(words[max(cut - len(cue), 0):cut]) == cue for cue in cues):
                return True
    return False
