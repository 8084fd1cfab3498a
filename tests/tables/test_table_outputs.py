"""The output format: --format, else the -o suffix; a contradiction or a missing package stops the run before work."""

from __future__ import annotations

import subprocess
import sys

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.tables import outputs
from pipeline.tables.outputs import BadOutputFormat, choose_format


@pytest.mark.parametrize(("output", "requested", "chosen"), [
    ("facts.duckdb", None, "duckdb"), ("facts.DUCKDB", None, "duckdb"), ("facts.parquet", None, "parquet"),
    ("out.jsonl", None, "jsonl"), ("out.ndjson", None, "jsonl"), ("facts.csv", None, "csv"), ("-", None, "jsonl"),
    ("facts", "csv", "csv"), ("facts", "parquet", "parquet"), ("records", "json", "json"), ("out", None, "jsonl"),
    ("facts.duckdb", "duckdb", "duckdb"), ("facts.parquet", "parquet", "parquet"),
])
def test_format_follows_the_suffix_unless_given(output, requested, chosen):
    assert choose_format(output, requested) == chosen


@pytest.mark.parametrize(("output", "requested"), [
    ("facts.jsonl", "duckdb"), ("facts.duckdb", "csv"), ("facts.duckdb", "jsonl"), ("facts.parquet", "csv"),
    ("facts.csv", "parquet"), ("out.jsonl", "json"), ("facts", "sqlite"),
])
def test_a_contradiction_is_an_error(output, requested):
    with pytest.raises(BadOutputFormat):
        choose_format(output, requested)


def test_cli_refuses_a_contradiction_before_any_work(tmp_path, articles_dir):
    out = tmp_path / "facts.jsonl"
    result = subprocess.run([sys.executable, "-m", "pipeline", "extract", str(articles_dir), "-o", str(out),
                             "--format", "duckdb"], capture_output=True, text=True)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"factwire: -o {out} names a jsonl output but --format is duckdb: change one of them"]
    assert list(tmp_path.iterdir()) == []  # no output, no parts: nothing was extracted


def test_cli_refuses_a_missing_optional_package_before_any_work(tmp_path, articles_dir, monkeypatch):
    real = outputs.find_spec
    monkeypatch.setattr(outputs, "find_spec", lambda name: None if name == "duckdb" else real(name))
    result = CliRunner().invoke(app, ["extract", str(articles_dir), "-o", str(tmp_path / "facts.duckdb")])
    assert result.exit_code == 2
    assert "pip install 'factwire[duckdb]'" in result.output and len(result.output.strip().splitlines()) == 1
    assert list(tmp_path.iterdir()) == []


def test_tables_need_an_output_path(articles_dir):
    result = CliRunner().invoke(app, ["extract", str(articles_dir), "--format", "csv"])
    assert result.exit_code == 2 and "needs an output path" in result.output
