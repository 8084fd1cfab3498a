"""Roles a paragraph gives in the sentence before or after its event (real model, sentences written here, read by
hand): the regulator that charged the company pays a penalty to settle with; "the penalty, imposed by X" and "the
round was led by Y" name the authority and the investor; a takeover approach received is a plan, and "the offer,
which values the company at" its value. A figure in the later sentence dates no fine ("the penalty equals 4% of
its sales in 2022"), and a later purchase of "the stake" by the same buyer is the first one told again (its price
is the first one's; a sale of the stake to another is a second event). Workers who will lose their jobs are the
employer's that says so ("..., the company said" too), not a union's nor a statistics office's; the month of an
agreement ("agreed in May 2025 to pay") dates what is agreed.
"""

from tests.nlp.test_events import event, events


def test_the_regulator_that_charged_the_company_is_the_authority_of_its_settlement():
    assert events("The Securities and Exchange Commission charged Dunmore Capital with misleading clients. The firm "
                  "agreed to pay a $9 million penalty to settle the case.") == [
        event("penalty", "pay", "announced", "authority=SEC",
              "penalized=Dunmore Capital", "value=$9 million")]


def test_the_court_that_imposed_the_penalty_is_its_authority():
    assert events("Harlech Water was fined 3 million pounds on Friday for polluting a river. The penalty, imposed by "
                  "Swansea Crown Court, is the largest of its kind.") == [
        event("penalty", "fined", "completed", "penalized=Harlech Water", "authority=Swansea Crown Court",
              "value=3 million pounds")]


def test_who_led_the_round_invested_in_it():
    [found] = events("Kovo Health raised $40 million in a Series B round. The round was led by Index Ventures, the "
                     "company said.")
    assert found[:3] == ("investment", "raised", "completed")
    assert {"recipient=Kovo Health", "investor=Index Ventures", "value=$40 million"} <= found[3]


def test_an_approach_received_is_a_plan_and_the_offer_later_values_it():
    assert events("Tenby Media has received a takeover approach from private equity firm Ostrander Capital. The board "
                  "is considering the offer, which values the company at 500 million pounds.") == [
        event("acquisition", "takeover", "planned", "acquirer=Ostrander Capital", "target=Tenby Media",
              "value=500 million pounds")]


def test_a_later_figure_dates_no_fine():
    [fine] = events("The State Administration for Market Regulation fined Zhenkai Foods 90 million yuan on Wednesday. "
                    "The penalty equals 3 percent of the company's sales in 2024.")
    assert fine[:3] == ("penalty", "fined", "completed") and not any(r.startswith("date=") for r in fine[3])


def test_a_later_purchase_of_the_stake_by_the_same_buyer_restates_the_first():
    assert events("Brixton Energy has bought a 30% stake in wind developer Fjellvind Kraft. Brixton paid 1.8 billion "
                  "Norwegian crowns for the stake.") == [
        event("acquisition", "bought", "completed", "acquirer=Brixton Energy", "target=Fjellvind Kraft",
              "value=1.8 billion Norwegian crowns")]
    sold = events("Ostrander Capital bought a 20% stake in Pellow Retail in March. It sold the stake to Hawley "
                  "Partners in June.")
    assert [e[1] for e in sold] == ["bought", "sold"]


def test_workers_who_will_lose_their_jobs_are_the_speaking_employers():
    assert events("Dellmont Foods said about 350 workers will lose their jobs.") == [
        event("job_cuts", "lose", "announced", "company=Dellmont Foods", "count=350 workers")]
    assert events("Castell Foods will close its creamery in Devon. About 120 workers will lose their jobs, the "
                  "company said.") == [
        event("job_cuts", "lose", "announced", "company=Castell Foods", "count=120 workers")]
    assert events("About 2,000 workers lost their jobs in the region last year, the union Unite said.") == []
    assert events("Eurostat reports that 90,000 jobs were lost across the euro zone in March.") == []


def test_the_month_of_an_agreement_dates_the_payment_agreed():
    [found] = events("Dunmore Bank agreed in May 2025 to pay $45 million to settle SEC charges.")
    assert found[:3] == ("penalty", "pay", "announced") and "date=May 2025" in found[3]
