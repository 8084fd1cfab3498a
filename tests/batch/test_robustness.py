"""Any input, any mistake (issue 12): a poisoned file costs only itself, outputs never meet inputs, mistakes are
found before the work, parts are checked before they are trusted, outputs are the user's."""

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.batch.parts import OutputLock
from pipeline.batch.preflight import RunRefused, check_run

ROOT = Path(__file__).resolve().parents[2]


def run(*args, timeout=300):
    return subprocess.run([sys.executable, "-m", "pipeline", *map(str, args)], capture_output=True, text=True,
                          timeout=timeout, cwd=ROOT)


def records(path: Path) -> dict[str, dict]:
    return {r["id"]: r for r in map(json.loads, path.read_text(encoding="utf-8").splitlines())}


def errors(out: Path) -> dict[str, str]:
    lines = out.with_name(out.name + ".errors.tsv").read_text(encoding="utf-8").splitlines()[1:]
    return {Path(path).name: reason for path, reason in (line.split("\t", 1) for line in lines)}


def test_a_poisoned_folder_still_yields_every_other_article(tmp_path):
    news = tmp_path / "news"
    news.mkdir()
    (news / "good.txt").write_text("Nike Inc. said it will cut 500 jobs.\n", encoding="utf-8")
    (news / "digits.txt").write_text("Acme Corp. said it hired " + "9" * 15_001 + " workers.\n", encoding="utf-8")
    (news / "nested.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    (news / "nested.jsonl").write_text("[" * 50_000 + "\n" + json.dumps({"text": "Tata Steel hired 40 people."})
                                       + "\n", encoding="utf-8")
    (news / "dates.jsonl").write_text("\n".join(json.dumps(r) for r in (
        {"text": "Acme Corp. will report tomorrow, it said yesterday.", "date": "9999-12-31"},
        {"text": "Beta Ltd. met yesterday and meets again next week.", "date": "0001-01-01"})) + "\n"
        + '{"views": ' + "7" * 5_000 + ', "text": "Gamma AG sold 3 plants."}\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = run("extract", news, "-o", out)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    found = records(out)
    assert {"good.txt#1", "digits.txt#1", "nested.jsonl#2", "dates.jsonl#1", "dates.jsonl#2", "dates.jsonl#3"} <= set(found)
    assert found["dates.jsonl#3"]["counts"][0]["value"] == 3  # an unused 5,000-digit field loses nothing
    assert "nested too deeply" in errors(out)["nested.json"]
    assert "line 1: invalid JSON: nested too deeply" in errors(out)["nested.jsonl"]


def test_one_failing_article_is_that_articles_error_and_the_batch_goes_on(nlp, monkeypatch):
    import pipeline.nlp.dates as dates
    from pipeline import extract, extract_texts
    from pipeline.extraction import ExtractionError

    real = dates.normalize_date

    def poisoned(text, *args, **kwargs):
        if "1999" in text:
            raise OverflowError("date value out of range")
        return real(text, *args, **kwargs)

    monkeypatch.setattr(dates, "normalize_date", poisoned)
    failures = []
    texts = [("Acme hired 5 people in 2005.", "a"), ("Beta paid $5 million in 1999.", "bad"), ("", "empty"),
             ("Gamma sold 3 shops.", "c")]
    assert [a.id for a in extract_texts(texts, on_error=failures.append)] == ["a", "empty", "c"]
    assert [f.article_id for f in failures] == ["bad"] and "OverflowError" in str(failures[0])
    with pytest.raises(ExtractionError, match="text#1: extraction failed: OverflowError"):
        extract("Beta paid $5 million in 1999.")


def test_an_empty_text_is_an_article_without_facts(nlp):
    from pipeline import extract

    article = extract("")
    assert article.text == "" and not (article.organizations or article.money or article.counts or article.dates)


def test_an_output_inside_the_input_folder_is_never_read_as_input(tmp_path):
    news = tmp_path / "news"
    news.mkdir()
    (news / "a.txt").write_text("Nike Inc. cut 500 jobs.\n", encoding="utf-8")
    (news / "b.txt").write_text("Adidas AG hired 300 people.\n", encoding="utf-8")
    out = news / "facts.jsonl"
    outputs = []
    for _ in range(3):
        result = run("extract", news, "-o", out)
        assert result.returncode == 0, result.stderr
        outputs.append(out.read_text(encoding="utf-8"))
    assert outputs[0] == outputs[1] == outputs[2] and len(outputs[0].splitlines()) == 2
    assert "left out" in result.stderr and "own output" in result.stderr


@pytest.mark.parametrize("args, message", [
    (["missing_folder", "-o", "{tmp}/o.jsonl"], "no such file or folder: missing_folder"),
    (["articles", "-o", "{tmp}"], "is a folder; --format jsonl writes a file"),
    (["articles", "-o", "{tmp}/o.jsonl", "--workers", "100000"], "--workers is between 1 and"),
    (["articles", "-o", "{tmp}/o.jsonl", "--workers", "0"], "--workers is between 1 and"),
    (["articles", "-o", "{tmp}/o.jsonl", "--model", "no_such_model"], "unknown model 'no_such_model'"),
])
def test_mistakes_are_one_line_before_any_work(tmp_path, args, message):
    result = run("extract", *(a.format(tmp=tmp_path) for a in args))
    assert result.returncode == 2 and message in result.stderr, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and not list(tmp_path.glob("o.jsonl*"))


def test_a_read_only_output_folder_is_refused_before_the_work(tmp_path, monkeypatch):
    monkeypatch.setattr(os, "access", lambda path, mode: False)  # root writes anywhere: simulate the mount
    with pytest.raises(RunRefused, match="read-only"):
        check_run([tmp_path], str(tmp_path / "out" / "o.jsonl"), "jsonl")


def test_outputs_follow_the_umask(tmp_path, articles_dir):
    seed = tmp_path / "in"
    seed.mkdir()
    (seed / "a.txt").write_text("Nike Inc. cut 500 jobs.\n", encoding="utf-8")
    code = ("import os, sys; os.umask(0o027); from pipeline.cli import main; "
            "sys.argv = ['factwire', 'extract', sys.argv[1], '-o', sys.argv[2]] + sys.argv[3:]; main()")
    for out, extra in ((tmp_path / "o.jsonl", []), (tmp_path / "records", ["--format", "json"])):
        result = subprocess.run([sys.executable, "-c", code, str(seed), str(out), *extra], capture_output=True,
                                text=True, cwd=ROOT)
        assert result.returncode == 0, result.stderr
        assert stat.S_IMODE(out.stat().st_mode) == (0o750 if out.is_dir() else 0o640)
    assert stat.S_IMODE((tmp_path / "records" / "a.txt_1.json").stat().st_mode) == 0o640
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]  # no hidden leftovers


def test_a_second_run_on_the_same_output_is_refused_while_the_first_holds_it(tmp_path):
    out = tmp_path / "o.jsonl"
    with OutputLock(out):
        result = run("extract", "articles", "-o", out)
    assert result.returncode == 2 and "another factwire run (process" in result.stderr, result.stderr
    assert not out.exists() and not out.with_name("o.jsonl.lock").exists()


def test_two_roots_with_the_same_relative_path_keep_their_records_apart(tmp_path):
    for root, text in (("dupA", "Nike Inc. cut 500 jobs.\n"), ("dupB", "Adidas AG hired 300 people.\n")):
        (tmp_path / root).mkdir()
        (tmp_path / root / "x.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "o.jsonl"
    for _ in range(2):
        assert run("extract", tmp_path / "dupA", tmp_path / "dupB", "-o", out).returncode == 0
        assert list(records(out)) == ["dupA/x.txt#1", "dupB/x.txt#1"]
    (tmp_path / "dupB" / "x.txt").write_text("Puma SE sold 4 stores.\n", encoding="utf-8")
    assert run("extract", tmp_path / "dupA", tmp_path / "dupB", "-o", out).returncode == 0
    found = records(out)
    assert list(found) == ["dupA/x.txt#1", "dupB/x.txt#1"] and "Puma" in found["dupB/x.txt#1"]["text"]


def test_json_files_of_colliding_or_long_names_each_get_their_own_file(tmp_path):
    news = tmp_path / "news"
    (news / "a").mkdir(parents=True)
    names = ["a/b.txt", "a_b.txt", "a b.txt", "a#b.txt", "n" * 246 + ".txt"]
    for k, name in enumerate(names):
        (news / name).write_text(f"Company{k} Inc. hired {k + 2} people.\n", encoding="utf-8")
    out = tmp_path / "records"
    result = run("extract", news, "-o", out, "--format", "json")
    assert result.returncode == 0, result.stderr
    written = [json.loads(p.read_text(encoding="utf-8"))["id"] for p in out.glob("*.json")]
    assert sorted(written) == sorted(f"{name}#1" for name in names)


def test_an_input_file_under_an_input_folder_is_never_the_output(tmp_path):
    news = tmp_path / "news"
    news.mkdir()
    (news / "a.txt").write_text("Nike Inc. cut 500 jobs.\n", encoding="utf-8")
    (news / "dump.jsonl").write_text(json.dumps({"text": "Adidas AG hired 300 people."}) + "\n", encoding="utf-8")
    before = {p.name: p.read_bytes() for p in news.iterdir()}
    for target in ("dump.jsonl", "a.txt"):
        result = run("extract", news, "-o", news / target)
        assert result.returncode == 2 and "is an input file under" in result.stderr, result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
    assert {p.name: p.read_bytes() for p in news.iterdir()} == before
    assert run("extract", news, "-o", news / "facts.jsonl").returncode == 0
    again = run("extract", news, "-o", news / "facts.jsonl")  # its own earlier output may be replaced
    assert again.returncode == 0, again.stderr
    assert list(records(news / "facts.jsonl")) == ["a.txt#1", "dump.jsonl#1"]


def test_the_resume_parts_of_another_output_are_not_articles(tmp_path):
    news = tmp_path / "news"
    news.mkdir()
    (news / "a.txt").write_text("Nike Inc. cut 500 jobs.\n", encoding="utf-8")
    assert run("extract", news, "-o", news / "first.jsonl").returncode == 0
    assert (news / "first.jsonl.parts").is_dir()
    result = run("extract", news, "-o", news / "second.jsonl")
    assert result.returncode == 0, result.stderr
    assert list(records(news / "second.jsonl")) == ["a.txt#1"] and "0 errors" in result.stderr


def test_pieces_without_a_letter_or_digit_are_not_parsed_and_offsets_hold(nlp):
    from pipeline import extract

    text = "$" * 5_000 + " " + "(" * 3_000 + "\n\nAcme Corp. paid $5 million to 300 workers."
    article = extract(text)
    [money] = article.money
    assert text[money.start:money.end] == money.text == "$5 million" and money.start == 8_019
    assert [o.name for o in article.organizations] == ["Acme"]
