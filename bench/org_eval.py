"""Organization precision / recall / F1 of bare en_core_web_sm and of factwire, on human-annotated news, in one run.

    python -m bench.org_eval --meantime ../shared/data/corpora/meantime_aligned.jsonl --split test \
                             --finer ../shared/data/corpora/finer_ord_test.jsonl
    python -m bench.org_eval --meantime ../shared/data/corpora/meantime_aligned.jsonl --errors [--tokenized]

Run it with `-m` from the checkout so that the checkout's `pipeline` is the one
scored (`python bench/org_eval.py` imports whichever `pipeline` is installed).
Development reads errors on MEANTIME dev only (`--errors`, refused on test);
`--tokenized` rewrites dev as space-separated tokens, the way FiNER-ORD is written.

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

from pipeline.extraction import extract_texts
from pipeline.nlp.loader import model_name


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


def space_tokens(docs: list[Doc]) -> list[Doc]:
    """The same documents written as space-separated tokens ("Apple 's", "Inc ."), the way FiNER-ORD is written,
    so the effect of that format can be studied on MEANTIME dev rather than on FiNER's test set."""
    tokenizer = spacy.blank("en").tokenizer
    rewritten = []
    for doc in docs:
        lines, starts, ends, line_start = [], {}, {}, 0
        for line in doc.text.split("\n"):
            words, position = [], sum(len(written) + 1 for written in lines)
            for token in tokenizer(line):
                position += bool(words)
                starts[line_start + token.idx] = position
                ends[line_start + token.idx + len(token)] = position + len(token)
                words.append(token.text)
                position += len(token)
            lines.append(" ".join(words))
            line_start += len(line) + 1

        def move(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
            return [(starts[s], ends[e]) for s, e in spans if s in starts and e in ends]

        end = max((new for old, new in ends.items() if old <= doc.end), default=0)
        rewritten.append(Doc(doc.id, "\n".join(lines), move(doc.gold), move(doc.ignore), end))
    return rewritten


def load_finer(path: Path) -> list[Doc]:
    docs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        gold = [(s["start"], s["end"]) for s in record["spans"] if s["label"] == "ORG"]
        docs.append(Doc(record["id"], record["text"], gold, [], len(record["text"])))
    return docs


def match(doc: Doc, predicted: list[tuple[int, int]], exact: bool = False) -> tuple[list, list, list]:
    """Matched predictions, false alarms and missed gold spans of one document (one-to-one, in text order)."""
    predicted = [p for p in predicted if p[0] < doc.end and not any(p[0] < e and s < p[1] for s, e in doc.ignore)]
    unmatched, matched, false = list(doc.gold), [], []
    for p in predicted:
        hit = next((g for g in unmatched if (g == p if exact else g[0] < p[1] and p[0] < g[1])), None)
        if hit is None:
            false.append(p)
        else:
            unmatched.remove(hit)
            matched.append(p)
    return matched, false, unmatched


def score(docs: list[Doc], predictions: dict[str, list[tuple[int, int]]]) -> dict[str, tuple[float, float, float]]:
    result = {}
    for mode in ("exact", "overlap"):
        tp = fp = fn = 0
        for doc in docs:
            matched, false, missed = match(doc, predictions[doc.id], exact=mode == "exact")
            tp, fp, fn = tp + len(matched), fp + len(false), fn + len(missed)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        result[mode] = (precision, recall, f1)
    return result


def show_errors(docs: list[Doc], predictions: dict[str, list[tuple[int, int]]]) -> None:
    """Print factwire's false alarms and misses (overlap matching) with a little context, for development."""
    for doc in docs:
        _, false, missed = match(doc, predictions[doc.id])
        for kind, spans in (("FP", false), ("FN", missed)):
            for span in spans:
                print(f"{kind} {doc.id}: {_in_context(doc.text, span)}")


def _in_context(text: str, span: tuple[int, int]) -> str:
    s, e = span
    return (text[max(s - 50, 0):s] + "[[" + text[s:e] + "]]" + text[e:e + 50]).replace("\n", " | ")


def evaluate(name: str, docs: list[Doc], nlp, errors: bool = False) -> None:
    bare = {doc.id: [(e.start_char, e.end_char) for e in nlp(doc.text).ents if e.label_ == "ORG"] for doc in docs}
    ours = {a.id: [(m.start, m.end) for o in a.organizations for m in o.mentions]
            for a in extract_texts((doc.text, doc.id) for doc in docs)}
    print(f"\n{name}: {len(docs)} documents, {sum(len(d.gold) for d in docs)} gold ORG spans")
    print(f"{'':22}{'exact P / R / F1':>26}{'overlap P / R / F1':>26}")
    scores = {}
    for system, predictions in (("bare en_core_web_sm", bare), ("factwire", ours)):
        scores[system] = score(docs, predictions)
        print(f"{system:22}" + "".join(f"{'':5}{p:.3f} / {r:.3f} / {f:.3f}" for p, r, f in scores[system].values()))
    gains = [100 * (scores["factwire"][mode][2] - scores["bare en_core_web_sm"][mode][2]) for mode in ("exact", "overlap")]
    print(f"{'F1 gain, points':22}{gains[0]:>+26.2f}{gains[1]:>+26.2f}")
    if errors:
        show_errors(docs, ours)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meantime", type=Path, help="meantime_aligned.jsonl")
    parser.add_argument("--split", default="dev", choices=["dev", "test"], help="MEANTIME split to score")
    parser.add_argument("--finer", type=Path, help="finer_ord_test.jsonl")
    parser.add_argument("--tokenized", action="store_true",
                        help="write MEANTIME as space-separated tokens, as FiNER-ORD is written")
    parser.add_argument("--errors", action="store_true",
                        help="list factwire's MEANTIME dev errors (refused on test: rules are never written from test)")
    args = parser.parse_args()
    if args.errors and (args.split != "dev" or args.finer):
        parser.error("--errors lists MEANTIME dev errors only; test sets are for reporting")
    nlp = spacy.load(model_name())
    if args.meantime:
        docs = load_meantime(args.meantime, args.split)
        name = f"MEANTIME {args.split}"
        if args.tokenized:
            docs, name = space_tokens(docs), f"{name}, space-separated tokens"
        evaluate(name, docs, nlp, args.errors)
    if args.finer:
        evaluate("FiNER-ORD test", load_finer(args.finer), nlp)


if __name__ == "__main__":
    main()
