"""factwire's organization errors on a development corpus, grouped by kind and traced to the step that made them.

Used by `python -m bench.org_eval ... --errors [N]` (development sets only).
Each document is run once more through factwire's pipeline one component at a
time, so every error can say where it comes from:

- false alarm (a predicted mention overlapping no gold ORG): what the gold
  says is there (LOC, PER, MISC, PRO... or nothing) and who proposed the span:
  the model's NER as ORG, the gazetteer ruler, the legal-suffix ruler, or
  `OrganizationFixer` turning another label (or no entity) into ORG;
- miss (a gold ORG no prediction overlaps): what the model's NER had there
  (another label, nothing) and what factwire's last step left (a GPE after the
  place filter, nothing after a not-an-organization filter, a headline or
  dateline dropped as metadata by `pipeline.extract`);
- boundary (exact matching only: a prediction overlapping a gold ORG with other
  offsets): longer or shorter, at which end, and the words in the difference.

Output goes to the terminal only: the texts are not the project's to keep.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from spacy.tokens import Doc as SpacyDoc

from bench.corpora import in_context, overlaps
from pipeline.inputs.segment import describe_header
from pipeline.nlp.loader import load

FACTWIRE = "factwire"


@dataclass
class Trace:
    """What each step of factwire's pipeline said about a text."""

    model: list[tuple[int, int, str]]       # the model's entities (after line-break splitting), with labels
    gazetteer: list[tuple[int, int]]
    suffix: list[tuple[int, int]]
    final: list[tuple[int, int, str]]       # entities after factwire_orgs
    metadata: tuple[tuple[int, int], ...]   # headline dateline / wire dateline ranges (no facts taken there)


def trace(texts: list[str]) -> list[Trace]:
    nlp = load()
    traces = []
    for text in texts:
        doc: SpacyDoc = nlp.make_doc(text)
        model = []
        for name, component in nlp.pipeline:
            if name == "factwire_orgs":
                model = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
            doc = component(doc)
        spans = {key: [(s.start_char, s.end_char) for s in doc.spans.get(key, [])] for key in ("org_gazetteer", "org_suffix")}
        traces.append(Trace(model, spans["org_gazetteer"], spans["org_suffix"],
                            [(e.start_char, e.end_char, e.label_) for e in doc.ents],
                            describe_header(text).metadata_ranges))
    return traces


def _labels_at(spans, span: tuple[int, int]) -> list[str]:
    return [label for s, e, label in spans if overlaps((s, e), span)]


def false_alarm_kind(doc, span: tuple[int, int], t: Trace) -> str:
    gold = _labels_at(doc.others, span)
    there = f"gold {gold[0]}" if gold else "gold: no entity"
    model = _labels_at(t.model, span)
    if any((s, e) == span for s, e in t.gazetteer) or any(overlaps(g, span) for g in t.gazetteer) and "ORG" not in model:
        source = "gazetteer"
    elif any(overlaps(g, span) for g in t.suffix) and "ORG" not in model:
        source = "legal-suffix / organization-word ruler"
    elif "ORG" in model:
        source = "model ORG kept"
    elif model:
        source = f"model {model[0]} relabelled ORG by OrganizationFixer"
    else:
        source = "OrganizationFixer cue on an unlabelled name"
    return f"false alarm | {there} | {source}"


def miss_kind(doc, span: tuple[int, int], predicted: list[tuple[int, int]], t: Trace) -> str:
    if any(overlaps(m, span) for m in t.metadata):
        return "miss | in the headline's dateline or a wire dateline (metadata, no facts)"
    if any(overlaps(p, span) for p in predicted):
        return "miss | one predicted mention covers it and a neighbouring gold ORG"
    model = _labels_at(t.model, span)
    final = _labels_at(t.final, span)
    if "ORG" in model:
        return f"miss | model ORG removed by OrganizationFixer ({'now ' + final[0] if final else 'dropped'})"
    if model:
        return f"miss | model said {model[0]}" + (f", factwire kept {final[0]}" if final and final[0] != model[0] else "")
    return "miss | no entity from the model" + (f", factwire made it {final[0]}" if final else "")


def boundary_kind(text: str, gold: tuple[int, int], pred: tuple[int, int]) -> tuple[str, str]:
    """(shape, the words in the difference) of a prediction that overlaps a gold span with other offsets."""
    sides = []
    if pred[0] < gold[0]:
        sides.append(("extra before", text[pred[0]:gold[0]]))
    elif pred[0] > gold[0]:
        sides.append(("missing start", text[gold[0]:pred[0]]))
    if pred[1] > gold[1]:
        sides.append(("extra after", text[gold[1]:pred[1]]))
    elif pred[1] < gold[1]:
        sides.append(("missing end", text[pred[1]:gold[1]]))
    shape = " + ".join(side for side, _ in sides)
    return f"boundary | {shape}", " / ".join(words.strip() for _, words in sides)


def report_errors(name: str, docs: list, predictions: dict[str, dict[str, list[tuple[int, int]]]], examples: int) -> None:
    """Print factwire's errors on `docs` grouped by kind, with counts, then `examples` of each (all when < 0)."""
    from bench.org_eval import match  # noqa: PLC0415  (org_eval imports this module lazily)

    ours = predictions[FACTWIRE]
    traces = trace([doc.text for doc in docs])
    kinds: dict[str, list[str]] = defaultdict(list)
    differences: dict[str, Counter] = defaultdict(Counter)
    for doc, t in zip(docs, traces):
        _, false, missed = match(doc, ours[doc.id])
        for span in false:
            kinds[false_alarm_kind(doc, span, t)].append(f"{doc.id}: {in_context(doc.text, span)}")
        for span in missed:
            kinds[miss_kind(doc, span, ours[doc.id], t)].append(f"{doc.id}: {in_context(doc.text, span)}")
        exact_hits, _, _ = match(doc, ours[doc.id], exact=True)
        for pred in ours[doc.id]:
            if pred in exact_hits or pred[0] >= doc.end or any(overlaps(pred, i) for i in doc.ignore):
                continue
            gold = next((g for g in doc.gold if overlaps(g, pred)), None)
            if gold is not None and gold != pred:
                kind, words = boundary_kind(doc.text, gold, pred)
                kinds[kind].append(f"{doc.id}: {in_context(doc.text, pred)}  [gold: {doc.text[gold[0]:gold[1]]}]")
                differences[kind][words.lower()] += 1
    print(f"\nfactwire's errors on {name}, by kind (overlap matching; boundary errors count under exact matching):")
    for kind, lines in sorted(kinds.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        print(f"{len(lines):6}  {kind}")
    for kind, lines in sorted(kinds.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        shown = lines if examples < 0 else lines[:examples]
        if not shown:
            continue
        print(f"\n{kind} ({len(lines)})")
        if kind in differences:
            print("  commonest differences: " + ", ".join(f"{w!r} {n}" for w, n in differences[kind].most_common(8)))
        for line in shown:
            print(f"  {line}")
