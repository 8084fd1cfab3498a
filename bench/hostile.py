"""Hostile inputs: time and peak memory of the whole `factwire extract` command on each shape of issue 12.

Every shape is written to a file (in --dir, default a temporary folder) and
extracted by `python -m pipeline extract FILE -o OUT.jsonl --no-resume` in a
fresh process; the table gives its size, seconds, seconds per MB net of the
command's start-up (measured on a one-line file) against ordinary news (a
sample of the Wikinews economy articles of the outside data folder), peak
resident memory (`os.wait4`), the exit code, and for a shape run at doubled
sizes the time ratio of each doubling. Then the acceptance comparison (the
5.4 MB one-paragraph article against the same lines as 50 files) and the cost
per character of ordinary news text from a 1 KB article to a 5 MB one, timed
in this process with the model loaded once.

    python bench/hostile.py                   # every shape (an hour or more on 2 cores)
    python bench/hostile.py --only dollars,parens --no-flat
    python bench/hostile.py --skip file_60mb,jsonl_1m_records
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.evaluation.corpora import data_folder  # noqa: E402

WIKINEWS_SAMPLE = 300  # files of ordinary news, the yardstick


@dataclass(frozen=True)
class Shape:
    """One hostile input: its name, file suffix, what it is, and a writer of its text (or dump) into a file."""

    name: str
    suffix: str
    what: str
    write: Callable[[Path], None]
    group: str | None = None  # shapes of one group are sizes doubled
    cap: float | None = None  # CPU seconds: a full-size run too slow for the shared machine stops there (a prefix)
    records: int | None = None  # records of a dump: a stopped run's throughput is read from the records it wrote


def _sentences() -> list[str]:
    """Sentences of ordinary news (the Wikinews sample), else a few written here."""
    folder = data_folder(ROOT) / "wikinews_economy"
    found: list[str] = []
    for path in sorted(folder.glob("*.txt"))[:WIKINEWS_SAMPLE]:
        for paragraph in path.read_text(encoding="utf-8").split("\n"):
            found += [s.strip() + "." for s in paragraph.split(". ") if len(s.split()) > 5]
    return found or ["Acme Corp. said on Monday it would cut 500 jobs and pay $14.4 million to settle the case."]


SENTENCES = _sentences()


def _cycle(parts: list[str], size: int, joiner: str) -> str:
    """Parts joined, repeated until `size` characters."""
    out, total, k = [], 0, 0
    while total < size:
        piece = parts[k % len(parts)]
        out.append(piece)
        total += len(piece) + len(joiner)
        k += 1
    return joiner.join(out)


def paragraph() -> str:
    """One paragraph: about 60,000 lines of one sentence each, no blank line, 5.4 MB."""
    return _cycle(SENTENCES, 5_400_000, "\n")


def _text(text: Callable[[], str]) -> Callable[[Path], None]:
    return lambda path: path.write_text(text(), encoding="utf-8")


def _names(n: int) -> list[str]:
    """n distinct made-up company names with legal forms ("Kalvo Borex Holdings Inc.")."""
    syllables = ["kal", "vo", "bo", "rex", "zen", "tri", "mar", "lo", "qui", "nex", "dra", "fen", "sol", "ta"]
    forms = ["Inc.", "Corp.", "Ltd.", "Holdings Inc.", "Group plc", "AG"]
    names = []
    for i in range(n):
        a = syllables[i % 14] + syllables[(i // 14) % 14]
        b = syllables[(i // 196) % 14] + syllables[(i // 2744) % 14] + syllables[(i * 7) % 14]
        names.append(f"{a.title()} {b.title()} {forms[i % len(forms)]}")
    return names


def _orgs(n: int) -> str:
    names = _names(n)
    return "\n\n".join(f"{names[i]} said on Monday it had signed a supply deal with {names[(i + 1) % n]}."
                       for i in range(n))


CLAUSE = "Acme Corp hired 5 workers, Beta Inc cut 60 jobs and Gamma Ltd bought Delta AG for $3 million"


def _dump(records: Iterator[dict]) -> Callable[[Path], None]:
    def write(path: Path) -> None:
        with path.open("w", encoding="utf-8") as out:
            out.writelines(json.dumps(record) + "\n" for record in records)
    return write


def _dates_record(n: int) -> Iterator[dict]:
    tokens = ["first-quarter-2019", "2019-03-01", "Q1-2020", "mid-2018", "third-quarter"]
    yield {"text": "Acme Corp. reported results. " + " ".join(tokens[k % 5] for k in range(n)), "date": "2019-05-01"}


def _source_articles(n: int) -> str:
    return "".join(f"Title {k}\n\nAcme Corp. hired {k} people.\nSource: Wire\n\n" for k in range(n))


def _tiny_records(n: int) -> Iterator[dict]:
    return ({"text": f"Acme Corp. hired {k} people."} for k in range(n))


def shapes() -> list[Shape]:
    """Every shape of the issue's tables."""
    source_line = "Source:" + " " * 30 + "Example" + " " * 30 + "Wire" + " " * 30
    listed = [
        Shape("paragraph_5.4mb", ".txt", "one 5.4 MB paragraph of 60,000 one-sentence lines", _text(paragraph)),
        *[Shape(f"line_{n}mb", ".txt", f"one {n} MB line", _text(lambda n=n: _cycle(SENTENCES, n * 1_000_000, " ")),
                "line") for n in (1, 2, 3)],
        Shape("file_60mb", ".txt", "a 60 MB file (one line), stopped after 150 CPU s: peak RSS of that prefix only",
              _text(lambda: _cycle(SENTENCES, 60_000_000, " ")), cap=150),
        Shape("lines_1m", ".txt", "1M short lines (one article), stopped after 150 CPU s: peak RSS of that prefix",
              _text(lambda: "\n".join(f"Item {k}" for k in range(1_000_000))), cap=150),
        Shape("digits_5mb", ".txt", "5 MB of digits", _text(lambda: "7" * 5_000_000)),
        Shape("money_5mb", ".txt", "5 MB of money amounts",
              _text(lambda: _cycle(["$1.5 million,", "€20bn"], 5_000_000, " "))),
        Shape("counts_5mb", ".txt", "5 MB of counts",
              _text(lambda: _cycle(["3 workers,", "1,200 shops"], 5_000_000, " "))),
        Shape("cjk_1.2m", ".txt", "1.2M characters of CJK text",
              _text(lambda: _cycle(["阿里巴巴集团周三表示公司去年帮助警方抓获了嫌疑人"], 1_200_000, ""))),
        Shape("capitalized", ".txt", "a 750 KB line of capitalized words",
              _text(lambda: _cycle(["Alpha", "Borex", "Capital", "Holdings", "Group", "Trading"], 750_000, " "))),
        Shape("dollars", ".txt", "100,000 `$` in a row", _text(lambda: "$" * 100_000)),
        Shape("parens", ".txt", "50,000 nested parentheses", _text(lambda: "(" * 50_000 + ")" * 50_000)),
        *[Shape(f"orgs_{n}", ".txt", f"one article naming {n:,} organizations", _text(lambda n=n: _orgs(n)), "orgs")
          for n in (1000, 2000, 4000)],
        *[Shape(f"google_{n}", ".txt", f'"Google" {n:,} times',
                _text(lambda n=n: "\n".join("Google said Google would hire 5 people." for _ in range(n // 2))),
                "google")
          for n in (2000, 4000, 8000, 16000, 32000)],
        *[Shape(f"chained_{n // 1000}k", ".txt", f"one sentence of {n:,} characters, clauses joined by \"and\"",
                _text(lambda n=n: _cycle([CLAUSE], n, " and ") + "."), "chained")
          for n in (20_000, 40_000, 80_000)],
        *[Shape(f"source_lines_{n}", ".txt", f"{n:,} `Source:` lines with spaces",
                _text(lambda n=n: "Acme Corp. hired 5 people.\n" + "\n".join(source_line for _ in range(n))), "source")
          for n in (10_000, 40_000, 250_000)],
        *[Shape(f"dates_{n}", ".jsonl", f"a JSONL record of {n:,} date-like tokens", _dump(_dates_record(n)), "dates")
          for n in (20_000, 80_000, 200_000)],
        *[Shape(f"jsonl_{n // 1000}k_records", ".jsonl", f"a JSONL dump of {n // 1000}k tiny records (scaled down)",
                _dump(_tiny_records(n)), "jsonl", records=n) for n in (50_000, 100_000)],
        Shape("jsonl_1m_records", ".jsonl", "a JSONL dump of 1M tiny records, stopped after 150 CPU s (a prefix)",
              _dump(_tiny_records(1_000_000)), cap=150, records=1_000_000),
        *[Shape(f"source_articles_{n // 1000}k", ".txt", f"{n // 1000}k `Source:` articles in one file"
                + (", stopped after 150 CPU s (a prefix)" if n > 50_000 else " (scaled down)"),
                _text(lambda n=n: _source_articles(n)), None if n > 50_000 else "source_articles",
                cap=150 if n > 50_000 else None, records=n) for n in (10_000, 20_000, 100_000)],
    ]
    return listed


@dataclass(frozen=True)
class Measure:
    """One run of the command: wall seconds, peak resident memory (MB) and exit code."""

    seconds: float
    peak_mb: float
    code: int
    last_line: str
    cpu: float = 0.0  # user + system seconds: on a machine shared with other work, steadier than wall time
    stopped: bool = False  # killed at the shape's cap: the figures are of a prefix
    written: int = 0  # records in the output's temporary file when stopped


@dataclass(frozen=True)
class Runner:
    """Where and how the command runs: the checkout measured (its own `pipeline`), the time and memory caps."""

    checkout: Path = ROOT
    timeout: float = 3600.0
    max_gb: float = 8.0  # address-space cap of the child: a shape that would take the shared machine stops instead

    def limit(self, cpu: float | None = None) -> None:
        cap = int(self.max_gb * 2**30)
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
        if cpu is not None:  # SIGXCPU at the cap: CPU time, not wall time, which other work on the machine stretches
            resource.setrlimit(resource.RLIMIT_CPU, (int(cpu), int(cpu) + 5))


def run_extract(inputs: list[Path], out: Path, runner: Runner, *options: str, cap: float | None = None) -> Measure:
    """`factwire extract` in a fresh process; its own peak memory from `wait4` (not the bench's). Stopped at `cap`
    CPU seconds, the records its temporary output holds are counted (a prefix)."""
    command = [sys.executable, "-m", "pipeline", "extract", *map(str, inputs), "-o", str(out), "--no-resume", *options]
    env = {**os.environ, "PYTHONPATH": str(runner.checkout)}
    timeout = runner.timeout
    stopped = False
    started = time.perf_counter()
    with tempfile.TemporaryFile("w+") as err:
        child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=err, cwd=runner.checkout, env=env,
                                 preexec_fn=lambda: runner.limit(cap))
        deadline = started + timeout
        while True:
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                stopped = True
                child.kill()
                pid, status, usage = os.wait4(child.pid, 0)
                break
            time.sleep(0.05)
        seconds = time.perf_counter() - started
        err.seek(0)
        lines = [line for line in err.read().splitlines() if line.strip()]
    code = os.waitstatus_to_exitcode(status)
    stopped = stopped or code in (-signal.SIGXCPU, -signal.SIGKILL) and cap is not None
    written = 0
    for temporary in out.parent.glob(f".{out.name}.*.tmp"):  # what a stopped run had written
        with temporary.open("rb") as held:
            written += sum(1 for _ in held)
        temporary.unlink()
    return Measure(seconds, usage.ru_maxrss / 1024, code, lines[-1][:150] if lines else "",
                   usage.ru_utime + usage.ru_stime, stopped, written)


def ordinary_news(work: Path, runner: Runner) -> tuple[float, Measure]:
    """(MB, measure) of the command on the Wikinews sample (read in place), one process."""
    sample = sorted((data_folder(ROOT) / "wikinews_economy").glob("*.txt"))[:WIKINEWS_SAMPLE]
    measure = run_extract(sample, work / "wikinews.jsonl", runner)
    return sum(p.stat().st_size for p in sample) / 1e6, measure


def table(rows: list[tuple[Shape, float, Measure]], startup: float, news_s_per_mb: float) -> list[str]:
    """The markdown table: a row per shape, doubled sizes with their time ratio; times per MB and ratios are of
    CPU seconds (user + system) net of the start-up's, wall seconds are shown beside."""
    out = ["| input | size | wall s | CPU s | CPU s/MB net of start-up | x ordinary news | peak RSS | exit "
           "| CPU time ratio (size ratio) |", "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    previous: dict[str, tuple[float, float]] = {}
    for shape, mb, m in rows:
        done = mb * m.written / shape.records if m.stopped and shape.records else mb  # MB of the prefix done
        if m.stopped and not m.written:
            out.append(f"| {shape.what} | {mb:.2f} MB | stopped at {m.seconds:.0f} | {m.cpu:.0f} | n/a | n/a "
                       f"| {m.peak_mb:,.0f} MB (prefix) | killed | |")
            continue
        per_mb = max(m.cpu - startup, 0.0) / done
        ratio = ""
        if shape.group in previous:  # net of start-up; a run within a second of it has no ratio to speak of
            last_mb, last_s = previous[shape.group]
            now, before = m.cpu - startup, last_s - startup
            ratio = f"{now / before:.2f} ({mb / last_mb:.2f})" if min(now, before) >= 1 else f"n/a ({mb / last_mb:.2f})"
        if shape.group:
            previous[shape.group] = (mb, m.cpu)
        size = f"{mb:.2f} MB" + (f" ({m.written:,} records, {done:.2f} MB, done when stopped)" if m.stopped else "")
        out.append(f"| {shape.what} | {size} | {m.seconds:.1f} | {m.cpu:.1f} | {per_mb:.1f} "
                   f"| {per_mb / news_s_per_mb:.2f} "
                   f"| {m.peak_mb:,.0f} MB | {'killed' if m.stopped else m.code} | {ratio} |")
    return out


def split_comparison(folder: Path, work: Path, runner: Runner) -> str:
    """The 5.4 MB one-paragraph article against the same lines as 50 files, one run each."""
    lines = paragraph().split("\n")
    parts = folder / "paragraph_in_50_files"
    parts.mkdir(exist_ok=True)
    step = -(-len(lines) // 50)
    for k in range(50):
        (parts / f"part_{k:02d}.txt").write_text("\n".join(lines[k * step:(k + 1) * step]), encoding="utf-8")
    whole = run_extract([folder / "paragraph_5.4mb.txt"], work / "whole.jsonl", runner)
    split = run_extract([parts], work / "split.jsonl", runner)
    return (f"5.4 MB one-paragraph article: {whole.seconds:.1f} s, peak {whole.peak_mb:,.0f} MB, exit {whole.code}; "
            f"the same lines as 50 files: {split.seconds:.1f} s, peak {split.peak_mb:,.0f} MB, exit {split.code}; "
            f"ratio {whole.seconds / split.seconds:.2f}")


def flat_cost(sizes: tuple[int, ...] = (1_000, 10_000, 100_000, 1_000_000, 5_000_000)) -> list[str]:
    """Microseconds (wall and CPU) per character of one ordinary-news article of each size, the model loaded once
    in this process (the checkout this script is in)."""
    from pipeline import extract, load

    load()
    text = "\n\n".join(_cycle(SENTENCES, max(sizes), "\n\n").split("\n\n"))
    out = ["| article size | wall s | CPU s | µs per character (wall) | µs per character (CPU) |",
           "| --- | --- | --- | --- | --- |"]
    for size in sizes:
        repeat = max(1, 200_000 // size)
        started, cpu = time.perf_counter(), time.process_time()
        for k in range(repeat):
            extract(text[k * size % len(text):][:size] or text[:size])
        seconds, cpu = (time.perf_counter() - started) / repeat, (time.process_time() - cpu) / repeat
        out.append(f"| {size / 1000:,.0f} KB | {seconds:.2f} | {cpu:.2f} | {seconds / size * 1e6:.1f} "
                   f"| {cpu / size * 1e6:.1f} |")
        print(out[-1], flush=True)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dir", type=Path, help="where to write the shapes (default: a temporary folder)")
    parser.add_argument("--only", default="", help="comma-separated shape names")
    parser.add_argument("--skip", default="", help="comma-separated shape names")
    parser.add_argument("--timeout", type=float, default=3600.0, help="seconds per run")
    parser.add_argument("--max-gb", type=float, default=8.0, help="address-space cap of each run (GB)")
    parser.add_argument("--checkout", type=Path, default=ROOT, help="the factwire checkout to measure (its "
                        "`pipeline` is run), e.g. another worktree for a before/after comparison")
    parser.add_argument("--yardstick", default="", help="STARTUP_S,NEWS_S_PER_MB of an earlier run of this machine "
                        "(printed first), to spare re-measuring them")
    parser.add_argument("--flat-sizes", default="1000,10000,100000,1000000,5000000",
                        help="article sizes (characters) of the cost-per-character series")
    parser.add_argument("--no-flat", action="store_true", help="skip the cost-per-character series")
    parser.add_argument("--no-split", action="store_true", help="skip the 5.4 MB vs 50 files comparison")
    args = parser.parse_args()
    only, skip = set(filter(None, args.only.split(","))), set(filter(None, args.skip.split(",")))
    chosen = [s for s in shapes() if (not only or s.name in only) and s.name not in skip]
    runner = Runner(args.checkout.resolve(), args.timeout, args.max_gb)
    folder = args.dir or Path(tempfile.mkdtemp(prefix="factwire-hostile-"))
    folder.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="factwire-hostile-out-"))
    tiny = folder / "tiny.txt"
    tiny.write_text("Acme Corp. hired 5 people.\n", encoding="utf-8")
    if args.yardstick:
        startup, news_s_per_mb = map(float, args.yardstick.split(","))
        print(f"checkout {runner.checkout}; start-up {startup:.1f} CPU s and ordinary news {news_s_per_mb:.1f} CPU "
              "s/MB net as given (--yardstick)", flush=True)
    else:
        tiny_run = run_extract([tiny], work / "tiny.jsonl", runner)
        startup = tiny_run.cpu
        news_mb, news = ordinary_news(work, runner)
        news_s_per_mb = (news.cpu - startup) / news_mb
        print(f"checkout {runner.checkout}; start-up (one-line file): {tiny_run.seconds:.1f} s, {startup:.1f} CPU s; "
              f"ordinary news ({WIKINEWS_SAMPLE} Wikinews files, {news_mb:.2f} MB): {news.seconds:.1f} s, "
              f"{news.cpu:.1f} CPU s, {news_s_per_mb:.1f} CPU s/MB net, peak {news.peak_mb:,.0f} MB; "
              f"--yardstick {startup:.1f},{news_s_per_mb:.1f}", flush=True)
    rows = []
    for shape in chosen:
        path = folder / f"{shape.name}{shape.suffix}"
        if not path.exists():
            shape.write(path)
        mb = path.stat().st_size / 1e6
        measure = run_extract([path], work / f"{shape.name}.jsonl", runner, cap=shape.cap)
        rows.append((shape, mb, measure))
        print(f"{shape.name}: {mb:.2f} MB, {measure.seconds:.1f} s, {measure.cpu:.1f} CPU s, "
              f"peak {measure.peak_mb:,.0f} MB, exit "
              f"{'killed at its cap' if measure.stopped else measure.code}, {measure.written:,} records written: "
              f"{measure.last_line}", flush=True)
    print("\n".join(table(rows, startup, news_s_per_mb)), flush=True)
    if not args.no_split and (not only or "paragraph_5.4mb" in only):
        if not (folder / "paragraph_5.4mb.txt").exists():
            (folder / "paragraph_5.4mb.txt").write_text(paragraph(), encoding="utf-8")
        print(split_comparison(folder, work, runner), flush=True)
    if not args.no_flat:
        print("\n".join(flat_cost(tuple(int(n) for n in args.flat_sizes.split(",")))), flush=True)


if __name__ == "__main__":
    main()
