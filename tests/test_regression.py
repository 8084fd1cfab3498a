"""Gold regression: every gold set with a committed baseline (tests/baselines/) must keep its scores.

Each baseline holds the scores per label and every article's errors; the test
fails when any score falls by more than the baseline's tolerance and names the
articles and facts that changed. Gold sets of the project are read from the
checkout; outside corpora (`$FACTWIRE_DATA/...`) are read in place and their
tests skip when the data folder is absent. After an intended change:
`factwire gold baseline`.
"""

from pathlib import Path

import pytest

from pipeline.evaluation.baseline import measure_baseline, read_baseline, regressions
from pipeline.evaluation.corpora import is_outside
from pipeline.gold.format import build_gold_file

ROOT = Path(__file__).resolve().parents[1]
BASELINES = sorted((ROOT / "tests" / "baselines").glob("*.json"))
OURS = [p for p in BASELINES if not is_outside(read_baseline(p)["gold"])]
OUTSIDE = [p for p in BASELINES if is_outside(read_baseline(p)["gold"])]
HINT = "\nIf the change is intended: factwire gold baseline && git commit tests/baselines"


@pytest.mark.parametrize("path", OURS, ids=[p.stem for p in OURS])
def test_scores_keep_their_baseline(path):
    baseline = read_baseline(path)
    fallen = regressions(baseline, measure_baseline(baseline, ROOT))
    assert not fallen, "\n".join(fallen) + HINT


@pytest.mark.parametrize("path", OUTSIDE, ids=[p.stem for p in OUTSIDE])
def test_outside_corpus_scores_keep_their_baseline(path, data_dir):
    baseline = read_baseline(path)
    fallen = regressions(baseline, measure_baseline(baseline, ROOT, data=data_dir))
    assert not fallen, "\n".join(fallen) + HINT


def test_every_gold_set_has_a_baseline():
    named = {read_baseline(p)["gold"] for p in BASELINES}
    gold_sets = {"articles/gold", "$FACTWIRE_DATA/corpora/meantime_aligned.jsonl"}
    gold_sets |= {f"tests/data/unseen/{p.name}" for p in (ROOT / "tests" / "data" / "unseen").glob("*.jsonl")}
    assert gold_sets <= named
    assert {(read_baseline(p).get("split")) for p in OUTSIDE} == {"dev", "test"}


def test_gold_files_match_their_specs(tmp_path):
    """Committed gold is exactly what its readable spec builds to."""
    for spec in sorted((ROOT / "articles" / "gold" / "specs").glob("*.spec.jsonl")):
        built = tmp_path / "built.jsonl"
        build_gold_file(spec, ROOT / "articles", built)
        committed = ROOT / "articles" / "gold" / spec.name.replace(".spec.jsonl", ".jsonl")
        assert built.read_text(encoding="utf-8") == committed.read_text(encoding="utf-8"), spec.name
    for spec, split, target in (("unseen_news", "dev", "dev"), ("unseen_news", "test", "test"), ("unseen_news2", None, "dev2"),
                                ("unseen_news3", "dev", "org_dev"), ("unseen_news3", "test", "org_test"),
                                ("unseen_news4", "dev", "org2_dev"), ("unseen_news4", "test", "org2_test")):
        built = tmp_path / f"{target}.jsonl"
        build_gold_file(ROOT / "tests" / "data" / f"{spec}.spec.jsonl", ROOT, built, split)
        assert built.read_text(encoding="utf-8") == (ROOT / "tests" / "data" / "unseen" / f"{target}.jsonl").read_text(encoding="utf-8")
