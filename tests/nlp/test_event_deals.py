"""How contracts and sales are worded beyond "won a contract" and "bought X" (real model, sentences written here,
read by hand): a company chosen or tapped to do the work, a contract's extension, a contract not renewed, a
services firm as the supplier, a sale of a business, a second result "on revenue of", a currency word the parse
takes for a verb, companies named after "among them" or as "the two lenders", a yard commissioned or a
consultancy hired to do work, a rival beaten to a contract, a city awarding contracts, goods supplied to a named
buyer, a stake taken, a price paid for a company, an offer or bid received or rejected, a company approached
about a takeover, a company's own sale, goods ordered for a price, a rival defeated for a contract, a deal
to buy near or agreed, a headline's verb the tagger takes for a noun; and words that look like
deals and are not (a new product's price, purchase rights, takings, a trade that goes on, goods paid for, a stake
held, a kind of offer)."""

import pytest

from tests.nlp.test_events import event, events

CASES = {
    "a stake taken": (
        "Tarn Capital has taken a 20% stake in Halvex Systems for $400 million.",
        [event("acquisition", "stake", "completed", "acquirer=Tarn Capital", "target=Halvex Systems",
               "value=$400 million")]),
    "a price paid for a company": (
        "Tarn Capital agreed to pay $2 billion for Halvex Systems.",
        [event("acquisition", "pay", "announced", "acquirer=Tarn Capital", "target=Halvex Systems",
               "value=$2 billion")]),
    "a city awards contracts": (
        "The city has awarded contracts worth $200 million to Orvane Construction and Tarn Civil Ltd.",
        [event("contract", "awarded", "completed", "supplier=Orvane Construction", "supplier=Tarn Civil",
               "value=$200 million")]),
    "goods supplied to a named buyer": (
        "Vossdorf AG will supply Deutsche Bahn with 50 locomotives.",
        [event("contract", "supply", "announced", "supplier=Vossdorf", "buyer=Deutsche Bahn",
               "count=50 locomotives")]),
    "a builder selected to do the work under a contract": (
        "The regional government has selected builder Casal-Ferreira to rebuild the coastal road under a contract "
        "worth €90 million.",
        [event("contract", "selected", "completed", "supplier=Casal-Ferreira", "value=€90 million")]),
    "a company tapped to supply goods": (
        "Transit operator Valley Metro has tapped German group Vossdorf to supply 40 electric buses.",
        [event("contract", "tapped", "completed", "buyer=Valley Metro", "supplier=Vossdorf",
               "count=40 electric buses")]),
    "a contract extension won": (
        "Halcrow Systems won a $300 million Navy contract extension for radar maintenance.",
        [event("contract", "won", "completed", "supplier=Halcrow Systems", "buyer=Navy", "value=$300 million")]),
    "a contract not renewed": (
        "Dalby Brewing said it would not renew its supply contract with pub chain Mitre Inns.",
        [event("contract", "renew", "negated", "supplier=Dalby Brewing", "buyer=Mitre Inns")]),
    "a services firm supplies": (
        "Swiss lender Alpenbank signed a ten-year outsourcing agreement worth $500 million with IT services firm "
        "Kovai Systems.",
        [event("contract", "signed", "completed", "buyer=Alpenbank", "supplier=Kovai Systems",
               "value=$500 million")]),
    "the sale of a business to a buyer": (
        "Vireo Group completed the sale of its frozen foods business to Halden Capital for $450 million.",
        [event("acquisition", "sale", "completed", "seller=Vireo Group", "acquirer=Halden Capital",
               "value=$450 million")]),
    "a second result on revenue of": (
        "Brixton Labs posted a net loss of $40 million on revenue of $310 million.",
        [event("financial_result", "posted", "completed", "company=Brixton Labs", "value=$40 million",
               "metric=net_loss"),
         event("financial_result", "revenue", "completed", "company=Brixton Labs", "value=$310 million",
               "metric=revenue")]),
    "orders priced in won": (
        "Geoje Heavy Industries has won orders worth 1.2 trillion won to build four container ships for a European "
        "shipowner.",
        [event("contract", "won", "completed", "supplier=Geoje Heavy Industries", "value=1.2 trillion won",
               "count=four container ships")]),
    "companies fined, named after among them": (
        "The regulator fined five builders a total of €80 million, among them Acciona and Ferrovial.",
        [event("penalty", "fined", "completed", "penalized=Acciona", "penalized=Ferrovial", "value=€80 million")]),
    "the two lenders merging": (
        "Shareholders of Harlan Bancorp and Ridgeway Financial approved the merger of the two lenders.",
        [event("acquisition", "merger", "announced", "acquirer=Harlan Bancorp", "acquirer=Ridgeway Financial")]),
    "a yard commissioned to build ships": (
        "Ferry operator Nordvik Lines has commissioned shipyard Aalborg Werft to build three hybrid ferries.",
        [event("contract", "commissioned", "completed", "buyer=Nordvik Lines", "supplier=Aalborg Werft",
               "count=three hybrid ferries")]),
    "a consultancy hired to do the work is a contract, not hiring": (
        "Grocer Fairmont Foods hired consultancy Lindqvist Partners to overhaul its logistics network under a "
        "$20 million contract.",
        [event("contract", "hired", "completed", "buyer=Fairmont Foods", "supplier=Lindqvist Partners",
               "value=$20 million")]),
    "a rival beaten to a contract": (
        "Engineering group Corvane Systems beat Siemens to a €300 million contract to upgrade the signals of the "
        "Oslo metro.",
        [event("contract", "beat", "completed", "supplier=Corvane Systems", "value=€300 million")]),
    "a contract handed to a supplier": (
        "Spanish utility Iberdrola has handed Vestas a €200 million contract to supply wind turbines.",
        [event("contract", "handed", "completed", "buyer=Iberdrola", "supplier=Vestas", "value=€200 million")]),
    "an offer rejected: its maker after 'from' bids for the company that rejects it": (
        "Kasimir Steel rejected a takeover offer from Halvorsen Group worth $2 billion.",
        [event("acquisition", "takeover", "negated", "acquirer=Halvorsen Group", "target=Kasimir Steel",
               "value=$2 billion")]),
    "a bid received": (
        "Kasimir Steel received a takeover bid from Halvorsen Group.",
        [event("acquisition", "takeover", "planned", "acquirer=Halvorsen Group", "target=Kasimir Steel")]),
    "an offer's value in its relative clause": (
        "Halvorsen Group launched a tender offer for Kasimir Steel that values the company at 210 billion yen.",
        [event("acquisition", "offer", "completed", "acquirer=Halvorsen Group", "target=Kasimir Steel",
               "value=210 billion yen")]),
    "a company approached about a takeover is its target": (
        "Halvorsen Group has approached Kasimir Steel about a possible takeover.",
        [event("acquisition", "takeover", "planned", "acquirer=Halvorsen Group", "target=Kasimir Steel")]),
    "a board accepts for its company": (
        "Kasimir Steel's board has accepted a takeover bid by Halvorsen Group.",
        [event("acquisition", "takeover", "announced", "acquirer=Halvorsen Group", "target=Kasimir Steel")]),
    "a bid considered for another company is the subject's own": (
        "Halvorsen Group is considering a bid for Kasimir Steel.",
        [event("acquisition", "bid", "planned", "acquirer=Halvorsen Group", "target=Kasimir Steel")]),
    "an offer with its price, rejected": (
        "Kasimir Steel rejected a $2 billion offer from Halvorsen Group.",
        [event("acquisition", "offer", "negated", "acquirer=Halvorsen Group", "target=Kasimir Steel",
               "value=$2 billion")]),
    "a contract won, in the passive, by its supplier": (
        "The contract was won by Alstom, which beat Siemens and CAF.",
        [event("contract", "won", "completed", "supplier=Alstom")]),
    "a contract won that its buyer awarded is one event": (
        "Alstom won a €900 million contract awarded by SNCF for 20 trains.",
        [event("contract", "won", "completed", "supplier=Alstom", "buyer=SNCF", "value=€900 million",
               "count=20 trains")]),
    "a yard selected, in the passive, to build": (
        "Orlan Shipyards was selected by Nordic Ferries to build three LNG-powered vessels.",
        [event("contract", "selected", "completed", "supplier=Orlan Shipyards", "buyer=Nordic Ferries",
               "count=three LNG-powered vessels")]),
    "a company's own sale, approved by its shareholders": (
        "Shareholders of Brightwell Foods approved its sale to Nestlé for $900 million.",
        [event("acquisition", "sale", "announced", "target=Brightwell Foods", "acquirer=Nestlé",
               "value=$900 million")]),
    "a headline verb the tagger takes for a plural noun": (
        "Indian Railways orders 30 trains from Alstom",
        [event("contract", "orders", "completed", "buyer=Indian Railways", "supplier=Alstom", "count=30 trains")]),
    "a maker that picks a supplier buys": (
        "Swedish carmaker Volvo Cars has picked Northvolt to supply battery cells worth $1 billion.",
        [event("contract", "picked", "completed", "buyer=Volvo Cars", "supplier=Northvolt", "value=$1 billion")]),
    "goods ordered from a supplier for a price, not counted": (
        "Rail operator Metrovia ordered new signalling systems worth $14 million from Bombardier.",
        [event("contract", "ordered", "completed", "buyer=Metrovia", "supplier=Bombardier", "value=$14 million")]),
    "a rival defeated for a contract, in a headline": (
        "Northrop Grumman defeats Boeing for $40 billion tanker contract",
        [event("contract", "defeats", "completed", "supplier=Northrop Grumman", "value=$40 billion")]),
    "a price paid to a company for its sites": (
        "Harrow Stores is to pay Unilever £44 million for the 33 stores.",
        [event("acquisition", "pay", "announced", "acquirer=Harrow Stores", "seller=Unilever",
               "value=£44 million")]),
    "a builder whose name says so supplies": (
        "Owner Hans Mobius signed a contract with Tarn Construction Services to assemble the development.",
        [event("contract", "signed", "completed", "supplier=Tarn Construction Services")]),
    "a public body signing with a company buys": (
        "The U.S. Air Force and Boeing have signed an interim agreement.",
        [event("contract", "signed", "completed", "buyer=U.S. Air Force", "supplier=Boeing")]),
    "stores bought from a company are an acquisition, not goods": (
        "In February Stylo Group purchased 24 stores from shoe retailer Dolcis.",
        [event("acquisition", "purchased", "completed", "acquirer=Stylo Group", "seller=Dolcis")]),
    "a price per share is no second deal": (
        "Harrow Stores agreed to buy Unilever for $6 billion. Harrow Stores will pay $23.93 for each Unilever share.",
        [event("acquisition", "buy", "announced", "acquirer=Harrow Stores", "target=Unilever", "value=$6 billion")]),
    "a price paid for a company's business": (
        "Harrow Stores paid £44 million for Unilever's frozen foods business.",
        [event("acquisition", "paid", "completed", "acquirer=Harrow Stores", "seller=Unilever",
               "value=£44 million")]),
    "a rival defeated to win an order: the win is the event": (
        "Orvane Aerospace and Kestrel Systems defeated Boeing to win an order for 179 tankers from the U.S. Air Force.",
        [event("contract", "win", "completed", "supplier=Orvane Aerospace", "supplier=Kestrel Systems",
               "buyer=U.S. Air Force", "count=179 tankers")]),
    "a deal to buy that is only near is planned, with the deal's price": (
        "Marlow Capital is close to a $1.5 billion deal to buy Pentland Foods Inc.",
        [event("acquisition", "buy", "planned", "acquirer=Marlow Capital", "target=Pentland Foods",
               "value=$1.5 billion")]),
    "a deal to buy agreed, with the deal's price": (
        "Marlow Capital agreed to a $1.5 billion deal to buy Pentland Foods Inc.",
        [event("acquisition", "buy", "announced", "acquirer=Marlow Capital", "target=Pentland Foods",
               "value=$1.5 billion")]),
    "a company nearing a deal": (
        "Marlow Capital is nearing a deal to acquire Pentland Foods Inc. for $1.5 billion.",
        [event("acquisition", "acquire", "planned", "acquirer=Marlow Capital", "target=Pentland Foods",
               "value=$1.5 billion")]),
}


