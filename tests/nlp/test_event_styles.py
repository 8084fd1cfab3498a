"""House styles of dev19 and dev20 (AP, Business Wire, Indian press, trade press, headlines; real model, invented
names, read by hand).
Each case is one class: the maker named in the goods counted supplies them ("12 Airbus jets"); a relative clause
on a contract awards it, even when the parse hangs it on the contract's own object; whoever a company hires,
recruits or employs by number is staff ("claims handlers"); a headline's participle shares its infinitive's
subject and time ("X to shut mill, cutting 600 jobs"); "the Orbis alliance" alone names an alliance, nobody
forms it; "X and trading house Y" are both sides though the parse makes X a modifier. From dev20: "tied up
with" is a partnership; "another 100" counts what the count before it counted; a memorandum of understanding "for
20 jets" is an announced contract, no partnership; "Brewer" opening a sentence describes the company.
"""

from tests.nlp.test_events import event, events


def test_the_maker_of_goods_counted_supplies_them():
    [order] = events("Skyvale Airlines ordered 12 Airbus jets and 8 Boeing jets for its new routes.")
    assert order[3] >= {"supplier=Airbus", "supplier=Boeing", "count=12 Airbus jets"}


def test_a_contract_a_relative_clause_describes_is_awarded():
    [award] = events("The contract to build the Riverside bypass, which was awarded to Brenner Construction by Kent "
                     "County Council, is worth £212 million.")
    assert award[:3] == ("contract", "awarded", "completed")
    assert award[3] >= {"supplier=Brenner Construction", "buyer=Kent County Council"}


def test_people_hired_by_number_are_staff_whatever_their_trade():
    assert events("Corvel Insurance said it had hired 120 claims handlers in Leeds.") == [
        event("hiring", "hired", "completed", "company=Corvel Insurance", "count=120 claims handlers")]
    assert events("Corvel Insurance will add 500 servers to its data centre.") == []


def test_a_headline_participle_shares_the_infinitives_subject_and_time():
    assert events("Tarvik Steel to shut Welsh mill, cutting 600 jobs") == [
        event("job_cuts", "shut", "announced", "company=Tarvik Steel"),
        event("job_cuts", "cutting", "announced", "company=Tarvik Steel", "count=600 jobs")]


def test_an_alliance_named_alone_is_no_partnership_formed():
    assert events("The Orbis alliance, founded in 1999, carries about 600 million passengers a year.") == []
    [join] = events("Skyline Nippon will join the Orbis airline alliance in 2027.")
    assert join[:3] == ("partnership", "join", "announced")


def test_a_name_the_parse_makes_a_modifier_before_and_is_a_side():
    [team] = events("Logistics group Pallant and Japanese trading house Mitsuda Corp have teamed up to build "
                    "cold-storage warehouses in Vietnam.")
    assert {r.split("=")[1] for r in team[3]} == {"Pallant", "Mitsuda"}


def test_tie_up_is_a_partnership_and_another_hundred_counts_the_same_staff():
    [tie] = events("Payments firm Quillpay has tied up with Thai lender Siam Metro Bank to offer transfers.")
    assert tie[:3] == ("partnership", "tied up", "completed")
    found = events("Tech group Vireo has hired 150 software developers this year and plans to add another 100 in 2027.")
    assert [(e[1], e[2]) for e in found] == [("hired", "completed"), ("add", "planned")]


def test_a_memorandum_for_goods_is_an_announced_contract_not_a_partnership():
    assert events("Regional carrier Flyvik has signed a memorandum of understanding with Embraer for up to 20 E2 "
                  "jets, its first order.") == [event("contract", "signed", "announced", "buyer=Flyvik",
                                                      "supplier=Embraer", "count=20 E2 jets")]


def test_a_trade_noun_opening_the_sentence_is_no_part_of_the_name():
    [sale] = events("Brewer Hallstatt Group said it had completed the sale of its soft-drinks arm.")
    assert "seller=Hallstatt Group" in sale[3]


def test_a_person_tied_up_is_no_partnership():
    assert events('"We tied him up and kept him below deck," a Marlow Shipping officer said.') == []
