"""`factwire evaluate` and `factwire gold baseline` run as a user runs them: scores, reports, baselines, refusals."""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIRST = "000_7262c0a3e9177b2d.txt#1"


def run(*args):
    return subprocess.run([sys.executable, "-m", "pipeline", *map(str, args)], capture_output=True, text=True, cwd=ROOT)


@pytest.fixture
def edited(edited_seed, tmp_path):
    """The edited seed case as files: (gold.jsonl, predicted.jsonl)."""
    gold, predicted = edited_seed
    (tmp_path / "gold.jsonl").write_text(gold.model_dump_json() + "\n", encoding="utf-8")
    (tmp_path / "predicted.jsonl").write_text(predicted.model_dump_json(exclude={"ignore"}) + "\n", encoding="utf-8")
    return tmp_path / "gold.jsonl", tmp_path / "predicted.jsonl"


def test_evaluate_prints_scores_and_misses(articles_dir, tmp_path):
    gold = tmp_path / "gold.jsonl"
    record = json.loads((articles_dir / "gold" / "000_7262c0a3e9177b2d.jsonl").read_text(encoding="utf-8").splitlines()[1])
    record["money"][0]["amount"] = "99"  # a gold fact the pipeline cannot match
    gold.write_text(json.dumps(record) + "\n", encoding="utf-8")
    result = run("evaluate", "--gold", gold, "--articles", articles_dir)
    assert result.returncode == 0, result.stderr
    assert "money" in result.stdout and "miss        money: 000_7262c0a3e9177b2d.txt#2: 99 USD" in result.stdout
    assert re.search(r"^money\s+1\s+1\s+0\.000\s+0\.000\s+0\.000$", result.stdout, re.MULTILINE), result.stdout


def test_evaluate_prints_tables_and_writes_a_report_marking_misses(edited, tmp_path):
    gold, predicted = edited
    report = tmp_path / "out" / "report.html"
    result = run("evaluate", predicted, "--gold", gold, "--html", report)
    assert result.returncode == 0, result.stderr
    assert re.search(r"^MONEY\s+2\s+1\s+1\.00 / 0\.50 / 0\.67", result.stdout, re.MULTILINE), result.stdout
    assert f"miss        money: {FIRST}: 7900000000 CNY" in result.stdout
    assert result.stderr == f"factwire: report -> {report}\n"
    page = report.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert re.search(r"7\.9 billion Yuan\s*<span[^>]*>MONEY MISS</span>", page)
    assert re.search(r">\s*Alibaba\s*<span[^>]*>DATE FALSE ALARM</span>", page)
    assert "<td>MONEY</td><td>1.000</td><td>0.500</td>" in page
    data = json.loads(run("evaluate", predicted, "--gold", gold, "--json").stdout)
    assert data["span_level"]["by_label"]["MONEY"]["strict"]["missed"] == 1
    assert data["errors"][FIRST][1].startswith("span miss MONEY")


def test_a_baseline_written_then_checked_passes_and_a_worse_prediction_fails(edited, tmp_path):
    gold, predicted = edited
    baseline = tmp_path / "baselines" / "seed.json"
    result = run("evaluate", "--gold", gold, "--articles", ROOT / "articles", "--update-baseline", baseline)
    assert result.returncode == 0 and result.stderr == f"factwire: baseline -> {baseline}\n"
    assert json.loads(baseline.read_text(encoding="utf-8"))["scores"]["MONEY"]["value_f1"] == 1.0
    assert run("evaluate", "--gold", gold, "--articles", ROOT / "articles", "--baseline", baseline).returncode == 0
    result = run("evaluate", predicted, "--gold", gold, "--baseline", baseline)
    assert result.returncode == 1
    assert f"{gold}: MONEY value_f1 fell from 1.0000 to 0.6667" in result.stderr
    assert f"  {FIRST}: now value miss money: 7900000000 CNY ('7.9 billion Yuan' at" in result.stderr


@pytest.mark.parametrize("arguments, message", [
    (["--gold", "{tmp}/nowhere"], "factwire: gold {tmp}/nowhere: no such file or folder"),
    (["--gold", "{tmp}"], "factwire: gold {tmp}: no gold article found (no .jsonl gold file in the folder)"),
    (["{tmp}/none.jsonl", "--gold", "{gold}"], "factwire: predictions {tmp}/none.jsonl: no such file"),
    (["{tmp}/seed.txt", "--gold", "{gold}"], "factwire: predictions {tmp}/seed.txt:1: not an article record (Invalid JSON"),
    (["{other}", "--gold", "{gold}"], "factwire: predictions {other}: no article id matches a gold id (1 predicted, "
                                      "e.g. 'elsewhere.txt#1'; 1 gold, e.g. '" + FIRST + "')"),
    (["--gold", "{gold}", "--articles", "{tmp}"], "factwire: none of the 1 gold articles was found under {tmp}"),
    (["{predicted}", "--gold", "{gold}", "--baseline", "{tmp}/b.json"], "factwire: baseline {tmp}/b.json: no such file"),
], ids=["missing gold", "no gold in folder", "missing predictions", "not JSONL", "no matching id", "no article found",
        "missing baseline"])
def test_evaluate_refuses_what_it_cannot_score_in_one_line(edited, tmp_path, arguments, message):
    gold, predicted = edited
    folder = tmp_path / "empty"
    folder.mkdir()
    (folder / "seed.txt").write_text("Alibaba joins.\n", encoding="utf-8")
    other = tmp_path / "other.jsonl"
    other.write_text(json.dumps({"id": "elsewhere.txt#1", "text": "Nike."}) + "\n", encoding="utf-8")
    names = {"tmp": folder, "gold": gold, "other": other, "predicted": predicted}
    result = run("evaluate", *[a.format(**names) for a in arguments])
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith(message.format(**names)), result.stderr
    assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.stderr


def test_gold_baseline_rewrites_the_files_it_is_given(tmp_path):
    path = tmp_path / "seed.json"
    path.write_text(json.dumps({"gold": "articles/gold/000_7262c0a3e9177b2d.jsonl", "articles": "articles",
                                "tolerance": 0.0, "scores": {}}),
                    encoding="utf-8")
    result = run("gold", "baseline", path)
    assert result.returncode == 0, result.stderr
    assert result.stderr.startswith(f"factwire: {path}: ORG value_f1 None -> 1.0; ")
    assert json.loads(path.read_text(encoding="utf-8"))["scores"]["DATE"]["value_f1"] == 1.0
    result = run("gold", "baseline", tmp_path / "nope.json")
    assert (result.returncode, result.stderr) == (2, f"factwire: baseline {tmp_path / 'nope.json'}: no such file\n")
