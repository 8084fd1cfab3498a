"""Gold regression: every gold set with a committed baseline (tests/baselines/) must keep its scores.

Each baseline holds the scores per label and every article's errors; the test
fails when any score falls by more than the baseline's tolerance and names the
articles and facts that changed. Gold sets of the project are read from the
checkout; outside corpora (`$FACTWIRE_DATA/...`) are read in place and their
tests skip when the data folder is absent. After an intended change:
`factwire gold baseline`. (That committed gold is what its spec builds to is
`tests/gold/test_specs.py`.)
"""

from pathlib import Path

import pytest

from pipeline.evaluation import is_outside, measure_baseline, read_baseline, regressions

ROOT = Path(__file__).resolve().parents[2]
BASELINES = sorted((ROOT / "tests" / "baselines").glob("*.json"))
OURS = [p for p in BASELINES if not is_outside(read_baseline(p)["gold"])]
OUTSIDE = [p for p in BASELINES if is_outside(read_baseline(p)["gold"])]
HINT = "\nIf the change is intended: factwire gold baseline && git commit tests/baselines"


def test_the_baselines_are_found():
    assert len(OURS) >= 8 and len(OUTSIDE) == 2


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
    for folder in ("unseen", "events"):
        gold_sets |= {f"tests/data/{folder}/{p.name}" for p in (ROOT / "tests" / "data" / folder).glob("*.jsonl")}
    assert gold_sets <= named
    assert {(read_baseline(p).get("split")) for p in OUTSIDE} == {"dev", "test"}
