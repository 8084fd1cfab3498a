"""Print how factwire does on other projects' money and number test suites (`pipeline.evaluation.peers`).

    python bench/peer_suites.py [SUITE_DIR] [--failures N]

SUITE_DIR holds the JSONL suites (default: `peer/` of the outside data folder,
$FACTWIRE_DATA or ../shared/data; read in place, never copied into the project).
Per suite it prints value accuracy, currency accuracy, false positives on the
cases that expect nothing, each exclusion with its reason, and the failures.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from pipeline.evaluation.corpora import data_folder
from pipeline.evaluation.peers import PEER_FOLDER, report, run_all

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, nargs="?", default=data_folder(ROOT) / PEER_FOLDER)
    parser.add_argument("--failures", type=int, default=15, help="failures to list per suite")
    args = parser.parse_args()
    print("\n".join(report(run_all(args.folder), args.failures)))


if __name__ == "__main__":
    main()
