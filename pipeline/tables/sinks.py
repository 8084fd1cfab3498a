"""Records -> the tables, written as a Parquet folder, a CSV folder or a DuckDB database, atomically.

Each record becomes its rows (`rows.article_rows`); rows wait in
per-table batches of `ROWS_PER_BATCH` and are written batch by batch (one
Parquet row group, one DuckDB insert), so memory stays flat however long the
run. Every sink takes its column names and types from `columns.py`.

Layouts:
- `parquet`: a folder `<output>/` holding `<table>.parquet` for each table;
- `csv`: a folder `<output>/` holding `<table>.csv` (RFC 4180: comma, CRLF,
  double quotes; UTF-8; a header row; an empty cell is null; a list cell is
  joined by ';');
- `duckdb`: one database file with the tables (DECIMAL(38, 6) amounts, DATE
  days) and the views of `views.sql`.

A folder is built beside the target and swapped in whole when the run
succeeds (`writers.atomic_folder`), marked as factwire's own so that a later
run may replace it; a database is written to a temporary file renamed over
the target. A failed run leaves the previous output as it was.
"""

from __future__ import annotations

import csv
import os
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from importlib.resources import files
from pathlib import Path
from typing import Any

from pipeline.batch.writers import OUTPUT_MARK, atomic_folder
from pipeline.records import Article
from pipeline.tables.columns import DECIMAL_PRECISION, DECIMAL_SCALE, TABLES, columns, csv_cell, duckdb_ddl
from pipeline.tables.outputs import require_format
from pipeline.tables.rows import article_rows

ROWS_PER_BATCH = 50_000
WriteBatch = Callable[[str, list], None]


@contextmanager
def table_sink(target: Path, output_format: str) -> Iterator[Callable[[Article], None]]:
    """A function taking each record; the tables appear whole, and only if the block succeeds."""
    require_format(output_format)
    opener = {"parquet": _parquet_tables, "csv": _csv_tables, "duckdb": _duckdb_tables}[output_format]
    with opener(target) as write:
        pending: dict[str, list] = {table: [] for table in TABLES}

        def add(article: Article) -> None:
            rows = article_rows(article)
            for table, batch in pending.items():
                batch += getattr(rows, table)
                if len(batch) >= ROWS_PER_BATCH:
                    write(table, batch)
                    batch.clear()

        yield add
        for table, batch in pending.items():
            if batch:
                write(table, batch)


def arrow_schema(table: str) -> Any:
    """The table's Arrow schema (what Parquet files hold and DuckDB inserts from)."""
    import pyarrow as pa

    kinds = {"text": pa.string(), "int": pa.int64(), "double": pa.float64(),
             "decimal": pa.decimal128(DECIMAL_PRECISION, DECIMAL_SCALE), "date": pa.date32(),
             "text_list": pa.list_(pa.string())}
    return pa.schema([pa.field(c.name, kinds[c.kind], nullable=c.nullable) for c in columns(table)])


def arrow_table(table: str, rows: list) -> Any:
    """A batch of one table's rows as an Arrow table of its schema."""
    import pyarrow as pa

    schema = arrow_schema(table)
    names = [c.name for c in columns(table)]
    return pa.Table.from_arrays([pa.array([getattr(row, name) for row in rows], type=schema.field(name).type)
                                 for name in names], schema=schema)


def _mark(folder: Path, output_format: str) -> None:
    (folder / OUTPUT_MARK).write_text(f"written by factwire extract --format {output_format}\n", encoding="utf-8")


@contextmanager
def _parquet_tables(target: Path) -> Iterator[WriteBatch]:
    """`<target>/<table>.parquet`, one writer per table, one row group per batch."""
    import pyarrow.parquet as pq

    with atomic_folder(target) as folder:
        _mark(folder, "parquet")
        writers = {table: pq.ParquetWriter(folder / f"{table}.parquet", arrow_schema(table)) for table in TABLES}
        try:
            yield lambda table, rows: writers[table].write_table(arrow_table(table, rows))
        finally:
            for writer in writers.values():
                writer.close()


@contextmanager
def _csv_tables(target: Path) -> Iterator[WriteBatch]:
    """`<target>/<table>.csv`, RFC 4180, UTF-8, header row."""
    with atomic_folder(target) as folder:
        _mark(folder, "csv")
        handles = {table: (folder / f"{table}.csv").open("w", encoding="utf-8", newline="") for table in TABLES}
        try:
            writers = {table: csv.writer(handle, lineterminator="\r\n") for table, handle in handles.items()}
            for table, writer in writers.items():
                writer.writerow([c.name for c in columns(table)])

            def write(table: str, rows: list) -> None:
                names = [c.name for c in columns(table)]
                writers[table].writerows([csv_cell(getattr(row, name)) for name in names] for row in rows)

            yield write
        finally:
            for handle in handles.values():
                handle.close()


def views_sql() -> str:
    """The DuckDB views (org_facts, money_by_org, events_by_type and what they build on), kept as SQL data."""
    return files("pipeline.tables").joinpath("views.sql").read_text(encoding="utf-8")


@contextmanager
def _duckdb_tables(target: Path) -> Iterator[WriteBatch]:
    """One DuckDB file: typed tables filled from Arrow batches, then the views; renamed into place at the end."""
    import duckdb

    target.parent.mkdir(parents=True, exist_ok=True)
    temp = target.with_name(f".{target.name}.{uuid.uuid4().hex[:12]}.tmp")
    connection = duckdb.connect(str(temp))
    try:
        for table in TABLES:
            connection.execute(duckdb_ddl(table))

        def write(table: str, rows: list) -> None:
            connection.register("factwire_batch", arrow_table(table, rows))
            connection.execute(f"INSERT INTO {table} SELECT * FROM factwire_batch")
            connection.unregister("factwire_batch")

        yield write
        connection.execute(views_sql())
        connection.execute("CHECKPOINT")
        connection.close()
        os.replace(temp, target)
    except BaseException:
        connection.close()
        for leftover in (temp, temp.with_name(temp.name + ".wal")):
            leftover.unlink(missing_ok=True)
        raise