@pytest.mark.parametrize(("text", "expected"), CASES.values(), ids=CASES.keys())
def test_deal_wording(text, expected):
    assert events(text) == expected


def test_a_company_approached_with_a_bid_for_another_is_not_its_target():
    # roles only: whether a bid made is planned or done is read differently in the gold ("launched a tender offer"
    # completed in dev8, "has made an offer" planned in dev9)
    [(kind, _, _, roles)] = events("Halvorsen Group approached Orlan Advisers with a combined bid for Kasimir Steel.")
    assert (kind, roles) == ("acquisition", {"acquirer=Halvorsen Group", "target=Kasimir Steel"})


NO_DEAL = {
    "a new product's price": "Apple will sell the new iPad Mini for $499 in Europe.",
    "purchase rights": "Ryanair agreed to buy 25 Boeing jets, with purchase rights for 10 more, in a deal worth "
                       "$3 billion.",
    "takings are no sale": "Helmsdale Medical makes heart monitors and had sales of $612 million last year.",
    "a price paid for goods": "Halvex Systems paid $2 million for Google ads last year.",
    "a stake held": "Tarn Capital, which holds a 20% stake in Halvex Systems, declined to comment.",
    "a kind of offer, not for a company": "The United Auto Workers rejected a $2 billion contract offer from "
                                          "General Motors.",
}


