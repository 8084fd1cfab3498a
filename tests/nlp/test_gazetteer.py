"""The gazetteer component finds what spaCy's own span ruler finds with the same patterns, and phrase keys made
from strings split phrases as the tokenizer does."""

import spacy

from pipeline.inputs.files import find_inputs
from pipeline.inputs.formats import read_articles
from pipeline.nlp.base import PhraseKeys
from pipeline.nlp.organizations.rulers import gazetteer_capitals, gazetteer_patterns
from pipeline.nlp.tokenizer import teach_tokenizer
from pipeline.normalize.money import currency_table

GAZETTEER, RULES = "organizations.jsonl", "org_rules.json"
CAPITALS_ONLY = {"@misc": "factwire.capitals_only.v1"}


def test_phrase_keys_split_every_name_and_currency_form_as_the_tokenizer(nlp):
    table = currency_table()
    phrases = {p["pattern"] for p in gazetteer_patterns(GAZETTEER, RULES) + gazetteer_capitals(GAZETTEER, RULES)}
    phrases |= set(table.symbols) | {form for word in table.words for form in (word, word.title(), word.upper())}
    keys = PhraseKeys(nlp.tokenizer, nlp.vocab)
    assert {p: keys.tokens(p) for p in phrases} == {p: [t.text for t in nlp.tokenizer(p)] for p in phrases}


def test_words_the_tokenizer_splits_go_through_it():
    keys = PhraseKeys(spacy.blank("en").tokenizer, spacy.blank("en").vocab, "LOWER")
    assert keys.tokens("Cannot Corp") == ["Can", "not", "Corp"]  # a special case
    assert keys.tokens("Acme (Holdings)") == ["Acme", "(", "Holdings", ")"]
    assert keys.key("ACME Holdings") == keys.key("acme holdings")


def _rulers(factory: str):
    """A pipeline with factwire's tokenizer and the two gazetteer rulers made by `factory`."""
    nlp = spacy.blank("en")
    teach_tokenizer(nlp)
    attr = "phrase_matcher_attr" if factory == "span_ruler" else "attr"
    main = nlp.add_pipe(factory, name="names", config={"spans_key": "org_gazetteer"})
    capitals = nlp.add_pipe(factory, name="capitals", config={"spans_key": "org_gazetteer", attr: "LOWER",
                                                              "overwrite": False, "spans_filter": CAPITALS_ONLY})
    main.initialize(lambda: [], nlp=nlp, patterns=gazetteer_patterns(GAZETTEER, RULES))
    capitals.initialize(lambda: [], nlp=nlp, patterns=gazetteer_capitals(GAZETTEER, RULES))
    return nlp


def test_the_gazetteer_finds_the_spans_spacys_span_ruler_finds(articles_dir):
    texts = [a.text for item in find_inputs([articles_dir]) for a in read_articles(item.path, item.relative).articles]
    texts += [text.upper() for text in texts]  # the capitals ruler: wire headlines in capitals
    texts += ["GOLDMAN SACHS and Goldman Sachs; goldman sachs.", "Ben & Jerry's, BEN & JERRY'S and AT&T."]
    ours, spacys = _rulers("factwire_gazetteer"), _rulers("span_ruler")

    def spans(nlp, text):
        doc = nlp(text)
        return [(s.start, s.end, s.label_, s.id_) for s in doc.spans["org_gazetteer"]]

    found = [spans(spacys, text) for text in texts]
    assert sum(map(len, found)) > 100
    assert [spans(ours, text) for text in texts] == found
