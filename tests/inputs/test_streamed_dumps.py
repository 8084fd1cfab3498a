"""A dump's records become articles one at a time (issue 12: a JSONL dump of 1M tiny records was read into a
list of 1M articles, 654 MB before any extraction). Real dumps on disk; no extraction needed."""

import gc
import json
import weakref

from pipeline.batch.work import source_articles
from pipeline.inputs.files import find_inputs
from pipeline.inputs.formats import ReadOptions, read_articles


def _dump(path, records):
    path.write_text("".join(json.dumps(r) + "\n" if isinstance(r, dict) else r + "\n" for r in records),
                    encoding="utf-8")
    return path


def test_a_dump_holds_one_article_at_a_time(tmp_path):
    _dump(tmp_path / "dump.jsonl", [{"text": f"Acme Corp. hired {k} people."} for k in range(2_000)])
    stream = source_articles(find_inputs([tmp_path]), lambda _: None, ReadOptions())
    alive = [weakref.ref(next(stream)) for _ in range(500)]
    gc.collect()
    assert next(stream).id == "dump.jsonl#501"  # the reader is still on its way through the file
    assert sum(ref() is not None for ref in alive) <= 1  # not the 500 articles read before


def test_a_bad_record_is_told_once_its_file_is_read_and_the_articles_around_it_still_come(tmp_path):
    _dump(tmp_path / "dump.jsonl", [{"text": "Acme Corp. hired 5 people."}, "{not json", {"title": "no text"},
                                    {"text": "Borex Ltd. hired 7 people."}])
    told = []
    stream = source_articles(find_inputs([tmp_path]), told.append, ReadOptions())
    first = next(stream)
    assert (first.id, told) == ("dump.jsonl#1", [])  # the second line is not even parsed yet
    rest = list(stream)
    assert [a.id for a in rest] == ["dump.jsonl#4"]
    assert [(t.kind, t.reason.split(":")[0]) for t in told] == [("malformed", "line 2"), ("malformed", "line 3")]


def test_many_bad_records_are_summed_up(tmp_path):
    path = _dump(tmp_path / "dump.jsonl", [{"text": "Acme Corp. hired 5 people."}] + ["{bad"] * 25)
    problems = read_articles(path).problems
    assert len(problems) == 10 and problems[-1] == "and 16 more like these"
    assert problems[0].startswith("line 2: invalid JSON")
