"""House styles of dev27 (trade, utility, telecom and transport press, with twenty distractors near event words;
real model, invented names, read by hand).
Each case is one class: jobs a contract secures are counted staff, no contract of their own; the parse may hang an
award's "to X" on the contract's own clause ("awarded a contract to repair reservoirs to X"), and only goods handed
over go "to" a buyer; "a deal worth 60 million euros to supply ..." keeps its clause though the parse hangs it on
the amount; a bidder's own offer ("X's offer for Y") is an announced bid; a name after "cooperative" is a company,
and so is one analysts expect to cut jobs, whatever label the model gave it.
"""

from tests.nlp.test_events import event, events
from tests.nlp.test_organizations import orgs


def test_jobs_a_contract_secures_are_no_contract():
    found = events("Westmarch Council has placed a £40 million order with Calder Yards for four ferries, securing "
                   "300 jobs at the company's Tyne yard.")
    assert [e[:2] for e in found] == [("contract", "order")]


def test_an_award_to_a_company_hung_on_the_contracts_own_clause_goes_to_the_supplier():
    [award] = events("Calder Water has awarded a five-year, £120 million contract to repair reservoirs to Brenton "
                     "Civil.")
    assert award[:3] == ("contract", "awarded", "completed")
    assert award[3] >= {"buyer=Calder Water", "supplier=Brenton Civil", "value=£120 million"}


def test_goods_supplied_to_a_buyer_after_a_deals_worth():
    [deal] = events("Alpentram also won a deal worth 95 million Swiss francs to supply 12 trains to Zurich transport "
                    "operator VBZ.")  # dev27's own sentence: the parse hangs "to supply" on the amount
    assert deal[:3] == ("contract", "won", "completed")
    assert deal[3] >= {"supplier=Alpentram", "buyer=VBZ", "value=95 million Swiss francs", "count=12 trains"}


def test_a_bidders_own_offer_is_an_announced_bid():
    [bid] = events("Antitrust officials are examining Garvey Mills' offer for Pelham Bakeries.")
    assert bid == event("acquisition", "offer", "announced", "acquirer=Garvey Mills", "target=Pelham Bakeries")


def test_a_name_after_cooperative_is_a_company(nlp):
    assert "Brackenmoor Fields" in orgs(nlp, "Welsh farming cooperative Brackenmoor Fields has won a contract to "
                                             "supply lamb to Corran Foods.")


def test_a_company_analysts_expect_to_cut_jobs_is_a_company(nlp):
    assert "Tarrow Homes" in orgs(nlp, "Analysts at Pendle Securities expect Tarrow Homes to cut about 400 jobs as "
                                       "mortgage rates climb.")
