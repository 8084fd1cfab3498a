"""Dates of bare en_core_web_sm + dateparser and of factwire against TempEval-3's TIMEX3 DATE values, in one run.

    python -m bench.date_eval [--corpus tempeval3_tbaq.jsonl] [--errors 5]

The corpus (TimeBank + AQUAINT, 256 news documents, development data) is read
in place from the data folder (`$FACTWIRE_DATA`, else ../shared/data beside the
checkout). Each document goes through `pipeline.extract` with its `dct` as
`published`, the anchor of relative dates.

Systems:
- factwire: its date facts (`Article.dates`).
- bare en_core_web_sm: the model's DATE entities, each read by dateparser with
  the dct as its relative base and past dates preferred (`RETURN_TIME_AS_PERIOD`:
  the granularity dateparser reports); what one gets without factwire.

Gold and matching:
- gold: TIMEX3 of type DATE. (a) all of them; (b) only those whose value an ISO
  calendar value expresses: YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Qn, YYYY-Wnn (a
  one-digit week, "1998-W9", is read as W09). Each excluded kind is counted.
- value: a prediction is right when it overlaps a gold DATE span (one-to-one,
  text order) and its ISO value equals the gold value; a wrong value is a false
  alarm and a miss.
- span: overlap (any shared character) and exact (same start and end).
- a prediction overlapping a TIME timex (a date with a time of day: "Thursday
  evening") counts neither way; one overlapping a DURATION or SET timex or no
  timex is a false alarm. Under (b), a prediction overlapping an excluded DATE
  counts neither way.

`--errors N` prints factwire's value errors on (b) by kind with N examples of
each (terminal only: the texts are not the project's to keep).
"""

from __future__ import annotations

import argparse
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache

import spacy
from dateparser.date import DateDataParser

from bench.corpora import corpus_file, in_context, overlaps, prf, read_jsonl, timed
from pipeline.extraction import extract
from pipeline.nlp.loader import load, model_name

CALENDAR = re.compile(r"^\d{4}(?:-(?:\d{2}(?:-\d{2})?|Q[1-4]|W\d{1,2}))?$")
SYSTEMS = ("bare en_core_web_sm", "factwire")


@dataclass
class Timex:
    start: int
    end: int
    type: str
    value: str

    @property
    def span(self) -> tuple[int, int]:
        return self.start, self.end


@dataclass
class Document:
    id: str
    text: str
    dct: str
    timex: list[Timex]


@dataclass
class Prediction:
    start: int
    end: int
    value: str

    @property
    def span(self) -> tuple[int, int]:
        return self.start, self.end


@dataclass
class Outcome:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    errors: list[tuple[str, Document, Prediction | None, Timex | None]] = field(default_factory=list)


def calendar_value(value: str) -> str | None:
    """The gold value as factwire writes it when it is an ISO calendar value, else None.

    >>> calendar_value("1998-W9"), calendar_value("1998-Q3"), calendar_value("PRESENT_REF")
    ('1998-W09', '1998-Q3', None)
    """
    if not CALENDAR.match(value):
        return None
    return re.sub(r"-W(\d)$", r"-W0\1", value)


def excluded_kind(value: str) -> str:
    """Why a gold DATE value has no ISO calendar form.

    >>> [excluded_kind(v) for v in ("PAST_REF", "P3Y", "1998-SU", "1998-H1", "199X", "199", "1998-W32-WE")]
    ['PAST_REF', 'duration value (P...)', 'season (SP/SU/FA/WI)', 'half year (H1/H2)', 'unspecified digits (X)', 'decade or century', 'weekend (-WE)']
    """
    if value.endswith("_REF"):
        return value
    if value.startswith("P"):
        return "duration value (P...)"
    if "T" in value:
        return "part of a day (T...)"
    if value.endswith("-WE"):
        return "weekend (-WE)"
    if re.search(r"-(SP|SU|FA|WI)$", value):
        return "season (SP/SU/FA/WI)"
    if re.search(r"-H[12]$", value):
        return "half year (H1/H2)"
    if "X" in value:
        return "unspecified digits (X)"
    if re.fullmatch(r"\d{2,3}", value):
        return "decade or century"
    return "other"


def load_documents(path) -> list[Document]:
    return [Document(r["id"], r["text"], r["dct"], [Timex(t["start"], t["end"], t["type"], t["value"]) for t in r["timex"]])
            for r in read_jsonl(path)]


