"""The news tokenizer: affix patterns searched fast (the same tokens as a full search, in linear time), made once
in the model's place."""

import spacy
from spacy.symbols import ORTH

from pipeline.nlp.loader import model_name
from pipeline.nlp.tokenizer import ModelTokenizing, TailSearch, taught_tokenizer, teach_tokenizer


def test_the_tail_search_finds_what_a_full_search_finds(nlp):
    tail = nlp.tokenizer.suffix_search.__self__
    assert isinstance(tail, TailSearch) and tail.tail < 20
    cases = ["word.", "end....", "." * 500, "x" + "." * 300, "10km", "5km²", "$", "$" * 200, "(" * 300, "U.S.",
             "it's", "AT&T.", "115USD", "10k$", "50bn", "Hello!!!", "a" * 1000 + "'s", "…", "x……", "3°C."]
    for case in cases:
        ours, theirs = tail.search(case), tail.regex.search(case)
        assert (ours and ours.span()) == (theirs and theirs.span()), case


def test_prefixes_are_matched_not_searched(nlp):
    prefix = nlp.tokenizer.prefix_search
    assert prefix.__name__ == "match" and prefix("$5").group() == "$" and prefix("a$") is None


def test_the_loaded_tokenizer_splits_as_the_models_own_taught(nlp, articles_dir):
    """The news tokenizer is made in place of the model's stored one: same tokens as teaching the model's own."""
    model = spacy.load(model_name())
    teach_tokenizer(model)
    texts = [path.read_text(encoding="utf-8") for path in sorted(articles_dir.rglob("*.txt"))]
    assert texts
    for text in texts:
        assert [t.text for t in nlp.make_doc(text)] == [t.text for t in model.make_doc(text)]


def test_a_model_storing_other_tokenizer_settings_keeps_them(tmp_path):
    own = spacy.blank("en")
    own.tokenizer.add_special_case("Acme.Corp", [{ORTH: "Acme.Corp"}])
    own.tokenizer.to_disk(tmp_path / "tokenizer")
    stored = ModelTokenizing.stored(tmp_path)
    assert stored is not None and stored != ModelTokenizing.of_language(own)
    taught = taught_tokenizer(own, stored)
    assert [t.text for t in taught("Acme.Corp paid HK$2bn.")] == ["Acme.Corp", "paid", "HK$", "2", "bn", "."]
    assert ModelTokenizing.stored(tmp_path / "missing") is None and ModelTokenizing.stored(None) is None
