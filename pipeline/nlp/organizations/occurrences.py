"""Where a name is written in a text, found through an index of the text's words.

The organization rules ask, of every name they weigh, where else the article
writes it ("Boatmen's" always with its "'s"; "Mercantile" on its own outside
"Mercantile or Commerce"). A regular-expression search of the whole text per
name makes an article naming thousands of organizations quadratic; here the
text's words are indexed once (a pass over the text, built on first use) and a
name is looked up by its rarest word, so each search costs the occurrences of
that word.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict

_WORD = re.compile(r"\w+")


class WordOccurrences:
    """The start of every word of a text, by the word, to find names written as words of their own."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._starts: dict[str, list[int]] | None = None

    def _index(self) -> dict[str, list[int]]:
        if self._starts is None:
            starts: defaultdict[str, list[int]] = defaultdict(list)
            for word in _WORD.finditer(self.text):
                starts[word.group()].append(word.start())
            self._starts = dict(starts)
        return self._starts

    def find(self, name: str) -> list[tuple[int, int]]:
        """(start, end) of every occurrence of `name` with no word character just before or after it, left to
        right and not overlapping: what `re.finditer(r"(?<!\\w)NAME(?!\\w)")` gives.

        >>> WordOccurrences("Acme Corp, Acme Corporation and Acme Corp.").find("Acme Corp")
        [(0, 9), (32, 41)]
        """
        words = list(_WORD.finditer(name))
        if not words or words[0].start() > 0:  # a name opening with a sign: no word to look it up by
            return [m.span() for m in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", self.text)]
        index, text = self._index(), self.text
        anchor = min(words, key=lambda w: len(index.get(w.group(), ())))  # inside a match, every word is whole
        found: list[tuple[int, int]] = []
        for at in index.get(anchor.group(), ()):
            start = at - anchor.start()
            end = start + len(name)
            if start < (found[-1][1] if found else 0) or start < 0 or not text.startswith(name, start):
                continue
            if (start == 0 or not _WORD.match(text, start - 1)) and not _WORD.match(text, end):
                found.append((start, end))
        return found

    def apart_from(self, name: str, whole: str) -> bool:
        """Whether `name` is written as a word of its own outside every copy of `whole` ("Mercantile" alone, not
        only inside "Mercantile or Commerce").

        >>> words = WordOccurrences("Mercantile or Commerce won. Mercantile rose; Commerce fell.")
        >>> words.apart_from("Mercantile", "Mercantile or Commerce"), words.apart_from("Pennington", "Mercantile")
        (True, False)
        """
        copies = self.find(whole)
        starts = [start for start, _ in copies]
        for start, end in self.find(name):
            k = bisect_left(starts, end) - 1  # the last copy starting before the occurrence ends
            if k < 0 or copies[k][1] <= start:
                return True
        return False
