"""What factwire's components share: the typed values they put on spans (the hand-off from the spaCy pipeline to
the records), lemmas on demand, phrase-matcher keys made from strings, and how a component that derives its state from other parts is rebuilt when a saved
pipeline is loaded.

The money, count and date finders put their spans in `doc.spans["money"]`,
`["counts"]` and `["dates"]` and the value of each on the span
(`span._.money`, `span._.count`, `span._.date`), computed by the normalizers
once; `pipeline.extraction` only copies them into records. The events
component puts each event's trigger in `doc.spans["events"]` with its
`EventHit` (`span._.event`): the roles hold the fact spans themselves, and
the extraction turns each into a reference to the record's lists. The article a Doc
belongs to travels as `doc._.article` (its publication date anchors relative
dates; None when a text is processed on its own).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from decimal import Decimal
from itertools import accumulate
from pathlib import Path
from typing import Literal
from weakref import WeakKeyDictionary

import numpy
from spacy.attrs import DEP, HEAD, SENT_START
from spacy.language import Language
from spacy.lookups import Table
from spacy.pipeline import Lemmatizer
from spacy.strings import get_string_id
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from pipeline.inputs.segment import describe_header

Relation = Literal["range_low", "range_high", "equivalent"]
Basis = Literal["explicit", "default", "context"]


_TEXTS: WeakKeyDictionary[Doc, str] = WeakKeyDictionary()


def header_ranges(doc: Doc) -> tuple[tuple[int, int], ...]:
    """The (start, end) ranges of the article's headline, dateline and metadata lines: the header its input read
    gave it, or, for a Doc made from a text alone, the header read from its own text."""
    article = doc._.article
    return (article.header if article is not None else describe_header(doc_text(doc))).metadata_ranges


def doc_text(doc: Doc) -> str:
    """The Doc's text, joined once per Doc: spaCy joins every token's text on each read of `doc.text` (a Doc's text
    never changes, not even when tokens are merged)."""
    text = _TEXTS.get(doc)
    if text is None:
        text = _TEXTS[doc] = doc.text
    return text


def string_ids(words: Collection[str]) -> numpy.ndarray:
    """The words as the Doc's ORTH / LOWER arrays hold them (string hashes, whatever the vocabulary has seen), for
    `numpy.isin` over a Doc: no Token made for the words that are not wanted."""
    return numpy.array([get_string_id(word) for word in words], dtype="uint64")


@dataclass(frozen=True)
class MoneyHit:
    """One stated amount: exact decimal string in the major unit, ISO code, and how it relates to its neighbours."""

    amount: str
    currency: str
    basis: Basis
    qualifier: str | None = None
    per_unit: str | None = None
    relation: Relation | None = None
    related: int | None = None


@dataclass(frozen=True)
class CountHit:
    """A number of things: the number, the lemma of the counted noun and the counted phrase as written."""

    value: Decimal
    item: str | None
    item_text: str | None
    qualifier: str | None = None


@dataclass(frozen=True)
class DateHit:
    """A calendar date or period: ISO 8601 value at the granularity written."""

    value: str
    granularity: str


@dataclass(frozen=True)
class RoleHit:
    """One participant of an event: a fact's span (an ORG entity, a money, count or date span), or a metric's name."""

    role: str
    filler: Span | None = None
    value: str | None = None


@dataclass(frozen=True)
class EventHit:
    """An event: its type, the trigger words, its status and its participants (`pipeline.nlp.events`)."""

    type: str
    trigger: Span
    status: str
    roles: tuple[RoleHit, ...]


Span.set_extension("money", default=None, force=True)
Span.set_extension("count", default=None, force=True)
Span.set_extension("date", default=None, force=True)
Span.set_extension("event", default=None, force=True)
Doc.set_extension("article", default=None, force=True)


class RebuiltOnLoad:
    """A component whose state comes from package data and the loaded tokenizer or model, not from its own files.

    `spacy.load` builds every component before it reads the saved tokenizer and
    the model's own components back; such a component therefore builds itself
    again in `from_disk`, when they are there, and saves nothing of its own.
    """

    def build(self) -> None:
        """Make the component's state from its settings (called on creation and after loading)."""

    def to_disk(self, path, *, exclude=()) -> None:
        Path(path).mkdir(parents=True, exist_ok=True)

    def from_disk(self, path, *, exclude=()) -> RebuiltOnLoad:
        self.build()
        return self


