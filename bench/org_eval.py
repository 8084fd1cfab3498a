"""Organization precision / recall / F1 of bare en_core_web_sm and of factwire, on human-annotated news, in one run.

    python bench/org_eval.py --meantime ../shared/data/corpora/meantime_aligned.jsonl --split test \
                             --finer ../shared/data/corpora/finer_ord_test.jsonl

Matching rules:
- MEANTIME annotates only the headline, dateline and first sentences of each
  article: gold and predictions are scored before `annotated_end` only.
- MEANTIME marks full noun phrases ("Airbus parent EADS") with the tight names
  nested inside: the gold spans are the innermost ORG spans (those containing
  no other ORG span).
- MEANTIME labels stock indices FIN: a prediction overlapping a FIN span
  counts neither way.
- overlap: a prediction matches a gold span it overlaps (one-to-one, in text
  order); exact: same start and end.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from pathlib import Path

import spacy

from pipeline.extract import extract_texts
from pipeline.nlp import model_name


@dataclass
class Doc:
    id: str
    text: str
    gold: list[tuple[int, int]]
    ignore: list[tuple[int, int]]
    end: int


def load_meantime(path: Path, split: str) -> list[Doc]:
    docs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record["split"] != split:
            continue
        end = record["annotated_end"]
        orgs = [(s["start"], s["end"]) for s in record["spans"] if s["label"] == "ORG" and s["end"] <= end]
        innermost = [o for o in orgs if not any(p != o and o[0] <= p[0] and p[1] <= o[1] for p in orgs)]
        fin = [(s["start"], s["end"]) for s in record["spans"] if s["label"] == "FIN"]
        docs.append(Doc(record["id"], record["text"], sorted(set(innermost)), fin, end))
    return docs


def load_finer(path: Path) -> list[Doc]:
    docs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        gold = [(s["start"], s["end"]) for s in record["spans"] if s["label"] == "ORG"]
        docs.append(Doc(record["id"], record["text"], gold, [], len(record["text"])))
    return docs


def score(docs: list[Doc], predictions: dict[str, list[tuple[int, int]]]) -> dict[str, tuple[float, float, float]]:
    result = {}
    for mode in ("exact", "overlap"):
        tp = fp = fn = 0
        for doc in docs:
            predicted = [p for p in predictions[doc.id] if p[0] < doc.end
                         and not any(p[0] < e and s < p[1] for s, e in doc.ignore)]
            unmatched = list(doc.gold)
            for p in predicted:
                hit = next((g for g in unmatched if (g == p if mode == "exact" else g[0] < p[1] and p[0] < g[1])), None)
                if hit is None:
                    fp += 1
                else:
                    unmatched.remove(hit)
                    tp += 1
            fn += len(unmatched)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        result[mode] = (precision, recall, f1)
    return result


def evaluate(name: str, docs: list[Doc], nlp) -> None:
    bare = {doc.id: [(e.start_char, e.end_char) for e in nlp(doc.text).ents if e.label_ == "ORG"] for doc in docs}
    ours = {a.id: [(m.start, m.end) for o in a.organizations for m in o.mentions]
            for a in extract_texts((doc.text, doc.id) for doc in docs)}
    print(f"\n{name}: {len(docs)} documents, {sum(len(d.gold) for d in docs)} gold ORG spans")
    print(f"{'':22}{'exact P / R / F1':>26}{'overlap P / R / F1':>26}")
    for system, predictions in (("bare en_core_web_sm", bare), ("factwire", ours)):
        s = score(docs, predictions)
        print(f"{system:22}" + "".join(f"{'':5}{p:.3f} / {r:.3f} / {f:.3f}" for p, r, f in s.values()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meantime", type=Path, help="meantime_aligned.jsonl")
    parser.add_argument("--split", default="dev", choices=["dev", "test"], help="MEANTIME split to score")
    parser.add_argument("--finer", type=Path, help="finer_ord_test.jsonl")
    args = parser.parse_args()
    nlp = spacy.load(model_name())
    if args.meantime:
        evaluate(f"MEANTIME {args.split}", load_meantime(args.meantime, args.split), nlp)
    if args.finer:
        evaluate("FiNER-ORD test", load_finer(args.finer), nlp)


if __name__ == "__main__":
    main()
