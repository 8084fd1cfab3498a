"""Money on MEANTIME dev: exact-span F1 and amount + currency accuracy of bare en_core_web_sm and of factwire.

    python -m bench.money_eval [--corpus meantime_aligned.jsonl] [--split dev] [--errors 10]

MEANTIME marks MONEY spans (no normalized values) in the headline, dateline
and first sentences of each article only: both systems are scored before
`annotated_end`; the innermost MONEY spans are the gold ("$381 million, or
$0.67" holds two). The corpus is read in place from the data folder
(`$FACTWIRE_DATA`, else ../shared/data beside the checkout).

- bare en_core_web_sm: the model's MONEY entities read the way
  `bench/baseline_eval.py` reads them ("symbol or word + number").
- factwire: `Article.money`.
- span: exact (same offsets) and overlap P / R / F1, one-to-one in text order.
- amount + currency: for each gold span overlapped by a prediction, whether the
  prediction's amount and ISO code equal the gold span's own reading by a small
  reader here, independent of factwire's normalizer: number, scale word
  (million, bn...), currency written in the span ("US$", "AU$", "GB£", "€",
  "euros", "cents"); a bare "$" is read USD. Gold spans it cannot read ("four
  billion", "billions of dollars") are counted apart, not scored.

MEANTIME test is a test split: `--split test` prints figures only (`--errors`
is refused there).
"""

from __future__ import annotations

import argparse
import re
from decimal import Decimal

import spacy

from bench.baseline_eval import _naive_money
from bench.corpora import corpus_file, in_context, overlaps, prf, read_jsonl, timed
from pipeline.extraction import extract_texts
from pipeline.nlp.loader import model_name

SYSTEMS = ("bare en_core_web_sm", "factwire")
_SCALES = {"thousand": 3, "million": 6, "mln": 6, "m": 6, "billion": 9, "bn": 9, "bln": 9, "trillion": 12}
_MARKERS = [  # longest first; what the span writes -> ISO code
    ("au$", "AUD"), ("a$", "AUD"), ("nz$", "NZD"), ("c$", "CAD"), ("ca$", "CAD"), ("hk$", "HKD"), ("s$", "SGD"),
    ("usd", "USD"), ("us$", "USD"), ("us dollar", "USD"), ("gb£", "GBP"), ("£", "GBP"), ("pound", "GBP"),
    ("€", "EUR"), ("euro", "EUR"), ("¥", "JPY"), ("yen", "JPY"), ("yuan", "CNY"), ("cent", "USD"),
    ("dollar", "USD"), ("$", "USD"),
]


def gold_reading(text: str) -> tuple[str, str] | None:
    """(amount, ISO code) of a gold MONEY span from its own words, or None.

    >>> gold_reading("US$2.24 billion"), gold_reading("AU$5.1 million"), gold_reading("99 cents")
    (('2240000000', 'USD'), ('5100000', 'AUD'), ('0.99', 'USD'))
    >>> gold_reading("four billion") is None
    True
    """
    lowered = text.lower()
    number = re.search(r"\d[\d,]*(?:\.\d+)?", lowered)
    code = next((c for marker, c in _MARKERS if re.search(r"(?<![a-z])" + re.escape(marker), lowered)), None)
    if number is None or code is None:
        return None
    amount = Decimal(number.group().replace(",", ""))
    scale = re.match(r"\s*([a-z]+)", lowered[number.end():])
    if scale and scale.group(1) in _SCALES:
        amount = amount.scaleb(_SCALES[scale.group(1)])
    if re.search(r"\d\s*cents?\b", lowered):
        amount = amount / 100
    return format(amount.normalize(), "f"), code


def load(path, split: str) -> list[dict]:
    docs = []
    for record in read_jsonl(path):
        if record["split"] != split:
            continue
        end = record["annotated_end"]
        spans = {(s["start"], s["end"]) for s in record["spans"] if s["label"] == "MONEY" and s["end"] <= end}
        gold = sorted(s for s in spans if not any(o != s and s[0] <= o[0] and o[1] <= s[1] for o in spans))
        docs.append({"id": record["id"], "text": record["text"], "end": end, "gold": gold})
    return docs


