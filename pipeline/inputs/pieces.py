"""Cut a long text into pieces spaCy can take in bounded time and memory; offsets survive.

spaCy's parser and NER need memory in proportion to a Doc's length, and its
tokenizer takes time in proportion to the square of a run of characters
without whitespace ("$$$$...", "((((..."): it strips affixes one at a time,
copying the rest of the run each time. So an article is processed as pieces of
at most `PIECE_CHARS` characters, cut where the text allows (a paragraph end,
else a line end, else a sentence end, else whitespace, else anywhere), and a
run of more than `MAX_RUN` non-space characters is cut every `MAX_RUN`
characters. The pieces partition the text exactly, so the facts of each piece
keep their offsets once shifted by the piece's start. Every step is linear in
the text's length. A run of more than `MAX_CAPITALS` capitalized words
is cut too: the legal-form patterns ("<capitalized words>+ Inc.") make
spaCy's matcher follow a match from every word of such a run, quadratic in
its length.
"""

from __future__ import annotations

import re

PIECE_CHARS = 100_000
MAX_RUN = 1_000  # longer than any word or link of news text; a longer run is an attack, not a name
MAX_CAPITALS = 64  # capitalized words in a row: a Title Case headline has a dozen or two
_CAPITALS = re.compile(r"(?<!\S)(?:[A-Z0-9]\S*[ \t]+)+[A-Z0-9]\S*")
# where to cut, best first: after a blank line, after a line end, after a sentence end, after whitespace
_CUT_AFTER = (("\n\n",), ("\n",), (". ", "! ", "? ", ".\t"), (" ", "\t"))


def split_long(text: str, limit: int = PIECE_CHARS, max_run: int = MAX_RUN) -> list[tuple[int, int]]:
    """Consecutive (start, end) pieces of `text`, each at most `limit` characters and with no run of more than
    `max_run` non-space characters, that together are the whole text.

    >>> split_long("aaa.\\n\\nbbb. ccc.", 8)
    [(0, 6), (6, 11), (11, 15)]
    >>> split_long("short", 100)
    [(0, 5)]
    >>> split_long("abcdefghijklmnopqrstuvwxyz", 8)  # no place to cut: cut anyway, never one character at a time
    [(0, 8), (8, 16), (16, 24), (24, 26)]
    >>> split_long("one two three four five six", 10)
    [(0, 8), (8, 14), (14, 24), (24, 27)]
    >>> len(split_long(" ".join(["Alpha"] * 200), 100_000))  # 200 capitalized words in a row
    4
    >>> split_long("ab $$$$$$$$$ cd", 100, max_run=4)
    [(0, 7), (7, 11), (11, 15)]
    """
    cuts = set(_cuts_by_length(text, limit))
    for run in re.finditer(r"(?<!\S)\S{%d,}" % (max_run + 1), text):  # from a run's start only: no rescans
        cuts.update(range(run.start() + max_run, run.end(), max_run))
    for run in _CAPITALS.finditer(text):
        if run.end() - run.start() > MAX_CAPITALS * 2:  # else too few words to count them
            starts = [run.start() + word.start() for word in re.finditer(r"\S+", run.group())]
            cuts.update(starts[MAX_CAPITALS::MAX_CAPITALS])
    bounds = [0, *sorted(cut for cut in cuts if 0 < cut < len(text)), len(text)]
    return list(zip(bounds, bounds[1:])) if text else [(0, 0)]


def _cuts_by_length(text: str, limit: int) -> list[int]:
    """Cut points a window of `limit` characters apart at most, each at the best separator in the window's
    second half (a piece is never shorter than half the limit unless the text ends)."""
    cuts = []
    start = 0
    while len(text) - start > limit:
        end = start + limit
        cut = next((best for seps in _CUT_AFTER if (best := _last_after(text, seps, start + limit // 2, end)) > 0),
                   end)
        cuts.append(cut)
        start = cut
    return cuts


def _last_after(text: str, separators: tuple[str, ...], low: int, high: int) -> int:
    """The position right after the last of `separators` within text[low:high], else -1."""
    found = -1
    for sep in separators:
        at = text.rfind(sep, low, high)
        if at >= 0:
            found = max(found, at + len(sep))
    return found if found > low else -1
