"""Regression baselines: a broken rule fails the check naming article and fact; files are rewritten keeping tolerance."""

import json
from pathlib import Path

import pytest

from pipeline.evaluation import (
    BaselineError,
    measure,
    read_baseline,
    regressions,
    snapshot,
    update_baselines,
    write_baseline,
)
from pipeline.gold import load_gold
from pipeline.nlp.loader import load

ROOT = Path(__file__).resolve().parents[2]
SEED_GOLD = ROOT / "articles" / "gold" / "000_7262c0a3e9177b2d.jsonl"
FIRST = "000_7262c0a3e9177b2d.txt#1"


def test_a_broken_rule_fails_the_baseline_naming_article_and_fact():
    """Switch the money finder off (a rule change that breaks gold facts): the check names what broke."""
    nlp = load(None)  # the cached pipeline extraction uses
    gold = {FIRST: load_gold(SEED_GOLD)[FIRST]}
    values, spans = measure(gold, ROOT / "articles")
    before = snapshot(gold, values, spans, {"gold": "kmart", "articles": "articles"})
    with nlp.select_pipes(disable=["factwire_money"]):
        broken_values, broken_spans = measure(gold, ROOT / "articles")
    after = snapshot(gold, broken_values, broken_spans, {"gold": "kmart", "articles": "articles"})
    report = "\n".join(regressions(before, after))
    assert "kmart: MONEY value_f1 fell from" in report
    at = gold[FIRST].text.index("7.9 billion Yuan")
    assert f"{FIRST}: now value miss money: 7900000000 CNY ('7.9 billion Yuan' at {at})" in report
    assert regressions(before, before) == []
    assert regressions({**before, "tolerance": 1.0}, after) == []  # within the tolerance


def baseline_file(folder, tolerance=0.0, **where):
    path = folder / "seed.json"
    scores = {label: {"value_f1": 0.5} for label in ("ORG", "MONEY", "COUNT", "DATE")}
    path.write_text(json.dumps({"gold": "articles/gold/000_7262c0a3e9177b2d.jsonl", "articles": "articles",
                                **where, "tolerance": tolerance, "scores": scores}), encoding="utf-8")
    return path


def test_update_rewrites_each_file_and_says_what_changed(tmp_path):
    path = baseline_file(tmp_path, tolerance=0.01)
    [refreshed] = update_baselines([path], ROOT)
    assert refreshed.path == path and "MONEY value_f1 0.5 -> 1.0" in refreshed.changes
    assert refreshed.summary().startswith("ORG value_f1 0.5 -> 1.0; ORG strict_f1 None -> 1.0")
    rewritten = read_baseline(path)
    assert rewritten["tolerance"] == 0.01 and rewritten["scores"]["MONEY"]["value_f1"] == 1.0
    assert [r.summary() for r in update_baselines([path], ROOT)] == ["unchanged"]


def test_an_absent_outside_corpus_is_not_measured_and_left_alone(tmp_path):
    path = baseline_file(tmp_path, gold="$FACTWIRE_DATA/corpora/meantime_aligned.jsonl", split="dev")
    before = path.read_text(encoding="utf-8")
    [refreshed] = update_baselines([path], ROOT, data=tmp_path / "no-data")
    assert refreshed.summary() == f"not measured: outside data folder {tmp_path / 'no-data'} is missing (set FACTWIRE_DATA)"
    assert path.read_text(encoding="utf-8") == before


def test_write_keeps_the_tolerance_of_the_file_it_replaces(tmp_path):
    current = {"gold": "g", "tolerance": 0.0, "scores": {}}
    write_baseline(tmp_path / "new" / "b.json", current)
    assert read_baseline(tmp_path / "new" / "b.json")["tolerance"] == 0.0
    baseline_file(tmp_path, tolerance=0.02)
    write_baseline(tmp_path / "seed.json", current)
    assert read_baseline(tmp_path / "seed.json") == {"gold": "g", "tolerance": 0.02, "scores": {}}


def test_a_missing_or_broken_baseline_is_one_line(tmp_path):
    with pytest.raises(BaselineError, match=r"^baseline .*nope.json: no such file$"):
        read_baseline(tmp_path / "nope.json")
    (tmp_path / "bad.json").write_text("{", encoding="utf-8")
    with pytest.raises(BaselineError, match=r"^baseline .*bad.json: not a baseline file"):
        read_baseline(tmp_path / "bad.json")
