"""Other projects' money and number suites, read in place from the outside data folder (`peer/`)."""

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("peer_suites", ROOT / "bench" / "peer_suites.py")
peer_suites = sys.modules.setdefault("peer_suites", importlib.util.module_from_spec(_spec))
_spec.loader.exec_module(peer_suites)

#: Accuracy floors (amount and currency both right), from the acceptance of the money issue and measured figures.
FLOORS = {
    "recognizers_currency_en.jsonl": 0.95,
    "duckling_money_en.jsonl": 0.90,
    "quantulum3_en.jsonl": 0.80,
    "number_parser_en.jsonl": 0.95,
    "number_parser_en.jsonl (sentences)": 0.90,
    "duckling_numeral_en.jsonl": 0.75,
}


@pytest.fixture(scope="module")
def results(nlp, data_dir):
    return peer_suites.run_all(data_dir / "peer")


@pytest.mark.parametrize("suite", sorted(FLOORS))
def test_accuracy_floor(results, suite):
    result = results[suite]
    accuracy = result.currency_ok / result.expected
    assert accuracy >= FLOORS[suite], f"{suite}: {accuracy:.3f}\n" + "\n".join(result.failures[:20])


def test_no_amount_where_none_is_expected(results):
    result = results["recognizers_currency_en.jsonl"]
    assert result.false_positives == 0, result.failures
