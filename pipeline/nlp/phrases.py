"""Phrase-matcher keys made from strings, without a Doc per phrase.

Filling a spaCy `PhraseMatcher` with Docs costs, per phrase, a Doc and, per new
word and per match key, a vocabulary entry whose dozen attributes are computed
on the spot; the 5,666 gazetteer names and 1,300 currency words loaded that
way were most of factwire's start-up. A phrase's keys are only the hashes of
its tokens' texts (or lower-case texts), which the string store gives for free
when the tokenizer would leave each space-separated word whole: no other kind
of space, special case, prefix, suffix or infix. Other phrases still go through the
tokenizer. Words seen in an article get their vocabulary entries then, as
any word does.
"""

from __future__ import annotations

from spacy.tokenizer import Tokenizer
from spacy.vocab import Vocab


class PhraseKeys:
    """The matcher keys of phrases as one tokenizer splits them (`ORTH` or `LOWER` hashes)."""

    def __init__(self, tokenizer: Tokenizer, vocab: Vocab, attr: str = "ORTH") -> None:
        if attr not in {"ORTH", "LOWER"}:
            raise ValueError(f"phrase keys compare ORTH or LOWER, not {attr!r}")
        self.tokenizer, self.strings, self.lower = tokenizer, vocab.strings, attr == "LOWER"
        self._whole: dict[str, bool] = {}

    def tokens(self, phrase: str) -> list[str]:
        """The phrase's token texts, exactly as the tokenizer splits it.

        >>> import spacy
        >>> keys = PhraseKeys(spacy.blank("en").tokenizer, spacy.blank("en").vocab)
        >>> keys.tokens("Goldman Sachs"), keys.tokens("Ben & Jerry's")
        (['Goldman', 'Sachs'], ['Ben', '&', 'Jerry', "'s"])
        """
        words = phrase.split(" ")
        if all(self._left_whole(word) for word in words):
            return words
        return [token.text for token in self.tokenizer(phrase)]

    def key(self, phrase: str) -> tuple[int, ...]:
        """The hashes a `PhraseMatcher` on this attribute compares for the phrase."""
        return tuple(self.strings.add(word.lower() if self.lower else word) for word in self.tokens(phrase))

    def _left_whole(self, word: str) -> bool:
        """Whether the tokenizer keeps the word as one token: no other space (a space of its own), special case, affix
        or infix in it."""
        whole = self._whole.get(word)
        if whole is None:
            tokenizer = self.tokenizer
            whole = bool(word) and not any(map(str.isspace, word)) and word not in (tokenizer.rules or {}) \
                and not (tokenizer.prefix_search and tokenizer.prefix_search(word)) \
                and not (tokenizer.suffix_search and tokenizer.suffix_search(word)) \
                and not (tokenizer.infix_finditer and any(tokenizer.infix_finditer(word)))
            self._whole[word] = whole
        return whole
