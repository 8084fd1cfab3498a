"""The sinks: typed columns in Parquet and DuckDB, CSV that reads back to the same values, views, atomic output."""

from __future__ import annotations

import csv
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from pipeline.batch.writers import OUTPUT_MARK, OutputRefused, check_output_target, record_sink
from pipeline.records import Article
from pipeline.tables import sinks
from pipeline.tables.columns import LIST_SEPARATOR, TABLES, columns
from pipeline.tables.rows import article_rows

HAND = Path(__file__).parents[1] / "data" / "tables" / "hand_records.jsonl"
LINES = HAND.read_text(encoding="utf-8").splitlines(keepends=True)


def expected_rows() -> dict[str, list]:
    """Every table's rows, straight from the rows module (what each sink must hold)."""
    tables: dict[str, list] = {table: [] for table in TABLES}
    for line in LINES:
        rows = article_rows(Article.model_validate_json(line))
        for table in TABLES:
            tables[table] += getattr(rows, table)
    return tables


def write(target: Path, output_format: str) -> Path:
    with record_sink(target, output_format) as add:
        for line in LINES:
            add(Article.model_validate_json(line))
    return target


def test_parquet_is_a_folder_of_typed_tables(tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    import pyarrow as pa

    folder = write(tmp_path / "facts", "parquet")
    assert sorted(p.name for p in folder.iterdir()) == sorted([OUTPUT_MARK] + [f"{t}.parquet" for t in TABLES])
    money = pq.read_table(folder / "money.parquet")
    assert money.schema.field("amount").type == pa.decimal128(38, 6)
    assert money.schema.field("rate_date").type == pa.date32()
    assert pq.read_table(folder / "dates.parquet").schema.field("period_start").type == pa.date32()
    assert pq.read_table(folder / "counts.parquet").schema.field("value").type == pa.float64()
    assert pq.read_table(folder / "organizations.parquet").schema.field("evidence").type == pa.list_(pa.string())
    expected = expected_rows()
    for table in TABLES:
        assert pq.read_table(folder / f"{table}.parquet").num_rows == len(expected[table]), table
    first = money.to_pylist()[0]
    assert first["amount"] == Decimal("2500000000.000000") and first["rate_date"] == date(2018, 3, 5)


def test_parquet_writes_row_groups_so_memory_stays_flat(tmp_path, monkeypatch):
    pq = pytest.importorskip("pyarrow.parquet")
    monkeypatch.setattr(sinks, "ROWS_PER_BATCH", 3)
    folder = write(tmp_path / "facts", "parquet")
    mentions = pq.ParquetFile(folder / "mentions.parquet")  # 8, 2 and 2 mentions: a batch is written once it has 3
    assert mentions.metadata.num_rows == 12 and mentions.metadata.num_row_groups == 2


def test_duckdb_columns_are_typed_and_views_answer(tmp_path):
    duckdb = pytest.importorskip("duckdb")
    database = write(tmp_path / "facts.duckdb", "duckdb")
    with duckdb.connect(str(database), read_only=True) as con:
        types = {(t, c): k for t, c, k in con.execute(
            "SELECT table_name, column_name, data_type FROM information_schema.columns").fetchall()}
        counts = {table: con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in TABLES}
        by_org = con.execute("SELECT org_key, currency, link, amounts, total FROM money_by_org "
                             "WHERE org_key = 'gz:acme' ORDER BY currency").fetchall()
        facts = con.execute("SELECT org_key, articles, mentions, amounts, amounts_in_events, events FROM org_facts "
                            "WHERE org_key = 'gz:acme'").fetchone()
        events = con.execute("SELECT type, status, events FROM events_by_type ORDER BY type").fetchall()
        links = con.execute("SELECT article_id, money_index, org_key, link FROM money_org "
                            "WHERE article_id <> 'odd/<evil>.txt#1' ORDER BY ALL").fetchall()
        cuts = con.execute("SELECT n.name, c.value FROM events e JOIN event_roles r USING (article_id, event_index) "
                           "JOIN counts c ON c.article_id = r.article_id AND c.count_index = r.ref_index "
                           "JOIN event_roles o ON o.article_id = e.article_id AND o.event_index = e.event_index "
                           "JOIN org_names n ON n.org_key = o.filler_key "
                           "WHERE e.type = 'job_cuts' AND r.role = 'count' AND o.role = 'company' "
                           "ORDER BY c.value DESC").fetchall()
    assert types["money", "amount"] == "DECIMAL(38,6)" and types["money", "amount_usd"] == "DECIMAL(38,6)"
    assert types["money", "rate_date"] == "DATE" and types["articles", "published"] == "DATE"
    assert types["dates", "period_start"] == "DATE" and types["counts", "value"] == "DOUBLE"
    assert types["organizations", "evidence"] == "VARCHAR[]" and types["mentions", "end"] == "BIGINT"
    assert counts == {table: len(rows) for table, rows in expected_rows().items()}
    assert by_org == [("gz:acme", "GBP", "event", 1, Decimal("1800000000")),
                      ("gz:acme", "USD", "event", 1, Decimal("2500000000"))]
    assert facts == ("gz:acme", 1, 4, 2, 2, 2)
    assert ("job_cuts", "announced", 1) in events
    assert links == [  # events tie amounts to their organizations; without events, every organization of the article
        ("deals/acme.txt#1", 0, "gz:acme", "event"), ("deals/acme.txt#1", 0, "name:widget", "event"),
        ("deals/acme.txt#1", 1, "gz:acme", "event"), ("deals/acme.txt#1", 1, "name:widget", "event"),
        ("deals/acme.txt#1", 2, "name:widget", "event"),
        ("undated.txt#1", 0, "gz:alibaba", "article"), ("undated.txt#1", 0, "name:intime", "article")]
    assert cuts == [("Acme", 1200.0), ("Acme", 3.0)]


def test_csv_reads_back_to_the_same_values(tmp_path):
    folder = write(tmp_path / "facts", "csv")
    expected = expected_rows()
    for table in TABLES:
        raw = (folder / f"{table}.csv").read_bytes()
        assert raw.count(b"\r\n") >= len(expected[table]) + 1, "RFC 4180 lines end in CRLF"
        with (folder / f"{table}.csv").open(encoding="utf-8", newline="") as handle:
            header, *cells = list(csv.reader(handle))
        assert header == [c.name for c in columns(table)]
        got = [tuple(_parse(cell, column) for cell, column in zip(row, columns(table))) for row in cells]
        want = [tuple(getattr(row, c.name) for c in columns(table)) for row in expected[table]]
        assert got == want, table


def _parse(cell: str, column) -> object:
    """A CSV cell back to its column's Python value (empty is null)."""
    if cell == "" and column.nullable:
        return None
    return {"int": int, "double": float, "decimal": Decimal, "date": date.fromisoformat,
            "text_list": lambda c: tuple(c.split(LIST_SEPARATOR)) if c else (), "text": str}[column.kind](cell)


def test_csv_quotes_what_needs_quoting(tmp_path):
    folder = write(tmp_path / "facts", "csv")
    text = (folder / "organizations.csv").read_text(encoding="utf-8")
    assert '"Evil Corp ""><img src=x onerror=alert(1)>"' in text


@pytest.mark.parametrize("output_format", ["parquet", "csv", "duckdb"])
def test_a_failed_run_leaves_the_previous_output(tmp_path, output_format):
    pytest.importorskip("pyarrow")
    target = tmp_path / ("facts.duckdb" if output_format == "duckdb" else "facts")
    write(target, output_format)
    before = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(RuntimeError):
        with record_sink(target, output_format) as add:
            add(Article.model_validate_json(LINES[0]))
            raise RuntimeError("killed")
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    assert (target / "articles.csv").exists() if output_format == "csv" else target.exists()


def test_a_folder_that_is_not_ours_is_refused(tmp_path):
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("keep me", encoding="utf-8")
    for output_format in ("parquet", "csv"):
        with pytest.raises(OutputRefused):
            check_output_target(str(tmp_path / "mine"), output_format, [tmp_path / "in"])
    write(tmp_path / "ours", "csv")
    check_output_target(str(tmp_path / "ours"), "parquet", [tmp_path / "in"])  # a factwire folder may be replaced
    with pytest.raises(OutputRefused):
        check_output_target(str(tmp_path / "ours"), "duckdb", [tmp_path / "in"])  # a database is a file
