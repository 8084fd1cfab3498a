"""The `factwire gold` commands run as a user runs them: build, import, export, schema."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "articles" / "gold" / "specs" / "000_7262c0a3e9177b2d.spec.jsonl"
FORMATS = ROOT / "tests" / "data" / "gold_formats"


def run(*args):
    return subprocess.run([sys.executable, "-m", "pipeline", "gold", *args], capture_output=True, text=True, cwd=ROOT)


def test_build_writes_the_committed_gold_and_names_a_bad_line(tmp_path):
    out = tmp_path / "seed.jsonl"
    result = run("build", str(SPEC), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8") == (ROOT / "articles" / "gold" / "000_7262c0a3e9177b2d.jsonl").read_text(encoding="utf-8")
    assert result.stderr == f"factwire: 2 gold articles -> {out}\n"
    bad = tmp_path / "bad.spec.jsonl"
    bad.write_text(json.dumps({"id": "x#1", "text": "Nike paid $5.", "money": [["$6", "6", "USD"]]}) + "\n", encoding="utf-8")
    result = run("build", str(bad), "-o", str(tmp_path / "bad.jsonl"))
    assert result.returncode == 2 and result.stderr == f"factwire: {bad}:1: x#1: '$6' occurs 0 time(s), listed 1\n"


def test_import_and_export_report_notes_and_files(tmp_path):
    result = run("import", "--from", "prodigy", str(FORMATS / "news.prodigy.jsonl"), "-o", str(tmp_path / "gold"))
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [f"factwire: {FORMATS / 'news.prodigy.jsonl'}:3: skipped, answer 'reject'",
                                          f"factwire: 2 gold articles -> {tmp_path / 'gold' / 'news.jsonl'}"]
    result = run("export", "--to", "conll", str(tmp_path / "gold"), "-o", str(tmp_path / "news.conll"))
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines()[-1] == f"factwire: 2 gold articles -> {tmp_path / 'news.conll'}"
    assert (tmp_path / "news.conll").read_text(encoding="utf-8").startswith("-DOCSTART- O\n")


def test_bad_or_missing_gold_exits_2_saying_why(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"text": "Acme Corp. paid $5.", "spans": [{"start": 0, "end": 10, "label": "COMPANY"}]}) + "\n")
    result = run("import", "--from", "prodigy", str(bad), "-o", str(tmp_path / "out"))
    assert result.returncode == 2 and result.stderr.startswith(f"factwire: bad gold:\n{bad}:1: unknown label 'COMPANY'")
    assert not (tmp_path / "out").exists()
    result = run("export", "--to", "prodigy", str(tmp_path / "nowhere"), "-o", str(tmp_path / "x.jsonl"))
    assert (result.returncode, result.stderr) == (2, f"factwire: gold {tmp_path / 'nowhere'}: no such file or folder\n")


def test_schema_command_writes_the_gold_schema(tmp_path):
    result = run("schema", "-o", str(tmp_path))
    assert result.returncode == 0, result.stderr
    written = (tmp_path / "gold.schema.json").read_text(encoding="utf-8")
    assert written == (ROOT / "schemas" / "gold.schema.json").read_text(encoding="utf-8")
