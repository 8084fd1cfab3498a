"""Evaluation results for people and machines: terminal tables, a JSON document, an HTML error report.

The HTML report shows each article with its gold spans and its predictions
highlighted by spaCy's displaCy (`style="ent"`, manual), misses and false
alarms marked in their labels, articles with errors first, after a summary
table per type. displaCy draws one layer of spans at a time, so overlapping
spans (a count holding an organization) go to a second layer below.
"""

from __future__ import annotations

import html
from collections.abc import Mapping

from spacy import displacy

from pipeline.evaluation.event_report import events_html, events_summary_html
from pipeline.evaluation.events import EventScores
from pipeline.evaluation.spans import SCHEMES, SpanMatch, SpanScores
from pipeline.evaluation.values import TypeScore
from pipeline.gold.format import GoldArticle
from pipeline.gold.spans import FACT_TYPE_OF, LABELS, LabeledSpan, to_spans
from pipeline.records import Article

MISS, FALSE_ALARM, WRONG_VALUE = "MISS", "FALSE ALARM", "WRONG VALUE"
_COLORS = {"ORG": "#7aecec", "MONEY": "#e4e7d2", "COUNT": "#c887fb", "DATE": "#bfe1d9", "IGNORE": "#dddddd"}
_ERROR_COLORS = {MISS: "#ff9a8d", FALSE_ALARM: "#ffd166", WRONG_VALUE: "#f4a261"}


def value_table(scores: Mapping[str, TypeScore], errors: bool = True) -> str:
    """A plain-text table of value-level P/R/F1 per type, then each miss and false alarm."""
    lines = [f"{'type':<14}{'gold':>6}{'pred':>6}{'P':>8}{'R':>8}{'F1':>8}"]
    for fact_type, s in scores.items():
        gold_n = s.true_positives + s.false_negatives
        pred_n = s.true_positives + s.false_positives
        lines.append(f"{fact_type:<14}{gold_n:>6}{pred_n:>6}{s.precision:>8.3f}{s.recall:>8.3f}{s.f1:>8.3f}")
    if errors:
        for fact_type, s in scores.items():
            lines += [f"  miss        {fact_type}: {m}" for m in s.misses]
            lines += [f"  false alarm {fact_type}: {m}" for m in s.false_alarms]
    return "\n".join(lines)


def span_table(spans: SpanScores) -> str:
    """A plain-text table per label: gold and predicted spans, P / R / F1 under each SemEval scheme, value accuracy."""
    head = f"{'label':<8}{'gold':>6}{'pred':>6}" + "".join(f"{s + ' P/R/F1':>21}" for s in SCHEMES) + f"{'value acc':>14}"
    lines = [head]

    def row(name: str, scores: Mapping[str, object], gold: str, predicted: str, accuracy: str) -> str:
        cells = "".join(f"{f'{s.precision:.2f} / {s.recall:.2f} / {s.f1:.2f}':>21}" for s in scores.values())
        return f"{name:<8}{gold:>6}{predicted:>6}{cells}{accuracy:>14}"

    for label in LABELS:
        strict = spans.by_label[label]["strict"]
        right, matched = spans.value_accuracy[label]
        accuracy = f"{right}/{matched} {right / matched:.2f}" if matched else "-"
        lines.append(row(label, spans.by_label[label], str(strict.correct + strict.incorrect + strict.partial + strict.missed),
                         str(strict.correct + strict.incorrect + strict.partial + strict.spurious), accuracy))
    lines.append(row("micro", spans.micro, "", "", ""))
    lines.append(row("macro", spans.macro, "", "", ""))
    return "\n".join(lines)


def as_json(values: Mapping[str, TypeScore], spans: SpanScores) -> dict:
    """Everything measured, for machines: value-level scores with errors, span-level scores, per-article errors."""
    return {
        "value_level": {t: {"precision": s.precision, "recall": s.recall, "f1": s.f1, "misses": s.misses,
                            "false_alarms": s.false_alarms} for t, s in values.items()},
        "span_level": {
            "by_label": {label: {scheme: vars(score) for scheme, score in schemes.items()}
                         for label, schemes in spans.by_label.items()},
            "micro": {scheme: vars(score) for scheme, score in spans.micro.items()},
            "macro": {scheme: {k: v for k, v in vars(score).items() if k in ("precision", "recall", "f1")}
                      for scheme, score in spans.macro.items()},
            "value_accuracy": {label: {"right": right, "matched": matched}
                               for label, (right, matched) in spans.value_accuracy.items()},
        },
        "errors": {article: [m.describe() for m in matches if not (m.gold and m.predicted and m.value_ok)]
                   for article, matches in spans.matches.items()},
    }


