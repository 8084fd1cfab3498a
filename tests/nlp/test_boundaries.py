"""Line boundaries: the layout starts sentences, no entity crosses a line break, and headlines are told from body
lines (spacy.blank("en"))."""

import pytest
import spacy
from spacy.tokens import Span

from pipeline.nlp.boundaries import LineStarts, line_ranges, split_at_line_breaks, title_case_lines


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


def test_entities_never_cross_a_line_break(blank):
    doc = blank.make_doc("Source: Xinhuanet.com\n\nRichemont joins")
    merged = doc.char_span(8, 32, label="ORG")
    assert [s.text for s in split_at_line_breaks(doc, [merged])] == ["Xinhuanet.com", "Richemont"]


def test_the_component_splits_the_docs_entities(blank):
    doc = blank.make_doc("Acme Corp\nShares rose")
    doc.ents = [Span(doc, 0, 4, label="ORG")]
    blank.add_pipe("factwire_boundaries")
    doc = blank.get_pipe("factwire_boundaries")(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("Acme Corp", "ORG"), ("Shares", "ORG")]


def test_title_case_lines_are_headlines(blank):
    doc = blank.make_doc("Kestrel Dynamics Wins Navy Drone Contract\nKestrel said on Monday it had won.")
    lines = line_ranges(doc)
    assert len(lines) == 2
    assert title_case_lines(doc, lines, frozenset({"on", "it"})) == {lines[0]}


def test_a_blank_line_a_list_item_and_a_closed_sentence_start_sentences_a_wrapped_line_does_not(blank):
    text = ("Corwell Reports Results\n\nHighlights:\n- Revenue of $212 million\n- Net loss of $8 million.\n"
            "Corwell said on Thursday that orders\nrose in the quarter.")
    doc = LineStarts()(blank.make_doc(text))
    starts = [t.text for t in doc if t.is_sent_start and t.i > 0]
    assert starts == ["Highlights", "-", "-", "Corwell"]
