"""The `factwire` command run as a user runs it, on real files."""

import json
import subprocess
import sys

import pytest


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "pipeline", *args], capture_output=True, text=True, cwd=cwd)


@pytest.fixture(scope="module")
def mixed_folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("mixed")
    (folder / "good.txt").write_text("Nike said it will cut 500 jobs.\n", encoding="utf-8")
    (folder / "bom.txt").write_bytes("Adidas paid €1.5 billion.\n".encode("utf-8-sig"))
    (folder / "utf16.txt").write_text("Siemens AG hired 2,000 engineers.\n", encoding="utf-16")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02\x03PK")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4")
    return folder


def test_extract_writes_records_and_reports_bad_files(mixed_folder, tmp_path):
    out = tmp_path / "out.jsonl"
    result = run("extract", str(mixed_folder), "-o", str(out))
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(r["id"] for r in records) == ["bom.txt#1", "good.txt#1", "utf16.txt#1"]
    by_id = {r["id"]: r for r in records}
    assert by_id["bom.txt#1"]["money"][0]["amount"] == "1500000000"
    assert by_id["utf16.txt#1"]["encoding"] == "utf-16"
    assert "binary.txt: binary content" in result.stderr
    assert "empty.txt: empty file" in result.stderr
    assert "unsupported formats (.pdf: 1)" in result.stderr
    assert "3 files, 3 articles" in result.stderr and "2 errors" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl", "out.jsonl.errors.tsv", "out.jsonl.parts"]
    errors = (tmp_path / "out.jsonl.errors.tsv").read_text(encoding="utf-8").splitlines()
    assert errors[0] == "path\treason" and len(errors) == 3 and any("binary content" in line for line in errors)
    assert not list((tmp_path / "out.jsonl.parts").glob("*.tmp"))


def test_stdout_output(mixed_folder):
    result = run("extract", str(mixed_folder / "good.txt"), "-o", "-")
    assert result.returncode == 0
    [record] = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["counts"][0]["value"] == 500 and record["counts"][0]["item"] == "job"


def test_nothing_processed_is_an_error_and_leaves_no_output(mixed_folder, tmp_path):
    out = tmp_path / "out.jsonl"
    result = run("extract", str(mixed_folder / "binary.txt"), "-o", str(out))
    assert result.returncode == 1
    assert "binary content" in result.stderr


def test_existing_output_survives_a_failed_run(mixed_folder, tmp_path):
    """The run fails once its output is open (the model cannot load): the previous output stays whole."""
    out = tmp_path / "out.jsonl"
    out.write_text("previous\n", encoding="utf-8")
    result = run("extract", str(mixed_folder / "good.txt"), "-o", str(out), "--no-resume", "--model", "no_such_model_xyz")
    assert result.returncode == 2 and "no_such_model_xyz" in result.stderr and "Traceback" not in result.stderr
    assert out.read_text(encoding="utf-8") == "previous\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]  # no temporary file left


def test_bad_arguments_exit_nonzero():
    assert run("extract").returncode != 0
    assert run("extract", "x", "--batch-size", "0").returncode != 0


def test_killed_run_resumes_to_the_same_output(tmp_path, articles_dir):
    import shutil
    import signal
    import time

    folder = tmp_path / "in"
    shutil.copytree(articles_dir, folder, ignore=shutil.ignore_patterns("gold"))
    whole = tmp_path / "whole.jsonl"
    assert run("extract", str(folder), "-o", str(whole), "--no-resume").returncode == 0
    out = tmp_path / "out.jsonl"
    process = subprocess.Popen([sys.executable, "-m", "pipeline", "extract", str(folder), "-o", str(out),
                                "--batch-size", "1"], stderr=subprocess.DEVNULL)
    parts = tmp_path / "out.jsonl.parts"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None and len(list(parts.glob("*.jsonl"))) < 3:
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()
    done_before = len(list(parts.glob("*.jsonl")))
    assert done_before >= 1, "the killed run finished no file"
    result = run("extract", str(folder), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8") == whole.read_text(encoding="utf-8")
    assert f"{done_before} unchanged files reused" in result.stderr


def test_changed_file_is_redone(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Nike said it will cut 500 jobs.\n", encoding="utf-8")
    (folder / "b.txt").write_text("Adidas paid €1.5 billion.\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert run("extract", str(folder), "-o", str(out)).returncode == 0
    (folder / "b.txt").write_text("Adidas paid €2 billion.\n", encoding="utf-8")
    result = run("extract", str(folder), "-o", str(out))
    assert "1 unchanged files reused" in result.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["money"][0]["amount"] for r in records if r["money"]] == ["2000000000"]
    assert len(list((tmp_path / "out.jsonl.parts").glob("*.jsonl"))) == 2


def test_workers_give_the_same_records(tmp_path, articles_dir):
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert run("extract", str(articles_dir), "-o", str(one), "--no-resume").returncode == 0
    assert run("extract", str(articles_dir), "-o", str(two), "--no-resume", "--workers", "2").returncode == 0
    assert one.read_text(encoding="utf-8") == two.read_text(encoding="utf-8")