def _marks(matches: list[SpanMatch], side: str) -> list[LabeledSpan]:
    """The spans of one side (gold or predicted), each labelled with its type and, if wrong, what went wrong."""
    marked = []
    for match in matches:
        span = match.gold if side == "gold" else match.predicted
        if span is None:
            continue
        if match.gold is None:
            problem = FALSE_ALARM
        elif match.predicted is None:
            problem = MISS
        else:
            problem = "" if match.value_ok else WRONG_VALUE
        marked.append(LabeledSpan(span.start, span.end, f"{span.label} {problem}".strip(), span.values))
    return marked


def _layers(spans: list[LabeledSpan]) -> list[list[LabeledSpan]]:
    """Spans in layers without overlaps inside a layer, longest first, for displaCy's one-layer drawing."""
    layers: list[list[LabeledSpan]] = []
    for span in sorted(spans, key=lambda s: (s.start - s.end, s.start)):
        home = next((layer for layer in layers if not any(o.start < span.end and span.start < o.end for o in layer)), None)
        if home is None:
            layers.append(home := [])
        home.append(span)
    return [sorted(layer, key=lambda s: s.start) for layer in layers]


def _render(text: str, spans: list[LabeledSpan], title: str) -> str:
    colors = {f"{label} {problem}".strip(): _ERROR_COLORS.get(problem, color)
              for label, color in _COLORS.items() for problem in ("", MISS, FALSE_ALARM, WRONG_VALUE)}
    parts = []
    for number, layer in enumerate(_layers(spans) or [[]], start=1):
        name = title if number == 1 else f"{title}, overlapping spans"
        parts.append(displacy.render({"text": text, "title": name,
                                      "ents": [{"start": s.start, "end": s.end, "label": s.label} for s in layer]},
                                     style="ent", manual=True, page=False, options={"colors": colors}))
    return "\n".join(parts)


def html_report(gold: Mapping[str, GoldArticle], values: Mapping[str, TypeScore], spans: SpanScores,
                title: str, events: EventScores | None = None, predicted: Mapping[str, Article] | None = None) -> str:
    """A self-contained HTML page: summary tables, then every article with gold and predicted spans marked
    and, when the gold has events, its events table."""
    def errors(article_id: str) -> int:
        wrong_events = sum(not m.ok for m in events.matches.get(article_id, [])) if events is not None else 0
        return wrong_events + sum(1 for m in spans.matches[article_id] if not (m.gold and m.predicted and m.value_ok))

    order = sorted(gold, key=lambda a: -errors(a))
    summary = ["<table><tr><th>type</th><th>value P</th><th>value R</th><th>value F1</th>"
               + "".join(f"<th>{s} F1</th>" for s in SCHEMES) + "<th>value accuracy</th></tr>"]
    for label in LABELS:
        v = values[FACT_TYPE_OF[label]]
        right, matched = spans.value_accuracy[label]
        summary.append(f"<tr><td>{label}</td><td>{v.precision:.3f}</td><td>{v.recall:.3f}</td><td>{v.f1:.3f}</td>"
                       + "".join(f"<td>{spans.by_label[label][s].f1:.3f}</td>" for s in SCHEMES)
                       + f"<td>{right}/{matched}</td></tr>")
    for name, averaged in (("micro", spans.micro), ("macro", spans.macro)):
        summary.append(f"<tr><td>{name}</td><td></td><td></td><td></td>"
                       + "".join(f"<td>{averaged[s].f1:.3f}</td>" for s in SCHEMES) + "<td></td></tr>")
    summary.append("</table>")
    if events is not None:
        summary.append(events_summary_html(events))
    body = []
    for article_id in order:
        article = gold[article_id]
        matches = spans.matches[article_id]
        ignored = [s for s in to_spans(article) if s.label == "IGNORE"]
        listed = "".join(f"<li>{html.escape(m.describe())}</li>" for m in matches if not (m.gold and m.predicted and m.value_ok))
        body.append(f'<section id="{html.escape(article_id)}"><h2>{html.escape(article_id)} '
                    f'({errors(article_id)} errors)</h2><ul>{listed}</ul>'
                    + _render(article.text, _marks(matches, "gold") + ignored, "gold")
                    + _render(article.text, _marks(matches, "predicted"), "predicted")
                    + (events_html(events.matches.get(article_id, []), article, (predicted or {}).get(article_id))
                       if events is not None else "") + "</section>")
    legend = ", ".join(f'<span style="background:{c}">{html.escape(k)}</span>' for k, c in _ERROR_COLORS.items())
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{html.escape(title)}</title>"
            "<style>body{font-family:sans-serif;margin:2em} table{border-collapse:collapse} "
            "td,th{border:1px solid #ccc;padding:2px 8px;text-align:right} section{margin-top:2em}</style></head>"
            f"<body><h1>{html.escape(title)}</h1><p>Marks: {legend}; IGNORE: not scored.</p>{''.join(summary)}"
            f"{''.join(body)}</body></html>\n")
