"""Organizations of issues 13 and 14 on the real model: names the model called a person, a product or nothing,
made companies by the place they fill in a business sentence, and the names that place does not make companies.

Sentences written for these tests with invented names; each checks one rule and could fail if the rule went."""

import pytest


def orgs(nlp, text):
    return [e.text for e in nlp(text).ents if e.label_ == "ORG"]


COMPANY = {  # rule: (text, the company it names)
    "bought whole": ("Brisco Partners agreed to buy Marlowe Supermarkets for $1.2 billion.", "Marlowe Supermarkets"),
    "acquired whole, beside an apposition": (
        "Kessling Foods will acquire Fennick Outdoor, the camping gear retailer, for £85 million.", "Fennick Outdoor"),
    "bought in the passive": ("Nyberg Fisk has been bought by Norwegian seafood group Lerøy for 900 million kroner.",
                              "Nyberg Fisk"),
    "reported a loss": ("Strand Mobility reported a net loss of $45 million for the first quarter.", "Strand Mobility"),
    "plans to close plants": ("Harwick Dairy plans to close three plants and cut 300 jobs.", "Harwick Dairy"),
    "awarded a contract": ("The state government awarded a $90 million contract to Halvorsen Bygg to build a new "
                           "hospital.", "Halvorsen Bygg"),
    "opening stores": ("Fennick Outdoor is opening 14 stores across Scandinavia and hiring 300 staff.",
                       "Fennick Outdoor"),
    "an industry's word, a business verb's subject": ("Garnett Tools agreed to buy a rival for $75 million.",
                                                      "Garnett Tools"),
    "an industry's word, raising money": ("Tarn Pay has raised $40 million from investors.", "Tarn Pay"),
    "an industry's word, supplied": ("Kessling Foods will supply Marlowe Supermarkets with chilled ready meals.",
                                     "Marlowe Supermarkets"),
    "an industry's word, chosen": ("The health authority has chosen Halvorsen Bygg to build a new hospital.",
                                   "Halvorsen Bygg"),
    "an industry's word after an order's 'from'": ("Norvik Shipyard received an order from Stena Line for two "
                                                   "ferries.", "Stena Line"),
    "a person's name the tagger starts with a verb": ("Kittering Retail is recruiting 4,000 seasonal staff.",
                                                      "Kittering Retail"),
    "'app' introduces a name": ("Ride-hailing app Zuma has teamed up with insurer Calloway Mutual.", "Zuma"),
    "'railway' introduces a name": ("Alstead Rail will supply 30 trains to Norway's state railway Vy.", "Vy"),
    "'Re' closes a reinsurer's name": ("Shareholders voted to approve the takeover by Norstead Re.", "Norstead Re"),
    "'Bus' an industry's word": ("The city awarded Ostrander Bus a contract to supply 120 electric buses.",
                                 "Ostrander Bus"),
    "'Defence' an industry's word, clinching a deal": (
        "Hydra Defence clinched a deal to deliver 12 patrol boats to the navy.", "Hydra Defence"),
    "'Civils' an industry's word": ("Thames Water chose Bexley Civils for a £220 million pipeline contract.",
                                    "Bexley Civils"),
    "the owner of a result": ("Zestra's revenue rose 10% to $40 million in the third quarter.", "Zestra"),
    "'Cables' an industry's word, chosen": ("Ostfold Energi picked Marrick Cables to lay an export cable to the "
                                             "wind farm.", "Marrick Cables"),
    "'Turbines' an industry's word after a purchase's 'from'": (
        "Irish utility Corrib Power has bought 20 wind turbines from Kelvin Turbines.", "Kelvin Turbines"),
    "a name before an amount's number, no model number": ("The EU fined Tessaro Micro 320 million euros for "
                                                          "abusing its position.", "Tessaro Micro"),
    "a cue before a country's possessive": ("The contract went to a consortium led by Spain's Acciona.",
                                            "Acciona"),
    "a Dutch or Nordic name's first word": ("Koninklijke Tessel reported a net loss of 40 million euros.",
                                            "Koninklijke Tessel"),
    "the owner of a deal, its name ending in a trade": (
        "Pelham Homes' £80 million purchase of rival builder Oakley Homes was completed on Friday.", "Pelham Homes"),
}

