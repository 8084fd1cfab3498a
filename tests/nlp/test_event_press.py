"""House styles of dev21 (1980s-90s wire, Korean and Chinese state press, tech blogs, court news; real model,
invented names, read by hand).
Each case is one class: a figure a public body reports with no company of its own is an economic statistic, no
financial result; "fined <firm> X <amount>", which the parse hangs on the amount, fines the firm; "IT services
major X", whose "services" the tagger reads as a verb, is the subject; goods joined under one count ("toys and
cosmetics") are one count of the event; "a 1.1 trillion won deal", whose "won" the parse reads as a verb, is
still the deal signed; a round named by its letter ("$18M Series A") is funding. From distractor probes: the same
act "in each of the past three years" is a tally; "the investment case", "its acquisition history" name a kind of
thing, no event.
"""

from tests.nlp.test_events import event, events


def test_a_statistic_a_public_body_reports_is_no_companys_result():
    assert events("Retail sales rose 0.6% to $712 billion in April, the Commerce Department said.") == []
    assert events("Orders for machine tools rose 4% to 2.1 billion euros, the Federal Statistical Office said.") == []
    [result] = events("Revenue rose 9% to $3.2 billion, Halvard Bank said.")
    assert result[:2] == ("financial_result", "rose") and "company=Halvard Bank" in result[3]


def test_a_firm_fined_before_the_amount_is_the_one_penalized():
    assert events("A Lyon court fined ride-sharing firm Zapido 1.8 million euros for breaching labour law.") == [
        event("penalty", "fined", "completed", "penalized=Zapido", "value=1.8 million euros")]


def test_a_sector_major_is_the_subject_though_the_tagger_reads_a_verb():
    [hiring] = events("IT services major Corvanta Systems plans to hire 12,000 graduates this year.")
    assert hiring[:3] == ("hiring", "hire", "planned")
    assert hiring[3] >= {"company=Corvanta Systems", "count=12,000 graduates"}


def test_goods_joined_under_one_count_are_counted_together():
    [seizure] = events("Customs officers in Genoa seized 400,000 fake handbags and wallets at the port.")
    assert seizure[:3] == ("enforcement", "seized", "completed")
    assert "count=400,000 fake handbags and wallets" in seizure[3]


def test_a_won_deal_is_signed_though_the_parse_reads_won_as_a_verb():
    [deal] = events("Seobong Steel said Monday it has inked a 1.1 trillion won deal to supply steel plate to "
                    "Norvik Motors.")
    assert deal[:3] == ("contract", "inked", "completed")
    assert deal[3] >= {"supplier=Seobong Steel", "buyer=Norvik Motors", "value=1.1 trillion won"}


def test_a_round_named_by_its_letter_is_funding():
    [round_] = events("Logistics startup Haulio bags $9M Series A led by Orbit Ventures")
    assert round_[:3] == ("investment", "bags", "completed")
    assert round_[3] >= {"recipient=Haulio", "investor=Orbit Ventures", "value=$9M"}


def test_the_same_act_in_each_of_past_years_is_a_tally():
    assert events("Corvanta has hired about 40,000 graduates in each of the past three years.") == []
    assert events("Halvard Bank has cut 2,000 jobs in each of the last two years.") == []
    [hiring] = events("Corvanta will hire 40,000 graduates in each of the next two years.")
    assert hiring[:3] == ("hiring", "hire", "announced")


def test_an_event_noun_naming_a_kind_of_thing_is_no_event():
    assert events("The investment case for Orbis Tech rests on its $2 billion cloud business, analysts wrote.") == []
    assert events("Its acquisition history includes 40 deals worth $9 billion.") == []
