"""The development benchmarks' own logic (bench/): data folder lookup, gold value kinds, matching. No corpus needed."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import corpora, date_eval, money_eval, org_errors, org_eval  # noqa: E402


def test_missing_data_folder_exits_with_one_line_naming_it(tmp_path):
    missing = tmp_path / "nowhere"
    result = subprocess.run([sys.executable, "-m", "bench.date_eval"], cwd=ROOT, capture_output=True, text=True,
                            env={"PATH": "/usr/bin:/bin", "FACTWIRE_DATA": str(missing)})
    assert result.returncode != 0
    assert result.stderr.strip().splitlines() == [
        f"factwire bench: data folder {missing} not found (set FACTWIRE_DATA to the folder holding corpora/)"]


def test_corpus_file_prefers_an_existing_path_then_the_data_folder(tmp_path, monkeypatch):
    (tmp_path / "corpora").mkdir()
    (tmp_path / "corpora" / "x.jsonl").write_text("{}\n", encoding="utf-8")
    monkeypatch.setenv("FACTWIRE_DATA", str(tmp_path))
    assert corpora.corpus_file("x.jsonl") == tmp_path / "corpora" / "x.jsonl"
    own = tmp_path / "own.jsonl"
    own.write_text("{}\n", encoding="utf-8")
    assert corpora.corpus_file(own) == own


def test_gold_date_values_split_into_calendar_and_excluded_kinds():
    assert [date_eval.calendar_value(v) for v in ("1998", "1998-08", "1998-08-07", "1998-Q3", "1998-W32", "1998-W9")] \
        == ["1998", "1998-08", "1998-08-07", "1998-Q3", "1998-W32", "1998-W09"]
    assert [date_eval.excluded_kind(v) for v in ("PRESENT_REF", "XXXX-XX-XX", "P3Y", "1998-FA", "1998-H2",
                                                 "1998-08-07TEV", "199", "1998-W32-WE")] == [
        "PRESENT_REF", "unspecified digits (X)", "duration value (P...)", "season (SP/SU/FA/WI)", "half year (H1/H2)",
        "part of a day (T...)", "decade or century", "weekend (-WE)"]


def test_date_matching_counts_a_wrong_value_as_miss_and_false_alarm_and_ignores_time_spans():
    doc = date_eval.Document("d", "x" * 60, "1998-08-07", [
        date_eval.Timex(0, 6, "DATE", "1998-08-07"), date_eval.Timex(10, 16, "DATE", "1998-08-06"),
        date_eval.Timex(20, 30, "TIME", "1998-08-07TEV"), date_eval.Timex(40, 45, "DATE", "PRESENT_REF")])
    predicted = {"d": [date_eval.Prediction(0, 6, "1998-08-07"), date_eval.Prediction(10, 16, "1998-08-13"),
                       date_eval.Prediction(20, 27, "1998-08-07"), date_eval.Prediction(40, 45, "1998-08-07")]}
    value = date_eval.score([doc], predicted, calendar_only=True, mode="value")
    assert (value.tp, value.fp, value.fn) == (1, 1, 1)  # the TIME and the PRESENT_REF count neither way
    everything = date_eval.score([doc], predicted, calendar_only=False, mode="overlap")
    assert (everything.tp, everything.fp, everything.fn) == (3, 0, 0)


def test_money_gold_reading_is_independent_of_the_normalizer():
    assert money_eval.gold_reading("GB£20.1 billion") == ("20100000000", "GBP")
    assert money_eval.gold_reading("US$2.24bn") == ("2240000000", "USD")
    assert money_eval.gold_reading("billions of dollars") is None


def test_conll_groups_and_exact_versus_overlap_matching():
    docs = [org_eval.Doc("a", "Essex beat Kent", [(0, 5), (11, 15)], [], 15, "sports"),
            org_eval.Doc("b", "Shares of Acme Inc rose", [(10, 18)], [], 23, "other")]
    assert [name for name, _ in org_eval.groups_of(docs, "all")] == ["all", "sports", "other"]
    assert [name for name, _ in org_eval.groups_of(docs, "other")] == ["other"]
    predictions = {"a": [(0, 5)], "b": [(10, 14)]}
    scores = org_eval.score(docs, predictions)
    assert scores["overlap"] == pytest.approx((1.0, 2 / 3, 0.8))
    assert scores["exact"] == pytest.approx((0.5, 1 / 3, 0.4))


def test_boundary_kinds_name_the_words_in_the_difference():
    text = "the Interfax news agency said"
    assert org_errors.boundary_kind(text, (4, 12), (4, 24)) == ("boundary | extra after", "news agency")
    assert org_errors.boundary_kind(text, (0, 12), (4, 12)) == ("boundary | missing start", "the")
