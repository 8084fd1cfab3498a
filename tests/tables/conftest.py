"""Row counts of each table, as the JSON records say and as a written output holds them: fixtures of the tests here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.tables.columns import TABLES


def _jsonl_counts(lines: list[str]) -> dict[str, int]:
    """How many rows each table should have, counted on the JSON records themselves."""
    records = [json.loads(line) for line in lines]
    return {
        "articles": len(records),
        "organizations": sum(len(r["organizations"]) for r in records),
        "mentions": sum(len(o["mentions"]) for r in records for o in r["organizations"]),
        "money": sum(len(r["money"]) for r in records), "counts": sum(len(r["counts"]) for r in records),
        "dates": sum(len(r["dates"]) for r in records), "events": sum(len(r.get("events", [])) for r in records),
        "event_roles": sum(len(e["roles"]) for r in records for e in r.get("events", [])),
    }


def _table_counts(target: Path, output_format: str) -> dict[str, int]:
    if output_format == "duckdb":
        import duckdb

        with duckdb.connect(str(target), read_only=True) as con:
            return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
    if output_format == "parquet":
        import pyarrow.parquet as pq

        return {t: pq.ParquetFile(target / f"{t}.parquet").metadata.num_rows for t in TABLES}
    return {t: len((target / f"{t}.csv").read_text(encoding="utf-8").splitlines()) - 1 for t in TABLES}


@pytest.fixture
def jsonl_counts():
    return _jsonl_counts


@pytest.fixture
def table_counts():
    return _table_counts
