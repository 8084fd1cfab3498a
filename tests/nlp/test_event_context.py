"""Roles an event takes from the words and sentences around it (real model, sentences written here, read by hand):
who leads a consortium or an alliance, who reports a contract or a seizure, who helped, who else took part in a
funding, what "the goods" were worth, whose plant "its" is, status words further from the trigger ("after
winning", "walked away from", "a consultation on"), and which day dates an event (not the day it was said)."""

import pytest

from pipeline.extraction import extract
from tests.nlp.test_events import event, events

CASES = {
    "a passive award is by the public body that reports it": (
        "A $90 million contract to dredge the harbour has been awarded to Kelso Marine Ltd, the Port Authority said.",
        [event("contract", "awarded", "completed", "buyer=Port Authority", "supplier=Kelso Marine",
               "value=$90 million")]),
    "a consortium is named by who leads it": (
        "A consortium led by Tamsin Holdings agreed to buy Corriveau Foods for $700 million.",
        [event("acquisition", "buy", "announced", "acquirer=Tamsin Holdings", "target=Corriveau Foods",
               "value=$700 million")]),
    "members of an alliance and who leads it": (
        "Brelan Motors and Osric Trucks have joined an alliance led by battery maker Vantor to share charging sites.",
        [event("partnership", "joined", "completed", "member=Brelan Motors", "member=Osric Trucks",
               "partner=Vantor")]),
    "the business of a company is sold by it": (
        "Granite Partners will buy the pet-food business of Delmore Brands for $500 million.",
        [event("acquisition", "buy", "announced", "acquirer=Granite Partners", "seller=Delmore Brands",
               "value=$500 million")]),
    "a framework agreement to supply goods is a contract": (
        "Nordvik Defence signed a framework agreement with the Finnish Defence Forces to supply artillery shells "
        "worth up to 400 million euros.",
        [event("contract", "signed", "completed", "supplier=Nordvik Defence", "buyer=Finnish Defence Forces",
               "value=400 million euros")]),
    "a framework agreement for a number of goods is a contract": (
        "Tolvik Rail signed a framework agreement with carriage maker Brandt Werke for 40 trams, worth 300 million "
        "euros.",
        [event("contract", "signed", "completed", "buyer=Tolvik Rail", "supplier=Brandt Werke",
               "value=300 million euros", "count=40 trams")]),
    "a framework agreement on cooperation is no contract": (
        "Tolvik Rail and Brandt Werke signed a framework agreement on cooperation in 12 areas.", []),
    "a deal won before the main clause is won": (
        "Colby Foods will hire 150 people after winning a supply contract with Bexley Markets.",
        [event("hiring", "hire", "announced", "company=Colby Foods", "count=150 people"),
         event("contract", "winning", "completed", "supplier=Colby Foods", "buyer=Bexley Markets")]),
    "walking away from a takeover": (
        "Ransom Brands walked away from its proposed $900 million takeover of Pellam Foods.",
        [event("acquisition", "takeover", "negated", "acquirer=Ransom Brands", "target=Pellam Foods",
               "value=$900 million")]),
    "a consultation on redundancies": (
        "Hollis Steel has launched a consultation on 300 redundancies at its plant.",
        [event("job_cuts", "redundancies", "planned", "company=Hollis Steel", "count=300 redundancies")]),
    "backers who took part, in the next sentence": (
        "Corvo Health raised $50 million in a round led by Ardent Capital. Existing investors Fenwick Ventures and "
        "Halo Partners also took part.",
        [event("investment", "raised", "completed", "recipient=Corvo Health", "investor=Ardent Capital",
               "investor=Fenwick Ventures", "investor=Halo Partners", "value=$50 million")]),
    "a venture's own plant": (
        "Kestrel Mining and Dorran Steel formed a joint venture last year. The venture will invest $300 million in "
        "its first smelter.",
        [event("partnership", "joint venture", "completed", "member=Kestrel Mining", "partner=Dorran Steel"),
         event("investment", "invest", "announced", "value=$300 million")]),
}


