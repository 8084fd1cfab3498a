"""What is only possible is no event, and who acts when the parse hides it (real model, sentences written here, read by
hand). Each case is one class: a question, a rumour, a possibility left open ("has not ruled out"), a thing
described under a condition, a tally over years or of a trade at large, an event word naming a kind of thing
("investment banking", "takeover battle"), a company formed through a merger of others unnamed, bonds sold, the
staff of a combined group or a venture just formed; an analysts' figure beside a company's own forecast; the company
of a sentence opening with a participle ("Struggling retailer X will close"), "the company" when the speaker named
after it is another ("..., the union Y said"), "its" on the object of a verb (the verb's subject), the first of two
names the parse hung on the second ("X and battery maker Y have set up"), the buyer of a service contract ("to haul
freight for X"), the owner of a new site that will employ staff, a bare plural named by the names after it ("fined
carmakers X and Y"); a venture set up is made, a present tense beside a future act shares its time, "closes three
factories in Ireland" is a closure ("in" with its place is no particle, unlike "closing in on"), money put into a
company is invested, and well-known investors and armed forces are organizations.
"""

import pytest

from tests.nlp.test_events import event, events

POSSIBLE_ONLY = {
    "a question": "Will Dunmore Foods close its plant in Leeds? The company would not comment on Tuesday.",
    "a question after its verb": "Would Parrish Bank buy Welland Trust for $2 billion?",
    "a rumour that it may sell": "Rumours that Ormsby Media was preparing to sell its radio unit to Castor Group "
                                 "lifted its shares on Friday.",
    "speculation about a purchase": "Halvern Group declined to comment on speculation that it was in talks to "
                                    "buy Tessly Foods.",
    "a sale not ruled out": "Brixton Oil has not ruled out selling its refinery in Texas to Norvell Energy, its "
                            "chief executive said.",
    "job cuts not ruled out": "Marlow Air did not rule out cutting 500 jobs if demand stayed weak.",
    "a site under a condition": "Regulators will decide in May whether to approve a terminal for Calder Ports that "
                                "would cost $800 million and employ 400 people.",
    "a tally over recent years": "Brandt Steel has cut thousands of jobs in recent years as it moved work to Poland.",
    "fines added up since a crisis": "The lender has paid more than $6 billion in fines since the financial crisis.",
    "a trade at large": "Banks have closed more than 3,000 branches across Britain since 2015, a survey found.",
    "investment banking": "Calloway Bank's investment banking arm advised on deals worth $80 billion last year.",
    "a takeover battle": "The takeover battle for Tenby Foods, which began in May, has lifted its shares by 40%.",
    "what a merger formed": "Orsund Group was formed through the merger of two family-owned brewers in the 1970s.",
    "debt issued": "Corvan Motors sold $1.5 billion of bonds on Monday to refinance loans due next year.",
    "staff of a combined group": "After the merger, the combined group will employ about 38,000 people.",
}


@pytest.mark.parametrize("text", POSSIBLE_ONLY.values(), ids=POSSIBLE_ONLY.keys())
def test_what_is_only_possible_is_no_event(text):
    assert events(text) == []


def test_the_figure_analysts_had_forecast_is_not_the_companys_own():
    assert events("Tarvin Software expects full-year revenue of about $640 million, above the $610 million "
                  "analysts had forecast.") == [
        event("financial_result", "expects", "planned", "company=Tarvin Software", "value=$640 million",
              "metric=revenue")]


def test_a_sentence_opening_with_a_participle_keeps_its_subject():
    assert events("Struggling carmaker Orlen Motors will shut 3 factories, putting 2,000 jobs at risk, its "
                  "administrators said.") == [
        event("job_cuts", "shut", "announced", "company=Orlen Motors", "count=3 factories")]


