"""Annotation tools' files <-> gold articles: Prodigy, doccano, Label Studio, CoNLL/IOB, and spaCy DocBin out.

Each reader turns a file into `AnnotatedText` documents (text, labelled spans,
article metadata, the file and line or task of each span); `pipeline.gold.spans.to_gold`
checks and normalizes them. `import_gold_files` and `export_gold_file` are the
`factwire gold import` and `gold export` commands' work. Writers put a gold article's spans back, with its
values where the format has room for them (Prodigy and doccano span attributes,
Label Studio region `meta`) and its metadata (`meta` / top-level fields / task
`data`); ignore regions travel as spans labelled IGNORE. Prodigy and Label
Studio also carry events, as trigger spans and relations
(`pipeline.gold.relations`); a Prodigy export has the tokens its relations
point at.

CoNLL and DocBin hold one label per token: where spans overlap (a count holding
an organization) the longest is kept and the others are reported. CoNLL text is
rebuilt from its tokens (one space between tokens, a line per sentence).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, DocBin
from spacy.training import biluo_tags_to_offsets, iob_to_biluo
from spacy.util import filter_spans

from pipeline.gold.format import GoldArticle, GoldError, load_gold
from pipeline.gold.meantime import read_meantime
from pipeline.gold.relations import event_relations, is_trigger, link, trigger_span, with_events
from pipeline.gold.spans import AnnotatedText, LabeledSpan, article_meta, to_gold, to_spans, values_of

EXPORT_FORMATS = ("prodigy", "doccano", "labelstudio", "conll", "docbin")
IMPORT_FORMATS = (*EXPORT_FORMATS[:4], "meantime")
_TAG = re.compile(r"^(O|[BIELU]-\S+)$")


def import_gold(fmt: str, path: str | Path, notes: list[str]) -> dict[str, list[GoldArticle]]:
    """Gold articles of an annotation file, by split (MEANTIME's dev / test) or else the file's stem.

    Every bad span of every document is raised at once (GoldError).
    """
    path = Path(path)
    articles: dict[str, list[GoldArticle]] = {}
    errors = []
    for doc in _READERS[fmt](path, notes):
        try:
            gold = with_events(to_gold(doc, notes), doc, notes)
            articles.setdefault(doc.meta.get("split", path.name.split(".")[0]), []).append(gold)
        except GoldError as err:
            errors.append(str(err))
    if errors:
        raise GoldError("\n".join(errors))
    return articles


def export_gold(fmt: str, articles: list[GoldArticle], path: str | Path) -> list[str]:
    """Write the articles in an annotation format; returns notes on spans the format could not hold."""
    notes: list[str] = []
    _WRITERS[fmt](articles, Path(path), notes)
    return notes


@dataclass(frozen=True)
class Converted:
    """What an import or export did: notes on spans and documents, and each file written with its article count."""

    notes: list[str]
    written: list[tuple[Path, int]]


def import_gold_files(fmt: str, source: str | Path, folder: Path) -> Converted:
    """Import an annotation file and write its gold into `folder`, one `<split or file stem>.jsonl` per group.

    Nothing is written when any span is bad (GoldError lists them all).
    """
    notes: list[str] = []
    groups = import_gold(fmt, source, notes)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, articles in groups.items():
        target = folder / f"{split_file_name(name)}.jsonl"
        target.write_text("".join(a.model_dump_json() + "\n" for a in articles), encoding="utf-8")
        written.append((target, len(articles)))
    return Converted(notes, written)


def split_file_name(split: Any) -> str:
    """A split's name as a file name inside the output folder: the name comes from the annotation file, so
    "../..", "/etc/x" or "a/b" must not lead anywhere else.

    >>> [split_file_name(s) for s in ("dev", "../../etc", "/tmp/x", "a/b", "..", "", 7)]
    ['dev', 'etc', 'tmp_x', 'a_b', 'split', 'split', '7']
    """
    name = re.sub(r"[^\w.-]+", "_", str(split)).strip("._-")
    return name or "split"


def export_gold_file(fmt: str, gold: str | Path, target: Path) -> Converted:
    """Export the gold articles of a file or folder (`load_gold`) to `target` in an annotation format."""
    articles = list(load_gold(gold).values())
    return Converted(export_gold(fmt, articles, target), [(target, len(articles))])


def _jsonl(path: Path) -> Iterator[tuple[str, dict]]:
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if line.strip():
                try:
                    yield f"{path}:{number}", json.loads(line)
                except json.JSONDecodeError as err:
                    raise GoldError(f"{path}:{number}: not JSON: {err}") from err


def _span(where: str, start: Any, end: Any, label: Any, attributes: dict) -> LabeledSpan:
    if not (isinstance(start, int) and isinstance(end, int) and isinstance(label, str)):
        raise GoldError(f"{where}: a span needs integer start and end and a label, got {start!r}, {end!r}, {label!r}")
    return LabeledSpan(start, end, label, values_of(label, attributes), where, attributes.get("text"))


def _read_prodigy(path: Path, notes: list[str]) -> Iterator[AnnotatedText]:
    """Prodigy JSONL: {"text", "spans": [{"start", "end", "label", ...}], "relations": [{"head_span",
    "child_span", "label"}], "meta": {...}, "answer"}."""
    for where, record in _jsonl(path):
        if record.get("answer", "accept") != "accept":
            notes.append(f"{where}: skipped, answer {record['answer']!r}")
            continue
        meta = {"id": f"{path.name}#{where.rsplit(':', 1)[1]}", **record.get("meta", {})}
        listed = record.get("spans", [])
        spans = [_span(where, s.get("start"), s.get("end"), s.get("label"), s) for s in listed
                 if not is_trigger(s.get("label"))]
        triggers = [trigger_span(where, record["text"], s.get("start"), s.get("end"), s["label"], s) for s in listed
                    if is_trigger(s.get("label"))]
        links = [link(where, r.get("head_span"), r.get("child_span"), r.get("label"))
                 for r in record.get("relations", [])]
        yield AnnotatedText(record["text"], spans, meta, where, triggers, links)


def _write_prodigy(articles: list[GoldArticle], path: Path, notes: list[str]) -> None:
    """Spans and events' relations with the tokens they cover (Prodigy's `rel.manual` works on tokens; a
    relation's `head` and `child` are its spans' last tokens)."""
    lines = []
    for a in articles:
        events = event_relations(a)
        spans = [*to_spans(a), *(e.trigger for e in events)]
        doc = _cut(a.text, {s.start for s in spans} | {s.end for s in spans})
        first = {t.idx: t.i for t in doc}
        last = {t.idx + len(t.text): t.i for t in doc}

        def span(s: LabeledSpan) -> dict:
            return {"start": s.start, "end": s.end, "token_start": first[s.start], "token_end": last[s.end],
                    "label": s.label}

        lines.append(json.dumps({
            "text": a.text, "meta": article_meta(a), "answer": "accept",
            "tokens": [{"text": t.text, "start": t.idx, "end": t.idx + len(t.text), "id": t.i,
                        "ws": bool(t.whitespace_)} for t in doc],
            "spans": [{**span(s), "text": s.text, **s.values} for s in spans],
            "relations": [{"head": last[e.trigger.end], "child": last[filler.end], "head_span": span(e.trigger),
                           "child_span": span(filler), "label": role} for e in events for role, filler in e.roles],
        }, ensure_ascii=False) + "\n")
    path.write_text("".join(lines), encoding="utf-8")


def _read_doccano(path: Path, notes: list[str]) -> Iterator[AnnotatedText]:
    """doccano JSONL: {"text", "entities": [{"start_offset", "end_offset", "label"}]} or {"text", "label": [[s, e, l]]}."""
    for where, record in _jsonl(path):
        if "entities" in record:
            spans = [_span(where, e.get("start_offset"), e.get("end_offset"), e.get("label"), e)
                     for e in record["entities"]]
        else:
            listed = record.get("label", record.get("labels", []))
            if any(not isinstance(item, list) or len(item) != 3 for item in listed):
                raise GoldError(f"{where}: doccano labels must be [start, end, label] lists, got {listed!r}")
            spans = [_span(where, s, e, label, {}) for s, e, label in listed]
        meta = {"id": f"{path.name}#{where.rsplit(':', 1)[1]}",
                **{k: v for k, v in record.items() if k not in ("text", "entities", "label", "labels", "relations")}}
        meta["id"] = str(meta["id"])
        yield AnnotatedText(record["text"], spans, meta, where)


def _write_doccano(articles: list[GoldArticle], path: Path, notes: list[str]) -> None:
    path.write_text("".join(json.dumps({
        **article_meta(a), "text": a.text,
        "entities": [{"id": n, "start_offset": s.start, "end_offset": s.end, "label": s.label, **s.values}
                     for n, s in enumerate(to_spans(a), start=1)],
    }, ensure_ascii=False) + "\n" for a in articles), encoding="utf-8")


def _read_labelstudio(path: Path, notes: list[str]) -> Iterator[AnnotatedText]:
    """Label Studio JSON export: tasks with data.text and annotations[].result[] of type "labels"."""
    try:
        tasks = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as err:
        raise GoldError(f"{path}: not JSON: {err}") from err
    for number, task in enumerate(tasks, start=1):
        where = f"{path}: task {task.get('id', number)}"
        annotations = [a for a in task.get("annotations", []) if not a.get("was_cancelled")]
        if not annotations:
            notes.append(f"{where}: skipped, no annotation")
            continue
        if len(annotations) > 1:
            notes.append(f"{where}: {len(annotations)} annotations, the first is used")
        data = task["data"]
        spans, triggers, regions, links = [], [], {}, []
        for region in annotations[0].get("result", []):
            region_where = f"{where}, region {region.get('id', '?')}"
            if region.get("type") == "relation":
                ends = [regions.get(region.get(key)) for key in ("from_id", "to_id")]
                head, child = ends[::-1] if region.get("direction") == "left" else ends
                links.append(link(region_where, head, child, next(iter(region.get("labels") or []), None)))
                continue
            if region.get("type") != "labels":
                continue
            value = region.get("value", {})
            regions[region.get("id")] = value
            attributes = {**region.get("meta", {}), "text": value.get("text")}
            for label in value.get("labels", []):
                if is_trigger(label):
                    triggers.append(trigger_span(region_where, data["text"], value.get("start"), value.get("end"),
                                                 label, attributes))
                else:
                    spans.append(_span(region_where, value.get("start"), value.get("end"), label, attributes))
        meta = {"id": str(task.get("id", number)), **{k: v for k, v in data.items() if k != "text"}}
        yield AnnotatedText(data["text"], spans, meta, where, triggers, links)


def _write_labelstudio(articles: list[GoldArticle], path: Path, notes: list[str]) -> None:
    """One task per article: a region per span and event trigger, a relation per event role."""
    tasks = []
    for number, a in enumerate(articles, start=1):
        events = event_relations(a)
        spans = [*to_spans(a), *(e.trigger for e in events)]
        ids = {(s.start, s.end, s.label): f"r{n}" for n, s in reversed(list(enumerate(spans, start=1)))}
        result = [{"id": f"r{n}", "from_name": "label", "to_name": "text", "type": "labels",
                   "value": {"start": s.start, "end": s.end, "text": s.text, "labels": [s.label]}, "meta": s.values}
                  for n, s in enumerate(spans, start=1)]
        result += [{"from_id": ids[(e.trigger.start, e.trigger.end, e.trigger.label)], "type": "relation",
                    "to_id": ids[(filler.start, filler.end, filler.label)], "direction": "right", "labels": [role]}
                   for e in events for role, filler in e.roles]
        tasks.append({"id": number, "data": {"text": a.text, **article_meta(a)}, "annotations": [{"result": result}]})
    path.write_text(json.dumps(tasks, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def _read_conll(path: Path, notes: list[str]) -> Iterator[AnnotatedText]:
    """CoNLL / IOB: a token and its tag (last column) per line, blank lines between sentences, -DOCSTART- between documents."""
    rows: list[tuple[str, str, int]] = []  # (token or "\n" between sentences, tag, line)
    documents = 0
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            columns = line.split()
            if columns and columns[0] == "-DOCSTART-":
                if rows:
                    documents += 1
                    yield _conll_document(path, documents, rows)
                rows = []
            elif not columns:
                rows.append(("\n", "O", number))
            elif len(columns) < 2 or not _TAG.match(columns[-1]):
                raise GoldError(f"{path}:{number}: expected 'TOKEN ... TAG' with an IOB tag, got {line.strip()!r}")
            else:
                rows.append((columns[0], columns[-1], number))
    if any(word != "\n" for word, _, _ in rows):
        yield _conll_document(path, documents + 1, rows)


def _conll_document(path: Path, number: int, rows: list[tuple[str, str, int]]) -> AnnotatedText:
    """One CoNLL document: tokens joined by spaces, sentences by newlines, spans from the IOB tags."""
    kept = [row for n, row in enumerate(rows) if row[0] != "\n" or 0 < n and rows[n - 1][0] != "\n"]
    while kept and kept[-1][0] == "\n":
        kept.pop()
    words, tags, lines = (list(column) for column in zip(*kept))
    spaces = [word != "\n" and following != "\n" for word, following in zip(words, words[1:] + ["\n"])]
    doc = Doc(_vocab(), words=words, spaces=spaces)
    line_at = {token.idx: line for token, line in zip(doc, lines)}
    spans = [LabeledSpan(s, e, label, {}, f"{path}:{line_at[s]}") for s, e, label in biluo_tags_to_offsets(doc, iob_to_biluo(tags))]
    return AnnotatedText(doc.text, spans, {"id": f"{path.name}#{number}"}, f"{path}:{lines[0]}")


@cache
def _blank():
    import spacy
    return spacy.blank("en")


def _vocab():
    return _blank().vocab


def _cut(text: str, cuts: set[int]) -> Doc:
    """The text as a Doc of the English tokenizer's tokens, also cut at `cuts` (span edges)."""
    cuts = cuts | {0, len(text)}
    for token in _blank().tokenizer(text):
        cuts |= {token.idx, token.idx + len(token.text)}
    words: list[str] = []
    spaces: list[bool] = []
    bounds = sorted(cuts)
    for start, end in zip(bounds, bounds[1:]):
        for piece in re.findall(r"\S+|\s+", text[start:end]):
            if piece == " " and words and not words[-1].isspace() and not spaces[-1]:
                spaces[-1] = True
            else:
                words.append(piece)
                spaces.append(False)
    return Doc(_vocab(), words=words, spaces=spaces)


