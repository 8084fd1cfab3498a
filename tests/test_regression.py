"""Gold regression: the pipeline on the bundled gold sets must keep each fact type's F1 at or above its floor."""

import json
from pathlib import Path

import pytest

from pipeline.cli import predict_for_gold
from pipeline.evaluate import format_scores, score_articles
from pipeline.gold import build_gold_file, load_gold

ROOT = Path(__file__).resolve().parents[1]
FLOORS = json.loads((ROOT / "tests" / "floors.json").read_text(encoding="utf-8"))
GOLD_SETS = [name for name in FLOORS if not name.startswith("_")]


@pytest.fixture(scope="module", params=GOLD_SETS)
def scored(request, nlp):
    gold_path = ROOT / request.param
    gold = load_gold(gold_path)
    root = gold_path.parent if gold_path.is_dir() else ROOT
    return request.param, score_articles(gold, predict_for_gold(gold, root, None))


@pytest.mark.parametrize("fact_type", ["organizations", "money", "counts", "dates"])
def test_f1_stays_above_floor(scored, fact_type):
    name, scores = scored
    floor = FLOORS[name][fact_type]
    assert scores[fact_type].f1 >= floor, f"{name}: {fact_type} F1 {scores[fact_type].f1:.3f} < floor {floor}\n" \
                                         + format_scores({fact_type: scores[fact_type]})


def test_gold_files_match_their_specs(tmp_path):
    """Committed gold is exactly what its readable spec builds to."""
    for spec in sorted((ROOT / "articles" / "gold" / "specs").glob("*.spec.jsonl")):
        built = tmp_path / "built.jsonl"
        build_gold_file(spec, ROOT / "articles", built)
        committed = ROOT / "articles" / "gold" / spec.name.replace(".spec.jsonl", ".jsonl")
        assert built.read_text(encoding="utf-8") == committed.read_text(encoding="utf-8"), spec.name
    for spec, split, target in (("unseen_news", "dev", "dev"), ("unseen_news", "test", "test"), ("unseen_news2", None, "dev2"),
                                ("unseen_news3", "dev", "org_dev"), ("unseen_news3", "test", "org_test")):
        built = tmp_path / f"{target}.jsonl"
        build_gold_file(ROOT / "tests" / "data" / f"{spec}.spec.jsonl", ROOT, built, split)
        assert built.read_text(encoding="utf-8") == (ROOT / "tests" / "data" / "unseen" / f"{target}.jsonl").read_text(encoding="utf-8")
