"""The factwire pipeline is an ordinary spaCy pipeline: registered factories, a spaCy config, saved and loaded whole."""

from importlib.metadata import entry_points

import spacy

from pipeline.extraction import articles_of
from pipeline.inputs.files import find_inputs
from pipeline.inputs.formats import read_articles

FACTORIES = {"factwire_line_starts", "factwire_attributes", "factwire_boundaries", "factwire_gazetteer", "factwire_orgs", "factwire_numbers",
             "factwire_money",
             "factwire_counts", "factwire_dates", "factwire_events"}
MISC = {"factwire.gazetteer_patterns.v1", "factwire.gazetteer_capitals.v1", "factwire.capitals_only.v1",
        "factwire.legal_form_patterns.v1", "factwire.legal_form_spans.v1"}


def test_every_entry_point_loads():
    factories = {ep.name: ep for ep in entry_points(group="spacy_factories") if ep.value.startswith("pipeline.")}
    misc = {ep.name: ep for ep in entry_points(group="spacy_misc") if ep.value.startswith("pipeline.")}
    tokenizers = {ep.name: ep for ep in entry_points(group="spacy_tokenizers") if ep.value.startswith("pipeline.")}
    assert set(factories) == FACTORIES and set(misc) == MISC and set(tokenizers) == {"factwire.news_tokenizer.v1"}
    assert all(callable(ep.load()) for ep in [*factories.values(), *misc.values(), *tokenizers.values()])


def test_the_pipeline_runs_factwire_after_the_models_ner(nlp):
    names = nlp.pipe_names
    assert names[:3] == ["factwire_line_starts", "org_gazetteer", "org_gazetteer_capitals"]  # before the parser
    assert names[names.index("ner") + 1:] == ["factwire_attributes", "factwire_boundaries", "org_suffix_ruler",
                                             "factwire_orgs", "factwire_numbers", "factwire_money",
                                             "factwire_counts", "factwire_dates", "factwire_events"]
    assert {"lemmatizer", "attribute_ruler"} <= set(nlp.disabled)


def test_a_saved_pipeline_loads_with_spacy_and_gives_identical_records(nlp, tmp_path, articles_dir):
    nlp.to_disk(tmp_path / "factwire_en")
    loaded = spacy.load(tmp_path / "factwire_en")
    assert loaded.pipe_names == nlp.pipe_names and set(loaded.disabled) == set(nlp.disabled)
    sources = [a for item in find_inputs([articles_dir]) for a in read_articles(item.path, item.relative).articles]
    assert len(sources) > 1
    ours = [a.model_dump_json() for a in articles_of(nlp, sources)]
    theirs = [a.model_dump_json() for a in articles_of(loaded, sources)]
    assert theirs == ours
