"""Wording beyond the first rules, and words that look like triggers and are not (real model, sentences written
here, read by hand). Each case is one class of error: goods are not companies, "in order to" places no order,
"the benefits of 300 pilots" are no jobs, a fighter jet is no enforcement count, goods sold or money spent on a
campaign (or set aside for losses) are no deal, a payment under an agreement wins none; and general English verbs
for the types ("bid for", "backed ... with", "reduce its workforce", "chose ... for a contract", "collaborate
with", "jobs will go", "lost their jobs", "secured $X in funding", "earmarked $X for"), jobs cut with no one named
but the employer that reports it, headlines ("X to buy Y"), adjectives of intent ("interested in buying").
"""

import pytest

from tests.nlp.test_events import event, events

NO_EVENT = {
    "goods sold": "Marlow Motors sold 250,000 cars in Europe in 2024, up 3%.",
    "a product sold": "Nimbo Labs launched a note-taking app, which it will sell for $9 a month.",
    "benefits of staff cut": "Norvale Airlines cut the pension benefits of its pilots, the union said.",
    "counted interceptors": "The cargo flight was intercepted by two Canadian fighter jets over the Atlantic.",
    "bids rigged": "Regulators said the firms had rigged bids on public road projects for years.",
    "products sold by a company": "Rivelle News has raised new security concerns over the instant lottery tickets "
                                  "sold by the NLGC.",
    "goods sold by a retailer": "Consumer group Which? raised concerns over the heaters sold by Marlow Home.",
    "money spent on a campaign": "Harlow Mining spent $650,000 on an advertising campaign against the new levy.",
    "money spent in an effort": "Vexa Motors said it had spent $2 billion in an effort to avoid bankruptcy.",
    "money spent on nothing named": "Tarn Foods spent $40 million in 2023, the filing showed.",
    "an investment figure that moves": "Foreign investment in Ruritania fell from $6 billion to $375 million.",
    "a payment under an agreement": "Under the agreement, Norvale Pharma will receive $5 million from Astara.",
    "cooperating with investigators": "Tarn Meats said it was cooperating with the FDA investigators on the claims.",
    "planes on order": "At present Skyvale Air has 91 aircraft and 230 on order.",
    "money allocated in a budget, no one named": "Road repairs get a boost in the state budget, with A$3.1 million "
                                                 "allocated for 2024/2025, A$2.2 million allocated for 2025/2026 and "
                                                 "A$1.4 million allocated for 2026/2027.",
    "money set aside for losses": "Cumbria Bancorp allocated $88 million for possible loan losses.",
    "a result others expect, in the passive": "Brightwell Foods is expected to post revenue of $1.3 billion when "
                                              "it reports on Thursday, according to LSEG data.",
    "a result sources call likely": "Tarn Bank is likely to post a loss of about $200 million, two people familiar "
                                    "with the matter said.",
    "money spent every year": "Orwell Media spends about £300 million a year on programmes.",
    "what a company should do": "The union said Halvex Systems should hire 500 more workers to cope with demand.",
    "prices that go up": "Prices at Tarn Retail will go up by 300 points.",
    "jobs that go with no one named": "About 300 jobs went in the region last year.",
    "jobs cut that a union reports": "Some 1,200 jobs will be cut, the Unite union said.",
    "lives lost": "About 30 workers at Tarn Mining lost their lives in the blast.",
    "money lost": "Tarn Mining lost $30 million on the mine.",
    "partnerships sought in general": "Tarn Retail will always seek partnerships with musicians and designers.",
    "mergers in general": "The figures reflect recent industry mergers and acquisitions, including those of Bowne "
                          "Global Solutions and Lexa Translation Inc.",
    "liquidity injected by a central bank": "The Bank of Ruritania injected ¥1 trillion into the financial system.",
    "an injection into the economy announced": "The Ruritanian government announced the injection of 44 billion "
                                               "dollars into the Ruritanian economy.",
    "money pumped into markets": "Tarn Capital pumped $2 billion into the markets last week.",
    "one person sacked": "Tarn Motors sacked its chief executive on Monday.",
    "rounds fired": "Police fired 30 rounds at the crowd.",
    "a fine anyone faces": "Under the law, anyone selling goods with a forged logo faces a fine of up to $50,000.",
    "fines only in prospect": "Tarn Air faces the prospect of paying fines of up to $18 billion.",
    "profits that could be lower": "Tarn Air says profits could be down to €235m by March.",
    "a company's own shares bought back": "The buyback allows Halvex Systems to buy up to 80 million shares for "
                                          "$2 billion.",
}


