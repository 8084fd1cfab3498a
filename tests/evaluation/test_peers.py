"""Other projects' money and number suites, read in place from the outside data folder (`peer/`)."""

import pytest

from pipeline.evaluation.peers import PEER_FOLDER, excluded, report, run_all

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
    return run_all(data_dir / PEER_FOLDER)


@pytest.mark.parametrize("suite", sorted(FLOORS))
def test_accuracy_floor(results, suite):
    result = results[suite]
    accuracy = result.currency_ok / result.expected
    assert accuracy >= FLOORS[suite], f"{suite}: {accuracy:.3f}\n" + "\n".join(result.failures[:20])


def test_no_amount_where_none_is_expected(results):
    result = results["recognizers_currency_en.jsonl"]
    assert result.false_positives == 0, result.failures


def test_every_suite_is_found_and_reported(results):
    assert set(results) == set(FLOORS)
    lines = report(results, failures=2)
    assert lines[0].startswith("recognizers_currency_en.jsonl ") and "excluded" in lines[0]
    assert any(line.startswith("  excluded ") and "crypto-currencies" in line for line in lines)


def test_exclusions_name_their_reason():
    assert excluded("recognizers", {"text": "5 bitcoin", "expected": [{"unit": "Bitcoin", "value": 5}]}) == \
        "crypto-currencies have no ISO 4217 code"
    assert excluded("recognizers", {"text": "$5", "expected": [{"unit": "Dollar", "value": 5}]}) is None
