"""Gold importers and exporters on real annotation files (tests/data/gold_formats/), written by reading the texts."""

import json
from pathlib import Path

import pytest
from spacy.tokens import DocBin

from pipeline.gold.format import GoldError, load_gold, read_articles
from pipeline.gold.tools import export_gold, import_gold
from pipeline.gold.spans import to_spans

DATA = Path(__file__).resolve().parent / "data" / "gold_formats"
FILES = {"prodigy": DATA / "news.prodigy.jsonl", "doccano": DATA / "news.doccano.jsonl",
         "labelstudio": DATA / "news.labelstudio.json", "conll": DATA / "news.conll"}


def spans_of(articles):
    return [[(s.label, s.start, s.end, s.text) for s in to_spans(a)] for a in articles]


def imported(fmt, path):
    notes = []
    [articles] = import_gold(fmt, path, notes).values()
    return articles, notes


@pytest.mark.parametrize("fmt", FILES)
def test_round_trip_keeps_every_span(fmt, tmp_path):
    articles, _ = imported(fmt, FILES[fmt])
    out = tmp_path / FILES[fmt].name
    assert export_gold(fmt, articles, out) == []
    again, _ = imported(fmt, out)
    assert spans_of(again) == spans_of(articles)
    assert [a.text for a in again] == [a.text for a in articles]
    assert sum(len(s) for s in spans_of(articles)) == {"prodigy": 11, "doccano": 11, "labelstudio": 11, "conll": 10}[fmt]


def test_values_are_normalized_or_taken_from_the_source():
    articles, notes = imported("prodigy", FILES["prodigy"])
    kmart, airbus = articles
    assert notes == [f"{FILES['prodigy']}:3: skipped, answer 'reject'"]
    assert [o.name for o in kmart.organizations] == ["Kmart Holding Corp.", "Sears"]  # "name" given on the span wins
    assert (kmart.money[0].amount, kmart.money[0].currency) == ("11000000000", "USD")
    assert (kmart.counts[0].value, kmart.counts[0].item, kmart.counts[0].qualifier) == (3500, "store", "about")
    assert kmart.dates[0].value == "2004-11-17"  # "Wednesday" against meta.published
    assert [(c.value, c.item) for c in airbus.counts] == [(10000, "job"), (1600, "worker")]  # CARDINAL with a noun
    assert (airbus.money[0].amount, airbus.money[0].currency) == ("1200000000", "EUR")
    assert airbus.dates[0].value == "2007-02"


def test_conll_text_and_labels():
    articles, _ = imported("conll", FILES["conll"])
    assert articles[0].text.startswith("Toyota Motor Corp. will invest $ 2.5 billion in three factories in 2019 .\nGeneral")
    assert [(c.value, c.item) for c in articles[0].counts] == [(3, "factory"), (1200, "engineer")]
    assert [d.value for d in articles[1].dates] == ["2012-03"]


def test_gold_round_trips_through_prodigy_with_values(tmp_path):
    gold = load_gold(Path(__file__).resolve().parents[1] / "articles" / "gold" / "000_7262c0a3e9177b2d.jsonl")
    out = tmp_path / "seed.jsonl"
    export_gold("prodigy", list(gold.values()), out)
    [again] = import_gold("prodigy", out, []).values()
    assert [a.model_dump(exclude={"encoding"}) for a in again] == [a.model_dump(exclude={"encoding"}) for a in gold.values()]


def test_docbin_export_holds_entities_and_overlapping_spans(tmp_path):
    gold = load_gold(Path(__file__).resolve().parents[1] / "articles" / "gold")
    out = tmp_path / "gold.spacy"
    notes = export_gold("docbin", list(gold.values()), out)
    from pipeline.gold.spans import parsing_model
    docs = list(DocBin().from_disk(out).get_docs(parsing_model().vocab))
    assert len(docs) == len(gold)
    total = sum(len([s for s in to_spans(a) if s.label != "IGNORE"]) for a in gold.values())
    assert sum(len(d.spans["factwire"]) for d in docs) == total
    assert sum(len(d.ents) for d in docs) + len(notes) == total  # spans left out of doc.ents are reported
    assert all(note.split(": ")[1].split()[0] in {"ORG", "MONEY", "COUNT", "DATE"} for note in notes)  # by label name


@pytest.mark.parametrize("line, message", [
    ({"text": "Acme Corp. paid $5.", "spans": [{"start": 0, "end": 10, "label": "COMPANY"}]}, "unknown label 'COMPANY'"),
    ({"text": "Acme Corp. paid $5.", "spans": [{"start": 16, "end": 40, "label": "MONEY"}]}, "outside the text"),
    ({"text": "Acme Corp. paid $5.", "spans": [{"start": 0, "end": 10, "label": "ORG"}, {"start": 5, "end": 10, "label": "ORG"}]},
     "ORG spans overlap"),
    ({"text": "Acme Corp. paid $5.", "spans": [{"start": 0, "end": 4, "label": "ORG", "text": "Acme Corp"}]}, "does not match"),
])
def test_bad_gold_is_reported_with_its_line(tmp_path, line, message):
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps({"text": "Fine: Nike hired 20 people.", "spans": []}) + "\n" + json.dumps(line) + "\n", encoding="utf-8")
    with pytest.raises(GoldError, match=f"bad.jsonl:2: .*{message}"):
        import_gold("prodigy", path, [])


def test_unnormalizable_spans_are_reported_and_ignored(tmp_path):
    path = tmp_path / "odd.jsonl"
    path.write_text(json.dumps({"text": "They paid lots of money.", "spans": [{"start": 10, "end": 23, "label": "MONEY"}]}) + "\n")
    notes = []
    [[article]] = import_gold("prodigy", path, notes).values()
    assert notes == [f"{path}:1: cannot normalize MONEY 'lots of money': kept as an ignore region"]
    assert article.money == [] and (article.ignore[0].start, article.ignore[0].end) == (10, 23)


def test_a_gold_span_off_its_text_names_file_and_line(tmp_path):
    good = (Path(__file__).resolve().parents[1] / "articles" / "gold" / "000_7262c0a3e9177b2d.jsonl").read_text(
        encoding="utf-8").splitlines(keepends=True)[0]
    record = json.loads(good)
    record["money"][0]["start"] += 1
    path = tmp_path / "gold.jsonl"
    path.write_text(good + json.dumps(record) + "\n", encoding="utf-8")
    with pytest.raises(GoldError, match=r"(?s)gold.jsonl:2: .*does not match text"):
        list(read_articles(path))