def test_the_company_is_the_one_named_before_it_not_the_union_that_speaks_after():
    assert events("About 600 jobs will go at Hesketh Foods after the company decided to close a bakery, the "
                  "union Unite said.") == [
        event("job_cuts", "go", "announced", "company=Hesketh Foods", "count=600 jobs"),
        event("job_cuts", "close", "announced", "company=Hesketh Foods")]


@pytest.mark.parametrize("text, buyer", [
    ("Ferrow Logistics won a five-year contract to haul freight for carmaker Stellmar.", "Stellmar"),
    ("Pellan Services won a £30 million contract to clean hospitals for NHS Lothian.", "NHS Lothian"),
])
def test_the_buyer_of_a_service_contract_is_who_it_is_done_for(text, buyer):
    [found] = events(text)
    assert found[0] == "contract" and f"buyer={buyer}" in found[3]


def test_who_pays_for_a_new_site_employs_its_staff():
    assert events("Corvan Chemicals will spend 300 million euros on a new plant in Ghent that will employ 180 "
                  "people.") == [
        event("investment", "spend", "announced", "recipient=Corvan Chemicals", "value=300 million euros"),
        event("hiring", "employ", "announced", "company=Corvan Chemicals", "count=180 people")]


def test_its_on_the_object_of_a_verb_is_the_verbs_subject():
    found = events("Harwick Foods, which the buyout firm Dalton Partners bought in 2022, has sold its snacks unit to "
                   "Swiss group Nestrel for 80 million euros.")
    assert event("acquisition", "sold", "completed", "seller=Harwick Foods", "acquirer=Nestrel",
                 "value=80 million euros") in found


def test_the_first_of_two_names_the_parse_hung_on_the_second_is_a_party():
    assert events("Kasai Motors and Korean chipmaker Orvel Semiconductor have set up a joint venture to make sensors "
                  "in Ohio.") == [
        event("partnership", "joint venture", "completed", "member=Kasai Motors", "partner=Orvel Semiconductor")]


def test_a_bare_plural_followed_by_its_names_is_named():
    [found] = events("The European Commission fined carmakers Halvern and Dunmore a combined 900 million euros "
                     "for fixing prices.")
    assert found[:3] == ("penalty", "fined", "completed")
    assert {"penalized=Halvern", "authority=European Commission", "value=900 million euros"} <= found[3]


def test_a_present_tense_beside_a_future_act_shares_its_time():
    assert events("Torvald Pharma will cut 900 jobs as it closes three factories in Ireland.") == [
        event("job_cuts", "cut", "announced", "company=Torvald Pharma", "count=900 jobs"),
        event("job_cuts", "closes", "announced", "company=Torvald Pharma", "count=three factories")]


def test_the_owner_of_a_site_that_creates_jobs_is_the_one_building_it():
    assert events("The new factory, which Harlow Motors is building near Leeds, will create 300 jobs.") == [
        event("hiring", "create", "announced", "company=Harlow Motors", "count=300 jobs")]


def test_money_put_into_a_company_is_invested_in_it():
    assert events("Investors including Accel and Lightspeed Venture Partners put $60 million into Kovo Health.") == [
        event("investment", "put", "completed", "recipient=Kovo Health", "investor=Accel",
              "investor=Lightspeed Venture Partners", "value=$60 million")]
    assert events("Analysts put the cost of the merger at $3 billion.") == []
    assert events("Harlow Motors put $1 billion into its pension fund.") == []


def test_an_armed_force_buys_what_it_signs_for():
    [found] = events("The Bundeswehr signed a framework agreement with Marden Defence for up to 500 armoured trucks.")
    assert {"buyer=Bundeswehr", "supplier=Marden Defence"} <= found[3]


def test_the_staff_of_a_venture_just_formed_are_no_new_jobs():
    found = events("Tarvin Steel and Oskar Metall will merge their rail units in a joint venture. Tarvin will own 51% "
                   "of the new company, which will employ 6,000 people.")
    assert found and not any(e[0] == "hiring" for e in found)
