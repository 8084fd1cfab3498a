"""Organization records on the real model: canonical names safe to group across articles, keys and evidence.

Sentences written for these tests."""

from pipeline import extract


def organizations(text):
    return extract(text, published="2024-03-01").organizations


def test_an_acronym_the_article_defines_wins_over_the_gazetteer_entry_with_the_same_letters():
    orgs = organizations("The General Administration of Customs (GAC) seized fake handbags. GAC said they came by sea.")
    assert [(o.name, len(o.mentions)) for o in orgs] == [("General Administration of Customs", 3)]
    assert orgs[0].key == "name:general-administration-of-customs"
    assert "gazetteer" not in orgs[0].evidence and "acronym" in orgs[0].evidence


def test_a_unit_is_not_renamed_to_its_parent():
    orgs = organizations("Analysts at Kotak Securities cut their target on the shares of Woori Bank.")
    assert [o.name for o in orgs] == ["Kotak Securities", "Woori Bank"]


def test_a_gazetteer_unit_keeps_its_own_name():
    """Known units (a shipyard, a utility, a broker, a ratings arm) are not grouped under their parent's name."""
    orgs = organizations("Hyundai Heavy Industries will build the ships. Southern California Edison raised rates. "
                         "RBC Capital Markets cut its target. Moody's Investors Service downgraded the bonds.")
    assert [o.name for o in orgs] == ["HD Hyundai Heavy Industries", "Southern California Edison",
                                      "RBC Capital Markets", "Moody's Investors Service"]


def test_merger_partners_and_units_keep_their_own_names():
    """Companies that merged or were bought stay apart in the news of their deal, and a unit is not its parent."""
    orgs = organizations("Mittal Steel agreed to buy Arcelor. Essilor and Luxottica agreed to merge. InBev will take "
                         "over Anheuser-Busch. British Gas, owned by Centrica, raised prices.")
    assert [o.name for o in orgs] == ["Mittal Steel", "Arcelor", "Essilor", "Luxottica", "InBev", "Anheuser-Busch",
                                      "British Gas", "Centrica"]


def test_one_legal_form_policy_for_every_name():
    orgs = organizations("NovaGrid Technologies, Inc. and Siemens Energy AG signed a supply deal. NovaGrid said it "
                         "would hire 40 engineers.")
    assert [o.name for o in orgs] == ["NovaGrid Technologies", "Siemens Energy"]
    assert "legal_form" in orgs[0].evidence and "alias" in orgs[0].evidence


def test_a_name_keeps_its_possessive_and_its_accents():
    orgs = organizations("Ben & Jerry's said it would raise prices. Nestlé SA said sales rose, and Nestle shares fell.")
    assert [o.name for o in orgs] == ["Ben & Jerry's", "Nestlé"]
    assert orgs[1].key == "gz:nestle" and len(orgs[1].mentions) == 2


def test_keys_do_not_depend_on_the_article():
    first = organizations("Alibaba Group Holding Ltd said revenue rose.")
    second = organizations("Shares of Alibaba fell 3 percent on Tuesday after Zorvane Textiles Ltd. sued it.")
    assert first[0].key == second[0].key == "gz:alibaba"
    assert second[1].key == "name:zorvane-textiles" and {"model", "cue"} & set(second[1].evidence)


def test_a_name_closed_by_an_organization_word_says_so_in_its_evidence():
    from pipeline import extract

    orgs = extract("Lindqvist Infraestructuras won the tender, and the Home Office approved it.").organizations
    assert [(o.name, "organization_word" in o.evidence) for o in orgs] == [
        ("Lindqvist Infraestructuras", True), ("Home Office", True)]


def test_a_known_company_and_a_country_name_its_unit_there():
    from pipeline import extract

    text = "Unilever said it would sell Unilever Indonesia, and BHP, Australia's largest miner, rose."
    orgs = extract(text).organizations
    assert [(o.name, len(o.mentions)) for o in orgs] == [("Unilever", 1), ("Unilever Indonesia", 1), ("BHP", 1)]
