"""Find input files and decode them to text; knows nothing of spaCy.

Decoding tries strict UTF-8 (with or without BOM) first, then UTF-16 with a
BOM, then charset-normalizer's best guess, because charset detection misreads
short texts that are plain UTF-8.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

SUPPORTED_SUFFIXES = frozenset({".txt"})


class UnreadableFile(Exception):
    """A file that cannot be read or decoded; the message says why."""


@dataclass(frozen=True)
class InputFile:
    """A file to process and its id prefix: the path relative to the input root, in POSIX form."""

    path: Path
    relative: str


@dataclass(frozen=True)
class Skipped:
    """A file left out, with the reason."""

    path: Path
    reason: str


def find_inputs(paths: Iterable[str | Path]) -> Iterator[InputFile | Skipped]:
    """Files under each path (folders recursively, sorted), or a Skipped note for each one left out."""
    for given in map(Path, paths):
        if given.is_dir():
            for path in sorted(p for p in given.rglob("*") if p.is_file()):
                relative = path.relative_to(given)
                if any(part.startswith(".") for part in relative.parts):
                    continue
                yield _classify(path, relative.as_posix())
        elif given.is_file():
            yield _classify(given, given.name)
        else:
            yield Skipped(given, "no such file or folder")


def _classify(path: Path, relative: str) -> InputFile | Skipped:
    if path.suffix.lower() not in SUPPORTED_SUFFIXES:
        return Skipped(path, f"unsupported format {path.suffix or '(no extension)'!r}; supported: .txt")
    return InputFile(path, relative)


def decode(data: bytes) -> tuple[str, str]:
    """Decoded text with normalized newlines, and the encoding used.

    >>> decode("Caf\\u00e9".encode("utf-8-sig"))
    ('Café', 'utf-8-sig')
    >>> decode("Z\\u00fcrich\\r\\n".encode("utf-16"))
    ('Zürich\\n', 'utf-16')
    >>> decode(b"\\x00\\x01\\x02binary")
    Traceback (most recent call last):
    ...
    pipeline.reader.UnreadableFile: binary content (NUL bytes), not text
    """
    if not data.strip():
        raise UnreadableFile("empty file")
    if data.startswith(codecs.BOM_UTF8):
        text, encoding = data.decode("utf-8-sig", errors="strict"), "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text, encoding = data.decode("utf-16"), "utf-16"
    elif b"\x00" in data:
        raise UnreadableFile("binary content (NUL bytes), not text")
    else:
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            guess = from_bytes(data).best()
            if guess is None:
                raise UnreadableFile("not UTF-8 and no text encoding could be detected") from None
            text, encoding = str(guess), guess.encoding
    return text.replace("\r\n", "\n").replace("\r", "\n"), encoding


def read_text(path: Path) -> tuple[str, str]:
    """A file's text and encoding, or UnreadableFile with the reason."""
    try:
        data = path.read_bytes()
    except OSError as err:
        raise UnreadableFile(err.strerror or str(err)) from err
    return decode(data)
