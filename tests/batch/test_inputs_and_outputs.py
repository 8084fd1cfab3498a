"""Batch runs on real-world input: mixed formats, encodings and broken files, and the output formats."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.batch.work import extract_inputs
from pipeline.inputs.files import InputFile, Skipped, find_inputs

ROOT = Path(__file__).resolve().parents[2]
HTML_PAGE = """<!DOCTYPE html>
<html><head><title>Nike to cut jobs | Daily Business</title>
<meta property="og:site_name" content="Daily Business">
<meta property="article:published_time" content="2024-05-01T09:30:00Z"></head>
<body><nav><a href="/">Home</a> | <a href="/markets">Markets</a> | Subscribe now</nav>
<article><h1>Nike to cut jobs</h1>
<p>Nike Inc. said on Tuesday it would cut 500 jobs at its headquarters in Oregon, saving about $120 million a year.</p>
<p>The company, which employs about 83,700 people worldwide, did not say which teams would be affected.</p>
</article><footer>Copyright Daily Business. All rights reserved.</footer></body></html>
"""
CHINESE = "阿里巴巴集团周三表示，公司去年帮助警方抓获了1953名制假嫌疑人，并关闭了大量网店。该公司表示将继续打击假冒伪劣商品。"


def run(*args):
    return subprocess.run([sys.executable, "-m", "pipeline", *args], capture_output=True, text=True)


@pytest.fixture(scope="module")
def messy_folder(tmp_path_factory):
    """Good files in every supported format and encoding, beside files that cannot be articles."""
    folder = tmp_path_factory.mktemp("messy")
    (folder / "plain.txt").write_text("Siemens AG said it hired 2,000 engineers in 2023.\n", encoding="utf-8")
    (folder / "cp1252.txt").write_bytes("Société Générale paid €2 million – “a record”, it said.\n".encode("cp1252"))
    (folder / "utf16.txt").write_text("Adidas AG paid €1.5 billion for 3 factories.\n", encoding="utf-16")
    (folder / "gb18030.txt").write_bytes((CHINESE * 3 + "\nAlibaba Group said it helped police.\n").encode("gb18030"))
    (folder / "story.md").write_text("# Tesla opens plant\n\n**Tesla Inc.** will invest [$5 billion](http://x.com) "
                                     "in a plant with 10,000 workers.\n\nSource: Example Wire\n", encoding="utf-8")
    (folder / "page.html").write_text(HTML_PAGE, encoding="utf-8")
    (folder / "dump.jsonl").write_text(
        json.dumps({"text": "Toyota Motor Corp. recalled 1,200 cars.", "title": "Recall", "date": "2024-03-05"}) + "\n"
        + "{not json\n"
        + json.dumps({"headline": "no text field"}) + "\n"
        + json.dumps({"text": "Unilever plc sold 4 brands for £1 billion.", "date": "March 7, 2024"}) + "\n",
        encoding="utf-8")
    (folder / "huge.txt").write_text("Acme Corp. hired 200 workers.\n" + "\n" * 5_000_000
                                     + "Foo Inc. paid $5 million for 3 shops.\n", encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02\x03PK\x05\x06")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "unreadable.txt").symlink_to("/proc/self/mem")  # a kernel file leaving the folder: never opened
    return folder


@pytest.fixture(scope="module")
def messy_run(messy_folder, tmp_path_factory):
    out = tmp_path_factory.mktemp("out") / "out.jsonl"
    result = run("extract", str(messy_folder), "-o", str(out))
    records = {r["id"]: r for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    return result, records, out


def test_every_good_article_is_extracted(messy_run):
    result, records, _ = messy_run
    assert result.returncode == 0, result.stderr
    assert set(records) == {"plain.txt#1", "cp1252.txt#1", "utf16.txt#1", "gb18030.txt#1", "story.md#1", "page.html#1",
                            "dump.jsonl#1", "dump.jsonl#4", "huge.txt#1"}
    assert "Société Générale paid €2 million – “a record”" in records["cp1252.txt#1"]["text"]
    assert CHINESE in records["gb18030.txt#1"]["text"] and records["gb18030.txt#1"]["encoding"] == "gb18030"
    assert records["utf16.txt#1"]["encoding"] == "utf-16"


def test_every_bad_file_is_reported_with_a_reason(messy_run):
    result, _, out = messy_run
    errors = out.with_name(out.name + ".errors.tsv").read_text(encoding="utf-8")
    by_name: dict[str, list[str]] = {}
    for line in errors.splitlines()[1:]:
        path, reason = line.split("\t", 1)
        by_name.setdefault(Path(path).name, []).append(reason)
    assert "binary" in by_name["binary.txt"][0] and "empty" in by_name["empty.txt"][0]
    assert "a link leaving the input folder" in by_name["unreadable.txt"][0]
    assert sorted(by_name["dump.jsonl"]) == ["line 2: invalid JSON: Expecting property name enclosed in double "
                                             "quotes: line 1 column 2 (char 1)", "line 3: no text in field 'text'"]
    assert "5 errors" in result.stderr


def test_html_gives_main_text_title_site_and_date(messy_run):
    page = messy_run[1]["page.html#1"]
    assert (page["title"], page["source"], page["published"]) == ("Nike to cut jobs", "Daily Business", "2024-05-01")
    assert "Subscribe" not in page["text"] and "Copyright" not in page["text"]
    assert [(m["amount"], m["currency"]) for m in page["money"]] == [("120000000", "USD")]
    assert {o["name"] for o in page["organizations"]} == {"Nike"}


def test_markdown_and_json_records_keep_their_metadata(messy_run):
    records = messy_run[1]
    story = records["story.md#1"]
    assert story["text"].startswith("Tesla opens plant\n\nTesla Inc. will invest $5 billion in a plant")
    assert (story["title"], story["source"]) == ("Tesla opens plant", "Example Wire")
    assert [(c["value"], c["item"]) for c in story["counts"]] == [(10000, "worker")]
    assert (records["dump.jsonl#1"]["title"], records["dump.jsonl#1"]["published"]) == ("Recall", "2024-03-05")
    assert records["dump.jsonl#4"]["published"] == "2024-03-07"


def test_a_huge_text_is_split_before_spacy_with_offsets_kept(messy_run):
    huge = messy_run[1]["huge.txt#1"]
    assert len(huge["text"]) > 5_000_000
    money = huge["money"][0]
    assert huge["text"][money["start"]:money["end"]] == "$5 million" and money["start"] > 5_000_000
    assert {o["name"] for o in huge["organizations"]} == {"Acme", "Foo"}  # legal forms dropped from the name


def test_a_file_gone_before_it_is_read_is_reported_and_the_rest_processed(tmp_path):
    (tmp_path / "a.txt").write_text("Nike said it will cut 500 jobs.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Adidas hired 300 people.\n", encoding="utf-8")
    inputs = [item for item in find_inputs([tmp_path]) if isinstance(item, InputFile)]
    (tmp_path / "a.txt").unlink()
    skipped: list[Skipped] = []
    articles = list(extract_inputs(inputs, on_skip=skipped.append))
    assert [a.id for a in articles] == ["b.txt#1"]
    assert [(s.path.name, s.reason) for s in skipped] == [("a.txt", "No such file or directory")]


def test_json_fields_are_configurable(tmp_path):
    dump = tmp_path / "dump.json"
    dump.write_text(json.dumps([{"body": "Nestle SA bought 12 farms.", "headline": "Nestle buys farms", "when": "2022-01-02"}]),
                    encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = run("extract", str(dump), "-o", str(out), "--text-field", "body", "--title-field", "headline",
                 "--date-field", "when")
    assert result.returncode == 0, result.stderr
    record = json.loads(out.read_text(encoding="utf-8"))
    assert (record["title"], record["published"], record["counts"][0]["value"]) == ("Nestle buys farms", "2022-01-02", 12)


def test_ignore_file_and_exclude_leave_files_out(tmp_path):
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "g.jsonl").write_text(json.dumps({"text": "Gold, not an article."}) + "\n", encoding="utf-8")
    (tmp_path / "NOTES.md").write_text("Notes, not an article.\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Nike said it will cut 500 jobs.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Adidas hired 300 people.\n", encoding="utf-8")
    (tmp_path / ".factwireignore").write_text("# not articles\ngold/\n*.md\n", encoding="utf-8")
    found = [item.relative for item in find_inputs([tmp_path], exclude=["b.txt"])]
    assert found == ["a.txt"]


def test_bundled_articles_folder_reads_only_articles(articles_dir):
    found = [item for item in find_inputs([articles_dir])]
    assert all(isinstance(item, InputFile) for item in found)
    assert {Path(item.relative).suffix for item in found} == {".txt", ".md", ".html", ".jsonl"}
    assert len(found) == 17 and not any(item.relative.startswith("gold/") for item in found)


def test_json_output_is_one_file_per_article(tmp_path, articles_dir):
    out = tmp_path / "records"
    result = run("extract", str(articles_dir), "-o", str(out), "--format", "json", "--no-resume")
    assert result.returncode == 0, result.stderr
    files = sorted(out.glob("*.json"))
    assert len(files) == 22  # 17 files, one of them holding three articles and a dump of three records
    record = json.loads(files[0].read_text(encoding="utf-8"))
    assert record["id"] == "000_7262c0a3e9177b2d.txt#1" and files[0].name == "000_7262c0a3e9177b2d.txt_1.json"
    assert "dump_european_newsfeed.jsonl_3.json" in {f.name for f in files}


def test_parquet_output_is_a_folder_of_typed_tables(tmp_path, seed_file):
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "facts.parquet"
    result = run("extract", str(seed_file), "-o", str(out))
    assert result.returncode == 0, result.stderr
    money = [(r["article_id"], str(r["amount"].normalize()), r["currency"])
             for r in pq.read_table(out / "money.parquet").to_pylist()]
    assert ("000_7262c0a3e9177b2d.txt#2", "1.44E+7", "USD") in money
    counts = {(r["value"], r["item"]) for r in pq.read_table(out / "counts.parquet").to_pylist()}
    assert (1953.0, "suspect") in counts
    mentions = pq.read_table(out / "mentions.parquet").to_pylist()
    assert all(r["text"] == r["text"].strip() and r["end"] > r["start"] for r in mentions)


@pytest.mark.skipif(os.cpu_count() is None, reason="needs a CPU count for the local cluster")
def test_dask_local_cluster_gives_the_same_records_as_a_local_run(tmp_path, articles_dir):
    pytest.importorskip("dask.distributed")
    local, dask = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    assert run("extract", str(articles_dir), "-o", str(local), "--no-resume").returncode == 0
    result = run("extract", str(articles_dir), "-o", str(dask), "--engine", "dask", "--workers", "2")
    assert result.returncode == 0, result.stderr
    assert dask.read_text(encoding="utf-8") == local.read_text(encoding="utf-8")


def test_a_dump_without_text_is_one_short_error(tmp_path):
    index = tmp_path / "index.jsonl"
    index.write_text("".join(json.dumps({"file": f"{n}.txt", "title": "T"}) + "\n" for n in range(1, 501)), encoding="utf-8")
    (tmp_path / "a.txt").write_text("Nike said it will cut 500 jobs.\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = run("extract", str(tmp_path), "-o", str(out))
    assert result.returncode == 0, result.stderr
    reason = out.with_name("out.jsonl.errors.tsv").read_text(encoding="utf-8").splitlines()[1].split("\t")[1]
    assert reason == ("no article text (line 1: no text in field 'text'; line 2: no text in field 'text'; "
                      "and 498 more like these)")


def test_json_output_onto_the_input_folder_is_refused_and_deletes_nothing(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("T\n\nAcme.\nSource: X\n", encoding="utf-8")
    (folder / "notes.doc").write_text("n\n", encoding="utf-8")
    for extra in ([], ["--force"]):
        result = run("extract", str(folder), "--format", "json", "-o", str(folder), *extra)
        assert result.returncode == 2 and "is (or holds) the input" in result.stderr
        assert sorted(p.name for p in folder.iterdir()) == ["a.txt", "notes.doc"]


def test_json_output_keeps_a_folder_of_other_files_unless_forced(tmp_path):
    source = tmp_path / "news.txt"
    source.write_text("Nike said it will cut 500 jobs.\n", encoding="utf-8")
    out = tmp_path / "records"
    out.mkdir()
    (out / "mine.csv").write_text("keep me\n", encoding="utf-8")
    refused = run("extract", str(source), "--format", "json", "-o", str(out), "--no-resume")
    assert refused.returncode == 2 and "did not write" in refused.stderr
    assert [p.name for p in out.iterdir()] == ["mine.csv"]
    forced = run("extract", str(source), "--format", "json", "-o", str(out), "--no-resume", "--force")
    assert forced.returncode == 0, forced.stderr
    assert sorted(p.name for p in out.glob("*.json")) == ["news.txt_1.json"]
    again = run("extract", str(source), "--format", "json", "-o", str(out), "--no-resume")  # its own output: replaced
    assert again.returncode == 0, again.stderr
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == ["news.txt_1.json"]


def test_jsonl_output_onto_a_folder_or_an_input_file_is_refused_before_any_work(tmp_path):
    dump = tmp_path / "dump.jsonl"
    dump.write_text(json.dumps({"text": "Nike said it will cut 500 jobs."}) + "\n", encoding="utf-8")
    before = dump.read_bytes()
    onto_input = run("extract", str(dump), "-o", str(dump))
    assert onto_input.returncode == 2 and "is (or holds) the input" in onto_input.stderr
    assert dump.read_bytes() == before
    (tmp_path / "out").mkdir()
    onto_folder = run("extract", str(dump), "-o", str(tmp_path / "out"))
    assert onto_folder.returncode == 2 and "is a folder" in onto_folder.stderr
