"""What is read from an input folder: links that leave it, FIFOs and kernel files are left out with a reason."""

import errno
import os
import subprocess
import sys
from pathlib import Path

from pipeline.inputs.files import InputFile, Skipped, find_inputs

ROOT = Path(__file__).resolve().parents[2]


def _folder(tmp_path: Path) -> Path:
    (tmp_path / "in" / "sub").mkdir(parents=True)
    (tmp_path / "outside").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Nike Inc. cut 500 jobs.\n", encoding="utf-8")
    (tmp_path / "outside" / "secret.txt").write_text("Secret Corp. paid $5 million.\n", encoding="utf-8")
    (tmp_path / "in" / "leak.txt").symlink_to(tmp_path / "outside" / "secret.txt")
    (tmp_path / "in" / "outdir").symlink_to(tmp_path / "outside")
    (tmp_path / "in" / "sub" / "inside.txt").symlink_to(tmp_path / "in" / "a.txt")
    (tmp_path / "in" / "mem.txt").symlink_to("/proc/self/mem")
    os.mkfifo(tmp_path / "in" / "pipe.txt")
    return tmp_path / "in"


def test_links_leaving_the_folder_fifos_and_kernel_files_are_left_out_with_a_reason(tmp_path):
    found = {Path(item.path).name: item for item in find_inputs([_folder(tmp_path)])}
    assert {name for name, item in found.items() if isinstance(item, InputFile)} == {"a.txt", "inside.txt"}
    reasons = {name: item.reason for name, item in found.items() if isinstance(item, Skipped)}
    assert "a link leaving the input folder" in reasons["leak.txt"] and "--follow-symlinks" in reasons["leak.txt"]
    assert "a link leaving the input folder" in reasons["outdir"] and "a link leaving" in reasons["mem.txt"]
    assert reasons["pipe.txt"] == "a FIFO, not opened"


def test_follow_symlinks_reads_what_links_lead_to_but_never_kernel_files(tmp_path):
    found = {item.relative if isinstance(item, InputFile) else item.path.name: item
             for item in find_inputs([_folder(tmp_path)], follow_symlinks=True)}
    assert {"leak.txt", "outdir/secret.txt"} <= set(found)
    assert "kernel pseudo-file" in found["mem.txt"].reason


def test_the_command_never_blocks_on_a_fifo_nor_reads_outside(tmp_path):
    folder = _folder(tmp_path)
    out = tmp_path / "o.jsonl"
    result = subprocess.run([sys.executable, "-m", "pipeline", "extract", str(folder), "-o", str(out)],
                            capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert "Secret" not in out.read_text(encoding="utf-8")


def test_a_read_error_is_that_files_error(nlp, tmp_path, monkeypatch):
    from pipeline.batch.work import extract_inputs

    (tmp_path / "a.txt").write_text("Nike Inc. cut 500 jobs.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Adidas AG hired 300 people.\n", encoding="utf-8")
    inputs = [item for item in find_inputs([tmp_path]) if isinstance(item, InputFile)]
    real = Path.read_bytes

    def failing(path):  # an I/O error (EIO) on one file, as a failing disk gives
        if path.name == "a.txt":
            raise OSError(errno.EIO, "Input/output error")
        return real(path)

    monkeypatch.setattr(Path, "read_bytes", failing)
    skipped = []
    assert [a.id for a in extract_inputs(inputs, on_skip=skipped.append)] == ["b.txt#1"]
    assert [(s.path.name, s.reason) for s in skipped] == [("a.txt", "Input/output error")]


def test_ids_with_two_roots_are_relative_to_the_folder_they_share(tmp_path):
    for root in ("dupA", "dupB"):
        (tmp_path / root).mkdir()
        (tmp_path / root / "x.txt").write_text("x", encoding="utf-8")
    found = [item.relative for item in find_inputs([tmp_path / "dupA", tmp_path / "dupB", tmp_path / "dupA"])]
    assert found == ["dupA/x.txt", "dupB/x.txt"]
    assert [item.relative for item in find_inputs([tmp_path / "dupA"])] == ["x.txt"]  # one root: ids as before