def factwire_dates(docs: list[Document]) -> dict[str, list[Prediction]]:
    return {doc.id: [Prediction(d.start, d.end, d.value) for d in extract(doc.text, id=doc.id, published=doc.dct).dates]
            for doc in docs}


_PERIODS = {"year": "%Y", "month": "%Y-%m"}


@lru_cache(maxsize=None)
def _dateparser(dct: str) -> DateDataParser:
    base = date.fromisoformat(dct)
    return DateDataParser(languages=["en"], settings={
        "PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": True,
        "RELATIVE_BASE": datetime(base.year, base.month, base.day)})


def bare_dates(docs: list[Document], nlp) -> dict[str, list[Prediction]]:
    predictions = {}
    for doc, parsed in zip(docs, nlp.pipe(doc.text for doc in docs)):
        parser = _dateparser(doc.dct)
        found = []
        for ent in parsed.ents:
            if ent.label_ != "DATE":
                continue
            data = parser.get_date_data(ent.text)
            if data.date_obj is None:
                continue
            if data.period == "week":
                year, week, _ = data.date_obj.isocalendar()
                value = f"{year}-W{week:02d}"
            else:
                value = data.date_obj.strftime(_PERIODS.get(data.period, "%Y-%m-%d"))
            found.append(Prediction(ent.start_char, ent.end_char, value))
        predictions[doc.id] = found
    return predictions


def gold_sets(doc: Document, calendar_only: bool) -> tuple[list[Timex], list[Timex], list[Timex]]:
    """(gold, neutral, wrong-type) timex of a document for one gold set."""
    gold, neutral, wrong_type = [], [], []
    for t in doc.timex:
        if t.type == "DATE":
            value = calendar_value(t.value)
            if not calendar_only:
                gold.append(t)
            elif value is not None:
                gold.append(Timex(t.start, t.end, t.type, value))
            else:
                neutral.append(t)
        elif t.type == "TIME":
            neutral.append(t)
        else:
            wrong_type.append(t)
    return gold, neutral, wrong_type


def score(docs: list[Document], predictions: dict[str, list[Prediction]], calendar_only: bool, mode: str) -> Outcome:
    """One-to-one matching in text order; mode "value", "overlap" or "exact"."""
    outcome = Outcome()
    for doc in docs:
        gold, neutral, _ = gold_sets(doc, calendar_only)
        unmatched = list(gold)
        for p in predictions[doc.id]:
            def right(g: Timex) -> bool:
                if mode == "exact":
                    return g.span == p.span
                return overlaps(g.span, p.span) and (mode == "overlap" or g.value == p.value)
            hit = next((g for g in unmatched if right(g)), None)
            if hit is not None:
                unmatched.remove(hit)
                outcome.tp += 1
            elif not any(overlaps(g.span, p.span) for g in gold) and any(overlaps(n.span, p.span) for n in neutral):
                continue  # a TIME, or under (b) a DATE without a calendar value
            else:
                outcome.fp += 1
                outcome.errors.append(("FP", doc, p, None))
        outcome.fn += len(unmatched)
        outcome.errors += [("FN", doc, None, g) for g in unmatched]
    return outcome


def error_kind(doc: Document, p: Prediction | None, g: Timex | None, predicted: list[Prediction],
               model_dates: list[tuple[int, int, str]]) -> str:
    """A coarse, automatic kind for one value error (see the report for the classes behind them)."""
    dct = doc.dct
    if g is not None:  # a missed gold date
        near = [q for q in predicted if overlaps(q.span, g.span)]
        if near:
            return _wrong_value_kind(near[0].value, g.value, dct)
        if any(overlaps((s, e), g.span) for s, e, _ in model_dates):
            return "miss: the model's DATE entity there got no value (normalizer or a filter refused it)"
        return "miss: no DATE entity from the model"
    timex = next((t for t in doc.timex if overlaps(t.span, p.span)), None)
    if timex is None:
        return "false alarm: no TIMEX3 there"
    if timex.type in {"DURATION", "SET"}:
        return f"false alarm: a {timex.type} taken as a date"
    if timex.type == "DATE":
        return "wrong value (counted with the miss)"
    return "false alarm: other"


