"""House styles of dev27 (trade, utility, telecom and transport press, with twenty distractors near event words;
real model, invented names, read by hand).
Each case is one class: jobs a contract secures are counted staff, no contract of their own; the parse may hang an
award's "to X" on the contract's own clause ("awarded a contract to repair reservoirs to X"), and only goods handed
over go "to" a buyer; "a deal worth 60 million euros to supply ..." keeps its clause though the parse hangs it on
the amount; a bidder's own offer ("X's offer for Y") is an announced bid; a name after "cooperative" is a company,
and so is one analysts expect to cut jobs, whatever label the model gave it. From dev28 (contract wording): "crowns"
in a story that names a Norwegian or Swedish body are that country's, also as "a 600 million crown contract"; who
"has been awarded" a contract is a company, and "is being awarded" one is awarded; "3 million flu vaccine doses"
counts doses; goods leased "to" a company are the lessor's to supply; "a consortium of X and Y" names two companies,
both suppliers of what it wins; a company named for its trade that "said it would buy" is one; the rivals a
company "beat" to a contract are no goods; "hospital group X" opening a sentence buys; a deal something is done
"under" is made only by its own clause ("an order it placed in 2021"); "its partnership" is the subject's. From
dev29 (distractors): job cuts a bare plural announces ("Employers announced 61,000 job cuts") are a sector's tally;
an adviser is no party to the deal it advises on, and "its" there is the client's; counted goods bought are no
company.
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


def test_crowns_are_the_currency_of_the_body_that_pays_them(nlp):
    doc = nlp("The Swedish Maritime Administration will pay 600 million crowns for two icebreakers.")
    assert [(m.text, m._.money.currency) for m in doc.spans["money"]] == [("600 million crowns", "SEK")]
    doc = nlp("Fjellbygg won a 450 million crown contract from the Norwegian Coastal Administration.")
    assert [(m.text, m._.money.currency) for m in doc.spans["money"]] == [("450 million crown", "NOK")]


def test_who_is_being_awarded_a_contract_is_an_awarded_company():
    [award] = events("Tessaro Bygg has been awarded a 450 million euro contract by the Finnish Transport Agency to "
                     "build a rail bridge.")
    assert award[:3] == ("contract", "awarded", "completed")
    assert award[3] >= {"supplier=Tessaro Bygg", "buyer=Finnish Transport Agency", "value=450 million euro"}
    [award] = events("Halcyon Munitions Inc., Dayton, Ohio, is being awarded a $96,400,000 firm-fixed-price contract "
                     "for 8,000 mortar rounds.")
    assert award[:3] == ("contract", "awarded", "completed")


def test_doses_counted_after_their_modifiers():
    [contract] = events("Veltra Bio won a tender to supply 12 million flu vaccine doses to the health service.")
    assert "count=12 million flu vaccine doses" in contract[3]


def test_goods_leased_to_a_company_are_supplied_by_the_lessor():
    [lease] = events("Aircraft lessor Corvo Aviation has agreed to lease eight A321neo jets to Pampa Air.")
    assert lease[:3] == ("contract", "lease", "announced")
    assert lease[3] >= {"supplier=Corvo Aviation", "buyer=Pampa Air", "count=eight A321neo jets"}


def test_a_consortium_of_two_companies_wins_as_both():
    [contract] = events("A consortium of Torvik Civil and Ashdown Marine won the 1.4 billion euro contract to dredge "
                        "the harbour.")
    assert contract[3] >= {"supplier=Torvik Civil", "supplier=Ashdown Marine", "value=1.4 billion euro"}


def test_a_trade_named_speaker_saying_it_will_buy_goods_buys_them():
    [purchase] = events("Kestrel Freight said it would buy 150 electric trucks from Norvik Trucks over three years.")
    assert purchase[:3] == ("contract", "buy", "announced")  # dev28's sentence: the model takes the buyer for a man
    assert purchase[3] >= {"buyer=Kestrel Freight", "supplier=Norvik Trucks", "count=150 electric trucks"}


def test_rivals_beaten_to_a_contract_are_no_goods():
    [contract] = events("Dunmore Projects beat three Japanese groups to a $700 million contract to build a port.")
    assert contract[:3] == ("contract", "beat", "completed") and "value=$700 million" in contract[3]
    assert not any(role.startswith("count=") for role in contract[3])


def test_a_hospital_group_signing_a_supply_agreement_buys():
    [deal] = events("Hospital group Carevia has signed a supply agreement with Lindqvist Medical for 200 scanners.")
    assert deal[3] >= {"buyer=Carevia", "supplier=Lindqvist Medical", "count=200 scanners"}


def test_a_deal_something_is_done_under_is_made_by_its_own_clause():
    assert events("Marlow Coaches runs 900 buses under contracts with 14 councils in Wales.") == []
    [order] = events("The airline will receive the jets under an order it placed with Airbus in 2021 for $3 billion.")
    assert order[:3] == ("contract", "order", "completed")
    assert order[3] >= {"supplier=Airbus", "value=$3 billion", "date=2021"}


def test_its_partnership_is_the_subjects():
    [ended] = events("Nordlys Cloud said it would not renew its partnership with Vantera Systems next year.")
    assert ended[:3] == ("partnership", "partnership", "negated")
    assert ended[3] >= {"member=Nordlys Cloud", "partner=Vantera Systems"}


def test_a_title_the_model_found_lends_no_word_to_a_company(nlp):
    assert orgs(nlp, '"The Euro-Atlantic Partnership includes countries with half of the trade," he said.') == []


def test_job_cuts_a_whole_sector_announces_are_a_tally():
    assert events("Employers announced 61,000 job cuts in October, the highest since March, according to a tally by "
                  "an outplacement firm.") == []  # dev29's sentence
    [cuts] = events("The two lenders announced 3,000 job cuts.")
    assert cuts[:2] == ("job_cuts", "job cuts")


def test_an_adviser_is_no_party_and_its_is_the_clients():
    [deal] = events("Lazenby & Co advised Harrow Group on its 300 million pound purchase of Tarn Ales.")
    assert deal == event("acquisition", "purchase", "completed", "acquirer=Harrow Group", "target=Tarn Ales",
                         "value=300 million pound")


def test_counted_goods_bought_are_no_company(nlp):
    assert "Dreamliners" not in orgs(nlp, "The airline confirmed the purchase of 30 new Boeing 787 Dreamliners.")
