"""Who the parties of an event are when the words around it name others too (real model, sentences written here,
read by hand). Each case is one class: the regulator by whom a deal is cleared is no party to it; the owner of a
deal noun whose name ends in a trade's word is a company ("Farrant Homes' purchase of"); a company introduced by
a trade noun of "-maker" ("watchmaker X") helps the raid it complained to; a partnership announced is formed,
plans announced for one are only plans; "a deal to provide X with 45 buses" is a contract X buys under, ships
chartered are bought services; "250 MW" names no organization, and well-known bus groups are organizations
("Volvo" alone is not grouped under Volvo Cars); who a bid or an offer comes from makes it, a price offered
for a company is a planned acquisition, a name ends where an amount begins ("Maison Orlane 2 million euros"), and
a venture whose stake is sold was formed before (no partnership), unlike "a stake in a joint venture with X"; a
contract that "went to" a company was won by it; a company in a joint operation with the police helps it, a public
body named so acts as the authority; a company that will bring jobs to a town creates them (not
its own staff moved, nor a loss of jobs the closure brings).
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
    found = events("Payments firm Zestra and Lisbon-based lender Banco Atlantico announced a strategic partnership.")
    assert found == [
        event("partnership", "partnership", "completed", "member=Zestra", "partner=Banco Atlantico")]
    [planned] = events("Payments firm Zestra announced plans for a partnership with lender Banco Atlantico.")
    assert planned[:3] == ("partnership", "partnership", "planned")


def test_a_deal_to_provide_a_buyer_with_goods_is_a_contract_for_them():
    assert events("Castell Buses has won a contract to provide Lothian Transport with 45 electric buses.") == [
        event("contract", "won", "completed", "supplier=Castell Buses", "buyer=Lothian Transport",
              "count=45 electric buses")]


def test_ships_chartered_from_an_owner_are_a_contract():
    assert events("Delmar Shipping has chartered four tankers from Hellenic Tankers for five years.") == [
        event("contract", "chartered", "completed", "buyer=Delmar Shipping", "supplier=Hellenic Tankers",
              "count=four tankers")]


def test_a_power_unit_is_no_organization_and_a_bus_group_is_one():
    found = events("Kalpa Power Ltd has received a Letter of Award from Maharashtra State Electricity Distribution "
                   "Co for a 250 MW solar project worth Rs 1,200 crore.")
    assert not any("MW" in role for e in found for role in e[3])
    [picked] = events("Stagecoach picked Volvo to supply 200 coaches in a deal worth 60 million pounds.")
    assert {"buyer=Stagecoach Group", "supplier=Volvo"} <= picked[3]


def test_who_a_bid_or_offer_comes_from_makes_it():
    assert events("Pellow Retail's board rejected the $1.9 billion bid from Ostrander Capital.") == [
        event("acquisition", "bid", "negated", "acquirer=Ostrander Capital", "target=Pellow Retail",
              "value=$1.9 billion")]
    assert events("Halden Foods said it had received a takeover offer from Ostrander Capital.") == [
        event("acquisition", "takeover", "planned", "acquirer=Ostrander Capital", "target=Halden Foods")]


def test_a_price_offered_for_a_company_is_a_planned_acquisition():
    assert events("Ostrander Capital offered $1.9 billion for Pellow Retail on Monday.") == [
        event("acquisition", "offered", "planned", "acquirer=Ostrander Capital", "target=Pellow Retail",
              "value=$1.9 billion")]


def test_a_name_ends_where_an_amount_begins():
    assert events("A court in Paris fined Maison Orlane 2 million euros for copying a rival's designs.") == [
        event("penalty", "fined", "completed", "penalized=Maison Orlane", "value=2 million euros")]


def test_a_venture_whose_stake_is_sold_was_formed_before():
    assert events("Ravel Motors sold its stake in Chinese joint venture Ravel-Dongxin to its partner for 3 billion "
                  "yuan.") == [
        event("acquisition", "sold", "completed", "seller=Ravel Motors", "target=Ravel-Dongxin",
              "value=3 billion yuan")]
    [formed] = events("Ravel Motors will take a 40% stake in a joint venture with Dongxin Auto.")
    assert formed[:3] == ("partnership", "joint venture", "announced")


def test_a_contract_that_went_to_a_company_was_won_by_it():
    [found] = events("The contract to build 12 ferries for the Norwegian government went to Fjordvik Yard on Monday.")
    assert found[0] == "contract" and "supplier=Fjordvik Yard" in found[3]


def test_a_company_in_a_joint_operation_helps_and_a_public_body_in_one_acts():
    assert events("In a joint operation with sportswear maker Dunlow, Kenyan police raided three warehouses.") == [
        event("enforcement", "raided", "completed", "helper=Dunlow", "count=three warehouses")]
    [found] = events("In an operation with the FBI, police in Ohio arrested four people.")
    assert "authority=FBI" in found[3] and not any(r.startswith("helper") for r in found[3])


def test_jobs_brought_to_a_town_are_created():
    assert events("Tamber Logistics will bring 900 jobs to Hull, the company said.") == [
        event("hiring", "bring", "announced", "company=Tamber Logistics", "count=900 jobs")]
    assert events("The festival will bring 20,000 visitors to Hull.") == []
    assert events("Tamber Logistics will bring its 300 staff to a new office in Hull.") == []
    assert events("Dunlow Bank brings on board some 600 bankers to join the team that bought it.") == []
    assert not any(e[0] == "hiring" for e in events(
        "The Tamber Logistics depot will close in July, bringing with it the loss of 250 jobs."))
