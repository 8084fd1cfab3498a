"""Annotation tools' files in and out on real annotation files (tests/data/gold_formats/), written by reading the texts."""

import json
from pathlib import Path

import pytest
import spacy
from spacy.tokens import DocBin

from pipeline.gold import GoldError, export_gold, export_gold_file, import_gold, import_gold_files, load_gold, to_spans

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "gold_formats"
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
    assert [o.name for o in kmart.organizations] == ["Kmart Holding", "Sears"]  # legal form dropped; "name" given on the span wins
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
    gold = load_gold(ROOT / "articles" / "gold" / "000_7262c0a3e9177b2d.jsonl")
    out = tmp_path / "seed.jsonl"
    export_gold("prodigy", list(gold.values()), out)
    [again] = import_gold("prodigy", out, []).values()
    assert [a.model_dump(exclude={"encoding", "events"}) for a in again] == \
        [a.model_dump(exclude={"encoding", "events"}) for a in gold.values()]


@pytest.mark.parametrize("fmt", ["prodigy", "labelstudio"])
def test_events_are_read_from_trigger_spans_and_relations(fmt):
    articles, notes = imported(fmt, FILES[fmt])
    [event] = articles[0].events
    assert (event.type, event.trigger.text, event.status) == ("acquisition", "buy", "announced")
    assert [(r.role, r.ref) for r in event.roles] == [("acquirer", "organizations/0"), ("target", "organizations/1"),
                                                      ("value", "money/0")]
    assert articles[1].events == [] and not any("relation" in note for note in notes)


@pytest.mark.parametrize("fmt", ["prodigy", "labelstudio"])
def test_gold_events_round_trip(fmt, tmp_path):
    """The project's gold articles (every event type, metrics, two investors) out and back in; those with a money
    range written inside another amount ("$5-7 million" holding "7 million") are left out: the importers refuse
    overlapping spans of one label."""
    gold = [a for a in load_gold(ROOT / "articles" / "gold").values() if not _overlapping_money(a)]
    out = tmp_path / "gold.out"
    export_gold(fmt, gold, out)
    [again] = import_gold(fmt, out, []).values()
    assert [a.events for a in again] == [a.events for a in gold]
    assert sum(len(a.events) for a in gold) > 50


def _overlapping_money(article):
    spans = sorted((m.start, m.end) for m in article.money)
    return any(after[0] < before[1] for before, after in zip(spans, spans[1:]))


def test_prodigy_export_gives_relations_the_tokens_they_point_at(tmp_path):
    gold = load_gold(ROOT / "articles" / "gold" / "000_7262c0a3e9177b2d.jsonl")
    out = tmp_path / "seed.jsonl"
    export_gold("prodigy", list(gold.values()), out)
    task = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    tokens = task["tokens"]
    assert "".join(t["text"] + (" " if t["ws"] else "") for t in tokens) == task["text"]
    for relation in task["relations"]:
        for end in ("head", "child"):
            span = relation[f"{end}_span"]
            assert relation[end] == span["token_end"]
            first, last = tokens[span["token_start"]], tokens[span["token_end"]]
            assert (first["start"], last["end"]) == (span["start"], span["end"])


def _kmart(spans=(), relations=()):
    text = "Kmart Corp. will buy Sears for $11 billion."
    facts = [{"start": 0, "end": 11, "label": "ORG"}, {"start": 21, "end": 26, "label": "ORG"},
             {"start": 31, "end": 42, "label": "MONEY"}]
    return {"text": text, "spans": [*facts, *spans], "relations": list(relations)}


def _rel(label, head=(17, 20), child=(0, 11)):
    return {"head_span": {"start": head[0], "end": head[1]}, "child_span": {"start": child[0], "end": child[1]},
            "label": label}


BUY = {"start": 17, "end": 20, "label": "ACQUISITION", "status": "announced"}


@pytest.mark.parametrize("line, message", [
    (_kmart([BUY], [_rel("buyer")]), "acquisition has no role 'buyer'"),
    (_kmart([BUY], [_rel("acquirer", head=(21, 26))]), "does not start at an event trigger"),
    (_kmart([{**BUY, "status": None}], [_rel("acquirer")]), "no status on the trigger span"),
    (_kmart([BUY], [_rel("value")]), "value of acquisition must point at a MONEY span"),
    (_kmart([BUY, BUY]), "two event triggers on 'buy'"),
    (_kmart([{**BUY, "text": "bu"}]), "does not match"),
])
def test_bad_events_are_reported_with_their_line(tmp_path, line, message):
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(_kmart()) + "\n" + json.dumps(line) + "\n", encoding="utf-8")
    with pytest.raises(GoldError, match=f"bad.jsonl:2: .*{message}"):
        import_gold("prodigy", path, [])