@pytest.mark.parametrize("text", NO_EVENT.values(), ids=NO_EVENT.keys())
def test_no_event(text):
    assert events(text) == []


def test_in_order_to_is_no_order():
    found = events("Ferro Steel said 14 plants will be closed in order to cut costs.")
    assert "contract" not in [e[0] for e in found]


def test_a_unit_sold_is_still_an_acquisition():
    assert events("Brisco Foods sold its bakery business to Halden Group for $30 million.") == [
        event("acquisition", "sold", "completed", "seller=Brisco Foods", "acquirer=Halden Group", "value=$30 million")]


def test_threatening_to_fine_is_a_plan():
    found = events("The European Commission threatened to fine Marlow Software over its licensing terms.")
    assert [e[:3] for e in found] == [("penalty", "fine", "planned")]


CASES = {
    "bid for, denied": (
        "Harrow Capital denied that it would bid for Castleton Hotels.",
        [event("acquisition", "bid", "negated", "acquirer=Harrow Capital", "target=Castleton Hotels")]),
    "to be bought by": (
        "Trenton Insurance is to be bought by Dutch group Vandermeer Holdings for $2 billion.",
        [event("acquisition", "bought", "announced", "acquirer=Vandermeer Holdings", "target=Trenton Insurance",
               "value=$2 billion")]),
    "backed with": (
        "Investment firm Qalat Holdings backed Paymint Technologies with $250 million in 2023.",
        [event("investment", "backed", "completed", "investor=Qalat Holdings", "recipient=Paymint Technologies",
               "value=$250 million", "date=2023")]),
    "bring in staff": (
        "Quillon Software expects to bring in 2,000 new staff by 2026.",
        [event("hiring", "bring in", "planned", "company=Quillon Software", "count=2,000 new staff", "date=2026")]),
    "collaborate with": (
        "Veltro Semiconductor will collaborate with Kasai Motors on driving software.",
        [event("partnership", "collaborate", "announced", "member=Veltro Semiconductor", "partner=Kasai Motors")]),
    "funding secured, from named investors": (
        "Lumio, a London-based battery start-up, has secured $30 million in funding from Index Ventures.",
        [event("investment", "secured", "completed", "recipient=Lumio", "investor=Index Ventures",
               "value=$30 million")]),
    "money earmarked for a project of its own": (
        "Brightwell Foods has earmarked €500 million for new factories in Poland.",
        [event("investment", "earmarked", "completed", "recipient=Brightwell Foods", "value=€500 million")]),
    "fined an amount by an authority the parse hangs on the amount": (
        "Halvex Systems was fined $25 million by the Federal Trade Commission for misleading customers.",
        [event("penalty", "fined", "completed", "penalized=Halvex Systems", "authority=FTC", "value=$25 million")]),
    "a payment to the authorities": (
        "Tarn Bank agreed to pay $1.9 billion to U.S. authorities over money-laundering failures.",
        [event("penalty", "pay", "announced", "penalized=Tarn Bank", "value=$1.9 billion")]),
    "jobs that go, at a named company's site": (
        "About 400 jobs will go at Kasimir Steel's Duisburg plant.",
        [event("job_cuts", "go", "announced", "company=Kasimir Steel", "count=400 jobs")]),
    "jobs cut in the passive, reported by their employer": (
        "Up to 1,200 posts are to be axed, Brightwell Foods said on Monday.",
        [event("job_cuts", "axed", "announced", "company=Brightwell Foods", "count=1,200 posts")]),
    "jobs that go, reported by their employer": (
        "Some 1,200 jobs will go as part of the restructuring, Brightwell Foods said.",
        [event("job_cuts", "go", "announced", "company=Brightwell Foods", "count=1,200 jobs")]),
    "an investment 'into' a named company": (
        "Polaris Ventures's investment into GreenFuel Technologies was part of an $18 million round.",
        [event("investment", "investment", "completed", "investor=Polaris Ventures", "recipient=GreenFuel Technologies",
               "value=$18 million")]),
    "an investment in a line of business is no liquidity": (
        "Harrow Bank plans to hire 250 engineers as part of a £150 million investment in digital banking.",
        [event("hiring", "hire", "planned", "company=Harrow Bank", "count=250 engineers"),
         event("investment", "investment", "planned", "recipient=Harrow Bank", "value=£150 million")]),
    "money spent on its own plant has no investor, whoever led a rival group": (
        "Bradfield Rail, which beat a consortium led by France's Alstom, said it would spend about A$120 million "
        "upgrading its paint and test facilities.",
        [event("investment", "spend", "announced", "recipient=Bradfield Rail", "value=A$120 million")]),
    "a figure compared with a year before is not the seizure's": (
        "Customs said it had seized 260,000 fake items so far this year, compared with 198,000 items in 2023.",
        [event("enforcement", "seized", "completed", "authority=Customs", "count=260,000 fake items")]),
    "terminals opened are sites": (
        "Ekstrom Logistik AB said it would open three new cross-docking terminals in Poland next year.",
        [event("hiring", "open", "announced", "company=Ekstrom Logistik", "count=three new cross-docking terminals")]),
    "a fund-raising named as such": (
        "Halvex Systems launched a £40 million fund-raising to pay down debt.",
        [event("investment", "fund-raising", "completed", "recipient=Halvex Systems", "value=£40 million")]),
    "staff of a named company who lost their jobs": (
        "About 300 employees of Halvex Systems lost their jobs last year.",
        [event("job_cuts", "lost", "completed", "company=Halvex Systems", "count=300 employees")]),
    "jobs to be lost at a named company": (
        "Some 2,200 jobs will be lost at Brightwell Foods Ltd.",
        [event("job_cuts", "lost", "announced", "company=Brightwell Foods", "count=2,200 jobs")]),
    "a past takeover that could prove something took place": (
        "The recent takeover of Orrin Games by Halvex Media could well prove the catalyst for a sale.",
        [event("acquisition", "takeover", "completed", "acquirer=Halvex Media", "target=Orrin Games")]),
    "workers fired, in a plan": (
        "Tarn Motors was thinking of firing 1,000 workers in Britain.",
        [event("job_cuts", "firing", "planned", "company=Tarn Motors", "count=1,000 workers")]),
    "staff sacked": (
        "Tarn Motors has sacked 120 staff at its Leeds plant.",
        [event("job_cuts", "sacked", "completed", "company=Tarn Motors", "count=120 staff")]),
    "cuts the company itself expects, told by its chief": (
        "Karl Brenner, the Vossdorf AG chief executive, said the company expects to cut about 4,300 jobs.",
        [event("job_cuts", "cut", "planned", "company=Vossdorf", "count=4,300 jobs")]),
}


