from pathlib import Path

from pipeline.cli import schema_text


def test_committed_schema_matches_the_models():
    committed = Path(__file__).resolve().parents[1] / "schemas" / "article.schema.json"
    assert committed.read_text(encoding="utf-8") == schema_text(), "run `factwire schema` and commit schemas/"
