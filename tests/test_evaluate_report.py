"""Span-level scoring, the reports and the baseline check, on real gold and real predictions."""

import json
import re
import subprocess
import sys
from pathlib import Path

from pipeline.baseline import measure, regressions, snapshot
from pipeline.evaluate import score_articles, score_spans
from pipeline.gold import load_gold
from pipeline.nlp import load
from pipeline.records import DateFact

ROOT = Path(__file__).resolve().parents[1]
KMART = ROOT / "articles" / "gold" / "2004-11-17_ID947.jsonl"


def edited_prediction(tmp_path):
    """The Kmart gold as a prediction that misses 'US$11 billion' and wrongly finds a date in 'Sears Holdings'."""
    [gold] = load_gold(KMART).values()
    text = gold.text
    start = text.index("Sears Holdings")
    alarm = DateFact(text="Sears", start=start, end=start + 5, value="2004", granularity="year")
    predicted = gold.model_copy(update={"money": gold.money[1:], "dates": [*gold.dates, alarm]})
    path = tmp_path / "predicted.jsonl"
    path.write_text(predicted.model_dump_json(exclude={"ignore"}) + "\n", encoding="utf-8")
    return gold, predicted, path


def test_span_scores_count_the_miss_and_the_false_alarm(tmp_path):
    gold, predicted, _ = edited_prediction(tmp_path)
    spans = score_spans({gold.id: gold}, {gold.id: predicted})
    money, dates = spans.by_label["MONEY"]["strict"], spans.by_label["DATE"]["strict"]
    assert (money.correct, money.missed, money.spurious) == (3, 1, 0)
    assert (dates.correct, dates.missed, dates.spurious) == (2, 0, 1)
    assert spans.by_label["ORG"]["strict"].f1 == 1.0 and spans.value_accuracy["MONEY"] == (3, 3)
    assert abs(spans.macro["strict"].f1 - (1 + 2 * 0.75 / 1.75 + 0.8 + 1) / 4) < 1e-9
    described = [m.describe() for m in spans.matches[gold.id] if not (m.gold and m.predicted)]
    assert described == ["span miss MONEY: 'US$11 billion' 23-36 [11000000000 USD]",
                         f"span false alarm DATE: 'Sears' {alarm_start(gold)}-{alarm_start(gold) + 5} [2004]"]


def alarm_start(gold):
    return gold.text.index("Sears Holdings")


def test_evaluate_prints_tables_and_writes_a_report_marking_misses(tmp_path):
    _, _, predicted = edited_prediction(tmp_path)
    report = tmp_path / "report.html"
    result = subprocess.run([sys.executable, "-m", "pipeline", "evaluate", str(predicted), "--gold", str(KMART),
                             "--html", str(report)], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert re.search(r"^MONEY\s+4\s+3\s+1\.00 / 0\.75 / 0\.86", result.stdout, re.MULTILINE), result.stdout
    assert "miss        money: wikinews/2004-11-17_ID947.txt#1: 11000000000 USD" in result.stdout
    page = report.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert re.search(r"US\$11 billion\s*<span[^>]*>MONEY MISS</span>", page)
    assert re.search(r">\s*Sears\s*<span[^>]*>DATE FALSE ALARM</span>", page)
    assert "<td>MONEY</td><td>1.000</td><td>0.750</td>" in page
    data = json.loads(subprocess.run([sys.executable, "-m", "pipeline", "evaluate", str(predicted), "--gold", str(KMART),
                                      "--json"], capture_output=True, text=True, cwd=ROOT).stdout)
    assert data["span_level"]["by_label"]["MONEY"]["strict"]["missed"] == 1
    assert data["errors"]["wikinews/2004-11-17_ID947.txt#1"][0].startswith("span miss MONEY")


def test_a_broken_rule_fails_the_baseline_naming_article_and_fact():
    """Switch the money finder off (a rule change that breaks gold facts): the check names what broke."""
    nlp = load(None)  # the cached pipeline extraction uses
    gold = load_gold(KMART)
    values, spans = measure(gold, ROOT / "articles")
    before = snapshot(gold, values, spans, {"gold": "kmart", "articles": "articles"})
    with nlp.select_pipes(disable=["factwire_money"]):
        broken_values, broken_spans = measure(gold, ROOT / "articles")
    after = snapshot(gold, broken_values, broken_spans, {"gold": "kmart", "articles": "articles"})
    report = "\n".join(regressions(before, after))
    assert "kmart: MONEY value_f1 fell from" in report
    assert "wikinews/2004-11-17_ID947.txt#1: now value miss money: 11000000000 USD ('US$11 billion' at 23)" in report
    assert regressions(before, before) == []
    assert score_articles(gold, {})["money"].recall == 0.0  # a gold article without prediction misses everything