@pytest.mark.parametrize("text,expected", CASES.values(), ids=CASES.keys())
def test_wording(text, expected):
    assert events(text) == expected


def test_reducing_the_workforce_is_a_job_cut():
    found = events("Telvia Networks will reduce its workforce by 1,500 employees next year.")
    assert [e[:3] for e in found] == [("job_cuts", "reduce", "announced")]
    assert "company=Telvia Networks" in found[0][3]


def test_bidding_for_contracts_or_cooperating_with_an_inquiry_is_no_event():
    assert events("Orvane Aerospace will be allowed to bid for air force launch contracts again.") == []
    assert events("Harlan Music said it was cooperating fully with the inquiry.") == []


def test_an_event_noun_may_be_the_subject_of_a_job_cut():
    found = events("The closure of the Selby mill by Drax Paper eliminated 190 jobs.")
    assert ("job_cuts", "eliminated", "completed") in [e[:3] for e in found]


def test_branches_gained_by_an_acquisition_are_no_hiring():
    found = events("Castor Bank agreed to buy Lydon Savings. The acquisition will bring in 204 new branches.")
    assert "hiring" not in [e[0] for e in found]


HEADLINES = {
    "a name the parse hangs on the verb": (
        "Velmar to buy Orrin Foods for $1.2 billion",
        [event("acquisition", "buy", "announced", "acquirer=Velmar", "target=Orrin Foods", "value=$1.2 billion")]),
    "a progressive without 'is'": (
        "Halvex Foods cutting 300 jobs at Leeds plant",
        [event("job_cuts", "cutting", "announced", "company=Halvex Foods", "count=300 jobs")]),
    "a name with the infinitive hung on it": (
        "Kestrel Air to buy Norda Jet for $300 million",
        [event("acquisition", "buy", "announced", "acquirer=Kestrel Air", "target=Norda Jet",
               "value=$300 million")]),  # what is bought is a company, whatever the model called it
}


