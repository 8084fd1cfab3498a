"""The parts that make the pipeline fast must not change what it finds."""

import spacy

from pipeline.inputs.files import find_inputs
from pipeline.inputs.formats import read_articles
from pipeline.nlp.loader import model_name

TEXT = ("Shares of Toyota Motor Corp. rose 3% on Monday after it said it had sold 1,200 hybrid cars. "
        "There were 40 stores; isn't that something? He himself did not, but they've been told so. "
        "Grupo Televisa S.A.B. de C.V. and Petronas Dagangan Sdn Bhd were named; Acme Pte de SA was not.")


def test_table_attributes_equal_the_models_attribute_ruler(nlp):
    """Part of speech, morphology and lemma exceptions token by token, as the model's own ruler sets them."""
    plain = spacy.load(model_name(), exclude=["lemmatizer"])
    expected = [(t.text, t.pos_, str(t.morph), t.lemma_) for t in plain(TEXT)]
    got = [(t.text, t.pos_, str(t.morph), t.lemma_) for t in nlp(TEXT)]
    assert got == expected
    assert "attribute_ruler" not in nlp.pipe_names and "factwire_attributes" in nlp.pipe_names


def test_table_attributes_equal_the_ruler_on_every_bundled_article(nlp, articles_dir):
    """The same, token by token, over the bundled articles (about 6,500 tokens), read as `extract` reads them."""
    texts = [article.text for item in find_inputs([articles_dir]) for article in read_articles(item.path, item.relative).articles]
    with nlp.select_pipes(enable=["tok2vec", "tagger", "parser"]):
        docs = list(nlp.pipe(texts))
    ours, theirs = [d.copy() for d in docs], [d.copy() for d in docs]
    for ours_doc, their_doc in zip(ours, theirs):
        nlp.get_pipe("factwire_attributes")(ours_doc)
        nlp.get_pipe("attribute_ruler")(their_doc)  # the model's own, kept in the pipeline but disabled
    def attributes(doc_list):
        return [(t.pos_, str(t.morph), t.lemma_, t.tag_, t.dep_) for d in doc_list for t in d]
    assert attributes(ours) == attributes(theirs) and len(attributes(ours)) > 6000


def test_legal_forms_of_several_words_match_only_as_written(nlp):
    """The grouped legal-form patterns keep real forms and drop mixtures of their words ("Pte de SA")."""
    doc = nlp(TEXT)
    found = {span.text for span in doc.spans["org_suffix"]}
    assert {"Grupo Televisa S.A.B. de C.V.", "Petronas Dagangan Sdn Bhd"} <= found
    assert "Acme Pte de SA" not in found and "Acme Pte" in found


def test_lemmas_on_demand_equal_the_models_rule_lemmatizer(nlp, articles_dir):
    """The lemmatizer copy with its word index as sets gives every token of the bundled articles the lemmas the
    model's own rule lemmatizer gives (about 6,500 tokens, every part of speech)."""
    from pipeline.nlp.base import indexed

    texts = [article.text for item in find_inputs([articles_dir]) for article in read_articles(item.path, item.relative).articles]
    lemmatizer = nlp.get_pipe("lemmatizer")
    fast = indexed(lemmatizer).lemmatize
    tokens = [t for doc in nlp.pipe(texts) for t in doc]
    assert fast.__self__ is not lemmatizer and len(tokens) > 6000
    assert [fast(t) for t in tokens] == [lemmatizer.rule_lemmatize(t) for t in tokens]


def test_the_first_group_outside_a_memory_zone_gives_the_same_records(nlp, articles_dir):
    """The bundled articles give the same records when every group runs in a memory zone as when the first one
    runs outside (where the tokenizer keeps its cache)."""
    from pipeline import extraction

    sources = [article for item in find_inputs([articles_dir]) for article in read_articles(item.path, item.relative).articles]
    extraction._WARMED.add(nlp)  # as if warmed already: every group in a zone
    in_zones = [a.model_dump_json() for a in extraction.articles_of(nlp, sources)]
    extraction._WARMED.discard(nlp)
    first_outside = [a.model_dump_json() for a in extraction.articles_of(nlp, sources)]
    assert nlp in extraction._WARMED
    assert first_outside == in_zones and len(in_zones) > 10
