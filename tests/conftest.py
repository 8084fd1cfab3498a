"""Shared fixtures: the real pipeline once per session, and paths to the bundled data."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.nlp import load

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "articles"
SEED = ARTICLES / "000_7262c0a3e9177b2d.txt"


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