@pytest.mark.parametrize("text,expected", HEADLINES.values(), ids=HEADLINES.keys())
def test_a_headline_without_its_auxiliary_is_announced_by_the_name_before_it(text, expected):
    assert events(text) == expected


def test_a_participle_after_its_noun_acts_on_that_noun():
    """"the 800 jobs cut by X": the noun is what is cut (and counted), X the actor; "the chipmaker acquired by X".
    (An undated text resolves no "last year".)"""
    found = events("The 800 jobs cut by Harwell Foods last year were at its Leeds plant.")
    assert found == [event("job_cuts", "cut", "completed", "company=Harwell Foods", "count=800 jobs")]
    found = events("Shares of Instara, the chipmaker acquired by Dovetail Systems for $900 million, rose 3%.")
    assert found == [event("acquisition", "acquired", "completed", "acquirer=Dovetail Systems", "target=Instara",
                           "value=$900 million")]


def test_money_spent_building_something_is_an_investment():
    found = events("Ostrava Steel will spend $300 million building a rolling mill in Ohio.")
    assert found == [event("investment", "spend", "announced", "recipient=Ostrava Steel", "value=$300 million")]


def test_the_possessor_of_an_investment_in_a_named_company_invests():
    found = events("Tencent's $500 million investment in Vortex Games closed on Friday.")
    assert found == [event("investment", "investment", "completed", "investor=Tencent", "recipient=Vortex Games",
                           "value=$500 million")]


def test_immunity_from_a_fine_negates_it():
    found = events("Sainsbury's received immunity from being fined after alerting the OFT.")
    assert [e[:3] for e in found] == [("penalty", "fined", "negated")]


def test_a_group_named_after_a_company_is_not_that_company():
    """"Ford dealers", "Airbus partners": others related to the company, not the company itself."""
    found = events("Orvane Motors sold its truck unit to Ford dealers for $40 million.")
    assert found == [event("acquisition", "sold", "completed", "seller=Orvane Motors", "value=$40 million")]


def test_an_adjective_of_intent_gives_its_subject_and_status():
    """"is interested in buying" is planned, "is unwilling to sign" negated: the subject above the adjective acts."""
    assert events("Air Vessa said it is interested in buying Czech carrier Ostrava Air.") == [
        event("acquisition", "buying", "planned", "acquirer=Air Vessa", "target=Ostrava Air")]
    found = events("Lorvane Transport is unwilling to sign the contract with Tarn Civil.")
    assert [e[:3] for e in found] == [("contract", "sign", "negated")]
    assert "supplier=Lorvane Transport" in found[0][3] or "buyer=Lorvane Transport" in found[0][3]


def test_its_parent_is_another_company():
    found = events("Halvex Records saw its parent merge with Sony Music in 2005.")
    assert not any("acquirer=Halvex Records" in e[3] for e in found)


def test_a_result_announced_as_expected_is_a_forecast():
    found = events("Vossdorf Electronics announced an expected loss of 10 billion yen for the current financial year.")
    assert [e[:3] for e in found] == [("financial_result", "announced", "planned")]


def test_interest_in_investing_is_a_plan():
    found = events("A group of businessmen from Trento expressed interest in investing up to €700 million in Kestrel "
                   "Resorts.")
    assert [e[:3] for e in found] == [("investment", "investing", "planned")]
