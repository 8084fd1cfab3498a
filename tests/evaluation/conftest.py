"""The evaluation tests' shared case: the seed's first article's gold against an edited copy of itself."""

from pathlib import Path

import pytest

from pipeline.gold import load_gold
from pipeline.records import DateFact

SEED_GOLD = Path(__file__).resolve().parents[2] / "articles" / "gold" / "000_7262c0a3e9177b2d.jsonl"
FIRST = "000_7262c0a3e9177b2d.txt#1"


@pytest.fixture
def edited_seed():
    """(gold, prediction): the prediction misses '7.9 billion Yuan' and finds a date (2004) in 'Alibaba'."""
    gold = load_gold(SEED_GOLD)[FIRST]
    start = gold.text.index("Alibaba")
    alarm = DateFact(text="Alibaba", start=start, end=start + 7, value="2004", granularity="year")
    return gold, gold.model_copy(update={"money": gold.money[1:], "dates": [*gold.dates, alarm], "events": []})