def test_a_role_on_a_span_that_is_no_fact_is_noted_and_left_out(tmp_path):
    path = tmp_path / "odd.jsonl"
    path.write_text(json.dumps(_kmart([BUY], [_rel("acquirer"), _rel("target", child=(31, 36))])) + "\n")
    notes = []
    [[article]] = import_gold("prodigy", path, notes).values()
    assert [(r.role, r.ref) for r in article.events[0].roles] == [("acquirer", "organizations/0")]
    assert notes == [f"{path}:1: target of acquisition 'buy' points at 31-36, which is none of the article's facts: "
                     f"left out"]


def test_docbin_export_holds_entities_and_overlapping_spans(tmp_path):
    """The seed's gold and a gold set where counts and money hold organizations ("80 executive jet deliveries")."""
    gold = [*load_gold(ROOT / "articles" / "gold").values(), *load_gold(ROOT / "tests" / "data" / "unseen" / "dev.jsonl").values()]
    out = tmp_path / "gold.spacy"
    notes = export_gold("docbin", gold, out)
    docs = list(DocBin().from_disk(out).get_docs(spacy.blank("en").vocab))
    assert len(docs) == len(gold) and [d.user_data["id"] for d in docs] == [a.id for a in gold]
    total = sum(len([s for s in to_spans(a) if s.label != "IGNORE"]) for a in gold)
    assert sum(len(d.spans["factwire"]) for d in docs) == total
    assert notes and sum(len(d.ents) for d in docs) + len(notes) == total  # spans left out of doc.ents are reported
    assert all(note.split(": ")[1].split()[0] in {"ORG", "MONEY", "COUNT", "DATE"} for note in notes)  # by label name
    assert "unseen-06#1: COUNT '80 executive jet deliveries' (230-257) overlaps a longer span, left out" in notes


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


def test_import_files_writes_one_gold_file_per_split(tmp_path):
    converted = import_gold_files("meantime", DATA / "meantime_sample.jsonl", tmp_path / "out")
    assert [(path.name, count) for path, count in converted.written] == [("test.jsonl", 1), ("dev.jsonl", 1)]
    assert any("cannot normalize MONEY 'net $1.8 billion dollars'" in note for note in converted.notes)
    assert load_gold(tmp_path / "out").keys() == {a.id for articles in import_gold("meantime", DATA / "meantime_sample.jsonl", []).values()
                                                  for a in articles}


def test_import_files_writes_nothing_when_a_span_is_bad(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps({"text": "Acme Corp. paid $5.", "spans": [{"start": 0, "end": 10, "label": "COMPANY"}]}) + "\n")
    with pytest.raises(GoldError, match="unknown label 'COMPANY'"):
        import_gold_files("prodigy", path, tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_export_file_reads_gold_and_says_what_it_wrote(tmp_path):
    seed = ROOT / "articles" / "gold" / "000_7262c0a3e9177b2d.jsonl"
    converted = export_gold_file("doccano", seed, tmp_path / "seed.jsonl")
    assert converted.notes == [] and converted.written == [(tmp_path / "seed.jsonl", 2)]
    [again] = import_gold("doccano", tmp_path / "seed.jsonl", []).values()
    assert [a.id for a in again] == sorted(load_gold(seed))


@pytest.mark.parametrize("fmt, record, name", [
    ("doccano", {"text": "Acme Corp. paid $5.", "label": [[0, 10, "ORG"]], "split": "../../escaped"}, "escaped"),
    ("prodigy", {"text": "Acme Corp. paid $5.", "spans": [{"start": 0, "end": 10, "label": "ORG"}],
                 "meta": {"split": "/tmp/escaped"}}, "tmp_escaped"),
])
def test_a_split_from_the_data_writes_only_under_the_output_folder(tmp_path, fmt, record, name):
    source = tmp_path / "deep" / "er" / "in.jsonl"
    source.parent.mkdir(parents=True)
    source.write_text(json.dumps(record) + "\n", encoding="utf-8")
    out = tmp_path / "deep" / "er" / "out"
    converted = import_gold_files(fmt, source, out)
    [(path, count)] = converted.written
    assert count == 1 and path.parent == out and path.name == f"{name}.jsonl"
    assert not (tmp_path / "escaped.jsonl").exists() and not Path("/tmp/escaped.jsonl").exists()


def test_a_labelstudio_split_is_confined_too(tmp_path):
    tasks = [{"id": 1, "data": {"text": "Acme Corp. paid $5.", "split": "../x"},
              "annotations": [{"result": [{"type": "labels", "value": {"start": 0, "end": 10, "labels": ["ORG"]}}]}]}]
    (tmp_path / "ls.json").write_text(json.dumps(tasks), encoding="utf-8")
    [(path, count)] = import_gold_files("labelstudio", tmp_path / "ls.json", tmp_path / "out").written
    assert count == 1 and path == tmp_path / "out" / "x.jsonl"
