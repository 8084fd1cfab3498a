"""The number grammar on tokens, and the component that finds every number once (spacy.blank("en"))."""

import pytest
import spacy

from pipeline.nlp.numbers import number_runs, qualifier_before


@pytest.fixture(scope="module")
def blank():
    nlp = spacy.blank("en")
    nlp.add_pipe("factwire_numbers")
    return nlp


@pytest.mark.parametrize(("text", "runs"), [
    ("three hundred and forty two workers", ["three hundred and forty two"]),
    ("1.16 billion and 70 000 jobs", ["1.16 billion", "70 000"]),
    ("the fourth time, one of the first", ["one"]),
])
def test_number_runs(blank, text, runs):
    assert [r.text for r in number_runs(blank.make_doc(text))] == runs


@pytest.mark.parametrize(("text", "runs"), [
    ("$1 billion seven years ago", ["1 billion", "seven"]),  # number words never continue digits
    ("half a million fake trainers", ["half a million"]),
    ("ANKARA 1996-08-27 , DUE 5/1/98-02 SR , score 4-2", ["4", "2"]),  # three glued groups: a date or a code
    ("( CZK 000 's ) on 08", []),  # "000", "08": parts of tables and dates
])
def test_what_is_one_number_and_what_is_none(blank, text, runs):
    assert [r.text for r in number_runs(blank.make_doc(text))] == runs


@pytest.mark.parametrize(("text", "runs"), [
    ("one point three percent", ["one point three"]),
    ("a 1.5-billion-euro deal", ["1.5-billion"]),
    ("thousand thousand", ["thousand", "thousand"]),
])
def test_number_words_join_only_as_one_number(blank, text, runs):
    assert [r.text for r in number_runs(blank.make_doc(text))] == runs


def test_the_component_keeps_the_runs_in_a_span_group(blank):
    doc = blank("It hired 1,200 people and 70 000 more.")
    assert [s.text for s in doc.spans["numbers"]] == ["1,200", "70 000"]


def test_the_qualifier_before_a_number(blank):
    doc = blank.make_doc("It has more than 40 stores and an estimated 7 plants.")
    assert [qualifier_before(doc, i) for i, t in enumerate(doc) if t.like_num] == ["over", "about"]