def predict(docs: list[dict], nlp) -> dict[str, dict[str, list[tuple[int, int, tuple[str, str] | None]]]]:
    bare = {}
    for doc, parsed in zip(docs, nlp.pipe(d["text"] for d in docs)):
        bare[doc["id"]] = [(e.start_char, e.end_char, _naive_money(e.text)) for e in parsed.ents if e.label_ == "MONEY"]
    ours = {a.id: [(m.start, m.end, (m.amount, m.currency)) for m in a.money]
            for a in extract_texts((d["text"], d["id"]) for d in docs)}
    return {SYSTEMS[0]: bare, SYSTEMS[1]: ours}


def score(docs: list[dict], predicted: dict, exact: bool):
    """(tp, fp, fn, value right, value scored, unreadable gold, value errors)."""
    tp = fp = fn = right = scored = unreadable = 0
    wrong = []
    for doc in docs:
        unmatched = list(doc["gold"])
        for start, end, value in (p for p in predicted[doc["id"]] if p[0] < doc["end"]):
            hit = next((g for g in unmatched if (g == (start, end) if exact else overlaps(g, (start, end)))), None)
            if hit is None:
                fp += 1
                continue
            unmatched.remove(hit)
            tp += 1
            reading = gold_reading(doc["text"][hit[0]:hit[1]])
            if reading is None:
                unreadable += 1
                continue
            scored += 1
            if value is not None and Decimal(value[0]) == Decimal(reading[0]) and value[1] == reading[1]:
                right += 1
            else:
                wrong.append(f"{doc['id']}: {in_context(doc['text'], hit)}  [gold {reading}, predicted {value}]")
        fn += len(unmatched)
    return tp, fp, fn, right, scored, unreadable, wrong


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default="meantime_aligned.jsonl", help="MEANTIME aligned JSONL (path or name)")
    parser.add_argument("--split", default="dev", choices=["dev", "test"])
    parser.add_argument("--errors", type=int, nargs="?", const=-1, metavar="N",
                        help="list factwire's span and value errors on dev, N of each kind (all without N)")
    args = parser.parse_args()
    if args.errors is not None and args.split != "dev":
        parser.error("--errors lists MEANTIME dev errors only; test is for reporting")
    docs = load(corpus_file(args.corpus), args.split)
    with timed("both systems"):
        runs = predict(docs, spacy.load(model_name()))
    print(f"\nMEANTIME {args.split}: {len(docs)} documents, {sum(len(d['gold']) for d in docs)} gold MONEY spans "
          "(innermost, annotated region)")
    print(f"{'system':22}{'exact P / R / F1':>26}{'overlap P / R / F1':>26}{'amount + currency right':>30}")
    for system, predicted in runs.items():
        exact, loose = score(docs, predicted, True), score(docs, predicted, False)
        right, scored, unreadable = loose[3:6]
        print(f"{system:22}" + "".join(f"{'':5}{p:.3f} / {r:.3f} / {f:.3f}" for p, r, f in (prf(*exact[:3]), prf(*loose[:3])))
              + f"{'':8}{right}/{scored} = {right / scored if scored else 0:.3f}")
    print(f"(gold spans without an amount and currency of their own, not scored for value: {unreadable})")
    if args.errors is not None:
        shown = None if args.errors < 0 else args.errors
        ours = runs[SYSTEMS[1]]
        for exact in (True, False):
            print(f"\nfactwire span errors ({'exact' if exact else 'overlap'}):")
            lines = []
            for doc in docs:
                preds = [(s, e) for s, e, _ in ours[doc["id"]] if s < doc["end"]]
                hit = [p for p in preds if (p in doc["gold"] if exact else any(overlaps(p, g) for g in doc["gold"]))]
                lines += [f"  FP {doc['id']}: {in_context(doc['text'], p)}" for p in preds if p not in hit]
                lines += [f"  FN {doc['id']}: {in_context(doc['text'], g)}" for g in doc["gold"]
                          if not any((p == g) if exact else overlaps(p, g) for p in preds)]
            print("\n".join(lines[:shown]) or "  none")
        print("\nfactwire amount or currency different from the gold span's reading:")
        print("\n".join(f"  {line}" for line in score(docs, ours, False)[6][:shown]) or "  none")


if __name__ == "__main__":
    main()