@pytest.mark.parametrize("text,expected", CASES.values(), ids=CASES.keys())
def test_roles_from_around_the_trigger(text, expected):
    assert events(text) == expected


def test_who_approves_a_plan_in_the_next_sentence_is_no_investor():
    found = events("Tidewater Power will invest £1.1bn in new pipes. The plan, approved by regulator Ofgem, will add "
                   "£3 a month to bills.")
    assert not any(role.startswith("investor=") for e in found for role in e[3])


@pytest.mark.parametrize("text, helper", [
    ("Police seized 5,000 fake perfumes in Lyon. The shipment had been flagged by investigators at perfume maker "
     "Maison Ardel.", "Maison Ardel"),
    ("Customs officers seized 8,000 fake watches, acting on a tip-off from Swiss watchmaker Hallen SA.", "Hallen"),
], ids=["staff at a company", "a hyphenated cue"])
def test_a_company_whose_people_helped_is_a_helper(text, helper):
    found = events(text)
    assert [e[0] for e in found] == ["enforcement"] and f"helper={helper}" in found[0][3]


def test_police_named_only_as_police_act_for_the_body_that_reports_them():
    found = events("Police seized 40,000 fake handbags in Naples, the Interior Ministry said.")
    assert [e[0] for e in found] == ["enforcement"] and "authority=Interior Ministry" in found[0][3]


def test_the_goods_were_worth_what_was_seized_not_who_was_arrested():
    found = events("Police seized 40,000 fake handbags and arrested 12 people. The goods were worth 3 million euros.")
    values = {e[1]: [r for r in e[3] if r.startswith("value=")] for e in found}
    assert values == {"seized": ["value=3 million euros"], "arrested": []}


def _dates(text):
    return {e[1]: sorted(r for r in e[3] if r.startswith("date=")) for e in events(text)}


def test_the_day_something_was_said_is_not_the_day_of_the_event():
    text = "LONDON, May 2, 2025 (Reuters) - Dorran Group said on Tuesday it would buy Pellam Foods for $200 million."
    assert _dates(text) == {"buy": []}


def test_a_date_before_the_first_of_two_verbs_dates_both():
    text = ("LONDON, May 2, 2025 (Reuters) - The Ministry of Transport on Monday signed a £90 million contract with "
            "Kelso Marine Ltd for two ferries and awarded a £40 million order to Brecon Yards Ltd for a tug.")
    assert _dates(text) == {"signed": ["date=Monday"], "awarded": ["date=Monday"]}


@pytest.mark.parametrize(("text", "expected"), [
    ("NEW YORK, May 2, 2025 (Reuters) - Hallam Bank agreed on Tuesday to pay $40 million to settle charges by the "
     "Securities and Exchange Commission.", {"pay": ["date=Tuesday"]}),
    ("NEW YORK, May 2, 2025 (Reuters) - Corran Foods agreed on Tuesday to buy Pellam Foods for $200 million.",
     {"buy": []}),
], ids=["a settlement agreed is made that day", "a takeover agreed closes later"])
def test_the_day_of_an_agreement_dates_what_agreeing_does(text, expected):
    assert _dates(text) == expected


def test_the_date_of_an_act_after_before_or_after_is_not_the_events():
    text = "Kasimir Steel was founded in 1921 and was bought by Halvorsen Group in 1985 before being spun off in 2001."
    assert _dates(text) == {"bought": ["date=1985"]}


def test_the_day_a_later_sentence_was_said_is_not_the_date_it_gives_the_event():
    """"said on Wednesday that the cuts will be completed by ... January": January is the cuts' date."""
    text = ("Parallax Cloud Inc. will eliminate about 1,200 jobs and close three offices. The company said on "
            "Wednesday that the cuts will be completed by the end of its fiscal year in January.")
    article = extract(text, published="2024-11-13")
    dates = {article.dates[int(r.ref.split("/")[1])].text for e in article.events for r in e.roles if r.role == "date"}
    assert dates == {"January"}
