"""Regression baselines: the scores of one gold set, per type and per article, committed beside the tests.

A baseline file (`tests/baselines/<name>.json`) names its gold set and the
input root its articles are read from, the tolerance, the scores per label
(value-level F1, F1 under each SemEval scheme, value accuracy) and every
article's errors. `regressions` compares a fresh measurement with it: any score
lower by more than the tolerance is a regression, reported with the articles
whose errors changed and the facts concerned. After an intended change,
`factwire gold baseline` rewrites the files (`update_baselines`), and
`factwire evaluate --update-baseline FILE` one of them (`write_baseline`).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from pipeline.evaluation.corpora import DataMissing, load_gold_set
from pipeline.evaluation.event_report import baseline_scores
from pipeline.evaluation.events import EventScores, score_events
from pipeline.evaluation.predictions import predict_for_gold
from pipeline.evaluation.spans import SCHEMES, SpanScores, score_spans
from pipeline.evaluation.values import TypeScore, score_articles
from pipeline.gold.format import GoldArticle
from pipeline.gold.spans import FACT_TYPE_OF, LABELS

DEFAULT_TOLERANCE = 0.0
PLACES = 4
BASELINES = Path("tests") / "baselines"


class BaselineError(ValueError):
    """A baseline file that is missing or not a baseline; the message (one line) says which."""


def measure(gold: Mapping[str, GoldArticle], root: Path, model: str | None = None) -> tuple[dict, SpanScores]:
    """Run the pipeline on a gold set's articles and score it both ways: (value scores, span scores)."""
    values, spans, _ = measure_all(gold, root, model)
    return values, spans


def measure_all(gold: Mapping[str, GoldArticle], root: Path,
                model: str | None = None) -> tuple[dict, SpanScores, EventScores | None]:
    """`measure` and the event scores (None when the gold has no event) of one extraction."""
    predicted = predict_for_gold(gold, root, model)
    return score_articles(gold, predicted), score_spans(gold, predicted), score_events(gold, predicted)


def snapshot(gold: Mapping[str, GoldArticle], values: Mapping[str, TypeScore], spans: SpanScores,
             where: dict[str, str | None], tolerance: float = DEFAULT_TOLERANCE,
             events: EventScores | None = None) -> dict:
    """The baseline document of one measurement; `where` holds the gold location and input root as written.

    With `events`, the scores gain the events' (`event_report.baseline_scores`) and the errors each wrong event.
    """
    scores = {}
    for label in LABELS:
        right, matched = spans.value_accuracy[label]
        scores[label] = {"value_f1": round(values[FACT_TYPE_OF[label]].f1, PLACES),
                         **{f"{s}_f1": round(spans.by_label[label][s].f1, PLACES) for s in SCHEMES},
                         "value_accuracy": round(right / matched, PLACES) if matched else None}
    errors = {article_id: [m.describe() for m in spans.matches[article_id] if not (m.gold and m.predicted and m.value_ok)]
              for article_id in gold}
    for fact_type, score in values.items():
        for kind, facts in (("value miss", score.misses), ("value false alarm", score.false_alarms)):
            for fact in facts:
                article_id, _, what = fact.partition(": ")
                errors[article_id].append(f"{kind} {fact_type}: {what}")
    if events is not None:
        scores.update(baseline_scores(events))
        for article_id, matches in events.matches.items():
            errors[article_id] += [m.describe() for m in matches if not m.ok]
    return {**where, "tolerance": tolerance, "scores": scores,
            "errors": {article_id: sorted(found) for article_id, found in errors.items() if found}}


def measure_baseline(baseline: dict, root: Path, model: str | None = None, data: Path | None = None) -> dict:
    """A fresh snapshot of the gold set a baseline names, with its tolerance.

    Project paths are relative to `root`; an outside corpus
    (`$FACTWIRE_DATA/...`) is read in place through its `import` format and
    `split` from `data` (default: `pipeline.evaluation.corpora.data_folder`).
    """
    where = {key: baseline.get(key) for key in ("gold", "import", "split", "articles") if key in baseline}
    gold = load_gold_set(baseline["gold"], root, baseline.get("import"), baseline.get("split"), data)
    values, spans, events = measure_all(gold, root / (baseline.get("articles") or "."), model)
    return snapshot(gold, values, spans, where, baseline.get("tolerance", DEFAULT_TOLERANCE), events)


def regressions(baseline: dict, current: dict) -> list[str]:
    """Each score that fell by more than the tolerance, then each article whose errors changed; empty when none fell."""
    tolerance = baseline.get("tolerance", DEFAULT_TOLERANCE)
    fallen = []
    for label, metrics in baseline["scores"].items():
        for metric, old in metrics.items():
            new = current["scores"].get(label, {}).get(metric) or 0.0  # no matched span: no value accuracy
            if old is not None and new < old - tolerance - 1e-9:
                fallen.append(f"{baseline['gold']}: {label} {metric} fell from {old:.4f} to {new:.4f}")
    if not fallen:
        return []
    changes = []
    before, after = baseline.get("errors", {}), current.get("errors", {})
    for article_id in sorted(set(before) | set(after)):
        old, new = set(before.get(article_id, [])), set(after.get(article_id, []))
        changes += [f"  {article_id}: now {error}" for error in sorted(new - old)]
        changes += [f"  {article_id}: no longer {error}" for error in sorted(old - new)]
    return fallen + ["articles that changed:"] + changes


def read_baseline(path: Path) -> dict:
    """A baseline file's document; BaselineError when it is missing or not JSON."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as err:
        raise BaselineError(f"baseline {path}: no such file") from err
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise BaselineError(f"baseline {path}: not a baseline file ({err})") from err


def baseline_text(snapshot_: dict) -> str:
    """The committed form: stable key order, one error per line."""
    return json.dumps(snapshot_, indent=1, ensure_ascii=False) + "\n"


def write_baseline(path: Path, current: dict) -> None:
    """Write a measurement as the baseline file, keeping the tolerance the file already has."""
    if path.exists():
        current = {**current, "tolerance": read_baseline(path).get("tolerance", current["tolerance"])}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(baseline_text(current), encoding="utf-8")


@dataclass(frozen=True)
class Refreshed:
    """One baseline file re-measured: the scores that changed, or why it was not measured."""

    path: Path
    changes: tuple[str, ...] = ()
    not_measured: str | None = None

    def summary(self) -> str:
        """'unchanged', the changed scores ('ORG value_f1 0.9 -> 0.95; ...'), or 'not measured: <why>'."""
        if self.not_measured is not None:
            return f"not measured: {self.not_measured}"
        return "; ".join(self.changes) if self.changes else "unchanged"


def update_baselines(files: list[Path] | None = None, root: Path = Path("."), model: str | None = None,
                     data: Path | None = None) -> Iterator[Refreshed]:
    """Re-measure the gold set each baseline file names and rewrite the file, one at a time.

    Default: every `tests/baselines/*.json` under `root`. A baseline whose
    outside corpus is absent is left as it is and said so.
    """
    for path in files or sorted((root / BASELINES).glob("*.json")):
        old = read_baseline(path)
        try:
            new = measure_baseline(old, root, model, data)
        except DataMissing as err:
            yield Refreshed(path, not_measured=str(err))
            continue
        path.write_text(baseline_text(new), encoding="utf-8")
        yield Refreshed(path, tuple(f"{label} {metric} {old['scores'].get(label, {}).get(metric)} -> {value}"
                                    for label, metrics in new["scores"].items() for metric, value in metrics.items()
                                    if old["scores"].get(label, {}).get(metric) != value))
