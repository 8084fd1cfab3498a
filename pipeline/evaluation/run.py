"""One evaluation, as `factwire evaluate` asks for it: gold and predictions in, scores, report and baseline check out.

`evaluate` reads the gold (a file or a folder), takes the predictions from a
JSONL file or extracts them afresh, scores them both ways (value level and
span level, the same code the tests and baselines use), writes the HTML
report and the baseline file when asked, and compares with a baseline. What
cannot be evaluated is refused with a one-line error rather than scored as
nothing: no gold where `--gold` points (`GoldNotFound`), predictions missing,
not JSONL, or naming no gold article (`PredictionsError`), a missing
baseline (`BaselineError`).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.evaluation.baseline import read_baseline, regressions, snapshot, write_baseline
from pipeline.evaluation.event_report import event_table, events_json
from pipeline.evaluation.events import EventScores, score_events
from pipeline.evaluation.predictions import PredictionsError, check_ids, predict_for_gold, read_predictions
from pipeline.evaluation.report import as_json, html_report, span_table, value_table
from pipeline.evaluation.spans import SpanScores, score_spans
from pipeline.evaluation.values import TypeScore, score_articles
from pipeline.gold.format import GoldArticle, load_gold
from pipeline.records import Article

if TYPE_CHECKING:
    from pipeline.inputs.files import Skipped


@dataclass
class Evaluation:
    """The outcome of `evaluate`: the scores, the files written (kind, path), the scores that fell below the baseline."""

    gold: dict[str, GoldArticle]
    values: dict[str, TypeScore]
    spans: SpanScores
    events: EventScores | None = None  # None when the gold has no event
    written: list[tuple[str, Path]] = field(default_factory=list)
    fallen: list[str] = field(default_factory=list)

    def tables(self, errors: bool = True) -> str:
        """The value-level table (with every miss and false alarm when `errors`), the span-level table, the events'."""
        tables = value_table(self.values, errors) + "\n\n" + span_table(self.spans)
        return tables + ("\n\n" + event_table(self.events, errors) if self.events is not None else "")

    def json_text(self) -> str:
        """Everything measured as an indented JSON document."""
        found = as_json(self.values, self.spans)
        if self.events is not None:
            found["events"] = events_json(self.events)
        return json.dumps(found, indent=2, ensure_ascii=False)


def predictions_for(expected: dict[str, GoldArticle], predictions: Path | None, root: Path, model: str | None,
                    on_skip: Callable[[Skipped], None] | None = None) -> dict[str, Article]:
    """The predictions to score: read from the file, or extracted from the gold articles' files under `root`.

    PredictionsError when they cannot speak for any gold article.
    """
    if predictions is not None:
        predicted = read_predictions(predictions)
        check_ids(expected, predicted, f"predictions {predictions}")
        return predicted
    predicted = predict_for_gold(expected, root, model, on_skip)
    if not predicted:
        raise PredictionsError(f"none of the {len(expected)} gold articles was found under {root} "
                               "(--articles: the input root the gold ids are relative to)")
    return predicted


def evaluate(gold: Path, predictions: Path | None = None, *, articles: Path | None = None, model: str | None = None,
             html: Path | None = None, baseline: Path | None = None, update_baseline: Path | None = None,
             on_skip: Callable[[Skipped], None] | None = None) -> Evaluation:
    """Score predictions (a JSONL file, or extracted afresh when None) against the gold at `gold`.

    `articles` is the input root the gold ids are relative to (default: the
    gold folder's parent). With `html`, writes the error report there; with
    `update_baseline`, writes the measurement as that baseline; with
    `baseline`, lists in `fallen` each score lower than that baseline's.
    """
    expected = load_gold(gold)
    root = articles or (gold.parent if gold.is_dir() else Path("."))
    predicted = predictions_for(expected, predictions, root, model, on_skip)
    result = Evaluation(expected, score_articles(expected, predicted), score_spans(expected, predicted),
                        score_events(expected, predicted))
    if html is not None:
        html.parent.mkdir(parents=True, exist_ok=True)
        html.write_text(html_report(expected, result.values, result.spans, f"factwire evaluate: {gold}",
                                    result.events, predicted), encoding="utf-8")
        result.written.append(("report", html))
    where = {"gold": str(gold), "articles": str(root) if articles or gold.is_dir() else None}
    current = snapshot(expected, result.values, result.spans, where, events=result.events)
    if update_baseline is not None:
        write_baseline(update_baseline, current)
        result.written.append(("baseline", update_baseline))
    if baseline is not None:
        result.fallen = regressions(read_baseline(baseline), current)
    return result
