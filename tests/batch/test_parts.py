"""Resume parts are checked before they are trusted: a bad part is reported and redone, never copied out."""

import hashlib
import json
import os
from pathlib import Path

import pytest

from pipeline.batch.parts import PartInvalid, Parts
from pipeline.batch.runs import RunOptions, extract_to_output
from pipeline.inputs.files import InputFile


def _damage_truncate(part: Path) -> None:
    part.write_bytes(part.read_bytes()[:-40])


def _damage_empty(part: Path) -> None:
    part.write_bytes(b"")


def _damage_random(part: Path) -> None:
    part.write_bytes(os.urandom(300))


def _damage_tamper(part: Path) -> None:
    part.write_text(part.read_text(encoding="utf-8").replace("Nike", "Evil"), encoding="utf-8")


def _damage_foreign(part: Path) -> None:
    head, _, body = part.read_text(encoding="utf-8").partition("\n")
    part.write_text(json.dumps({**json.loads(head), "version": "0000000000000000"}) + "\n" + body, encoding="utf-8")


def _damage_totals(part: Path) -> None:
    head, _, body = part.read_text(encoding="utf-8").partition("\n")
    part.write_text(json.dumps({**json.loads(head), "facts": [9, 9, 9, 9, 9]}) + "\n" + body, encoding="utf-8")


def _damage_old_format(part: Path) -> None:
    part.write_text(part.read_text(encoding="utf-8").partition("\n")[2], encoding="utf-8")  # records only


def _damage_unreadable(part: Path) -> None:
    part.unlink()
    part.mkdir()  # reading it fails (IsADirectoryError), as an unreadable file would


@pytest.fixture()
def news(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text("Nike Inc. said it will cut 500 jobs.\n", encoding="utf-8")
    (folder / "b.txt").write_text("Adidas AG hired 300 people.\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize("damage", [_damage_truncate, _damage_empty, _damage_random, _damage_tamper, _damage_foreign,
                                    _damage_totals, _damage_old_format, _damage_unreadable])
def test_a_bad_part_is_reported_redone_and_never_copied(nlp, news, tmp_path, damage):
    out = tmp_path / "out.jsonl"
    extract_to_output([news], str(out))
    clean = out.read_text(encoding="utf-8")
    part = next(p for p in (tmp_path / "out.jsonl.parts").glob("*.jsonl") if b"a.txt" in p.read_bytes())
    damage(part)
    summary = extract_to_output([news], str(out))
    assert out.read_text(encoding="utf-8") == clean
    assert summary.reused == 1 and any("the part of a.txt" in note and "redone" in note for note in summary.notes)
    assert extract_to_output([news], str(out)).notes == []  # the redone part is good again


def test_a_run_from_parts_counts_what_it_copies(nlp, news, tmp_path):
    out = tmp_path / "out.jsonl"
    first = extract_to_output([news], str(out))
    second = extract_to_output([news], str(out))  # every record copied from its part, none parsed
    assert second.reused == 2
    assert (second.files, second.articles, second.facts) == (first.files, first.articles, first.facts)
    assert first.articles == 2 and first.facts["organizations"] == 2 and first.facts["counts"] == 2


def test_a_file_over_the_limit_is_never_hashed(tmp_path, monkeypatch):
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 2_000)
    monkeypatch.setattr(hashlib, "file_digest", lambda *a, **k: pytest.fail("hashed a file over the limit"))
    parts = Parts(tmp_path / "out.jsonl", "model", max_bytes=1_000)
    assert not parts.done(InputFile(big, "big.txt", 2_000))


def test_problems_of_a_file_are_told_again_when_its_part_is_reused(nlp, tmp_path):
    dump = tmp_path / "in" / "dump.jsonl"
    dump.parent.mkdir()
    dump.write_text(json.dumps({"text": "Nike Inc. cut 500 jobs."}) + "\n{bad\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    first = extract_to_output([dump.parent], str(out))
    second = extract_to_output([dump.parent], str(out), options=RunOptions())
    assert second.reused == 1
    assert [p.reason for p in second.problems] == [p.reason for p in first.problems] != []


def test_a_file_gone_during_the_run_costs_only_itself(news, tmp_path):
    parts = Parts(tmp_path / "out.jsonl", "model")
    gone = InputFile(news / "gone.txt", "gone.txt", 10)
    assert not parts.done(gone)
    parts.write(gone, [], [])  # nothing to hash: nothing kept, no error
    with pytest.raises(PartInvalid, match="unreadable"):
        parts.read(gone)
