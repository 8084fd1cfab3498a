"""Tables from real extraction: every sink holds the JSONL's facts; keys do not depend on workers or input order."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.batch.writers import record_sink
from pipeline.cli import app
from pipeline.extraction import extract_folder
from pipeline.records import Article


@pytest.fixture(scope="module")
def extracted(tmp_path_factory, articles_dir, nlp) -> list[str]:
    out = tmp_path_factory.mktemp("jsonl") / "out.jsonl"
    result = CliRunner().invoke(app, ["extract", str(articles_dir), "-o", str(out), "--no-resume"])
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8").splitlines(keepends=True)


def test_the_duckdb_command_holds_the_jsonl_facts(tmp_path, articles_dir, extracted, jsonl_counts, table_counts):
    pytest.importorskip("duckdb")
    target = tmp_path / "facts.duckdb"
    result = CliRunner().invoke(app, ["extract", str(articles_dir), "-o", str(target), "--no-resume"])
    assert result.exit_code == 0, result.output
    assert "(duckdb)" in result.output
    assert table_counts(target, "duckdb") == jsonl_counts(extracted)


@pytest.mark.parametrize("output_format", ["parquet", "csv"])
def test_parquet_and_csv_hold_the_jsonl_facts(tmp_path, extracted, output_format, jsonl_counts, table_counts):
    if output_format == "parquet":
        pytest.importorskip("pyarrow")
    target = tmp_path / "facts"
    with record_sink(target, output_format) as add:
        for line in extracted:
            add(Article.model_validate_json(line))
    assert table_counts(target, output_format) == jsonl_counts(extracted)


def test_keys_are_the_same_with_two_workers_and_in_any_input_order(articles_dir, nlp):
    files = sorted(articles_dir.glob("*.txt"))[:6]
    shuffled = list(files)
    random.Random(3).shuffle(shuffled)

    def keys(articles) -> dict[str, list[tuple[str, str]]]:
        return {Path(a.id).name: [(o.name, o.key) for o in a.organizations] for a in articles}

    in_order = keys(extract_folder(*files))
    assert in_order and all(in_order.values())
    assert all(key and key.startswith(("gz:", "name:")) for pairs in in_order.values() for _, key in pairs)
    assert keys(extract_folder(*shuffled)) == in_order
    assert keys(extract_folder(*files, workers=2)) == in_order


def test_keys_are_the_same_in_a_resumed_run(tmp_path, articles_dir, nlp):
    """Half the folder run first (its records kept in OUT.parts/), then the whole folder into the same output: the
    resumed records and the new ones carry the keys a fresh run gives."""
    folder = tmp_path / "news"
    folder.mkdir()
    files = sorted(articles_dir.glob("*.txt"))[:4]
    for path in files[:2]:
        (folder / path.name).write_bytes(path.read_bytes())
    out = tmp_path / "out.jsonl"
    assert CliRunner().invoke(app, ["extract", str(folder), "-o", str(out)]).exit_code == 0
    for path in files[2:]:
        (folder / path.name).write_bytes(path.read_bytes())
    result = CliRunner().invoke(app, ["extract", str(folder), "-o", str(out)])
    assert result.exit_code == 0 and "2 unchanged files reused" in result.output, result.output
    resumed = [Article.model_validate_json(line) for line in out.read_text(encoding="utf-8").splitlines()]
    fresh = list(extract_folder(folder))
    assert [[(o.name, o.key) for o in a.organizations] for a in resumed] == \
        [[(o.name, o.key) for o in a.organizations] for a in fresh]
    assert len(resumed) == len(fresh) > 4 and all(o.key for a in resumed for o in a.organizations)
