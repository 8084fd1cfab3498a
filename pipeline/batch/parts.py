"""What a run keeps beside its output: the parts of a resumable run, and a lock so that two runs never share them.

A part holds one input file's records, named by a hash of the file's id,
its bytes and the pipeline version, and written atomically once the file is
done. Its first line says what it is (format, pipeline version, input, how
many records and facts, the file's problems) and carries a SHA-256 of the
records and those totals, so a part that was truncated, emptied, overwritten
with other bytes, edited or written by another version is found, reported and
redone, never copied into the output. A file over the size limit is not
hashed (it is refused anyway), and a file is hashed in blocks, never read
whole for it.

The lock is `OUT.lock`, held with `flock` for the whole run: a second run
writing to the same output stops before any work, naming the first one's
process.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from importlib.resources import files
from pathlib import Path
from typing import BinaryIO

from pipeline.inputs.files import InputFile, Skipped
from pipeline.records import Article, record_json

PART_FORMAT = 3  # parts of format 1 (no header line) and 2 (no fact totals) are foreign: redone
BLOCK = 1 << 20
FACT_TYPES = ("organizations", "money", "counts", "dates", "events")  # the facts a part totals for the run summary


@cache
def pipeline_version(model: str) -> str:
    """What the records depend on: factwire's version, the model, and the packaged rules and config."""
    digest = hashlib.sha256(model.encode())
    try:
        digest.update(version("factwire").encode())
    except PackageNotFoundError:
        digest.update(b"source")
    for resource in sorted(files("pipeline").joinpath("patterns").iterdir(), key=lambda r: r.name):
        if resource.name.endswith((".json", ".jsonl")):
            digest.update(resource.read_bytes())
    digest.update(files("pipeline.nlp").joinpath("config.cfg").read_bytes())
    return digest.hexdigest()[:16]


class PartInvalid(Exception):
    """A part that cannot be trusted; the message says why."""


@dataclass(frozen=True)
class Part:
    """One file's kept result: the problems its reading or extraction had, how many records and facts it holds,
    and its records, read from the part file one at a time (never all in memory: a dump of a million records is
    one file) or copied as they are."""

    problems: list[Skipped]
    path: Path | None = None  # the part file, None for a file kept without records
    reused: bool = True
    records: int = 0
    facts: Counter[str] = field(default_factory=Counter)

    def articles(self) -> Iterator[Article]:
        if self.path is None:
            return
        with self.path.open("rb") as handle:
            handle.readline()  # the header
            for line in handle:
                yield Article.model_validate_json(line)

    def copy_to(self, out: BinaryIO) -> None:
        """The record lines as they are, in blocks: a JSONL output needs no parsed record (one 60 MB article's
        record, parsed back and serialized again, held 700 MB)."""
        if self.path is None:
            return
        with self.path.open("rb") as handle:
            handle.readline()  # the header
            shutil.copyfileobj(handle, out)


