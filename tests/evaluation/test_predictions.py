"""The predictions scored: read from a file (refused with one line when unusable), or extracted for the gold."""

from pathlib import Path

import pytest

from pipeline.evaluation import PredictionsError, check_ids, predict_for_gold, read_predictions, scoreable
from pipeline.gold import GoldArticle, IgnoreRegion, load_gold
from pipeline.records import Article, Count

ROOT = Path(__file__).resolve().parents[2]
SEED_GOLD = ROOT / "articles" / "gold" / "000_7262c0a3e9177b2d.jsonl"


def written(folder, content, name="pred.jsonl"):
    path = folder / name
    path.write_bytes(content) if isinstance(content, bytes) else path.write_text(content, encoding="utf-8")
    return path


@pytest.mark.parametrize("content, message", [
    (None, r"predictions .*pred.jsonl: no such file$"),
    (b"PK\x03\x04\xff\xfe\x00", r"predictions .*pred.jsonl: not UTF-8 text, so not JSONL records$"),
    ("id,text\na,b\n", r"predictions .*pred.jsonl:1: not an article record \(Invalid JSON: .*\)$"),
    ('{"id": "a#1"}\n', r"predictions .*pred.jsonl:1: not an article record \(text: Field required\)$"),
    ("\n\n", r"predictions .*pred.jsonl: no records$"),
], ids=["missing", "binary", "csv", "not a record", "empty"])
def test_unusable_predictions_are_refused_in_one_line(tmp_path, content, message):
    path = tmp_path / "pred.jsonl" if content is None else written(tmp_path, content)
    with pytest.raises(PredictionsError, match=message) as raised:
        read_predictions(path)
    assert "\n" not in str(raised.value)
    with pytest.raises(PredictionsError, match=r"a folder, not a JSONL file"):
        read_predictions(tmp_path)


def test_predictions_are_read_by_id():
    gold = load_gold(SEED_GOLD)
    predicted = read_predictions(SEED_GOLD)  # gold records are article records too
    assert predicted.keys() == gold.keys() and all(type(a) is Article for a in predicted.values())
    check_ids(gold, predicted, "seed")


def test_predictions_naming_no_gold_article_are_refused():
    gold = load_gold(SEED_GOLD)
    other = {"x.txt#1": Article(id="x.txt#1", text="")}
    with pytest.raises(PredictionsError, match=r"^p.jsonl: no article id matches a gold id \(1 predicted, e.g. 'x.txt#1'; 2 gold"):
        check_ids(gold, other, "p.jsonl")
    check_ids(gold, {**other, **{k: v for k, v in list(gold.items())[:1]}}, "p.jsonl")  # one match is enough


def test_gold_without_a_file_is_extracted_from_its_own_text():
    text = "Nike said it will cut 500 jobs."
    predicted = predict_for_gold({"n#1": GoldArticle(id="n#1", text=text)}, ROOT / "nowhere", None)
    assert [(c.value, c.item) for c in predicted["n#1"].counts] == [(500, "job")]


def test_gold_with_files_is_extracted_from_them_under_the_root():
    gold = load_gold(SEED_GOLD)
    assert predict_for_gold(gold, ROOT / "articles", None).keys() == gold.keys()
    assert predict_for_gold(gold, ROOT / "tests" / "data" / "unseen", None) == {}


def test_scoreable_drops_predicted_facts_in_ignore_regions():
    text = "Nike cut 500 jobs. Adidas cut 20 jobs."
    gold = GoldArticle(id="n#1", text=text, ignore=[IgnoreRegion(start=19, end=len(text), reason="not annotated")])
    jobs = [Count(text=t, start=text.index(t), end=text.index(t) + len(t), value=v, item="job", item_text="jobs")
            for t, v in (("500 jobs", 500), ("20 jobs", 20))]
    kept = scoreable(gold, Article(id="n#1", text=text, counts=jobs))
    assert [c.value for c in kept.counts] == [500]
    assert scoreable(gold, None) is None
