"""The gold format: reading gold files and folders, what is refused and where, and the committed schema."""

import json
from pathlib import Path

import pytest

from pipeline.gold import GoldArticle, GoldError, GoldNotFound, load_gold, read_gold_file, write_gold_schema
from pipeline.records import schema_text

ROOT = Path(__file__).resolve().parents[2]
SEED_GOLD = ROOT / "articles" / "gold" / "000_7262c0a3e9177b2d.jsonl"


def seed_lines():
    return SEED_GOLD.read_text(encoding="utf-8").splitlines(keepends=True)


def test_a_folder_is_read_whole_and_specs_are_left_out():
    gold = load_gold(ROOT / "articles" / "gold")
    files = sorted(p for p in (ROOT / "articles" / "gold").glob("*.jsonl"))
    assert len(gold) == sum(len(p.read_text(encoding="utf-8").splitlines()) for p in files) == 22
    assert {k: v for k, v in gold.items() if k.startswith("000_")} == load_gold(SEED_GOLD)


def test_a_gold_span_off_its_text_names_file_and_line(tmp_path):
    good = seed_lines()[0]
    record = json.loads(good)
    record["money"][0]["start"] += 1
    path = tmp_path / "gold.jsonl"
    path.write_text(good + json.dumps(record) + "\n", encoding="utf-8")
    with pytest.raises(GoldError, match=r"(?s)gold.jsonl:2: .*does not match text"):
        list(read_gold_file(path))


def test_an_ignore_region_outside_the_text_is_refused(tmp_path):
    record = json.loads(seed_lines()[0])
    record["ignore"] = [{"start": 10, "end": len(record["text"]) + 5, "reason": "not annotated"}]
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    with pytest.raises(GoldError, match=r"(?s)gold.jsonl:1: .*ignore region 10-\d+ is outside the text"):
        load_gold(path)


def test_a_duplicate_id_is_refused(tmp_path):
    (tmp_path / "a.jsonl").write_text(seed_lines()[0], encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(seed_lines()[0], encoding="utf-8")
    with pytest.raises(GoldError, match=r"b.jsonl: duplicate gold article id '000_7262c0a3e9177b2d.txt#1'"):
        load_gold(tmp_path)


def empty_file(folder):
    (folder / "empty.jsonl").write_text("\n", encoding="utf-8")
    return folder / "empty.jsonl"


@pytest.mark.parametrize("location, message", [
    (lambda folder: folder / "missing", r"gold .*missing: no such file or folder$"),
    (lambda folder: folder, r"gold .*: no gold article found \(no \.jsonl gold file in the folder\)$"),
    (empty_file, r"gold .*empty.jsonl: no gold article found \(no record in 1 file\(s\)\)$"),
], ids=["missing", "folder without gold", "empty file"])
def test_no_gold_where_gold_is_asked_for_is_one_line_saying_which(tmp_path, location, message):
    with pytest.raises(GoldNotFound, match=message) as raised:
        load_gold(location(tmp_path))
    assert "\n" not in str(raised.value)


def test_committed_gold_schema_matches_the_model(tmp_path):
    committed = ROOT / "schemas" / "gold.schema.json"
    assert committed.read_text(encoding="utf-8") == schema_text(GoldArticle), "run `factwire gold schema` and commit schemas/"
    written = write_gold_schema(tmp_path / "new")
    assert written == tmp_path / "new" / "gold.schema.json"
    assert written.read_text(encoding="utf-8") == committed.read_text(encoding="utf-8")
    assert json.loads(schema_text(GoldArticle))["properties"]["ignore"]["type"] == "array"
