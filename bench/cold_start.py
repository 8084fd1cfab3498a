"""Cold start: `factwire extract` of one small file against loading the model and parsing one sentence.

    python bench/cold_start.py [--runs 5]

What a user waits for when they try factwire on one article: the whole
command in a fresh process (imports, loading, the article, writing a fresh
output file), against the least any spaCy user waits, `spacy.load` of the same
model and one parsed sentence, also in a fresh process. The two alternate, so
the machine's load falls on both; the script prints each run, the medians,
their ratio, the median of each run's own ratio (the two commands of a run
meet the same machine: on a shared one, its speed drifts by a third between
minutes) and each command's peak memory. One untimed run of each comes
first, as a user's first run writes Python's bytecode cache; with
PYTHONDONTWRITEBYTECODE set none is written, and every start compiles
factwire's changed modules again (the script says so).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pipeline.nlp.loader import model_name

SENTENCE = "Acme Corp. agreed on Monday to pay $5 million to settle the claims, the company said."


def _timed(command: list[str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user + system: what a busy machine's other work does not inflate) and peak
    resident memory (MB) of one command in a fresh process."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)  # this child's own peak memory
    seconds = time.perf_counter() - started
    if status:
        sys.exit(f"{command[0]} failed: {process.stderr.read().decode(errors='replace')[-2000:]}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    beside = Path(sys.executable).with_name("factwire")  # the command of this environment, else the PATH's
    factwire = str(beside) if beside.exists() else shutil.which("factwire") or sys.exit("the factwire command is not installed (pip install -e .)")
    model = model_name()
    plain = [sys.executable, "-c", f"import spacy; spacy.load({model!r})({SENTENCE!r})"]
    with tempfile.TemporaryDirectory() as folder:
        article = Path(folder) / "article.txt"
        article.write_text(f"Acme settles\n\n{SENTENCE}\n", encoding="utf-8")
        walls: dict[str, list[float]] = {"plain": [], "factwire": []}
        cpus: dict[str, list[float]] = {"plain": [], "factwire": []}
        peaks: dict[str, list[float]] = {"plain": [], "factwire": []}
        _timed(plain), _timed([factwire, "extract", str(article), "-o", str(Path(folder) / "warm-up.jsonl")])
        for run in range(args.runs):
            output = Path(folder) / f"facts{run}.jsonl"  # fresh output each time: no resume cache
            for name, command in (("plain", plain), ("factwire", [factwire, "extract", str(article), "-o", str(output)])):
                seconds, cpu, peak = _timed(command)
                walls[name].append(seconds)
                cpus[name].append(cpu)
                peaks[name].append(peak)
                print(f"run {run + 1}: {name:8} {seconds:5.2f} s wall, {cpu:5.2f} s CPU, peak {peak:.0f} MB")
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):
        print("\nPYTHONDONTWRITEBYTECODE is set: no bytecode cache is written, each start compiles what changed")
    print(f"\nmedian of {args.runs} (load average {os.getloadavg()[0]:.1f}):")
    for kind, figures in (("wall", walls), ("CPU", cpus)):
        plain_s, factwire_s = statistics.median(figures["plain"]), statistics.median(figures["factwire"])
        pairs = statistics.median(f / p for p, f in zip(figures["plain"], figures["factwire"]))
        print(f"  {kind:4}: spacy.load + one sentence {plain_s:.2f} s; factwire extract of one file {factwire_s:.2f} s;"
              f" ratio {factwire_s / plain_s:.2f}x (median of the runs' own ratios {pairs:.2f}x)")
    print(f"peak memory: spacy.load {max(peaks['plain']):.0f} MB, factwire {max(peaks['factwire']):.0f} MB")


if __name__ == "__main__":
    main()