NOT_COMPANY = {  # rule: (text, a name that is no company there)
    "a person's stake is bought": ("Warren Buffett agreed to buy Elon Musk's stake in the carmaker.", "Elon Musk"),
    "a person is bought a thing": ("He bought John Smith a car for his birthday.", "John Smith"),
    "a work bought": ("The museum acquired the Blue Madonna in 1990.", "Blue Madonna"),
    "a product bought": ("Fans bought the Galaxy Tab in record numbers.", "Galaxy Tab"),
    "a building bought": ("The university agreed to buy Hudson's Bay Building downtown.", "Building"),
    "the end of a company's product name": ("He acquired Segway PT in 2010.", "PT"),
    "a title acting": ("The Finance Ministers of the rich nations agreed a plan last month.", "Finance Ministers"),
    "the end of a longer name founded": ("Cold Stone Creamery was founded in 1988 in Scottsdale.", "Stone Creamery"),
    "the end of a product's name winning": ("The Monaco Calibre 360 LS Concept Chronograph has won the design award.",
                                            "LS Concept Chronograph"),
    "the last word of a company's name acting": ("Walmart Coffee will close 30 stores.", "Coffee"),
    "the last word of a place's name acting": ("Visitors say Harry's Island will create 15,000 jobs.", "Island"),
    "a single English word acting": ("The alliance will work with brands and platforms.\n\nNet and Mr Porter will "
                                     "open online stores there.", "Net"),
}

EXACTLY = {  # rule: (text, every organization it names)
    "an unlabelled name acting": ("Sutter Grain posted revenue of $3.4 billion in 2023.", ["Sutter Grain"]),
    "a person cutting jobs for his company": ("Elon Musk cut about 6,000 jobs after he bought the social network.",
                                              []),
    "a person cutting jobs in the past": ("Jack Welch cut 100,000 jobs at the conglomerate in the 1980s.", []),
    "a person closing stores": ("Howard Schultz closed 600 stores in 2008.", []),
    "a person winning a contract": ("John Smith won the contract to paint the bridge.", []),
    "a person hired": ("The board hired John Smith to run the bank.", []),
    "an industry's word listed with a company": ("Regulators approved the merger of Cobalt Rail and Stannard "
                                                 "Transit.", ["Cobalt Rail", "Stannard Transit"]),
    "two names each ending in a company's word": ("Tarn Pay and Norvik Bank have agreed to work together on "
                                                  "instant payments.", ["Tarn Pay", "Norvik Bank"]),
    "one name of two company's words": ("Pacific Gas and Electric Company raised prices.",
                                        ["Pacific Gas and Electric Company"]),
}


@pytest.mark.parametrize(("text", "name"), COMPANY.values(), ids=COMPANY.keys())
def test_a_name_acting_as_only_companies_act_is_a_company(nlp, text, name):
    """Bought whole, reporting a loss, closing plants, awarded a contract; a name the model calls a person's only
    when it ends in an industry's word ("Dairy", "Tools", "Bygg")."""
    assert name in orgs(nlp, text)


@pytest.mark.parametrize(("text", "name"), NOT_COMPANY.values(), ids=NOT_COMPANY.keys())
def test_people_things_and_parts_of_names_in_those_places_are_no_companies(nlp, text, name):
    assert name not in orgs(nlp, text)


@pytest.mark.parametrize(("text", "expected"), EXACTLY.values(), ids=EXACTLY.keys())
def test_the_organizations_named_are_exactly_these(nlp, text, expected):
    """People acting for their companies stay people; names listed together are split or kept whole."""
    assert orgs(nlp, text) == expected


@pytest.mark.xfail(strict=True, reason="'Wealth' closing a name (as 'Capital' does) cost FiNER-ORD 0.2 points of "
                   "ORG F1, so it only closes a name the model calls a person's; the model calls 'Dunston' alone an "
                   "organization")
def test_wealth_closes_a_name_the_model_cut_short(nlp):
    assert "Dunston Wealth" in orgs(nlp, "The regulator fined Dunston Wealth £2 million for poor advice.")
