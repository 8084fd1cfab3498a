"""Tables on real news (the first Wikinews economy articles, read in place) and the README's SQL on them.

The folder is `$FACTWIRE_DATA/wikinews_economy` (default: `../shared/data`
beside the checkout); without it these tests are skipped.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline.batch.writers import record_sink
from pipeline.extraction import extract_folder
from pipeline.records import Article

ROOT = Path(__file__).resolve().parents[2]
HAND = ROOT / "tests" / "data" / "tables" / "hand_records.jsonl"
FILES = 40


def readme_queries() -> list[str]:
    """The SQL blocks of the README's "Analyse a folder" walk-through."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```sql\n(.*?)```", text, flags=re.S)


def database(lines: list[str], target: Path) -> Path:
    with record_sink(target, "duckdb") as add:
        for line in lines:
            add(Article.model_validate_json(line))
    return target


@pytest.fixture(scope="module")
def wikinews_lines(nlp, data_dir) -> list[str]:
    files = sorted((data_dir / "wikinews_economy").glob("*.txt"))[:FILES]
    return [article.model_dump_json() + "\n" for article in extract_folder(*files)]


def test_the_readme_has_the_walk_through_queries():
    assert len(readme_queries()) >= 4


def test_readme_queries_run_on_hand_records(tmp_path):
    duckdb = pytest.importorskip("duckdb")
    target = database(HAND.read_text(encoding="utf-8").splitlines(keepends=True), tmp_path / "facts.duckdb")
    with duckdb.connect(str(target), read_only=True) as con:
        results = [con.execute(query).fetchall() for query in readme_queries()]
    assert [("Acme", 1200.0, 1)] in results, "the job-cuts query finds the hand-made job_cuts event (jobs, not plants)"


def test_wikinews_tables_hold_every_fact_and_answer_the_readme(tmp_path, wikinews_lines, jsonl_counts, table_counts):
    duckdb = pytest.importorskip("duckdb")
    target = database(wikinews_lines, tmp_path / "facts.duckdb")
    assert table_counts(target, "duckdb") == jsonl_counts(wikinews_lines)
    for output_format in ("parquet", "csv"):
        folder = tmp_path / output_format
        with record_sink(folder, output_format) as add:
            for line in wikinews_lines:
                add(Article.model_validate_json(line))
        assert table_counts(folder, output_format) == jsonl_counts(wikinews_lines), output_format
    with duckdb.connect(str(target), read_only=True) as con:
        for query in readme_queries():
            con.execute(query).fetchall()
        converted, dated = con.execute("SELECT count(amount_usd), count(rate_date) FROM money").fetchone()
    assert converted > 0 and dated > 0
