"""Shared fixtures: the real pipeline once per session, the bundled articles, and the outside data read in place.

Outside data (other projects' corpora and suites) is never in the repository:
tests that measure on it ask for the `data_dir` fixture, which finds the
folder through `$FACTWIRE_DATA` (default `../shared/data` beside the
checkout) and skips with one line naming it when absent. With `CI=true` and
the folder present, such a test that still skips fails instead, and the
summary says how many data tests ran.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pipeline.evaluation.corpora import data_folder
from pipeline.nlp.loader import load

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "articles"
SEED = ARTICLES / "000_7262c0a3e9177b2d.txt"
DATA = data_folder(ROOT)
ON_CI = os.environ.get("CI", "").lower() == "true"


@pytest.fixture(scope="session")
def articles_dir() -> Path:
    return ARTICLES


@pytest.fixture(scope="session")
def seed_file() -> Path:
    return SEED


@pytest.fixture(scope="session")
def nlp():
    """The full factwire pipeline on the real English model."""
    return load()


@pytest.fixture(scope="session")
def data_dir() -> Path:
    """The outside data folder; the test is skipped, naming the folder, when it is absent."""
    if not DATA.is_dir():
        pytest.skip(f"outside data folder {DATA} is missing (set FACTWIRE_DATA)")
    return DATA


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "data_dir" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.data)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "data: measures on outside data read in place from $FACTWIRE_DATA")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    report = yield
    if report.skipped and ON_CI and DATA.is_dir() and item.get_closest_marker("data") is not None:
        report.outcome = "failed"
        report.longrepr = f"data test skipped on CI although {DATA} is present: {report.longrepr}"
    return report


def pytest_terminal_summary(terminalreporter, exitstatus: int, config: pytest.Config) -> None:
    outcomes = {"passed": 0, "failed": 0, "skipped": 0, "xfailed": 0}
    for outcome in outcomes:
        for report in terminalreporter.stats.get(outcome, []):
            if "data" in getattr(report, "keywords", {}) and getattr(report, "when", "call") in ("call", "setup"):
                outcomes[outcome] += 1
    where = str(DATA) if DATA.is_dir() else f"{DATA} (missing)"
    terminalreporter.write_line(f"data tests (outside data in {where}): "
                                + ", ".join(f"{n} {outcome}" for outcome, n in outcomes.items()))
