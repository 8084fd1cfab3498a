"""Who the parties of an event are when the words around it name others too (real model, sentences written here,
read by hand). Each case is one class: the regulator by whom a deal is cleared is no party to it; the owner of a
deal noun whose name ends in a trade's word is a company ("Farrant Homes' purchase of"); a company introduced by
a trade noun of "-maker" ("watchmaker X") helps the raid it complained to; a partnership announced is formed,
plans announced for one are only plans.
"""

from tests.nlp.test_events import event, events


def test_the_regulator_that_clears_a_deal_is_no_party_to_it():
    assert events("Harlow Motors' £300 million purchase of Tenby Parts has been cleared by the Competition and "
                  "Markets Authority.") == [
        event("acquisition", "purchase", "announced", "acquirer=Harlow Motors", "target=Tenby Parts",
              "value=£300 million")]


def test_the_owner_of_a_deal_whose_name_ends_in_a_trade_is_a_company():
    [found] = events("Pelham Homes' £80 million purchase of rival builder Oakley Homes was completed on Friday.")
    assert found[:2] == ("acquisition", "purchase") and {"acquirer=Pelham Homes", "target=Oakley Homes"} <= found[3]
    assert events("John Smith's purchase of the house was completed on Friday.") == []


def test_a_watchmaker_that_complained_helps_the_raid():
    found = events("Police in Milan seized 3,000 fake watches, acting on a complaint from Swiss watchmaker Dellbrun.")
    assert found == [event("enforcement", "seized", "completed", "helper=Dellbrun", "count=3,000 fake watches")]


def test_a_partnership_announced_is_formed_and_plans_announced_for_one_are_plans():
    assert events("Payments firm Zestra and Lisbon-based lender Banco Atlantico announced a strategic partnership.") == [
        event("partnership", "partnership", "completed", "member=Zestra", "partner=Banco Atlantico")]
    [planned] = events("Payments firm Zestra announced plans for a partnership with lender Banco Atlantico.")
    assert planned[:3] == ("partnership", "partnership", "planned")
