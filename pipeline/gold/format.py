"""The gold format: its model, reading it (a file or a folder of them), and its JSON Schema.

The gold format (version 1.0) is the record contract itself, one `Article` per
JSONL line, so the offset validator checks every gold span against the text,
plus optional `ignore` regions: stretches where a prediction counts neither way
(a corpus's unannotated tail, spans the annotators left to another category).
`GoldArticle` is that model; `schemas/gold.schema.json` is generated from it
(`write_gold_schema`). People write a readable *spec* instead of offsets
(`pipeline.gold.specs`); annotation tools' files come in through
`pipeline.gold.annotation_tools`.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from pipeline.records import Article, write_schema

GOLD_SCHEMA = "gold.schema.json"


class GoldError(ValueError):
    """A gold file or spec that is wrong, with where."""


class GoldNotFound(GoldError):
    """No gold article where gold was asked for: the location is missing or holds no gold file."""


class IgnoreRegion(BaseModel):
    """A stretch of the text where predictions are not scored, and why."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    start: int = Field(ge=0, description="Start character offset into article.text.")
    end: int = Field(ge=0, description="End character offset (exclusive) into article.text.")
    reason: str = Field(description="Why it is not scored ('not annotated', 'FIN: a stock index').")


class GoldArticle(Article):
    """A gold article: the record contract plus the regions scoring leaves out."""

    ignore: list[IgnoreRegion] = Field(default_factory=list, description="Regions where predictions count neither way.")

    @model_validator(mode="after")
    def _regions_inside_text(self) -> GoldArticle:
        for region in self.ignore:
            if not 0 <= region.start < region.end <= len(self.text):
                raise ValueError(f"{self.id}: ignore region {region.start}-{region.end} is outside the text "
                                 f"(length {len(self.text)})")
        return self


def load_gold(location: str | Path) -> dict[str, GoldArticle]:
    """Every gold article in a JSONL file or under a folder (*.jsonl, recursively, specs left out), by id.

    GoldNotFound (one line) when the location is missing or holds no gold article.
    """
    gold: dict[str, GoldArticle] = {}
    location = Path(location)
    if not location.exists():
        raise GoldNotFound(f"gold {location}: no such file or folder")
    paths = [location] if location.is_file() else [p for p in sorted(location.rglob("*.jsonl"))
                                                   if not p.name.endswith(".spec.jsonl")]
    if not paths:
        raise GoldNotFound(f"gold {location}: no gold article found (no .jsonl gold file in the folder)")
    for path in paths:
        for article in read_gold_file(path):
            if article.id in gold:
                raise GoldError(f"{path}: duplicate gold article id {article.id!r}")
            gold[article.id] = article
    if not gold:
        raise GoldNotFound(f"gold {location}: no gold article found (no record in {len(paths)} file(s))")
    return gold


def read_gold_file(path: str | Path) -> Iterator[GoldArticle]:
    """The gold articles of one JSONL file; a bad line raises GoldError naming file and line."""
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                yield GoldArticle.model_validate_json(line)
            except ValidationError as err:
                raise GoldError(f"{path}:{number}: {err}") from err


def write_gold_schema(folder: Path) -> Path:
    """Write the gold format's JSON Schema into the folder (made if missing) as `gold.schema.json`; returns its path."""
    return write_schema(folder, GoldArticle, GOLD_SCHEMA)
