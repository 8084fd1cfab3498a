"""Organizations of issues 13 and 14 on the real model: names the model called a person, a product or nothing,
made companies by the place they fill in a business sentence.

Sentences written for these tests with invented names; each checks one rule and could fail if the rule went."""

import pytest


def orgs(nlp, text):
    return [e.text for e in nlp(text).ents if e.label_ == "ORG"]


@pytest.mark.parametrize(("text", "name"), [
    ("Brisco Partners agreed to buy Marlowe Supermarkets for $1.2 billion.", "Marlowe Supermarkets"),
    ("Kessling Foods will acquire Fennick Outdoor, the camping gear retailer, for £85 million.", "Fennick Outdoor"),
    ("Nyberg Fisk has been bought by Norwegian seafood group Lerøy for 900 million kroner.", "Nyberg Fisk"),
])
def test_what_is_bought_whole_is_a_company_whatever_the_model_called_it(nlp, text, name):
    assert name in orgs(nlp, text)


@pytest.mark.parametrize("text", [
    "Warren Buffett agreed to buy Elon Musk's stake in the carmaker.",
    "He bought John Smith a car for his birthday.",
    "The museum acquired the Blue Madonna in 1990.",
    "Fans bought the Galaxy Tab in record numbers.",
    "The university agreed to buy Hudson's Bay Building downtown.",
    "He acquired Segway PT in 2010.",
])
def test_a_person_a_product_or_a_building_bought_is_no_company(nlp, text):
    found = orgs(nlp, text)
    assert not {"Elon Musk", "John Smith", "Blue Madonna", "Galaxy Tab", "Building", "PT"} & set(found)


@pytest.mark.parametrize(("text", "name"), [
    ("Sutter Grain posted revenue of $3.4 billion in 2023.", "Sutter Grain"),
])
def test_an_unlabelled_name_acting_as_a_company_is_one(nlp, text, name):
    """Capitalized proper nouns the model left unlabelled, the subject of a business verb."""
    assert orgs(nlp, text) == [name]


@pytest.mark.parametrize("text", [
    "The Finance Ministers of the rich nations agreed a plan last month.",
    "Cold Stone Creamery was founded in 1988 in Scottsdale.",
    "The Monaco Calibre 360 LS Concept Chronograph has won the design award.",
])
def test_titles_and_parts_of_longer_names_acting_are_no_companies(nlp, text):
    assert not {"Finance Ministers", "Stone Creamery", "LS Concept Chronograph"} & set(orgs(nlp, text))


@pytest.mark.parametrize(("text", "name"), [
    ("Strand Mobility reported a net loss of $45 million for the first quarter.", "Strand Mobility"),
    ("Harwick Dairy plans to close three plants and cut 300 jobs.", "Harwick Dairy"),
    ("The state government awarded a $90 million contract to Halvorsen Bygg to build a new hospital.",
     "Halvorsen Bygg"),
    ("Fennick Outdoor is opening 14 stores across Scandinavia and hiring 300 staff.", "Fennick Outdoor"),
    ("Garnett Tools agreed to buy a rival for $75 million.", "Garnett Tools"),
    ("Tarn Pay has raised $40 million from investors.", "Tarn Pay"),
    ("Kessling Foods will supply Marlowe Supermarkets with chilled ready meals.", "Marlowe Supermarkets"),
    ("The health authority has chosen Halvorsen Bygg to build a new hospital.", "Halvorsen Bygg"),
])
def test_a_name_doing_what_only_companies_do_is_a_company(nlp, text, name):
    """Reporting a loss, closing plants, being awarded a contract; or, for a name ending in an industry's word
    ("Dairy", "Tools", "Bygg"), any business verb's subject, or the object of supplying or choosing."""
    assert name in orgs(nlp, text)


@pytest.mark.parametrize("text", [
    "Elon Musk cut about 6,000 jobs after he bought the social network.",
    "Jack Welch cut 100,000 jobs at the conglomerate in the 1980s.",
    "Howard Schultz closed 600 stores in 2008.",
    "John Smith won the contract to paint the bridge.",
    "The board hired John Smith to run the bank.",
])
def test_a_person_acting_for_a_company_stays_a_person(nlp, text):
    """A name the model calls a person's is a company's only when it ends in an industry's word."""
    assert orgs(nlp, text) == []


@pytest.mark.parametrize(("text", "part"), [
    ("Walmart Coffee will close 30 stores.", "Coffee"),
    ("Visitors say Harry's Island will create 15,000 jobs.", "Island"),
])
def test_the_last_words_of_a_longer_name_acting_are_not_a_company_of_their_own(nlp, text, part):
    assert part not in orgs(nlp, text)


def test_a_single_english_word_acting_is_no_company(nlp):
    text = "The alliance will work with brands and platforms.\n\nNet and Mr Porter will open online stores there."
    assert "Net" not in orgs(nlp, text)


@pytest.mark.parametrize(("text", "name"), [
    ("Kittering Retail is recruiting 4,000 seasonal staff.", "Kittering Retail"),  # the tagger: a verb in -ing
    ("Ride-hailing app Zuma has teamed up with insurer Calloway Mutual.", "Zuma"),
    ("Shareholders voted to approve the takeover by Norstead Re.", "Norstead Re"),
    ("The city awarded Ostrander Bus a contract to supply 120 electric buses.", "Ostrander Bus"),
    ("Hydra Defence clinched a deal to deliver 12 patrol boats to the navy.", "Hydra Defence"),
    ("Thames Water chose Bexley Civils for a £220 million pipeline contract.", "Bexley Civils"),
    ("Norvik Shipyard received an order from Stena Line for two ferries.", "Stena Line"),
])
def test_names_of_dev11_classes(nlp, text, name):
    """A person's name the tagger starts with a verb, "app" introducing a name, "Re" closing a reinsurer's name,
    "Bus" an industry's word."""
    assert name in orgs(nlp, text)


def test_a_name_ending_in_an_industrys_word_listed_with_a_company_is_one(nlp):
    assert orgs(nlp, "Regulators approved the merger of Cobalt Rail and Stannard Transit.") == \
        ["Cobalt Rail", "Stannard Transit"]


def test_two_names_each_ending_in_a_companys_word_are_two_companies(nlp):
    assert orgs(nlp, "Tarn Pay and Norvik Bank have agreed to work together on instant payments.") == \
        ["Tarn Pay", "Norvik Bank"]
    assert orgs(nlp, "Pacific Gas and Electric Company raised prices.") == ["Pacific Gas and Electric Company"]


def test_a_railway_introduces_a_name(nlp):
    assert "Vy" in orgs(nlp, "Alstead Rail will supply 30 trains to Norway's state railway Vy.")
