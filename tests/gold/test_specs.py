"""Gold built from readable specs: committed gold is exactly what its spec builds to, and spec errors say where."""

import json
from pathlib import Path

import pytest

from pipeline.gold import GoldError, build_gold, build_gold_file

ROOT = Path(__file__).resolve().parents[2]
TEXT = "Tata Motors said on Monday that Tata will hire 1,200 engineers. Tata paid $5 million.\n"


def test_gold_files_match_their_specs(tmp_path):
    """Committed gold is exactly what its readable spec builds to."""
    specs = sorted((ROOT / "articles" / "gold" / "specs").glob("*.spec.jsonl"))
    assert specs
    for spec in specs:
        built = tmp_path / "built.jsonl"
        build_gold_file(spec, ROOT / "articles", built)
        committed = ROOT / "articles" / "gold" / spec.name.replace(".spec.jsonl", ".jsonl")
        assert built.read_text(encoding="utf-8") == committed.read_text(encoding="utf-8"), spec.name
    for spec, split, target in (("unseen_news", "dev", "dev"), ("unseen_news", "test", "test"), ("unseen_news2", None, "dev2"),
                                ("unseen_news3", "dev", "org_dev"), ("unseen_news3", "test", "org_test"),
                                ("unseen_news4", "dev", "org2_dev"), ("unseen_news4", "test", "org2_test")):
        built = tmp_path / f"{target}.jsonl"
        build_gold_file(ROOT / "tests" / "data" / f"{spec}.spec.jsonl", ROOT, built, split)
        assert built.read_text(encoding="utf-8") == (ROOT / "tests" / "data" / "unseen" / f"{target}.jsonl").read_text(encoding="utf-8")
    for split in ("dev", "test", *(f"dev{n}" for n in range(2, 30))):
        built = tmp_path / f"events_{split}.jsonl"
        build_gold_file(ROOT / "tests" / "data" / f"events_{split}.spec.jsonl", ROOT, built)
        assert built.read_text(encoding="utf-8") == (ROOT / "tests" / "data" / "events" / f"{split}.jsonl").read_text(encoding="utf-8")


def test_an_inline_spec_locates_each_fact():
    article = build_gold({"id": "tata#1", "text": TEXT, "organizations": {"Tata Motors": ["Tata Motors", "Tata"]},
                          "money": [["$5 million", "5000000", "USD"]],
                          "counts": [["1,200 engineers", 1200, "engineer", "engineers"]],
                          "dates": [["Monday", "2024-05-06"]]}, ROOT)
    [tata] = article.organizations
    assert [(m.text, m.start) for m in tata.mentions] == [("Tata Motors", 0), ("Tata", 32), ("Tata", 64)]
    assert (article.money[0].start, article.counts[0].start) == (TEXT.index("$5"), TEXT.index("1,200"))
    assert (article.dates[0].value, article.dates[0].granularity) == ("2024-05-06", "day")


def test_chosen_occurrences_count_those_not_claimed_by_longer_forms():
    article = build_gold({"id": "tata#1", "text": TEXT, "organizations": {
        "Tata Motors": ["Tata Motors", {"text": "Tata", "occurrences": [2]}]}}, ROOT)
    assert [m.start for m in article.organizations[0].mentions] == [0, 64]


@pytest.mark.parametrize("spec, message", [
    ({"money": [["$6 million", "6000000", "USD"]]}, r"'\$6 million' occurs 0 time\(s\), listed 1"),
    ({"dates": [["Monday", "2024-05-06"], ["Monday", "2024-05-06"]]}, r"'Monday' occurs 1 time\(s\), listed 2"),
    ({"organizations": {"Infosys": ["Infosys"]}}, r"no mention of organization 'Infosys' found"),
    ({"counts": [["1,200", 1200]]}, r"IndexError|index out of range"),
], ids=["absent", "listed too often", "organization absent", "short count"])
def test_a_bad_spec_line_names_file_and_line(tmp_path, spec, message):
    path = tmp_path / "bad.spec.jsonl"
    good = {"id": "ok#1", "text": TEXT}
    path.write_text(json.dumps(good) + "\n" + json.dumps({"id": "tata#1", "text": TEXT, **spec}) + "\n", encoding="utf-8")
    with pytest.raises(GoldError, match=rf"bad.spec.jsonl:2: .*{message}"):
        build_gold_file(path, ROOT, tmp_path / "out.jsonl")
    assert not (tmp_path / "out.jsonl").exists()


