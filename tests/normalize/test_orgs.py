import pytest

from pipeline.normalize.orgs import clean_name, group_mentions, name_key


@pytest.mark.parametrize(("text", "name"), [
    ("Alibaba’s", "Alibaba"), ("Alibaba's", "Alibaba"), ("the Federal Reserve", "Federal Reserve"),
    ("General Motors,", "General Motors"),
])
def test_clean_name(text, name):
    assert clean_name(text) == name


@pytest.mark.parametrize(("a", "b"), [
    ("Toyota Motor Corp.", "Toyota Motor Corporation"), ("Richemont SA", "Richemont"), ("HSBC Holdings plc", "HSBC"),
])
def test_legal_suffix_variants_share_a_key(a, b):
    assert name_key(a) == name_key(b)


def _group(text, forms):
    mentions = []
    for form in forms:
        start = text.index(form, mentions[-1][2] if mentions and mentions[-1][0] == form else 0)
        mentions.append((form, start, start + len(form), None))
    return [(g.name, sorted({m[0] for m in g.mentions})) for g in group_mentions(mentions, text)]


def test_acronym_defined_in_parentheses_joins_long_form():
    text = "The Securities and Exchange Commission (SEC) fined it. The SEC said so."
    groups = group_mentions([("Securities and Exchange Commission", 4, 38, None), ("SEC", 40, 43, None),
                             ("SEC", 59, 62, None)], text)
    assert [(g.name, len(g.mentions)) for g in groups] == [("Securities and Exchange Commission", 3)]


def test_acronym_of_initials_joins_long_form():
    text = "Yoox Net-a-Porter and Alibaba agreed. YNAP said."
    groups = group_mentions([("Yoox Net-a-Porter", 0, 17, None), ("Alibaba", 22, 29, None), ("YNAP", 38, 42, None)], text)
    assert [g.name for g in groups] == ["Yoox Net-a-Porter", "Alibaba"]


def test_short_form_joins_full_name():
    text = "Toyota Motor Corp. rose. Toyota said."
    groups = group_mentions([("Toyota Motor Corp.", 0, 18, None), ("Toyota", 25, 31, None)], text)
    assert [(g.name, len(g.mentions)) for g in groups] == [("Toyota Motor", 2)]


def test_possessive_is_the_same_organization():
    text = "Alibaba and Alibaba’s unit"
    groups = group_mentions([("Alibaba", 0, 7, None), ("Alibaba’s", 12, 21, None)], text)
    assert len(groups) == 1


def test_a_name_ending_one_longer_name_joins_it():
    text = "The U.S. Air Force said the Air Force would decide."
    groups = group_mentions([("U.S. Air Force", 4, 18, "U.S. Air Force"), ("Air Force", 28, 37, None)], text)
    assert [(g.name, len(g.mentions)) for g in groups] == [("U.S. Air Force", 2)]


def test_two_gazetteer_names_never_join_by_their_tails():
    text = "Bank of Ireland and the Central Bank of Ireland"
    groups = group_mentions([("Bank of Ireland", 0, 15, "Bank of Ireland"),
                             ("Central Bank of Ireland", 24, 47, "Central Bank of Ireland")], text)
    assert len(groups) == 2
