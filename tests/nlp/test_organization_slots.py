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