def tokenized(article: GoldArticle, notes: list[str]) -> Doc:
    """The article as a spaCy Doc (the English tokenizer, tokens also cut at span edges), entities set.

    Where spans overlap the longest is the entity and the others are noted;
    every span, overlapping or not, is also in `doc.spans["factwire"]`.
    """
    spans = [s for s in to_spans(article) if s.label != "IGNORE"]
    doc = _cut(article.text, {s.start for s in spans} | {s.end for s in spans})
    every = [doc.char_span(s.start, s.end, label=s.label) for s in spans]
    doc.spans["factwire"] = every
    kept = filter_spans(every)
    doc.ents = kept
    notes += [f"{article.id}: {s.label_} {s.text!r} ({s.start_char}-{s.end_char}) overlaps a longer span, left out"
              for s in every if s not in kept]
    return doc


def _write_conll(articles: list[GoldArticle], path: Path, notes: list[str]) -> None:
    lines: list[str] = []
    for article in articles:
        lines += ["-DOCSTART- O", ""]
        for token in tokenized(article, notes):
            if token.is_space:
                if "\n" in token.text and lines[-1]:
                    lines.append("")
            else:
                lines.append(f"{token.text} {token.ent_iob_}-{token.ent_type_}" if token.ent_type_ else f"{token.text} O")
        if lines[-1]:
            lines.append("")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _write_docbin(articles: list[GoldArticle], path: Path, notes: list[str]) -> None:
    docs = DocBin(store_user_data=True)
    for article in articles:
        doc = tokenized(article, notes)
        doc.user_data["id"] = article.id
        docs.add(doc)
    docs.to_disk(path)


_READERS = {"prodigy": _read_prodigy, "doccano": _read_doccano, "labelstudio": _read_labelstudio, "conll": _read_conll,
            "meantime": read_meantime}
_WRITERS = {"prodigy": _write_prodigy, "doccano": _write_doccano, "labelstudio": _write_labelstudio,
            "conll": _write_conll, "docbin": _write_docbin}
