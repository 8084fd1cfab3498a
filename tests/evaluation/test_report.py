"""The reports of one comparison: the terminal tables, the JSON document and the HTML error report."""

import json
import re

import pytest

from pipeline.evaluation import as_json, html_report, score_articles, score_spans, span_table, value_table

FIRST = "000_7262c0a3e9177b2d.txt#1"


@pytest.fixture
def scored(edited_seed):
    gold, predicted = edited_seed
    return {gold.id: gold}, score_articles({gold.id: gold}, {gold.id: predicted}), score_spans({gold.id: gold}, {gold.id: predicted})


def test_tables_show_scores_then_every_error(scored):
    _, values, spans = scored
    table = value_table(values)
    assert re.search(r"^money\s+2\s+1\s+1\.000\s+0\.500\s+0\.667$", table, re.MULTILINE), table
    assert f"  miss        money: {FIRST}: 7900000000 CNY ('7.9 billion Yuan' at" in table
    assert f"  false alarm dates: {FIRST}: 2004 ('Alibaba' at" in table
    assert "miss" not in value_table(values, errors=False)
    assert re.search(r"^MONEY\s+2\s+1\s+1\.00 / 0\.50 / 0\.67", span_table(spans), re.MULTILINE)
    assert re.search(r"^MONEY .* 1/1 1\.00$", span_table(spans), re.MULTILINE)


def test_json_holds_everything_measured(scored):
    _, values, spans = scored
    data = json.loads(json.dumps(as_json(values, spans)))
    assert data["value_level"]["money"]["recall"] == 0.5 and len(data["value_level"]["money"]["misses"]) == 1
    assert data["span_level"]["by_label"]["MONEY"]["strict"]["missed"] == 1
    assert data["span_level"]["value_accuracy"]["MONEY"] == {"right": 1, "matched": 1}
    assert set(data["span_level"]["macro"]["strict"]) == {"precision", "recall", "f1"}
    assert [e.split(":")[0] for e in data["errors"][FIRST]] == ["span false alarm DATE", "span miss MONEY"]


def test_html_report_marks_misses_false_alarms_and_ignored_text(scored):
    gold, values, spans = scored
    page = html_report(gold, values, spans, "seed <first>")
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert "<title>seed &lt;first&gt;</title>" in page
    assert re.search(r"7\.9 billion Yuan\s*<span[^>]*>MONEY MISS</span>", page)
    assert re.search(r">\s*Alibaba\s*<span[^>]*>DATE FALSE ALARM</span>", page)
    assert "<td>MONEY</td><td>1.000</td><td>0.500</td>" in page
    assert f"<h2>{FIRST} (2 errors)</h2>" in page
