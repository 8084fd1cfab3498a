"""The model's attribute ruler (tag -> part of speech, morphology, lemma exceptions) as lookup tables.

en_core_web_sm maps each fine tag to its coarse part of speech with a spaCy
`AttributeRuler` of about 180 token patterns, and spaCy's `Matcher` tries
every pattern at every token: about a seventh of the model's run time. Most of
those patterns look at one token's tag and lower-case form only, so their
outcome is a function of (tag, lower form): `TaggedAttributes` computes that
outcome once per distinct pair and sets it through `Doc.from_array`. The other
patterns (dependency labels, several tokens, negations) still run in a spaCy
`AttributeRuler`, afterwards, as they came last in the model's ruler. The
result is the same token by token (tested); the model's own ruler is disabled.
"""

from __future__ import annotations

import numpy
from spacy.attrs import LEMMA, LOWER, MORPH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.symbols import IDS
from spacy.tokens import Doc

_OUTPUTS = [POS, MORPH, LEMMA]


class TaggedAttributes:
    """Set what the model's attribute ruler sets, by table lookup for its one-token tag/word patterns."""

    def __init__(self, nlp: Language, source: str) -> None:
        self.vocab = nlp.vocab
        self.table_rules: list[tuple[str | None, set[str] | None, dict]] = []
        others = []
        for entry in nlp.get_pipe(source).patterns:
            rule = _tag_and_word_rule(entry)
            if rule is None:
                others.append(entry)
            else:
                self.table_rules.append(rule)
        for _, _, attrs in self.table_rules:  # stored now, outside any memory zone, so they outlive every zone
            if "LEMMA" in attrs:
                self.vocab.strings.add(attrs["LEMMA"])
            if "MORPH" in attrs:
                self.vocab.morphology.add("" if attrs["MORPH"] == "_" else attrs["MORPH"])
        self.others = AttributeRuler(nlp.vocab)
        self.others.add_patterns(others)
        self.outcomes: dict[tuple[int, int], tuple[int | None, int | None, int | None]] = {}

    def _outcome(self, tag: int, lower: int) -> tuple[int | None, int | None, int | None]:
        """(POS, MORPH, LEMMA) ids the rules give a token, later rules overriding earlier ones as in the ruler."""
        strings = self.vocab.strings
        merged: dict[str, str] = {}
        for rule_tag, words, attrs in self.table_rules:
            if (rule_tag is None or rule_tag == strings[tag]) and (words is None or strings[lower] in words):
                merged.update(attrs)
        pos = IDS[merged["POS"]] if "POS" in merged else None
        morph = self.vocab.morphology.add("" if merged["MORPH"] == "_" else merged["MORPH"]) if "MORPH" in merged else None
        lemma = strings.add(merged["LEMMA"]) if "LEMMA" in merged else None
        return pos, morph, lemma

    def __call__(self, doc: Doc) -> Doc:
        rows = doc.to_array([TAG, LOWER, *_OUTPUTS]).tolist()
        for row in rows:
            key = (row[0], row[1])
            outcome = self.outcomes.get(key)
            if outcome is None:
                outcome = self.outcomes[key] = self._outcome(*key)
            for column, value in enumerate(outcome, start=2):
                if value is not None:
                    row[column] = value
        doc.from_array(_OUTPUTS, numpy.array(rows, dtype="uint64")[:, 2:])
        return self.others(doc)


def _tag_and_word_rule(entry: dict) -> tuple[str | None, set[str] | None, dict] | None:
    """(tag, lower-case words, attributes) of a pattern on one token's tag and/or word, else None."""
    patterns = entry["patterns"]
    if len(patterns) != 1 or len(patterns[0]) != 1 or entry.get("index", 0) != 0:
        return None
    token = patterns[0][0]
    tag, words = token.get("TAG"), token.get("LOWER")
    if not token or set(token) - {"TAG", "LOWER"} or not isinstance(tag, (str, type(None))):
        return None
    if isinstance(words, dict):
        if set(words) != {"IN"}:
            return None
        words = set(words["IN"])
    elif isinstance(words, str):
        words = {words}
    return tag, words, entry["attrs"]


@Language.factory("factwire_attributes", default_config={"source": "attribute_ruler"})
def make_attributes(nlp: Language, name: str, source: str) -> TaggedAttributes:
    return TaggedAttributes(nlp, source)
