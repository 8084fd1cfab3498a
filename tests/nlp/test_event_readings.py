"""Readings found by a hand audit of Wikinews events (real model, sentences written here with invented names).
Each case is one class: an offer "to buy" made with a light verb is a plan; companies bought by number are an
acquisition, not goods; a car sold under its maker's name is a product, no company; "buy and then merge X"
buys X too, and "buy and sell anything" buys no company; a turnover a business "is believed to have" describes
it; a year written into another noun ("a 2004 ruling") dates that noun, not the event; "the two companies"
stands for two organizations or for none; airports are sites, sold by number; "allied" describing a noun
forms no partnership; "X was founded ... and purchased by Y" is X bought, though the parse sees no passive; "wishes
to purchase" is a plan; a maximum fine, a fine "of up to", "either a fine or prison" and a fine someone faces
are caps, alternatives or prospects, no fine imposed; goods named after a company ("Reuters content") buy no company.
Seventh round: "hopes to buy" is a plan (the lemmatizer reads "hopes" as "hop"); a plan "contemplated ... but
declined" is negated, not one "declined to comment" on.
"""

from tests.nlp.test_events import event, events


def test_an_offer_made_to_buy_is_a_plan():
    [bid] = events("Hollis Group made its third offer for $5 billion to buy Calgary-based Pinebrook Energy Trust.")
    assert bid[:3] == ("acquisition", "buy", "planned") and "target=Pinebrook Energy Trust" in bid[3]
    [accepted] = events("Pinebrook Energy Trust accepted an offer to buy it from Hollis Group.")
    assert accepted[2] != "planned"


def test_companies_bought_by_number_are_an_acquisition_and_carriers_ordered_are_goods():
    [bought] = events("Vantor Holdings said it bought three companies in the United States last year.")
    assert bought[:3] == ("acquisition", "bought", "completed")
    [ordered] = events("Shipping group Solvang Lines ordered four LNG carriers from Hyundai Heavy Industries.")
    assert ordered[0] == "contract" and "count=four LNG carriers" in ordered[3]


def test_a_car_sold_under_its_makers_name_is_no_company():
    assert events("Regulators in Ontario have stopped the sale of the Toyota Corolla over brake concerns.") == []


def test_an_object_shared_by_two_verbs_is_the_object_of_both():
    assert events("Kestrel Labs agreed to buy and then merge Vantor Group.") == [
        event("acquisition", "buy", "announced", "acquirer=Kestrel Labs", "target=Vantor Group"),
        event("acquisition", "merge", "announced", "acquirer=Kestrel Labs", "target=Vantor Group")]
    assert events('"It is about the freedom to buy and sell anything," said Dana Brill of Kestrel Labs.') == []


def test_a_turnover_a_business_is_believed_to_have_describes_it():
    assert events("The units, which are believed to have a yearly turnover of over 1 billion euros, include 35 "
                  "depots.") == []


def test_a_year_written_into_another_noun_does_not_date_the_event():
    [fined] = events("Marlow Soft was fined 280 million euros by the European Commission for not complying with a "
                     "2004 antitrust ruling.")
    assert not any(r.startswith("date") for r in fined[3])
    [signed] = events("Marlow Soft signed a 2025 supply deal worth 40 million euros with Vantor Group.")
    assert "date=2025" in signed[3]


def test_the_two_companies_stand_for_two_organizations_or_none():
    [intent] = events("Marlow Corp announced its intent to acquire the two companies.")
    assert intent[:3] == ("acquisition", "acquire", "planned") and intent[3] == {"acquirer=Marlow"}


def test_sites_sold_by_number_are_an_acquisition():
    """"will sell three of its airports": sites change hands (a few of them, not "1.4 million of the units")."""
    [sale] = events("Heathfield Airports Ltd will sell three of its airports within two years.")
    assert sale[:3] == ("acquisition", "sell", "announced") and "seller=Heathfield Airports" in sale[3]
    assert events("Apple has already sold 1.4 million of the units in the US.") == []


def test_a_participle_describing_a_noun_is_no_event():
    assert events("Dana Brill said the deal was a win for allied industrial cooperation and for Kestrel "
                  "Aerospace.") == []


def test_a_verb_joined_to_a_passive_is_passive_too():
    [bought] = events("Halden Media was founded in 2003 by Chris Dale and purchased for $580 million by Vantor "
                      "Corp in 2005.")
    assert bought[3] >= {"target=Halden Media", "acquirer=Vantor"}


