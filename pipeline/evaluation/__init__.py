"""Evaluation: scores against gold (one rule of "the same value"), reports, regression baselines, outside suites.

    values.py       value-level scores, and `same_value`, the one rule of the same value
    spans.py        span-level scores (SemEval-2013 schemes through nervaluate), pairing, value accuracy
    events.py       event scores: frames and roles by type, status accuracy, false frames on distractors
    event_report.py event scores as a table, JSON, an HTML section and baseline scores
    predictions.py  the predictions scored: extracted for the gold, or read from a file and checked
    report.py       terminal tables, JSON, the HTML error report
    baseline.py     regression baselines: measure, compare, rewrite
    run.py          one evaluation as `factwire evaluate` asks for it
    corpora.py      the outside data folder, and outside corpora read in place as gold
    peers.py        other projects' money and number test suites
"""

from pipeline.evaluation.baseline import (
                                          BaselineError,
                                          Refreshed,
                                          measure,
                                          measure_baseline,
                                          read_baseline,
                                          regressions,
                                          snapshot,
                                          update_baselines,
                                          write_baseline,
)
from pipeline.evaluation.corpora import DataMissing, data_folder, data_path, is_outside, load_gold_set
from pipeline.evaluation.event_report import event_table, events_json
from pipeline.evaluation.events import EventMatch, EventScores, score_events
from pipeline.evaluation.peers import run_all as run_peer_suites
from pipeline.evaluation.predictions import PredictionsError, check_ids, predict_for_gold, read_predictions, scoreable
from pipeline.evaluation.report import as_json, html_report, span_table, value_table
from pipeline.evaluation.run import Evaluation, evaluate
from pipeline.evaluation.spans import SCHEMES, SchemeScore, SpanMatch, SpanScores, pair_spans, score_spans
from pipeline.evaluation.values import FACT_TYPES, TypeScore, same_value, score_articles

__all__ = [
    "FACT_TYPES", "SCHEMES",
    "BaselineError", "DataMissing", "EventMatch", "EventScores", "Evaluation", "PredictionsError", "Refreshed", "SchemeScore", "SpanMatch",
    "SpanScores", "TypeScore",
    "as_json", "check_ids", "event_table", "events_json", "data_folder", "data_path", "evaluate", "html_report", "is_outside", "load_gold_set", "measure",
    "measure_baseline", "pair_spans", "predict_for_gold", "read_baseline", "read_predictions", "regressions",
    "run_peer_suites", "same_value", "score_articles", "score_events", "score_spans", "scoreable", "snapshot", "span_table",
    "update_baselines", "value_table", "write_baseline",
]