class OnDemandLemmas:
    """Lemmas for the few tokens that need one (counted nouns, price units).

    `pipeline.nlp.loader` disables the lemmatizer, which would otherwise spend
    about a tenth of the run lemmatizing every token; this asks it per token.
    """

    def __init__(self, nlp: Language) -> None:
        self.lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.component_names else None

    def __call__(self, token: Token) -> str:
        if token.lemma_ or self.lemmatizer is None:  # lemmatized already, or by the attribute ruler's exceptions
            return token.lemma_ or token.lower_
        return indexed(self.lemmatizer).lemmatize(token)[0]


_COPIES: WeakKeyDictionary[Lemmatizer, tuple[tuple[Table, ...], Lemmatizer]] = WeakKeyDictionary()


def indexed(lemmatizer: Lemmatizer) -> Lemmatizer:
    """The copy of `_with_set_index` for the lemmatizer's current tables (a saved pipeline loads them after its
    components are made), made once and shared by every component."""
    tables = tuple(lemmatizer.lookups.get_table(name) for name in lemmatizer.lookups.tables)
    known = _COPIES.get(lemmatizer)
    if known is None or len(known[0]) != len(tables) or any(a is not b for a, b in zip(known[0], tables)):
        known = _COPIES[lemmatizer] = (tables, _with_set_index(lemmatizer))
    return known[1]


def _with_set_index(lemmatizer: Lemmatizer) -> Lemmatizer:
    """A copy of the model's lemmatizer whose word index is a set per part of speech.

    The rule lemmatizer tests each candidate form against the index, a list of
    thousands of words: about 3 ms per new word form, and a run meets new
    forms to its end. A set gives the same answers (same rules, same
    order of forms) at once. The model's own lemmatizer and its tables stay
    as they are (they are saved with the pipeline).
    """
    if lemmatizer.mode != "rule":
        return lemmatizer
    copy = type(lemmatizer)(lemmatizer.vocab, lemmatizer.model, lemmatizer.name, mode=lemmatizer.mode)
    for name in lemmatizer.lookups.tables:
        table = lemmatizer.lookups.get_table(name)
        copy.lookups.add_table(name, {key: frozenset(value) if name == "lemma_index" else value
                                      for key, value in table.items()})
    return copy


class PhraseKeys:
    """The matcher keys of phrases as one tokenizer splits them (`ORTH` or `LOWER` hashes), made from strings.

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


class Sentences:
    """`token.sent` by table lookup: spaCy walks the sentence on every call, which is quadratic in a long sentence
    full of numbers or events. The same bounds: the sentence of a word is the last start at or before it up to
    the next start."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        starts = (doc.to_array(SENT_START) == 1).tolist()
        self.before = list(accumulate((i if start else 0 for i, start in enumerate(starts)), max))
        after, following = [len(doc)] * (len(doc) + 1), len(doc)
        for i in range(len(doc) - 1, -1, -1):
            following = i if starts[i] else following
            after[i] = following
        self.after = after

    def bounds(self, i: int) -> tuple[int, int]:
        """(start, end) of the sentence of word `i`."""
        return self.before[i], self.after[i + 1]

    def of(self, token: Token) -> Span:
        return self.doc[self.before[token.i]:self.after[token.i + 1]]


class Children:
    """`token.children` by table lookup: spaCy walks from a word's leftmost to its rightmost descendant on every
    call, which is quadratic when clauses chain through one long sentence. The same words in the same order;
    asked for some dependency labels only, the children with those (the head of a long coordination has as many
    children as it has conjuncts, and the callers look for its auxiliaries or subject)."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.lists: list[list[int]] = [[] for _ in range(len(doc))]
        self.roots: list[int] = []
        for i, offset in enumerate(doc.to_array(HEAD).astype("int64").tolist()):
            (self.lists[i + offset] if offset else self.roots).append(i)
        self._by_label: dict[tuple[int, str], list[int]] | None = None

    def __call__(self, token: Token, labels: Collection[str] | None = None) -> list[Token]:
        if labels is None:
            return [self.doc[i] for i in self.lists[token.i]]
        if self._by_label is None:
            self._by_label = {}
            names = self.doc.vocab.strings
            heads = self.doc.to_array(HEAD).astype("int64").tolist()  # offsets, negative to the left
            for i, (head, label) in enumerate(zip(heads, self.doc.to_array(DEP).tolist())):
                if head:
                    self._by_label.setdefault((i + head, names[label]), []).append(i)
        found = [i for label in labels for i in self._by_label.get((token.i, label), ())]
        return [self.doc[i] for i in (sorted(found) if len(labels) > 1 else found)]