def test_a_wish_to_buy_is_a_plan():
    [wish] = events("Vantor Corp owns 39% of Halden Media, but wishes to purchase the other 61% for $7.8 billion.")
    assert wish[:3] == ("acquisition", "purchase", "planned")


def test_a_penalty_cap_alternative_or_prospect_is_no_fine_imposed():
    assert events("The law sets a maximum fine of $37,500 for each vehicle that breaks the rules.") == []
    assert events("Marlow Soft Inc faces a fine of up to $10 million.") == []
    assert events("The two Marlow Soft executives face either a fine of $4,000 or three months in prison.") == []
    assert events("Dana Black faces a maximum of 35 years in prison and a $1 million fine at his sentencing.") == []
    [fined] = events("Marlow Soft Inc was fined $10 million by the regulator.")
    assert fined[:3] == ("penalty", "fined", "completed")


def test_goods_named_after_a_company_are_no_company_bought():
    """"purchase Reuters content", "the NBC ad was bought": the company names the goods and takes no part; with a
    buyer named, "the Instagram app" stands for the company."""
    assert events("News sites that purchase Reuters content for their print editions can use it online.") == []
    assert events("The NBC ad, which was bought to launch a new promotion, may have cost as much as $3 million.") == []
    assert events("Honda also unveiled its latest model, a US version of the Honda Jazz sold in other markets.") == []
    [app] = events("Facebook agreed to purchase the Instagram photo-sharing app for $1 billion.")
    assert app[3] >= {"acquirer=Facebook", "target=Instagram"}


def test_analysts_forecast_and_a_trade_at_large_are_no_events():
    """Distractors in the style of market reports: analysts' forecast, a trade's spending at large."""
    assert events("Analysts at Hallam Bank cut their forecast for Vantor Group's 2025 revenue to $3.1 billion.") == []
    [own] = events("Vantor Group raised its forecast for 2025 revenue to $3.1 billion.")
    assert own[:3] == ("financial_result", "forecast", "planned")
    assert events("Oil companies have spent more than $50 billion on exploration in the North Sea.") == []
    [cut] = events("Vantor Group cut 500 jobs in 2020.")
    assert cut[:3] == ("job_cuts", "cut", "completed")


def test_talks_that_ended_or_an_act_that_failed_are_negated():
    [talks] = events("The merger talks between Vantor Group and Marlow Holdings ended without a deal in 2019.")
    assert talks[:3] == ("acquisition", "merger", "negated")
    [failed] = events("Vantor Group failed to buy Marlow Holdings.")
    assert failed[2] == "negated"


def test_a_home_bought_units_sold_by_number_and_a_loan_obtained_are_no_business_deal():
    """From the fourth round of the audit: "their home purchase" buys a home; "more units of its Xbox" are goods
    (two units sold to a company are businesses); a loan package obtained is financing, no contract."""
    assert events("A survey found that 40% of young buyers made no down-payment on their home purchase in "
                  "2019.") == []
    assert events("Microsoft expects to sell more units of its Xbox One console.") == []
    [units] = events("Vantor Group sold two units to Marlow Holdings for $300 million.")
    assert units[3] >= {"seller=Vantor Group", "acquirer=Marlow Holdings"}
    assert events("The government said it would cut spending to obtain a loan package from the EU and the "
                  "International Monetary Fund.") == []


def test_an_amount_before_a_deal_noun_is_no_thing_bought():
    [merger] = events("Dana Brill presided over the multi-billion dollar merger between Vantor Group and Marlow "
                      "Holdings in 2015.")
    assert merger[:3] == ("acquisition", "merger", "completed")


def test_a_headline_passive_infinitive_is_announced_and_some_businesses_are_no_one():
    """Sixth audit round: "X to be bought by Y" is announced like "Y to buy X"; "some businesses closed" during a
    strike is no company's act."""
    [bought] = events("Halden Media to be bought by Vantor Group for $2 billion")
    assert bought[:3] == ("acquisition", "bought", "announced")
    assert events("Nearly a million commuters were stranded and some businesses closed as transit workers walked off "
                  "the job.") == []


def test_hoping_to_buy_is_a_plan_and_a_plan_declined_is_negated():
    [hope] = events("Marlow Foods hopes to buy rival Brenwick Bakeries for $300 million.")
    assert hope[:3] == ("acquisition", "buy", "planned")
    [declined] = events("Orbis Media and Halden Group contemplated purchasing the network but declined.")
    assert declined[:3] == ("acquisition", "purchasing", "negated")
    [comment] = events("Halden Group considered buying Torsby Timber and declined to comment on the talks.")
    assert comment[:3] == ("acquisition", "buying", "planned")
