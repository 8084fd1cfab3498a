"""Throughput of factwire against plain en_core_web_sm on the same texts, in one run.

    python bench/throughput.py [FOLDER] [--limit N] [--workers 2] [--small 100]

Each configuration runs in its own fresh process (so peak memory is its own):
plain `nlp.pipe` with every default component, factwire's full extraction in
one process, and with N worker processes, and factwire in one process on the
first `--small` files only, to show that peak memory does not grow with the
run. Prints words per second, the ratio to plain spaCy, peak memory, and the
time of each stage of both pipelines (factwire runs without the model's
lemmatizer and attribute ruler: see pipeline/config.cfg).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

from pipeline.evaluation.corpora import data_folder

DEFAULT_FOLDER = data_folder(Path(__file__).resolve().parents[1]) / "wikinews_economy"


def _files(folder: Path, limit: int | None) -> list[Path]:
    files = sorted(folder.rglob("*.txt"))
    return files[:limit] if limit else files


def _peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def measure(mode: str, folder: Path, limit: int | None, workers: int) -> dict:
    """Run one configuration in this process and return its figures."""
    import spacy

    from pipeline.extraction import extract_folder
    from pipeline.nlp.loader import load, model_name

    files = _files(folder, limit)
    texts = [f.read_text(encoding="utf-8") for f in files]
    if mode == "plain":
        nlp = spacy.load(model_name())
        started = time.perf_counter()
        words = sum(len(doc) for doc in nlp.pipe(texts, batch_size=32))
        return {"seconds": time.perf_counter() - started, "words": words, "peak_mb": _peak_mb()}
    if mode in {"stages", "plain-stages"}:
        nlp = load() if mode == "stages" else spacy.load(model_name())
        started = time.perf_counter()
        docs = [nlp.make_doc(text) for text in texts]
        stages = {"tokenizer": time.perf_counter() - started}
        for name, component in nlp.pipeline:
            started = time.perf_counter()
            docs = list(component.pipe(docs, batch_size=32)) if hasattr(component, "pipe") else [component(d) for d in docs]
            stages[name] = time.perf_counter() - started
        return {"stages": stages}
    if workers == 1:
        load()  # loading is not throughput; the multi-worker run loads in its workers, inside the timing
    started = time.perf_counter()
    articles = sum(1 for _ in extract_folder(*files, workers=workers))
    return {"seconds": time.perf_counter() - started, "articles": articles, "peak_mb": _peak_mb()}


def _run(mode: str, args: argparse.Namespace, workers: int = 1, limit: int | None = None) -> dict:
    command = [sys.executable, __file__, str(args.folder), "--mode", mode, "--workers", str(workers)]
    if limit or args.limit:
        command += ["--limit", str(limit or args.limit)]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, nargs="?", default=DEFAULT_FOLDER)
    parser.add_argument("--limit", type=int, help="only the first N files")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--small", type=int, default=100, help="files in the short run that peak memory is compared with")
    parser.add_argument("--mode", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.mode:
        print(json.dumps(measure(args.mode, args.folder, args.limit, args.workers)))
        return
    plain = _run("plain", args)
    words = plain["words"]
    single = _run("factwire", args)
    rows = [("plain en_core_web_sm nlp.pipe", plain), ("factwire, 1 process", single),
            (f"factwire, {args.workers} workers", _run("factwire", args, args.workers))]
    print(f"{len(_files(args.folder, args.limit))} files, {words} words\n")
    print(f"{'':32}{'seconds':>9}{'words/s':>10}{'x plain':>9}{'peak MB':>9}")
    for name, row in rows:
        rate = words / row["seconds"]
        print(f"{name:32}{row['seconds']:9.1f}{rate:10.0f}{plain['seconds'] / row['seconds']:9.2f}{row['peak_mb']:9.0f}")
    print(f"\n{args.workers} workers: {single['seconds'] / rows[2][1]['seconds']:.2f}x the single process")
    small = _run("factwire", args, limit=args.small)
    print(f"peak memory, 1 process: {single['peak_mb']:.0f} MB for all files, {small['peak_mb']:.0f} MB for the first "
          f"{args.small} ({single['peak_mb'] / small['peak_mb']:.2f}x)")
    for label, mode in (("factwire", "stages"), ("plain en_core_web_sm", "plain-stages")):
        stages = _run(mode, args)["stages"]
        print(f"\n{label} stages (one process, seconds; {sum(stages.values()):.1f} in all):")
        for name, seconds in stages.items():
            print(f"  {name:22}{seconds:8.2f}")


if __name__ == "__main__":
    main()