def _wrong_value_kind(predicted: str, gold: str, dct: str) -> str:
    granularity = _granularity(predicted), _granularity(gold)
    if granularity[0] != granularity[1]:
        return f"wrong granularity: {granularity[0]} for a {granularity[1]}"
    if predicted[:4] != gold[:4] and predicted[4:] == gold[4:]:
        return f"wrong year ({granularity[1]})"
    if granularity[1] == "day" and len(dct) >= 10:
        after, gold_after = predicted > dct, gold > dct
        if after != gold_after:
            return "day on the wrong side of the dct" + (" (future for a past day)" if after else " (past for a future day)")
    return f"wrong {granularity[1]}"


def _granularity(value: str) -> str:
    if re.fullmatch(r"\d{4}", value):
        return "year"
    if "-Q" in value:
        return "quarter"
    if "-W" in value:
        return "week"
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return "month"
    return "day" if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) else "other"


def errors_by_kind(docs: list[Document], predictions: dict[str, list[Prediction]]) -> dict[str, list[str]]:
    """factwire's value errors on (b), each as a line of context, grouped by kind, commonest kind first.

    A wrong value is one miss and one false alarm: listed once, with the miss.
    """
    outcome = score(docs, predictions, calendar_only=True, mode="value")
    nlp = load()  # factwire's pipeline: which gold dates had a DATE entity at all
    ents = {doc.id: [(e.start_char, e.end_char, e.label_) for e in parsed.ents if e.label_ == "DATE"]
            for doc, parsed in zip(docs, nlp.pipe(doc.text for doc in docs))}
    kinds: dict[str, list[str]] = defaultdict(list)
    for kind, doc, p, g in outcome.errors:
        what = error_kind(doc, p, g, predictions[doc.id], ents[doc.id])
        if kind == "FP" and what.startswith("wrong value"):
            continue
        span = g.span if g is not None else p.span
        near = [q for q in predictions[doc.id] if overlaps(q.span, span)]
        shown = f"gold {g.value}" if g else "no gold"
        shown += f", predicted {', '.join(q.value for q in near) or '-'} (dct {doc.dct})"
        kinds[what].append(f"  {doc.id}: {in_context(doc.text, span)}  [{shown}]")
    return dict(sorted(kinds.items(), key=lambda kv: -len(kv[1])))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default="tempeval3_tbaq.jsonl", help="TempEval-3 JSONL (a path or a name in corpora/)")
    parser.add_argument("--errors", type=int, nargs="?", const=-1, metavar="N",
                        help="list factwire's value errors by kind, N examples of each (all without N)")
    args = parser.parse_args()
    docs = load_documents(corpus_file(args.corpus))
    with timed("bare en_core_web_sm + dateparser"):
        bare = bare_dates(docs, spacy.load(model_name()))
    with timed("factwire"):
        ours = factwire_dates(docs)
    runs = {SYSTEMS[0]: bare, SYSTEMS[1]: ours}

    dates = [t for d in docs for t in d.timex if t.type == "DATE"]
    excluded = Counter(excluded_kind(t.value) for t in dates if calendar_value(t.value) is None)
    print(f"\nTempEval-3 TBAQ: {len(docs)} documents, {len(dates)} gold DATE timex; "
          f"(b) calendar values: {len(dates) - sum(excluded.values())}, excluded: {sum(excluded.values())}")
    for what, n in excluded.most_common():
        print(f"  excluded {n:4}  {what}")
    print(f"\n{'gold':22}{'system':22}{'value P / R / F1':>26}{'overlap P / R / F1':>26}{'exact P / R / F1':>26}")
    for calendar_only, label in ((False, "(a) all DATE"), (True, "(b) calendar DATE")):
        for system, predicted in runs.items():
            cells = [prf(o.tp, o.fp, o.fn) for o in (score(docs, predicted, calendar_only, mode)
                                                   for mode in ("value", "overlap", "exact"))]
            print(f"{label:22}{system:22}" + "".join(f"{'':5}{p:.3f} / {r:.3f} / {f:.3f}" for p, r, f in cells))
            label = ""

    kinds = errors_by_kind(docs, ours)
    print("\nfactwire value errors on (b), by kind (a wrong value is one miss and one false alarm, listed once):")
    shown = 0 if args.errors is None else None if args.errors < 0 else args.errors
    for what, lines in kinds.items():
        print(f"  {len(lines):5}  {what}")
        for line in lines[:shown]:
            print(line)


if __name__ == "__main__":
    main()
