"""Records -> typed tables: `columns` defines them once, `rows` fills them from an `Article`, `sinks` writes them
as Parquet or CSV folders or a DuckDB database (with the views of `views.sql`), `outputs` picks and checks the format."""
