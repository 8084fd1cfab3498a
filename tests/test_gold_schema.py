from pathlib import Path

from pipeline.cli import gold_schema_text


def test_committed_gold_schema_matches_the_model():
    committed = Path(__file__).resolve().parents[1] / "schemas" / "gold.schema.json"
    assert committed.read_text(encoding="utf-8") == gold_schema_text(), "run `factwire gold schema` and commit schemas/"
