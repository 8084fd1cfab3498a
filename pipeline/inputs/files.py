"""Find input files and decode them to text; knows nothing of spaCy.

Decoding tries strict UTF-8 (with or without BOM) first, then UTF-16 with a
BOM, then charset-normalizer's best guess, because charset detection misreads
short texts that are plain UTF-8.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
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
    """A file to process, its id prefix (the path relative to the input root, in POSIX form) and its size."""

    path: Path
    relative: str
    size: int = 0


SkipKind = Literal["unsupported", "missing", "unreadable", "malformed", "failed", "output", "link", "special"]


@dataclass(frozen=True)
class Skipped:
    """A file (or a record of a dump, or an article) left out, with the reason and its kind: a format factwire
    does not read, a path that is not there, a file that cannot be read or decoded, a malformed record, an
    article whose extraction failed, the run's own output, a link leaving the input folder, a FIFO, device or
    kernel pseudo-file."""

    path: Path
    reason: str
    kind: SkipKind = "unreadable"


IGNORE_FILE = ".factwireignore"
_KERNEL_FILES = (Path("/proc"), Path("/sys"), Path("/dev"))  # pseudo-files: reading them may block or never end


def find_inputs(paths: Iterable[str | Path], exclude: Iterable[str] = (), *, outputs: Iterable[Path] = (),
                follow_symlinks: bool = False) -> Iterator[InputFile | Skipped]:
    """Files under each path (folders recursively, sorted), or a Skipped note for each one left out.

    Hidden files and folders are never read; nor is what an `exclude` pattern
    or a folder's `.factwireignore` (one pattern per line, `#` comments) names:
    `gold/` a folder, `*.md` or `notes/*.txt` files, matched against the path
    relative to that folder; nor the run's own `outputs` (an output file, its
    parts folder...) when they lie under an input folder. A link that leaves
    its input folder is not followed unless `follow_symlinks`; FIFOs, devices
    and kernel pseudo-files (/proc, /sys) are never opened. Ids are relative to
    the one path given, or with several to the folder they share, so that two
    roots holding the same relative path (`dupA/x.txt`, `dupB/x.txt`) give
    two ids; a file reached twice is read once.
    """
    given = list(dict.fromkeys(Path(p) for p in paths))
    base = _common_base(given)
    avoid = [Path(os.path.realpath(o)) for o in outputs]
    seen: set[str] = set()
    for root in given:
        for item in _walk(root, list(exclude), follow_symlinks) if root.is_dir() else [_given_file(root)]:
            if isinstance(item, InputFile):
                real = Path(os.path.realpath(item.path))
                if any(real == o or o in real.parents for o in avoid):
                    item = Skipped(item.path, "the run's own output, under an input folder", "output")
                else:
                    relative = item.relative if base is None else Path(os.path.abspath(item.path)).relative_to(base).as_posix()
                    if relative in seen:
                        continue
                    seen.add(relative)
                    item = _classify(item.path, relative, item.size)
            yield item


def _common_base(given: list[Path]) -> Path | None:
    """The folder ids are relative to when several paths are given (None for one: ids relative to it)."""
    found = [p for p in given if p.exists()]
    if len(found) < 2:
        return None
    return Path(os.path.commonpath([os.path.abspath(p if p.is_dir() else p.parent) for p in found]))


def _given_file(path: Path) -> InputFile | Skipped:
    """A path named on the command line: a regular file is read even through a link (the user named it)."""
    if not os.path.lexists(path):
        return Skipped(path, "no such file or folder", "missing")
    special = _special(path)
    return special or InputFile(path, path.name, path.stat().st_size)


def _special(path: Path) -> Skipped | None:
    """A note for what must not be opened: FIFOs, devices, sockets, kernel pseudo-files (None for a file)."""
    real = Path(os.path.realpath(path))
    if any(real == k or k in real.parents for k in _KERNEL_FILES):
        return Skipped(path, f"a kernel pseudo-file ({real}), not opened", "special")
    try:
        mode = path.stat().st_mode
    except OSError as err:
        return Skipped(path, err.strerror or str(err), "unreadable")
    if not stat.S_ISREG(mode):
        kind = "a FIFO" if stat.S_ISFIFO(mode) else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) \
            else "a socket" if stat.S_ISSOCK(mode) else "not a regular file"
        return Skipped(path, f"{kind}, not opened", "special")
    return None


def _walk(root: Path, exclude: list[str], follow_symlinks: bool) -> Iterator[InputFile | Skipped]:
    """The files under a folder, sorted, with what is left out and why."""
    real_root = Path(os.path.realpath(root))
    patterns = [*exclude, *_ignore_patterns(root / IGNORE_FILE)]
    found = []
    visited: set[tuple[int, int]] = set()
    for folder, dirs, names in os.walk(root, followlinks=follow_symlinks):
        here = os.stat(folder)
        if (here.st_dev, here.st_ino) in visited:  # a link back to a folder already walked
            dirs[:] = []
            continue
        visited.add((here.st_dev, here.st_ino))
        dirs[:] = [name for name in dirs if not name.startswith(".")]
        leaving = [link for name in dirs if (link := _leaving(Path(folder, name), real_root, follow_symlinks)
                                             or _parts_folder(Path(folder, name)))]
        found += leaving
        dirs[:] = [name for name in dirs if Path(folder, name) not in {link.path for link in leaving}]
        found += [Path(folder, name) for name in names]
    for path in sorted(found, key=lambda p: p.path.as_posix() if isinstance(p, Skipped) else p.as_posix()):
        if isinstance(path, Skipped):
            yield path
            continue
        relative = path.relative_to(root)
        if any(part.startswith(".") for part in relative.parts) or _ignored(relative, patterns):
            continue
        yield _leaving(path, real_root, follow_symlinks) or _special(path) or _records(path) \
            or InputFile(path, relative.as_posix(), path.stat().st_size)


_RECORDS_START = re.compile(rb'\{"schema_version":"[^"]*","id":')  # an Article record's first keys


def factwire_records(path: Path) -> bool:
    """Whether a file starts with a record written by `factwire extract` (read: its first 128 bytes)."""
    try:
        with path.open("rb") as handle:
            return _RECORDS_START.match(handle.read(128)) is not None
    except OSError:
        return False


def _records(path: Path) -> Skipped | None:
    """A note for the records of a factwire output in an input folder: facts already extracted, not articles."""
    if path.suffix.lower() == ".jsonl" and factwire_records(path):
        return Skipped(path, "records written by factwire extract", "output")
    return None


def _parts_folder(path: Path) -> Skipped | None:
    """A note for the resume parts of a factwire output (`OUT.parts/`, its files starting with a part header):
    records already extracted, never articles, whichever output they belong to."""
    if not path.name.endswith(".parts"):
        return None
    first = min(path.glob("*.jsonl"), default=None)
    if first is None:
        return None
    try:
        with first.open("rb") as handle:
            if handle.read(17) != b'{"factwire_part":':
                return None
    except OSError:
        return None
    return Skipped(path, "the resume parts of a factwire output", "output")


def _leaving(path: Path, real_root: Path, follow_symlinks: bool) -> Skipped | None:
    """A note for a link that leaves the input folder (None when it stays inside, or links are followed)."""
    if follow_symlinks or not path.is_symlink():
        return None
    real = Path(os.path.realpath(path))
    if real == real_root or real_root in real.parents:
        return None
    return Skipped(path, f"a link leaving the input folder (to {real}); --follow-symlinks reads it", "link")


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


def _classify(path: Path, relative: str, size: int) -> InputFile | Skipped:
    if path.suffix.lower() not in SUPPORTED_SUFFIXES:
        return Skipped(path, f"unsupported format {path.suffix or '(no extension)'!r}; supported: {supported()}",
                       "unsupported")
    return InputFile(path, relative, size)


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