class Parts:
    """The finished files of an output, in a `<output>.parts/` folder beside it."""

    def __init__(self, output: Path, model: str, max_bytes: int | None = None) -> None:
        self.folder = output.with_name(output.name + ".parts")
        self.version = pipeline_version(model)
        self.max_bytes = max_bytes
        self._paths: dict[InputFile, Path | None] = {}

    def _path(self, item: InputFile) -> Path | None:
        """The part's file name: a hash of the id, the version and the bytes (None for a file over the limit)."""
        if item not in self._paths:
            size = item.path.stat().st_size
            if self.max_bytes is not None and size > self.max_bytes:
                self._paths[item] = None  # refused when read; never hashed (a 3 GB file is not read for a name)
            else:
                digest = hashlib.sha256(f"{item.relative}|{self.version}|".encode())
                with item.path.open("rb") as handle:
                    hashlib.file_digest(handle, lambda: digest)
                self._paths[item] = self.folder / f"{digest.hexdigest()[:32]}.jsonl"
        return self._paths[item]

    def done(self, item: InputFile) -> bool:
        """Whether a part of the file as it is now exists (it is checked when read)."""
        try:
            path = self._path(item)
        except OSError:
            return False  # unreadable now: let the run report it
        return path is not None and path.exists()

    def write(self, item: InputFile, articles: Iterable[Article], problems: list[Skipped]) -> None:
        """Keep one file's records and problems, atomically, the records streamed through a temporary file
        (`problems` is read once the records are written: a run adds to it as it reads the file). Nothing is
        kept for a file that cannot be hashed now."""
        try:
            path = self._path(item)
        except OSError:
            path = None
        if path is None:
            for _ in articles:
                pass
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        digest, count, facts = hashlib.sha256(), 0, Counter()
        with tempfile.TemporaryFile(dir=self.folder) as body:
            for article in articles:
                for chunk in (record_json(article), b"\n"):
                    digest.update(chunk)
                    body.write(chunk)
                count += 1
                facts.update({kind: len(getattr(article, kind)) for kind in FACT_TYPES})
            totals = [facts[kind] for kind in FACT_TYPES]
            digest.update(json.dumps(totals).encode())
            header = {"factwire_part": PART_FORMAT, "version": self.version, "input": item.relative,
                      "records": count, "facts": totals, "problems": [[p.kind, p.reason] for p in problems],
                      "sha256": digest.hexdigest()}
            body.seek(0)
            handle = tempfile.NamedTemporaryFile("wb", dir=self.folder, suffix=".tmp", delete=False)
            with handle:
                handle.write(json.dumps(header).encode("utf-8") + b"\n")
                shutil.copyfileobj(body, handle)
        os.chmod(handle.name, 0o666 & ~current_umask())
        if path.is_dir():  # not a part: something took its name
            shutil.rmtree(path)
        os.replace(handle.name, path)

    def read(self, item: InputFile) -> Part:
        """One file's part, checked in one streaming pass; PartInvalid when it is missing, unreadable, truncated,
        altered or foreign."""
        try:
            path = self._path(item)
            if path is None:
                raise PartInvalid("not kept (the file is over the size limit)")
            with path.open("rb") as handle:
                header = _header(handle.readline(1_000_000), self.version, item)
                digest, count = hashlib.sha256(), 0
                while block := handle.read(BLOCK):  # in blocks: one article's record may be 170 MB on one line
                    digest.update(block)
                    count += block.count(b"\n")
        except OSError as err:
            raise PartInvalid(f"unreadable ({err.strerror or err})") from err
        totals = header.get("facts")
        digest.update(json.dumps(totals).encode())
        if digest.hexdigest() != header.get("sha256") or count != header.get("records"):
            raise PartInvalid("truncated or altered (checksum differs)")
        try:
            problems = [Skipped(item.path, reason, kind) for kind, reason in header.get("problems", [])]
            facts = Counter(dict(zip(FACT_TYPES, map(int, totals), strict=True)))
        except (ValueError, TypeError) as err:
            raise PartInvalid(f"problems or fact totals do not read ({err})") from None
        return Part(problems, path if count else None, records=count, facts=facts)

    def prune(self, keep: Iterable[InputFile]) -> None:
        """Forget parts of files that are gone or changed, so the folder does not grow without end."""
        wanted = set()
        for item in keep:
            try:
                path = self._path(item)
            except OSError:
                continue
            if path is not None:
                wanted.add(path.name)
        for part in self.folder.glob("*.jsonl"):
            if part.name not in wanted:
                part.unlink(missing_ok=True)
        if self.folder.is_dir() and not any(self.folder.iterdir()):
            self.folder.rmdir()


def _header(line: bytes, version: str, item: InputFile) -> dict:
    """A part's first line, checked: this format, this pipeline version, this input."""
    try:
        header = json.loads(line)
    except ValueError:
        raise PartInvalid("not a factwire part (no header)") from None
    if not isinstance(header, dict) or header.get("factwire_part") != PART_FORMAT \
            or header.get("version") != version or header.get("input") != item.relative:
        raise PartInvalid("written by another version or for another input")
    return header


def current_umask() -> int:
    """The process's umask (read by setting it and setting it back: there is no other way)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


class OutputBusy(RuntimeError):
    """Another run is writing to the same output."""


class OutputLock:
    """`OUT.lock`, held with flock while a run writes OUT (and its parts); removed when the run ends."""

    def __init__(self, output: Path) -> None:
        self.path = output.with_name(output.name + ".lock")
        self.handle: int | None = None

    def __enter__(self) -> OutputLock:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        while True:
            handle = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o666)
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                holder = os.read(handle, 64).decode("ascii", "replace").strip() or "?"
                os.close(handle)
                raise OutputBusy(f"another factwire run (process {holder}) is writing {self.path.name[:-5]}; "
                                 f"wait for it to end or choose another -o") from None
            if os.path.exists(self.path) and os.stat(self.path).st_ino == os.fstat(handle).st_ino:
                break  # not a lock file that its holder removed while we waited for it
            os.close(handle)
        os.ftruncate(handle, 0)
        os.write(handle, str(os.getpid()).encode("ascii"))
        self.handle = handle
        return self

    def __exit__(self, *exc: object) -> None:
        if self.handle is not None:
            self.path.unlink(missing_ok=True)
            os.close(self.handle)
            self.handle = None
