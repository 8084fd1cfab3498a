import pytest

from pipeline.inputs.files import InputFile, Skipped, UnreadableFile, decode, find_inputs, read_text


@pytest.mark.parametrize(("data", "text"), [
    ("Zürich AG".encode("utf-8"), "Zürich AG"),
    ("Zürich AG".encode("utf-8-sig"), "Zürich AG"),
    ("Zürich AG".encode("utf-16"), "Zürich AG"),
    ("line one\r\nline two\r".encode("utf-8"), "line one\nline two\n"),
])
def test_decode(data, text):
    assert decode(data)[0] == text


def test_cp1252_is_detected():
    data = ("Le groupe Société Générale a payé 5 millions d'euros à la Banque de France. " * 3).encode("cp1252")
    text, encoding = decode(data)
    assert "Société Générale" in text and encoding != "utf-8"


@pytest.mark.parametrize(("data", "reason"), [(b"", "empty"), (b"  \n", "empty"), (b"\x00\x01PK\x03", "binary")])
def test_unreadable(data, reason):
    with pytest.raises(UnreadableFile, match=reason):
        decode(data)


def test_find_inputs_walks_folders_and_flags_other_formats(tmp_path):
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("y", encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    (tmp_path / ".hidden.txt").write_text("z", encoding="utf-8")
    found = list(find_inputs([tmp_path, tmp_path / "missing.txt"]))
    assert [f.relative for f in found if isinstance(f, InputFile)] == ["a.txt", "sub/b.txt"]
    reasons = {f.path.name: f.reason for f in found if isinstance(f, Skipped)}
    assert "unsupported format" in reasons["notes.pdf"] and "no such file" in reasons["missing.txt"]


def test_read_text_reports_os_errors(tmp_path):
    with pytest.raises(UnreadableFile):
        read_text(tmp_path)  # a folder cannot be read as a file
