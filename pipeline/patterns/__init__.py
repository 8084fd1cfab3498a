"""Data files of rules (gazetteers, currency forms, vocabularies), read via importlib.resources."""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from typing import Any


@cache
def load_json(name: str) -> Any:
    """Load a packaged JSON data file once per process."""
    return json.loads(files(__package__).joinpath(name).read_text(encoding="utf-8"))


def load_jsonl(name: str) -> list[dict[str, Any]]:
    """Load a packaged JSONL data file, one object per non-blank line."""
    text = files(__package__).joinpath(name).read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]
