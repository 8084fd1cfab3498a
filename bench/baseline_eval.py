"""Score factwire and bare en_core_web_sm (naive normalization) on the same gold, in one run.

The baseline is what a user gets without factwire: the model's ORG / MONEY /
CARDINAL / DATE entities, the ORG text as the name, MONEY parsed with a naive
"symbol or word + number" reading, a CARDINAL with the next noun as the count,
and dateparser on DATE spans. It prints, for both, value-level P / R / F1 per
fact type and the span-level table (SemEval schemes, value accuracy).

    python bench/baseline_eval.py tests/data/unseen/test.jsonl meantime:test articles/gold

`meantime:test` and `meantime:dev` name MEANTIME's splits, read in place from
the outside data folder ($FACTWIRE_DATA, else ../shared/data) through the
MEANTIME importer.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import spacy

from pipeline.evaluation import load_gold_set, predict_for_gold, score_articles, score_spans, span_table
from pipeline.nlp.loader import model_name
from pipeline.normalize.dates import normalize_date
from pipeline.normalize.numbers import decimal_string, parse_number
from pipeline.records import Article, Count, DateFact, Mention, Money, Organization

ROOT = Path(__file__).resolve().parents[1]
_NAIVE_CURRENCY = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "dollar": "USD", "euro": "EUR", "pound": "GBP",
                   "yen": "JPY", "yuan": "CNY"}


def _naive_money(text: str) -> tuple[str, str] | None:
    number = re.search(r"\d[\d,.]*(?:\s+(?:thousand|million|billion|trillion))?", text)
    code = next((c for k, c in _NAIVE_CURRENCY.items() if k in text.lower()), None)
    value = parse_number(number.group()) if number else None
    return (decimal_string(value), code) if value is not None and code else None


def bare_article(nlp, gold: Article) -> Article:
    doc = nlp(gold.text)
    orgs, money, counts, dates = [], [], [], []
    for ent in doc.ents:
        mention = {"text": ent.text, "start": ent.start_char, "end": ent.end_char}
        if ent.label_ == "ORG":
            orgs.append(Organization(name=ent.text, mentions=[Mention(**mention)]))
        elif ent.label_ == "MONEY" and (parsed := _naive_money(ent.text)):
            money.append(Money(**mention, amount=parsed[0], currency=parsed[1]))
        elif ent.label_ == "CARDINAL" and ent.end < len(doc) and doc[ent.end].pos_ == "NOUN":
            value = parse_number(ent.text)
            if value is not None:
                counts.append(Count(**mention, value=float(value), item=doc[ent.end].lemma_.lower(), item_text=doc[ent.end].text))
        elif ent.label_ == "DATE" and (parsed := normalize_date(ent.text)):
            dates.append(DateFact(**mention, value=parsed[0], granularity=parsed[1]))
    return Article(id=gold.id, text=gold.text, organizations=orgs, money=money, counts=counts, dates=dates)


def _gold(name: str) -> dict[str, Article]:
    """A gold set by path, or a MEANTIME split read in place ("meantime:test")."""
    if name.startswith("meantime:"):
        return load_gold_set("$FACTWIRE_DATA/corpora/meantime_aligned.jsonl", ROOT, "meantime", name.split(":")[1])
    return load_gold_set(name, Path("."))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="+", help="gold JSONL files or folders, or meantime:test / meantime:dev")
    args = parser.parse_args()
    nlp = spacy.load(model_name())
    for gold_path in args.gold:
        gold = _gold(gold_path)
        root = Path(gold_path).parent if Path(gold_path).is_dir() else Path(".")
        runs = {"bare en_core_web_sm": {g.id: bare_article(nlp, g) for g in gold.values()},
                "factwire": predict_for_gold(gold, root, None)}
        print(f"\n{gold_path} ({len(gold)} articles)")
        print(f"{'':22}" + "".join(f"{t:>26}" for t in ("organizations", "money", "counts", "dates")))
        for name, predicted in runs.items():
            scores = score_articles(gold, predicted)
            print(f"{name:22}" + "".join(f"   P {s.precision:.2f} R {s.recall:.2f} F1 {s.f1:.2f}" for s in scores.values()))
        for name, predicted in runs.items():
            print(f"\n{name}, spans:\n{span_table(score_spans(gold, predicted))}")


if __name__ == "__main__":
    main()
