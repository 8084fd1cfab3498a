"""Which output format a run writes, decided before any work: from `--format`, else from the `-o` suffix.

A long extraction that fails at the end because the output name and the
format disagree, or because an optional package is missing, wastes the run;
both are checked first, with one line saying what to do.
"""

from __future__ import annotations

from importlib.util import find_spec
from pathlib import PurePath

from pipeline.batch.writers import OUTPUT_FORMATS as FORMATS
from pipeline.batch.writers import OutputUnavailable

SUFFIX_FORMATS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".duckdb": "duckdb", ".parquet": "parquet", ".csv": "csv"}
_NEEDS = {"parquet": ("pyarrow",), "duckdb": ("duckdb", "pyarrow")}


class BadOutputFormat(ValueError):
    """An unknown format, or an output name whose suffix names another format."""


def choose_format(output: str, requested: str | None = None) -> str:
    """The format to write: `requested` when given, else the one the suffix names, else jsonl.

    >>> choose_format("facts.duckdb"), choose_format("out.jsonl"), choose_format("facts", "csv"), choose_format("-")
    ('duckdb', 'jsonl', 'csv', 'jsonl')
    >>> choose_format("facts.parquet"), choose_format("records", "json"), choose_format("out.txt")
    ('parquet', 'json', 'jsonl')
    >>> choose_format("facts.jsonl", "duckdb")
    Traceback (most recent call last):
    pipeline.tables.outputs.BadOutputFormat: -o facts.jsonl names a jsonl output but --format is duckdb: change one of them
    >>> choose_format("facts", "xlsx")
    Traceback (most recent call last):
    pipeline.tables.outputs.BadOutputFormat: --format is one of jsonl, json, parquet, csv, duckdb (got xlsx)
    """
    if requested is not None and requested not in FORMATS:
        raise BadOutputFormat(f"--format is one of {', '.join(FORMATS)} (got {requested})")
    named = SUFFIX_FORMATS.get(PurePath(output).suffix.lower()) if output != "-" else None
    if requested is not None and named is not None and named != requested:
        raise BadOutputFormat(f"-o {output} names a {named} output but --format is {requested}: change one of them")
    return requested or named or "jsonl"


def require_format(output_format: str) -> None:
    """Raise `OutputUnavailable` naming the extra to install when the format's optional packages are missing."""
    missing = [module for module in _NEEDS.get(output_format, ()) if find_spec(module) is None]
    if missing:
        raise OutputUnavailable(f"--format {output_format} needs {', '.join(missing)}: "
                                f"pip install 'factwire[{output_format}]'")


def output_format_for(output: str, requested: str | None) -> str:
    """The format to write, checked: a known format, agreeing with the output's suffix, its packages installed."""
    chosen = choose_format(output, requested)
    require_format(chosen)
    return chosen
