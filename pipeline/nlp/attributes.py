"""The model's attribute ruler (tag -> part of speech, morphology, lemma exceptions) as lookup tables.

en_core_web_sm maps each fine tag to its coarse part of speech with a spaCy
`AttributeRuler` of about 180 token patterns, and spaCy's `Matcher` tries
every pattern at every token: about a seventh of the model's run time. All but
a few of those patterns look at one token's tag, lower-case form and
dependency label only, so their outcome is a function of those three, and the word matters only when a
pattern names it: `TaggedAttributes` computes the outcome once per (tag, word
or "any other word", label) and sets it through `Doc.from_array`. The others (several tokens, or setting the tag or label
itself) still run in a spaCy `AttributeRuler`, afterwards. The result is the
same token by token (tested); the model's own ruler is disabled.
"""

from __future__ import annotations

import re

import numpy
from spacy.attrs import DEP, LEMMA, LOWER, MORPH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.symbols import IDS
from spacy.tokens import Doc

from pipeline.nlp.base import RebuiltOnLoad

_OUTPUTS = [POS, MORPH, LEMMA]
_TABLE_KEYS = {"TAG", "LOWER", "DEP", "IS_SPACE"}
_TABLE_OPERATORS = {"IN", "NOT_IN", "REGEX"}
_ANY_OTHER_WORD = "\x00"
_WORDS_KEPT = 100_000  # forms remembered at most (then forgotten at once), so memory does not grow with the run


class TaggedAttributes(RebuiltOnLoad):
    """Set what the model's attribute ruler sets, by table lookup for its one-token patterns."""

    def __init__(self, nlp: Language, source: str) -> None:
        self.nlp, self.source = nlp, source
        self.build()

    def build(self) -> None:
        """The tables of the source ruler's patterns (read again once a saved pipeline has loaded them)."""
        nlp = self.nlp
        self.vocab = nlp.vocab
        self.table_rules: list[tuple[list[dict], dict]] = []
        others = []
        for entry in nlp.get_pipe(self.source).patterns:
            if _one_token_rule(entry):
                self.table_rules.append(([pattern[0] for pattern in entry["patterns"]], entry["attrs"]))
            else:
                others.append(entry)
        for _, attrs in self.table_rules:  # stored now, outside any memory zone, so they outlive every zone
            if "LEMMA" in attrs:
                self.vocab.strings.add(attrs["LEMMA"])
            if "MORPH" in attrs:
                self.vocab.morphology.add("" if attrs["MORPH"] == "_" else attrs["MORPH"])
        self.others = AttributeRuler(nlp.vocab)
        self.others.add_patterns(others)
        self.named_words = {word for alternatives, _ in self.table_rules for spec in alternatives
                            for word in _words_named(spec.get("LOWER"))}
        self.word_patterns = [re.compile(spec["LOWER"]["REGEX"]) for alternatives, _ in self.table_rules
                              for spec in alternatives if isinstance(spec.get("LOWER"), dict) and "REGEX" in spec["LOWER"]]
        self.outcomes: dict[tuple[int, str, int], tuple[int | None, int | None, int | None]] = {}
        self.rules_by_tag: dict[str, list[tuple[list[dict], dict]]] = {}
        self.words: dict[int, str] = {}  # `_word` of a lower-case form's hash, kept across Docs (most words recur)

    def _rules_for(self, tag: str) -> list[tuple[list[dict], dict]]:
        """The rules that can match a token with this tag, in the ruler's order (most name one tag)."""
        if tag not in self.rules_by_tag:
            self.rules_by_tag[tag] = [rule for rule in self.table_rules
                                      if any(_matches({k: v for k, v in spec.items() if k == "TAG"}, {"TAG": tag})
                                             for spec in rule[0])]
        return self.rules_by_tag[tag]

    def _word(self, lower: int) -> str:
        """The lower-case form if some pattern can tell it apart (it names it, or it is white space), else a
        stand-in no pattern names, so the outcome table stays small however many words a run sees."""
        word = self.vocab.strings[lower]
        if word in self.named_words or word.isspace() or any(p.search(word) for p in self.word_patterns):
            return word
        return _ANY_OTHER_WORD

    def _outcome(self, tag: int, word: str, dep: int) -> tuple[int | None, int | None, int | None]:
        """(POS, MORPH, LEMMA) ids the rules give a token, later rules overriding earlier ones as in the ruler."""
        strings = self.vocab.strings
        token = {"TAG": strings[tag], "LOWER": word, "DEP": strings[dep], "IS_SPACE": word.isspace()}
        merged: dict[str, str] = {}
        for alternatives, attrs in self._rules_for(token["TAG"]):
            if any(_matches(spec, token) for spec in alternatives):
                merged.update(attrs)
        pos = IDS[merged["POS"]] if "POS" in merged else None
        morph = self.vocab.morphology.add("" if merged["MORPH"] == "_" else merged["MORPH"]) if "MORPH" in merged else None
        lemma = strings.add(merged["LEMMA"]) if "LEMMA" in merged else None
        return pos, morph, lemma

    def __call__(self, doc: Doc) -> Doc:
        rows = doc.to_array([TAG, LOWER, DEP, *_OUTPUTS]).tolist()
        words = self.words
        if len(words) > _WORDS_KEPT:
            words.clear()
        for row in rows:
            word = words.get(row[1])
            if word is None:
                word = words[row[1]] = self._word(row[1])
            key = (row[0], word, row[2])
            outcome = self.outcomes.get(key)
            if outcome is None:
                outcome = self.outcomes[key] = self._outcome(*key)
            for column, value in enumerate(outcome, start=3):
                if value is not None:
                    row[column] = value
        doc.from_array(_OUTPUTS, numpy.array(rows, dtype="uint64")[:, 3:])
        return self.others(doc)


def _one_token_rule(entry: dict) -> bool:
    """Whether a ruler pattern looks at one token's tag, word, dependency label and spaceness only, and sets
    only its part of speech, morphology or lemma: then its outcome can be tabled."""
    if entry.get("index", 0) != 0 or set(entry["attrs"]) - {"POS", "MORPH", "LEMMA"}:
        return False
    for pattern in entry["patterns"]:
        if len(pattern) != 1 or set(pattern[0]) - _TABLE_KEYS:
            return False
        if any(isinstance(v, dict) and set(v) - _TABLE_OPERATORS for v in pattern[0].values()):
            return False
    return True


def _words_named(wanted: str | dict | None) -> list[str]:
    if isinstance(wanted, str):
        return [wanted]
    if isinstance(wanted, dict):
        return [*wanted.get("IN", []), *wanted.get("NOT_IN", [])]
    return []


def _matches(spec: dict, token: dict) -> bool:
    """Whether a one-token pattern matches a token's values, with the Matcher's IN / NOT_IN / REGEX."""
    for key, wanted in spec.items():
        value = token[key]
        if not isinstance(wanted, dict):
            if value != wanted:
                return False
            continue
        if "IN" in wanted and value not in wanted["IN"] or "NOT_IN" in wanted and value in wanted["NOT_IN"]:
            return False
        if "REGEX" in wanted and not re.search(wanted["REGEX"], value):
            return False
    return True


@Language.factory("factwire_attributes", default_config={"source": "attribute_ruler"})
def make_attributes(nlp: Language, name: str, source: str) -> TaggedAttributes:
    return TaggedAttributes(nlp, source)