@pytest.mark.parametrize("text", NO_DEAL.values(), ids=NO_DEAL.keys())
def test_no_deal(text):
    assert [e for e in events(text) if e[0] == "acquisition"] == []


@pytest.mark.parametrize("text", [
    "Tarn Airways won a court order against the union on Friday.",
    "Halvex Pay received a banking licence from the Bank of Lithuania.",
])
def test_a_court_order_or_a_banking_licence_is_no_contract(text):
    assert events(text) == []


def test_a_trade_that_goes_on_is_no_contract():
    assert events("Gazprom supplies Naftogaz with 40 bcm of gas.") == []


@pytest.mark.parametrize(("text", "supplier"), [
    ("Halden Rail lost a $400 million signalling contract to Siemens Mobility.", "supplier=Siemens Mobility"),
    ("Vostok Rail Systems lost out on a 700 million euro contract to a consortium led by Siemens Mobility.",
     "supplier=Siemens Mobility"),
])
def test_a_contract_lost_to_another_is_won_by_it(text, supplier):
    """The loser is no party; the one it lost to supplies."""
    [found] = events(text)
    assert found[0] == "contract" and supplier in found[3] and not any("Rail" in r for r in found[3])


def test_a_contract_lost_to_no_one_named_is_no_event():
    assert events("Halden Foods lost a contract worth $30 million.") == []
    assert events("Buyers who lost their holiday packages from the Melbourne Quillmart seller were refunded.") == []


def test_a_supply_deal_struck_or_sealed_is_a_contract():
    [found] = events("Kessling Foods has struck a five-year supply deal with Marlowe Stores worth £200 million.")
    assert found[:3] == ("contract", "struck", "completed")
    assert {"supplier=Kessling Foods", "buyer=Marlowe Stores"} <= found[3]


@pytest.mark.parametrize(("text", "kind"), [
    ("Kessling Foods struck a deal to buy Marlowe Stores for £200 million.", "acquisition"),
    ("Halden Bank struck a deal with regulators to pay a $30 million fine.", "penalty"),
])
def test_a_deal_struck_to_do_another_act_is_that_act_only(text, kind):
    assert [e[0] for e in events(text)] == [kind]


def test_a_merger_deal_sealed_is_no_contract_and_a_company_contracted_to_provide_is():
    assert [e[0] for e in events("Vantor Airlines sealed a merger deal with Orvane Airlines.")] == ["acquisition"]
    assert [e[0] for e in events("NASA is contracting SpaceX to provide transport of cargo.")] == ["contract"]
    assert events("Quillex struck a deal worth $90 million to take over the trading business of a rival bourse.") == []
