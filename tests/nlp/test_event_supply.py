"""Contracts for goods and the time an act waits for (real model, sentences written here with invented names,
read by hand). Each case is one class: goods agreed to be bought "in a deal valued at" are agreed, not yet
bought (a deal already made completes only what is delivered under it); a council or the NHS is a public body,
so it buys what a company supplies it, whichever side the sentence names first; "will provide 2 million doses
to X" is a contract X buys under, while money provided is funding and jobs provided are no deal; a contract
"signed with X by Y" was signed by Y; "The project is worth" after a tender won is that tender's value; an act
that waits for a "when" or "once" clause happens at that clause's time; a named ship bought is no company
and "911 emergency access" (a number before a singular noun) no goods delivered; a public body and a company
the parse puts on one side of a contract are its two sides.
"""

from tests.nlp.test_events import event, events


def test_goods_agreed_to_be_bought_in_a_deal_are_agreed_not_bought():
    [found] = events("Corrie Air agreed to buy 25 regional jets from Embraer in a deal valued at $1.1 billion.")
    assert found[:3] == ("contract", "buy", "announced")
    assert {"buyer=Corrie Air", "supplier=Embraer", "count=25 regional jets", "value=$1.1 billion"} <= found[3]
    [delivered] = events("Greystone Buses will supply 60 electric buses to Corrie Transit under a £30 million "
                         "agreement.")
    assert delivered[2] == "completed"


def test_a_council_buys_what_it_extends_a_contract_for():
    assert events("Harrow Borough Council has extended its street cleaning contract with Pellam Environmental for two "
                  "years, at a cost of 18 million pounds.") == [
        event("contract", "extended", "completed", "buyer=Harrow Borough Council", "supplier=Pellam Environmental",
              "value=18 million pounds")]


def test_goods_provided_to_a_named_buyer_are_a_contract_and_money_or_jobs_provided_are_not():
    assert events("Ardent Pharma will provide 2 million doses of its vaccine to the NHS, the company said.") == [
        event("contract", "provide", "announced", "supplier=Ardent Pharma", "buyer=NHS",
              "count=2 million doses")]
    assert not any(e[0] == "contract" for e in events("Halden Bank will provide $40 million to Corvel Therapeutics."))
    assert events("Tyrell Motors will provide 500 jobs in Ohio.") == []


def test_a_contract_signed_with_a_supplier_by_a_buyer_in_the_passive():
    [found] = events("A contract for 30 trams worth 200 million euros was signed with Dunmore Rail by the Vienna "
                     "transport authority Wiener Linien.")
    assert {"buyer=Wiener Linien", "supplier=Dunmore Rail", "value=200 million euros"} <= found[3]


def test_the_project_a_tender_won_is_worth_is_its_value():
    [found] = events("Calloway Construction has won a tender from the Ghana Highway Authority to build a bypass. "
                     "The project is worth 900 million cedis.")
    assert found[:2] == ("contract", "won") and "value=900 million cedis" in found[3]


def test_an_act_waiting_for_a_when_clause_happens_at_its_time():
    assert events("Tamber Foods will hire 400 workers when its new bakery opens in June 2027.") == [
        event("hiring", "hire", "announced", "company=Tamber Foods", "count=400 workers", "date=June 2027")]
    [cut] = events("Dellmont Paper will cut 250 jobs once the mill closes in 2028.")
    assert "date=2028" in cut[3]


def test_a_named_ship_bought_is_no_company_and_a_number_before_a_singular_noun_no_goods():
    assert events("Abu Dhabi has announced the purchase of the British ocean liner RMS Northern Star from Calder "
                  "Lines for US$80 million.") == []
    assert events("Tarran Telecom has already provided 911 emergency access to Corrie Networks.") == []


def test_a_public_body_and_a_company_on_one_side_are_the_two_sides():
    [found] = events("The Durban Municipality has handed a 900 million rand contract to build a power plant to a "
                     "consortium led by Spain's Cortesa.")
    assert {"buyer=Durban Municipality", "supplier=Cortesa"} <= found[3]