def test_a_missing_article_file_is_named(tmp_path):
    path = tmp_path / "bad.spec.jsonl"
    path.write_text(json.dumps({"file": "nowhere.txt", "index": 1}) + "\n", encoding="utf-8")
    with pytest.raises(GoldError, match=r"bad.spec.jsonl:1: nowhere.txt: no article 1"):
        build_gold_file(path, tmp_path, tmp_path / "out.jsonl")


EVENT_TEXT = "Kmart agreed to buy Sears for $11 billion. Sears reported a profit of $248 million and reported sales of $9 billion."
EVENT_SPEC = {"id": "kmart#1", "text": EVENT_TEXT, "organizations": {"Kmart": ["Kmart"], "Sears": ["Sears"]},
              "money": [["$11 billion", "11000000000", "USD"], ["$248 million", "248000000", "USD"],
                        ["$9 billion", "9000000000", "USD"]]}


def test_spec_events_become_refs_to_the_facts():
    events = [{"type": "acquisition", "trigger": "buy", "status": "announced",
               "roles": [["acquirer", "Kmart"], ["target", "Sears"], ["value", "$11 billion"]]},
              {"type": "financial_result", "trigger": ["reported", 2], "status": "completed",
               "roles": [["company", "Sears"], ["value", "$9 billion"], ["metric", "sales"]]}]
    article = build_gold({**EVENT_SPEC, "events": events}, ROOT)
    buy, sales = article.events
    assert (buy.trigger.text, buy.trigger.start, buy.status) == ("buy", EVENT_TEXT.index("buy"), "announced")
    assert [(r.role, r.ref) for r in buy.roles] == [("acquirer", "organizations/0"), ("target", "organizations/1"),
                                                    ("value", "money/0")]
    assert sales.trigger.start == EVENT_TEXT.rindex("reported")
    assert [(r.role, r.ref, r.value) for r in sales.roles] == [("company", "organizations/1", None),
                                                               ("value", "money/2", None), ("metric", None, "sales")]


@pytest.mark.parametrize("event, message", [
    ({"type": "merger", "trigger": "buy", "status": "announced", "roles": []}, r"\(merger, trigger 'buy'\): unknown type 'merger'"),
    ({"type": "acquisition", "trigger": "buy", "status": "announced", "roles": [["buyer", "Kmart"]]},
     r"acquisition has no role 'buyer'"),
    ({"type": "acquisition", "trigger": "buy", "status": "announced", "roles": [["acquirer", "Walmart"]]},
     r"no organization 'Walmart' in the spec"),
    ({"type": "acquisition", "trigger": "buy", "status": "announced", "roles": [["value", "$11 billion", 2]]},
     r"money '\$11 billion' is listed 1 time\(s\), role value asks for listing 2"),
    ({"type": "acquisition", "trigger": ["reported", 3], "status": "announced", "roles": []},
     r"trigger 'reported' occurs 2 time\(s\), occurrence 3 asked for"),
    ({"type": "financial_result", "trigger": "reported", "status": "completed", "roles": [["metric", "income"]]},
     r"unknown metric 'income'"),
    ({"type": "acquisition", "trigger": "buy", "status": "done", "roles": []}, r"validation error for Event"),
], ids=["type", "role", "organization", "listing", "trigger", "metric", "status"])
def test_a_bad_spec_event_names_its_line_and_event(tmp_path, event, message):
    path = tmp_path / "bad.spec.jsonl"
    path.write_text(json.dumps({**EVENT_SPEC, "events": [event]}) + "\n", encoding="utf-8")
    with pytest.raises(GoldError, match=rf"bad.spec.jsonl:1: kmart#1: event 1 .*{message}"):
        build_gold_file(path, ROOT, tmp_path / "out.jsonl")


def test_a_spec_reads_no_file_outside_its_root(tmp_path):
    (tmp_path / "root").mkdir()
    (tmp_path / "secret.txt").write_text("Secret Corp. paid $5 million.\n", encoding="utf-8")
    spec = tmp_path / "root" / "x.spec.jsonl"
    spec.write_text(json.dumps({"file": "../secret.txt", "organizations": {"Secret Corp.": ["Secret Corp."]}}) + "\n"
                    + json.dumps({"file": "/etc/hostname"}) + "\n", encoding="utf-8")
    with pytest.raises(GoldError, match=r"x.spec.jsonl:1: \.\./secret.txt: outside"):
        build_gold_file(spec, tmp_path / "root", tmp_path / "out.jsonl")
    spec.write_text(json.dumps({"file": "/etc/hostname"}) + "\n", encoding="utf-8")
    with pytest.raises(GoldError, match=r"x.spec.jsonl:1: /etc/hostname: outside"):
        build_gold_file(spec, tmp_path / "root", tmp_path / "out.jsonl")
