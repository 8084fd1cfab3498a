"""The public API: what `from pipeline import ...` promises library users."""

import pipeline


def test_the_public_names_are_pinned():
    assert sorted(pipeline.__all__) == sorted([
        "SCHEMA_VERSION", "Article", "Count", "DateFact", "Mention", "Money", "Organization",
        "extract", "extract_folder", "extract_texts", "load"])
    assert all(getattr(pipeline, name) is not None for name in pipeline.__all__)


def test_extract_gives_a_record_of_the_contract(nlp):
    article = pipeline.extract("Toyota Motor Corp. will invest $2.5 billion in three factories.")
    assert isinstance(article, pipeline.Article)
    assert (article.money[0].amount, article.money[0].currency) == ("2500000000", "USD")
    assert (article.counts[0].value, article.counts[0].item) == (3, "factory")
    assert pipeline.load() is pipeline.load()  # loaded once per process
