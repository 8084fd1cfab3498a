"""Classes of false events found on real news, each fixed by a general rule (real model, sentences written here).

A business event is an organization's act: shoppers spending, a country joining
a treaty body, a worker cutting a power line, the economy creating jobs or a
trade union marching are no acquisition, investment, job cut or partnership.
Each case is read by hand; `events` resolves roles to their text as in
`test_events.py`.
"""

import pytest

from tests.nlp.test_events import event, events

NO_EVENT = {
    "people spending": "Shoppers spent $9.8 billion online during the holiday weekend, according to Adobe Analytics.",
    "a country joining a body": "Vietnam joined the World Trade Organization in 2007 after years of talks.",
    "a worker cutting a line": "The outage began when a worker at Delvar Utilities accidentally cut a power line.",
    "jobs created by the economy (a passive naming no one)": "About 1.6 million jobs had been created over the past "
                                                               "nine years, the Employment Minister said.",
    "money raised by no one named": "Some €880 million was raised across Europe in almost 200 separate deals.",
    "a person signing": "She signed a two-year $14 million deal with the Denver-based grocer in 2011.",
}


@pytest.mark.parametrize("text", NO_EVENT.values(), ids=NO_EVENT.keys())
def test_no_business_event_without_an_organization_acting(text):
    assert events(text) == []


def test_a_union_is_not_the_company_that_cuts_jobs():
    found = events("The United Auto Workers said Corvan Motors will cut 2,000 jobs at its Ohio plant.")
    assert found == [event("job_cuts", "cut", "announced", "company=Corvan Motors", "count=2,000 jobs")]
    found = events("The United Steelworkers union will cut 40 jobs at its headquarters, it said.")
    assert all("United Steelworkers" not in role for e in found for role in e[3])


def test_a_dateline_city_parsed_as_a_subject_does_not_hide_the_company():
    found = events("SEOUL, Dec. 5, 2023 (Bloomberg) - Hanwha Ocean Co. won a $1.5 billion order to build "
                   "ten carriers for Greek shipowner Capital Maritime Group.")
    assert [e[:3] for e in found] == [("contract", "won", "completed")]


def test_a_company_part_acts_as_a_company():
    found = events("The joint venture of Arlen Chemicals and Tovik Group is expected to employ 1,200 people in 2026.")
    assert ("hiring", "employ", "planned") in [e[:3] for e in found]


def test_a_short_name_or_a_site_may_be_the_actor():
    found = events("Nimbrel Robotics posted record orders. Nimbrel signed a five-year contract with Halvard Foods "
                   "valued at $85 million.")
    assert ("contract", "signed", "completed") in [e[:3] for e in found]
    found = events("Voltaro will build a recycling plant near Halle. The site will create 120 new jobs.")
    assert ("hiring", "create", "announced") in [e[:3] for e in found]


def test_the_possessor_of_a_takeover_by_another_is_its_target():
    found = events("Shareholders of Pellham Insurance voted to approve its takeover by Norstead Re.")
    assert found == [event("acquisition", "takeover", "announced", "acquirer=Norstead Re", "target=Pellham Insurance")]


def test_a_raid_in_which_others_acted_is_their_setting_not_an_event():
    found = events("Border police detained 11 suspects and confiscated 40,000 cartons of counterfeit cigarettes in "
                   "a raid on a warehouse near Kosice.")
    assert [e[1] for e in found] == ["detained", "confiscated"]
    assert [e[1] for e in events("Police raided 12 shops and seized 3,000 fake watches.")] == ["raided", "seized"]
    found = events("Customs officers seized 9,000 fake perfumes in raids on 14 shops in Leeds.")
    assert [e[1] for e in found] == ["seized", "raids"]  # raids that count what they raided are events


@pytest.mark.parametrize("text", [
    "Qatar Airways signed a deal with Boeing for 25 freighters.",
    "Boeing signed a deal with Qatar Airways for 25 freighters.",
])
def test_an_airline_signing_for_aircraft_buys_them(text):
    """An airline or operator, by its name or the noun before it, is the buyer whichever side of "with" it stands."""
    [found] = events(text)
    assert {"buyer=Qatar Airways", "supplier=Boeing"} <= found[3]


@pytest.mark.parametrize(("text", "role"), [
    ("BRUSSELS, March 9, 2023 (Belga) - Telecom operator Vellant Belgium plans to cut 400 jobs in its call centres, "
     "the company said on Thursday.", "company=Vellant Belgium"),
    ("SEOUL, Dec. 5, 2023 (Bloomberg) - Hanseo Ocean Co. won a $1.5 billion order to build 10 gas carriers for "
     "Greek shipowner Capital Maritime Group.", "supplier=Hanseo Ocean"),
])
def test_the_body_after_a_dateline_is_parsed_as_its_own_sentence(text, role):
    """Left to itself the parser makes the dateline's city the subject and the company its apposition."""
    [found] = events(text)
    assert role in found[3]


def test_a_memorandum_of_understanding_is_a_partnership_and_forces_are_joined_with_a_partner():
    [found] = events("Halden Energy signed a memorandum of understanding with Saudi Arabia's ACWA Power to develop "
                     "hydrogen projects.")
    assert found[0] == "partnership" and {"member=Halden Energy", "partner=ACWA Power"} <= found[3]
    [found] = events("Brellin Motors is joining forces with Halden Batteries to build a plant.")
    assert {"member=Brellin Motors", "partner=Halden Batteries"} <= found[3]


def test_fakes_an_authority_finds_are_an_enforcement_other_finds_are_not():
    [found] = events("Customs officers found 25,000 counterfeit perfume bottles hidden in a shipment of garden "
                     "furniture, the Border Force said.")
    assert found[:3] == ("enforcement", "found", "completed") and "authority=Border Force" in found[3]
    assert events("Inspectors from the Food Standards Agency found 40 faults at the plant.") == []
    assert events("An illegal food dye has been found in several hundred products on shelves, the Food Standards "
                  "Agency said.") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Brellin Motors' new plant in Georgia will employ 2,500 workers when it opens in 2027.",
     {"company=Brellin Motors", "count=2,500 workers"}),
    ("Vantor Health is looking to fill 500 positions at a new call centre in Cork.",
     {"company=Vantor Health", "count=500 positions"}),
])
def test_positions_filled_and_a_companys_plant_employing_are_hiring(text, expected):
    [found] = events(text)
    assert found[0] == "hiring" and expected <= found[3]


def test_jobs_a_closure_brings_with_it_are_no_hiring():
    """"bring" is no hiring verb: a closure "bringing with it the loss of 410 jobs", staff a bought bank "brings on
    board"."""
    found = events("Brellin Turbines will shut its blade factory in March, a move bringing with it the loss of "
                   "410 jobs.")
    assert "hiring" not in [e[0] for e in found]
