"""Span-level scoring, the reports and the baseline check, on real gold and real predictions."""

import json
import re
import subprocess
import sys
from pathlib import Path

from pipeline.evaluation.baseline import measure, regressions, snapshot
from pipeline.evaluation.scores import score_articles, score_spans
from pipeline.gold.format import load_gold
from pipeline.nlp.load import load
from pipeline.records import DateFact

ROOT = Path(__file__).resolve().parents[1]
SEED_GOLD = ROOT / "articles" / "gold" / "000_7262c0a3e9177b2d.jsonl"
FIRST = "000_7262c0a3e9177b2d.txt#1"


def edited_prediction(tmp_path):
    """The seed's first article's gold as a prediction that misses '7.9 billion Yuan' and finds a date in 'Alibaba'."""
    gold = load_gold(SEED_GOLD)[FIRST]
    start = alarm_start(gold)
    alarm = DateFact(text="Alibaba", start=start, end=start + 7, value="2004", granularity="year")
    predicted = gold.model_copy(update={"money": gold.money[1:], "dates": [*gold.dates, alarm]})
    path = tmp_path / "predicted.jsonl"
    path.write_text(predicted.model_dump_json(exclude={"ignore"}) + "\n", encoding="utf-8")
    (tmp_path / "gold.jsonl").write_text(gold.model_dump_json() + "\n", encoding="utf-8")
    return gold, predicted, path


def test_span_scores_count_the_miss_and_the_false_alarm(tmp_path):
    gold, predicted, _ = edited_prediction(tmp_path)
    spans = score_spans({gold.id: gold}, {gold.id: predicted})
    money, dates = spans.by_label["MONEY"]["strict"], spans.by_label["DATE"]["strict"]
    assert (money.correct, money.missed, money.spurious) == (1, 1, 0)
    assert (dates.correct, dates.missed, dates.spurious) == (2, 0, 1)
    assert spans.by_label["ORG"]["strict"].f1 == 1.0 and spans.value_accuracy["MONEY"] == (1, 1)
    assert abs(spans.macro["strict"].f1 - (1 + 2 * 0.5 / 1.5 + 1 + 0.8) / 4) < 1e-9
    described = [m.describe() for m in spans.matches[gold.id] if not (m.gold and m.predicted)]
    miss = gold.text.index("7.9 billion Yuan")
    assert described == [f"span false alarm DATE: 'Alibaba' {alarm_start(gold)}-{alarm_start(gold) + 7} [2004]",
                         f"span miss MONEY: '7.9 billion Yuan' {miss}-{miss + 16} [7900000000 CNY]"]


def alarm_start(gold):
    return gold.text.index("Alibaba")


def test_evaluate_prints_tables_and_writes_a_report_marking_misses(tmp_path):
    _, _, predicted = edited_prediction(tmp_path)
    report = tmp_path / "report.html"
    result = subprocess.run([sys.executable, "-m", "pipeline", "evaluate", str(predicted), "--gold", str(tmp_path / "gold.jsonl"),
                             "--html", str(report)], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert re.search(r"^MONEY\s+2\s+1\s+1\.00 / 0\.50 / 0\.67", result.stdout, re.MULTILINE), result.stdout
    assert f"miss        money: {FIRST}: 7900000000 CNY" in result.stdout
    page = report.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert re.search(r"7\.9 billion Yuan\s*<span[^>]*>MONEY MISS</span>", page)
    assert re.search(r">\s*Alibaba\s*<span[^>]*>DATE FALSE ALARM</span>", page)
    assert "<td>MONEY</td><td>1.000</td><td>0.500</td>" in page
    data = json.loads(subprocess.run([sys.executable, "-m", "pipeline", "evaluate", str(predicted), "--gold", str(tmp_path / "gold.jsonl"),
                                      "--json"], capture_output=True, text=True, cwd=ROOT).stdout)
    assert data["span_level"]["by_label"]["MONEY"]["strict"]["missed"] == 1
    assert data["errors"][FIRST][1].startswith("span miss MONEY")


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
    assert score_articles(gold, {})["money"].recall == 0.0  # a gold article without prediction misses everything
