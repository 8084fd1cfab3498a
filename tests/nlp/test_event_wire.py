"""Wire-story paragraphs of several facts (real model, sentences written here with invented names, read by hand).
Each case is one class: customs officers who arrest passengers arrest suspects (passengers rescued or found are
no enforcement); a penalty whose subject is only "prosecutors" is by the public body that reports it, a
prosecution service being one; "the builder" after a named construction firm stands for it; of "seized X in raids on
14 shops" the seizure holds the goods and the raids the shops, though the parse hangs "on 14 shops" on the verb;
"X on Wednesday fined Y" happened on Wednesday, though the parse hangs the day on X ("said on Monday it would" is
only the day it was said); a company's executive, trader or dealer fined is not the company; "which has annual sales of"
describes a business, it reports no result; a player signed on a contract or bought by a club is no business
deal; a stake a fund "has" is held, not bought; what a plant only planned in the sentence before "would" do is
planned too; "intends to fine X" is a planned penalty though the tagger calls "fine" after "to" an adjective.
"""

from tests.nlp.test_events import event, events


def test_passengers_arrested_are_an_enforcement_and_passengers_recovered_are_not():
    assert events("Border police arrested four passengers arriving from Bogota with cocaine in their luggage.") == [
        event("enforcement", "arrested", "completed", "count=four passengers")]
    assert events("Police recovered 15 passengers from the wreck.") == []


def test_prosecutors_fine_for_the_prosecution_service_that_reports_it():
    assert events("Belgian prosecutors fined Dewaele Bouw 2 million euros for bribing officials, the Public "
                  "Prosecution Service said.") == [
        event("penalty", "fined", "completed", "authority=Public Prosecution Service", "penalized=Dewaele Bouw",
              "value=2 million euros")]


def test_the_builder_stands_for_the_construction_firm_named_before():
    [_, paid] = events("Prosecutors fined Dewaele Bouw 2 million euros. The builder agreed to pay a further 500,000 "
                       "euros to settle a civil case.")
    assert paid[:3] == ("penalty", "pay", "announced") and "penalized=Dewaele Bouw" in paid[3]


def test_goods_seized_in_raids_on_shops_are_the_seizures_and_the_shops_the_raids():
    found = events("Customs officers seized 1.8 million illicit cigarettes in raids on 12 shops in Bradford, the "
                   "agency said.")
    assert [(e[1], sorted(r for r in e[3] if r.startswith("count"))) for e in found] == [
        ("seized", ["count=1.8 million illicit cigarettes"]), ("raids", ["count=12 shops"])]


def test_a_day_between_the_subject_and_its_verb_dates_the_act():
    [fined] = events("BEIJING, Nov. 8, 2023 (Xinhua) -- China's State Administration for Radio and Television (SART) "
                     "on Wednesday fined video platform Huaying Technology Co., Ltd. 220 million yuan for illegal "
                     "content, the regulator said.")
    assert "date=Wednesday" in fined[3]
    [cut] = events("PARIS, March 4, 2026 (Reuters) - Lormont Foods said on Tuesday it would cut 300 jobs.")
    assert not any(r.startswith("date") for r in cut[3])


def test_a_company_executive_fined_is_not_the_company():
    assert not any("penalized=Marlow Steel" in e[3] for e in events(
        "A former Marlow Steel executive was fined 50,000 pounds for insider trading in 2019."))
    [fined] = events("Marlow Steel was fined 50,000 pounds for breaching safety rules.")
    assert "penalized=Marlow Steel" in fined[3]


def test_sales_a_business_has_describe_it_and_sales_it_had_are_a_result():
    assert events("A spokesman for Merrow Foods declined to comment on a report that it had received interest in its "
                  "frozen food business, which has annual sales of about 900 million euros.") == []
    [had] = events("Merrow Foods had sales of 900 million euros in 2024.")
    assert had[:2] == ("financial_result", "sales")


def test_a_player_signed_or_bought_is_no_business_deal():
    assert events("Real Madrid signed the French striker on a five-year contract worth a reported 15 million "
                  "euros a year.") == []
    assert not any(e[0] == "acquisition" for e in events(
        "The fee was later overtaken by Chelsea's purchase of the Argentine midfielder Enzo Fernandez."))


def test_a_stake_held_is_no_purchase_and_a_stake_taken_is_one():
    assert events("Hedge fund Tarrow Capital, which has a stake of about $2 billion in Corrie Airlines, wants to "
                  "replace the airline's chief executive.") == []
    [taken] = events("Tarrow Capital took a stake of about $2 billion in Corrie Airlines.")
    assert taken[:2] == ("acquisition", "stake")


def test_what_a_planned_site_would_do_is_planned():
    text = "Harlow Motors {} $300 million in a battery factory in Ohio. The factory would create 1,200 jobs."
    [_, planned] = events(text.format("plans to invest"))
    assert planned[:3] == ("hiring", "create", "planned")
    [_, announced] = events(text.format("will invest"))
    assert announced[:3] == ("hiring", "create", "announced")


def test_to_fine_after_an_intention_is_a_planned_penalty():
    [found] = events("US regulators intend to fine Tessaro Motors Company $16.4 million over allegations that the "
                     "company failed to notify officials.")
    assert found[:3] == ("penalty", "fine", "planned") and "penalized=Tessaro Motors Company" in found[3]
