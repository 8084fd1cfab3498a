"""Organization precision / recall / F1 of bare en_core_web_sm and of factwire, on human-annotated news, in one run.

    python -m bench.org_eval --meantime ../shared/data/corpora/meantime_aligned.jsonl --split test \
                             --finer ../shared/data/corpora/finer_ord_test.jsonl
    python -m bench.org_eval --meantime ../shared/data/corpora/meantime_aligned.jsonl --errors [--tokenized]
    python -m bench.org_eval --conll train dev [--topic sports|other|all] [--errors 40]

Corpus files are paths, or names looked up in the data folder's corpora/
(`$FACTWIRE_DATA`, else ../shared/data beside the checkout): `--meantime` and
`--finer` alone mean meantime_aligned.jsonl and finer_ord_test.jsonl there,
`--conll train dev` conll2003_train.jsonl and conll2003_dev.jsonl.

Run it with `-m` from the checkout so that the checkout's `pipeline` is the one
scored (`python bench/org_eval.py` imports whichever `pipeline` is installed).
Development reads errors on MEANTIME dev and CoNLL-2003 train / dev only
(`--errors [N]`, refused on test sets; see bench/org_errors.py for the classes);
`--tokenized` rewrites dev as space-separated tokens, the way FiNER-ORD is written.

Matching rules:
- MEANTIME annotates only the headline, dateline and first sentences of each
  article: gold and predictions are scored before `annotated_end` only.
- MEANTIME marks full noun phrases ("Airbus parent EADS") with the tight names
  nested inside: the gold spans are the innermost ORG spans (those containing
  no other ORG span).
- MEANTIME labels stock indices FIN: a prediction overlapping a FIN span
  counts neither way.
- CoNLL-2003 (Reuters 1996, tokenized, one sentence a line) is scored on the
  whole text, its ORG spans as gold; with `--topic all` (the default) sports
  documents (results tables, clubs named by their city) and the others are
  also scored apart, in the same run.
- overlap: a prediction matches a gold span it overlaps (one-to-one, in text
  order); exact: same start and end.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass, field
from pathlib import Path

import spacy

from bench.corpora import corpus_file, prf, read_jsonl, timed
from pipeline.extraction import extract_texts
from pipeline.nlp.loader import model_name

SYSTEMS = ("bare en_core_web_sm", "factwire")


@dataclass
class Doc:
    id: str
    text: str
    gold: list[tuple[int, int]]
    ignore: list[tuple[int, int]]
    end: int
    topic: str = "other"
    others: list[tuple[int, int, str]] = field(default_factory=list)  # the gold's other labelled spans (LOC, PER...)


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
        others = [(s["start"], s["end"], s["label"]) for s in record["spans"]
                  if s["label"] in {"PER", "LOC", "PRO", "FIN"} and s["end"] <= end]
        docs.append(Doc(record["id"], record["text"], sorted(set(innermost)), fin, end, others=others))
    return docs


def load_conll(path: Path) -> list[Doc]:
    """CoNLL-2003 documents: ORG spans as gold, the other labels kept for the error classes, `topic` as given."""
    docs = []
    for record in read_jsonl(path):
        gold = sorted((s["start"], s["end"]) for s in record["spans"] if s["label"] == "ORG")
        others = [(s["start"], s["end"], s["label"]) for s in record["spans"] if s["label"] != "ORG"]
        docs.append(Doc(record["id"], record["text"], gold, [], len(record["text"]), record["topic"], others))
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
        result[mode] = prf(tp, fp, fn)
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


def predict(docs: list[Doc], nlp) -> dict[str, dict[str, list[tuple[int, int]]]]:
    """ORG spans per document of both systems: the bare model's ORG entities, factwire's organization mentions."""
    bare = {doc.id: [(e.start_char, e.end_char) for e in parsed.ents if e.label_ == "ORG"]
            for doc, parsed in zip(docs, nlp.pipe(doc.text for doc in docs))}
    ours = {a.id: sorted((m.start, m.end) for o in a.organizations for m in o.mentions)
            for a in extract_texts((doc.text, doc.id) for doc in docs)}
    return {SYSTEMS[0]: bare, SYSTEMS[1]: ours}


def groups_of(docs: list[Doc], topic: str) -> list[tuple[str, list[Doc]]]:
    """The document groups to score: all of them, then sports and other ones when the corpus has both."""
    if topic != "all":
        return [(topic, [d for d in docs if d.topic == topic])]
    topics = sorted({d.topic for d in docs}, key=lambda t: t != "sports")
    return [("all", docs)] + ([(t, [d for d in docs if d.topic == t]) for t in topics] if len(topics) > 1 else [])


def evaluate(name: str, docs: list[Doc], nlp, errors: int | None = None, topic: str = "all") -> dict:
    """Score both systems on `docs` (and on each topic apart); print the table; return the scores."""
    with timed(f"{name}: both systems"):
        predictions = predict(docs, nlp)
    groups = groups_of(docs, topic)
    print(f"\n{name}: {len(docs)} documents, {sum(len(d.gold) for d in docs)} gold ORG spans")
    print(f"{'documents':30}{'system':22}{'exact P / R / F1':>26}{'overlap P / R / F1':>26}")
    results = {}
    for group, members in groups:
        label = f"{group} ({len(members)} docs, {sum(len(d.gold) for d in members)} ORG)"
        scores = {system: score(members, predictions[system]) for system in SYSTEMS}
        for system in SYSTEMS:
            print(f"{label:30}{system:22}" + "".join(f"{'':5}{p:.3f} / {r:.3f} / {f:.3f}" for p, r, f in scores[system].values()))
            label = ""
        gains = [100 * (scores[SYSTEMS[1]][mode][2] - scores[SYSTEMS[0]][mode][2]) for mode in ("exact", "overlap")]
        print(f"{'':30}{'F1 gain, points':22}{gains[0]:>+26.2f}{gains[1]:>+26.2f}")
        results[group] = scores
    if errors is not None:
        from bench.org_errors import report_errors  # the stage tracer loads the pipeline once more
        members = groups[0][1]
        report_errors(name, members, predictions, errors)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meantime", type=Path, nargs="?", const=Path("meantime_aligned.jsonl"),
                        help="meantime_aligned.jsonl (default: the data folder's)")
    parser.add_argument("--split", default="dev", choices=["dev", "test"], help="MEANTIME split to score")
    parser.add_argument("--finer", type=Path, nargs="?", const=Path("finer_ord_test.jsonl"),
                        help="finer_ord_test.jsonl (default: the data folder's)")
    parser.add_argument("--conll", nargs="+", metavar="FILE",
                        help="CoNLL-2003 files: paths, or train / dev for the data folder's conll2003_*.jsonl")
    parser.add_argument("--topic", default="all", choices=["all", "sports", "other"],
                        help="CoNLL-2003 documents to score: all (and each topic apart), sports or other")
    parser.add_argument("--tokenized", action="store_true",
                        help="write MEANTIME as space-separated tokens, as FiNER-ORD is written")
    parser.add_argument("--errors", type=int, nargs="?", const=-1, metavar="N",
                        help="list factwire's errors by class, N examples per class (all without N), on "
                             "development sets only: MEANTIME dev, CoNLL-2003 train and dev (refused on test sets)")
    args = parser.parse_args()
    if args.errors is not None and (args.meantime and args.split != "dev" or args.finer):
        parser.error("--errors lists development errors only (MEANTIME dev, CoNLL-2003); test sets are for reporting")
    if not (args.meantime or args.finer or args.conll):
        parser.error("name at least one corpus: --meantime, --finer or --conll")
    conll_files = [corpus_file(f"conll2003_{name}.jsonl" if name in {"train", "dev"} else name) for name in args.conll or []]
    if any("test" in path.name for path in conll_files) and args.errors is not None:
        parser.error("--errors lists development errors only; a CoNLL-2003 test file is for reporting")
    nlp = spacy.load(model_name())
    if args.meantime:
        docs = load_meantime(corpus_file(args.meantime), args.split)
        name = f"MEANTIME {args.split}"
        if args.tokenized:
            docs, name = space_tokens(docs), f"{name}, space-separated tokens"
        evaluate(name, docs, nlp, args.errors)
    if args.finer:
        evaluate("FiNER-ORD test", load_finer(corpus_file(args.finer)), nlp)
    for path in conll_files:
        docs = [d for d in load_conll(path) if args.topic in {"all", d.topic}]  # only the documents scored are run
        evaluate(f"CoNLL-2003 {path.stem.removeprefix('conll2003_')}", docs, nlp, args.errors, args.topic)


if __name__ == "__main__":
    main()
