"""Find input files and decode them to text; knows nothing of spaCy.

Decoding tries strict UTF-8 (with or without BOM) first, then UTF-16 with a
BOM, then charset-normalizer's best guess, because charset detection misreads
short texts that are plain UTF-8.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path
from typing import Literal

from charset_normalizer import from_bytes

SUPPORTED_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm", ".json", ".jsonl"})  # see pipeline.inputs.formats
MAX_FILE_MB = 64
# The legacy encodings of the WHATWG Encoding Standard (what browsers read, hence what web text is written in),
# as Python codecs. Left free, charset-normalizer may read a short Windows-1252 line as a DOS code page (cp775).
WEB_ENCODINGS = [
    "cp1250", "cp1251", "cp1252", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp1258", "cp874",
    "iso8859_2", "iso8859_3", "iso8859_4", "iso8859_5", "iso8859_6", "iso8859_7", "iso8859_8", "iso8859_10",
    "iso8859_13", "iso8859_14", "iso8859_15", "iso8859_16", "koi8_r", "koi8_u", "mac_cyrillic",
    "gb18030", "gbk", "big5", "shift_jis", "euc_jp", "iso2022_jp", "euc_kr", "utf_16_be", "utf_16_le",
]


class UnreadableFile(Exception):
    """A file that cannot be read or decoded; the message says why."""


@dataclass(frozen=True)
class InputFile:
    """A file to process and its id prefix: the path relative to the input root, in POSIX form."""

    path: Path
    relative: str


SkipKind = Literal["unsupported", "missing", "unreadable", "malformed", "failed"]


@dataclass(frozen=True)
class Skipped:
    """A file (or a record of a dump, or an article) left out, with the reason and its kind: a format factwire
    does not read, a path that is not there, a file that cannot be read or decoded, a malformed record, an
    article whose extraction failed."""

    path: Path
    reason: str
    kind: SkipKind = "unreadable"


IGNORE_FILE = ".factwireignore"


def find_inputs(paths: Iterable[str | Path], exclude: Iterable[str] = ()) -> Iterator[InputFile | Skipped]:
    """Files under each path (folders recursively, sorted), or a Skipped note for each one left out.

    Hidden files and folders are never read; nor is what an `exclude` pattern
    or a folder's `.factwireignore` (one pattern per line, `#` comments) names:
    `gold/` a folder, `*.md` or `notes/*.txt` files, matched against the path
    relative to that folder.
    """
    for given in map(Path, paths):
        if given.is_dir():
            patterns = [*exclude, *_ignore_patterns(given / IGNORE_FILE)]
            for path in sorted(p for p in given.rglob("*") if p.is_file()):
                relative = path.relative_to(given)
                if any(part.startswith(".") for part in relative.parts) or _ignored(relative, patterns):
                    continue
                yield _classify(path, relative.as_posix())
        elif given.is_file():
            yield _classify(given, given.name)
        else:
            yield Skipped(given, "no such file or folder", "missing")


def _ignore_patterns(ignore_file: Path) -> list[str]:
    try:
        lines = ignore_file.read_text(encoding="utf-8").splitlines()
    except OSError:
        return []
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def _ignored(relative: Path, patterns: list[str]) -> bool:
    """Whether a pattern names the file (by path or name) or one of its folders ("gold/").

    >>> _ignored(Path("gold/specs/a.jsonl"), ["gold/"]), _ignored(Path("x/gold/a.txt"), ["gold/"]), _ignored(Path("x/N.md"), ["*.md"])
    (True, True, True)
    >>> _ignored(Path("golden.txt"), ["gold/"]), _ignored(Path("a/b.txt"), ["b.md", "c/"])
    (False, False)
    """
    posix = relative.as_posix()
    for pattern in patterns:
        if pattern.endswith("/"):
            folder = pattern.strip("/")
            if any(fnmatch(parent, folder) or fnmatch(parent.rsplit("/", 1)[-1], folder) for parent in _parents(posix)):
                return True
        elif fnmatch(posix, pattern) or fnmatch(relative.name, pattern):
            return True
    return False


def _parents(posix: str) -> list[str]:
    """"a/b/c.txt" -> ["a", "a/b"]: the folders a path lies in, relative to the root."""
    parts = posix.split("/")[:-1]
    return ["/".join(parts[:k]) for k in range(1, len(parts) + 1)]


def _classify(path: Path, relative: str) -> InputFile | Skipped:
    if path.suffix.lower() not in SUPPORTED_SUFFIXES:
        return Skipped(path, f"unsupported format {path.suffix or '(no extension)'!r}; supported: {supported()}",
                       "unsupported")
    return InputFile(path, relative)


def supported() -> str:
    """The supported suffixes, for messages."""
    return " ".join(sorted(SUPPORTED_SUFFIXES))


def decode(data: bytes) -> tuple[str, str]:
    """Decoded text with normalized newlines, and the encoding used.

    >>> decode("Caf\\u00e9".encode("utf-8-sig"))
    ('Café', 'utf-8-sig')
    >>> decode("Z\\u00fcrich\\r\\n".encode("utf-16"))
    ('Zürich\\n', 'utf-16')
    >>> decode(b"\\x00\\x01\\x02binary")
    Traceback (most recent call last):
    ...
    pipeline.inputs.files.UnreadableFile: binary content (NUL bytes), not text
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
            guess = from_bytes(data, cp_isolation=WEB_ENCODINGS).best()
            if guess is None:
                raise UnreadableFile("not UTF-8 and no text encoding could be detected") from None
            text, encoding = str(guess), guess.encoding
    return text.replace("\r\n", "\n").replace("\r", "\n"), encoding


def read_text(path: Path, max_bytes: int | None = None) -> tuple[str, str]:
    """A file's text and encoding, or UnreadableFile with the reason (a file over `max_bytes` is not read)."""
    try:
        size = path.stat().st_size
        if max_bytes is not None and size > max_bytes:
            raise UnreadableFile(f"too large: {size / 1e6:.0f} MB, over the {max_bytes / 1e6:.0f} MB limit "
                                 "(--max-file-mb)")
        data = path.read_bytes()
    except OSError as err:
        raise UnreadableFile(err.strerror or str(err)) from err
    return decode(data)
