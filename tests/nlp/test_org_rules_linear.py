"""The organization rules that ask where else an article writes a name look it up in one index of the text's
words: no regular expression is built, nor the whole text searched, per name (issue 12: an article naming
thousands of organizations was quadratic). Rule tests on the tokenizer alone, entities set by hand."""

import re
import sys

import pytest
import spacy
from spacy.tokens import Span

from pipeline.nlp.organizations.extents import trim, with_possessive_names
from pipeline.nlp.organizations.merge import with_rulers
from pipeline.nlp.organizations.occurrences import WordOccurrences
from pipeline.nlp.organizations.vocabulary import org_vocabulary

NAMES = [f"Kal{k:03d}" for k in range(60)]


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


def patterns_compiled(work) -> set[str]:
    """The pattern of every regular expression compiled (or looked up in re's cache) while `work` runs."""
    seen: set[str] = set()

    def watch(frame, event, arg):
        if event == "call" and frame.f_code is re._compile.__code__:
            seen.add(str(frame.f_locals.get("pattern")))

    sys.setprofile(watch)
    try:
        work()
    finally:
        sys.setprofile(None)
    return seen


def _ents(doc, names: list[str], label: str = "ORG") -> list[Span]:
    """A span for each token (or run of tokens) whose text is one of `names`, in text order."""
    spans = []
    for name in names:
        for match in re.finditer(re.escape(name), doc.text):
            span = doc.char_span(match.start(), match.end(), label=label)
            if span is not None:
                spans.append(span)
    return sorted(spans, key=lambda s: s.start)


def test_possessive_names_are_found_without_a_search_per_name(blank):
    text = "Rumours grew. After Boatmen's, shares rose. Boatmen's was the prize. " + " ".join(
        f"{name}'s shares rose." for name in NAMES)
    doc = blank(text)
    for token in doc:
        token.pos_ = "AUX" if token.text == "was" else "PUNCT" if token.is_punct else "NOUN"
    ents = _ents(doc, ["Boatmen", *NAMES])
    found: list[Span] = []
    compiled = patterns_compiled(lambda: found.extend(with_possessive_names(doc, ents)))
    assert not [p for p in compiled if any(name in p for name in ["Boatmen", *NAMES])]
    assert [e.text for e in found if e.text.startswith("Boatmen")] == ["Boatmen's", "Boatmen's"]
    assert [e.text for e in found if e.text.startswith("Kal")] == NAMES  # a noun follows: "Kal000's shares"


def test_listings_are_split_without_a_search_per_item(blank):
    vocab = org_vocabulary(blank, "org_rules.json")
    listed = [f"{NAMES[k]} or {NAMES[k + 1]}" for k in range(0, len(NAMES), 2)]
    text = " ".join(f"{listing} won." for listing in listed) + f" {NAMES[0]} rose and {NAMES[1]} fell."
    doc = blank(text)
    for token in doc:
        token.pos_ = "PROPN" if token.text.startswith("Kal") else "CCONJ" if token.text == "or" else "VERB"
    doc.ents = _ents(doc, listed)
    merged: list[Span] = []
    compiled = patterns_compiled(lambda: merged.extend(with_rulers(doc, vocab)))
    assert not [p for p in compiled if any(name in p for name in NAMES)]
    # the first listing's items are written apart, so it splits; the others are never written alone
    assert [e.text for e in merged][:3] == [NAMES[0], NAMES[1], listed[1]]


@pytest.mark.parametrize(("text", "name"), [
    ("Acme Corp, Acme Corporation and Acme Corp.", "Acme Corp"),
    ("AT&T and AT&T's unit; XAT&T", "AT&T"),
    ("a a a a", "a a"),
    ("Ørsted A/S, Ørsted A/S's", "Ørsted A/S"),
    ("-Acme and -Acme.", "-Acme"),
])
def test_word_index_finds_what_a_search_of_the_text_finds(text, name):
    expected = [m.span() for m in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text)]
    assert WordOccurrences(text).find(name) == expected


def test_a_title_and_a_person_after_a_company_name_are_cut_from_it(blank):
    """The model's "Shazam spokesperson Giovanni Bossio" (one ORG, seen in a news quote): the company, then a
    person by title (a rule on the tokenizer alone, the model's span set by hand)."""
    vocab = org_vocabulary(blank, "org_rules.json")
    doc = blank("Shazam spokesperson Giovanni Bossio said it.")
    assert trim(Span(doc, 0, 4, label="ORG"), vocab).text == "Shazam"
    doc = blank("Tesco chairman John Allan said it.")
    assert trim(Span(doc, 0, 4, label="ORG"), vocab).text == "Tesco"
