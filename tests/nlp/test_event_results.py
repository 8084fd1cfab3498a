"""Financial results stated without a reporting verb, on the real model: "net income was", a list line of
figures, "made a profit of", a change verb whose level the parser hangs apart ("to £1.3bn"), a figure that doubled or
halved.

Each text is written for this test (invented companies); the events are read from it by hand.
"""

import pytest

from pipeline.extraction import extract


def results(text: str, published: str | None = None) -> list[tuple[str, frozenset[str]]]:
    """Each financial result: its trigger's first word and its value, metric and period as written."""
    article = extract(text, published=published)
    found = []
    for event in article.events:
        if event.type != "financial_result":
            continue
        roles = set()
        for role in event.roles:
            if role.ref is None:
                roles.add(f"{role.role}={role.value}")
            elif role.role in ("value", "period"):
                kind, index = role.ref.split("/")
                roles.add(f"{role.role}={getattr(article, kind)[int(index)].text}")
        found.append((event.trigger.text.split()[-1], frozenset(roles)))
    return found


def test_the_metric_as_subject_of_be_states_its_figure():
    text = "Corwell Systems said its net income was $96 million, while net sales in 2023 were $1.4 billion."
    assert results(text) == [("income", frozenset({"value=$96 million", "metric=net_profit"})),
                             ("sales", frozenset({"value=$1.4 billion", "metric=sales", "period=2023"}))]


def test_list_lines_of_figures_are_results_each_with_its_own_figures():
    text = ("Corwell Systems reported results on Thursday.\n\nHighlights\n\n"
            "- Revenue of $212.4 million, compared with $180.2 million a year ago.\n"
            "- Net loss of $8.3 million, or $0.07 per share.\n")
    assert results(text) == [
        ("Revenue", frozenset({"value=$212.4 million", "metric=revenue"})),
        ("with", frozenset({"value=$180.2 million", "metric=revenue"})),
        ("loss", frozenset({"value=$8.3 million", "metric=net_loss"}))]


def test_a_label_and_colon_line_states_a_result():
    text = ("Corwell Systems, a Leeds robotics maker, gave its figures.\n"
            "Revenue: €9.6 million in 2023, up from €4.2 million in 2022")
    assert results(text)[0] == ("Revenue", frozenset({"value=€9.6 million", "metric=revenue", "period=2023"}))


def test_made_a_profit_of_is_a_result():
    text = "Corwell Systems made a pre-tax profit of £18.1m in 2023."
    assert results(text) == [("made", frozenset({"value=£18.1m", "metric=profit", "period=2023"}))]


@pytest.mark.parametrize(("text", "trigger"), [
    ("Corwell Systems' pre-tax profit more than doubled to £1.1 billion in 2023.", "doubled"),
    ("Corwell Systems' profit halved to £1.1 billion in 2023.", "halved"),
])
def test_a_figure_that_doubles_or_halves_is_a_result(text, trigger):
    assert results(text) == [(trigger, frozenset({"value=£1.1 billion", "metric=profit", "period=2023"}))]


@pytest.mark.parametrize("text", [
    "Corwell Systems said revenue slipped 3pc to £1.3bn.",
    "Corwell Systems said revenue rose 4 per cent to £1.3bn.",
])
def test_the_level_reached_is_the_value_however_the_amount_is_attached(text):
    assert [value for _, roles in results(text) for value in roles if value.startswith("value=")] == ["value=£1.3bn"]


@pytest.mark.parametrize("text", [
    "Corwell Systems said the market for warehouse robots was $4 billion last year.",
    "Corwell Systems made an offer of $500 million for a rival.",
    "Revenue growth was strong, Corwell Systems said.",
])
def test_no_result_without_a_metric_and_its_figure(text):
    assert results(text) == []


def test_an_expected_figure_the_company_itself_reports_is_its_forecast():
    text = "Revenue is expected to reach $4 billion this year, Corwell Systems said."
    assert results(text) == [("reach", frozenset({"value=$4 billion", "metric=revenue"}))]


def test_the_day_a_result_is_reported_is_no_period():
    """"X on Tuesday reported a rise in operating profit to ...": the day it was told, not a period the result
    covers."""
    text = ("Danish shipper Nordhavn Fragt A/S on Tuesday reported a 7% rise in third-quarter operating profit to "
            "2.1 billion crowns.")
    found = results(text, published="2024-11-05")
    assert found and not any("period=Tuesday" in roles for _, roles in found)


def test_a_later_paragraph_of_figures_is_about_the_quarter_the_lead_gave():
    text = ("Vossdorf AG said on Thursday that its orders rose 18% to 2.3 billion euros in the October-December "
            "quarter.\n\nRevenue rose 6% to 1.94 billion euros, while operating profit increased 11% to 231 million "
            "euros.")
    found = results(text, published="2024-02-08")
    assert len(found) == 3 and all("period=October-December quarter" in roles for _, roles in found)


def test_a_later_result_dated_in_its_own_sentence_takes_no_earlier_period():
    """"an improvement from 2008, when the company posted a loss": the sentence dates it, not the lead."""
    text = ("Vossdorf AG said on Thursday that its orders rose 18% to 2.3 billion euros in the October-December "
            "quarter.\n\nThe figures are an improvement from 2008, when the company posted a loss of close to 1.5 "
            "billion euros.")
    found = dict(results(text, published="2024-02-08"))
    assert "period=October-December quarter" not in found["posted"]
