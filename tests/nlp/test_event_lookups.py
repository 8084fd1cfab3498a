"""The look-ups by position that keep events linear in the length of a piece (issue 12: "Google said Google would
hire 5 people." repeated was quadratic): the facts inside a frame's words, and the first fact a role's range
overlaps. Each gives what a scan of every fact would: the same spans, in the same order, edge cases included
(spans without words, overlapping or nested facts, facts listed out of text order). Rule tests on the tokenizer
alone."""

import random

import pytest
import spacy
from spacy.tokens import Span

from pipeline.nlp.events.facts import SpansByStart
from pipeline.nlp.events.frames import Frame
from pipeline.nlp.events.lexicon import FrameRule
from pipeline.nlp.events.slots import Arguments
from pipeline.nlp.events.triggers import Candidate
from pipeline.piece_facts import Refs


@pytest.fixture(scope="module")
def doc():
    return spacy.blank("en")("Acme Corp said on Monday it would pay $ 5 million for 300 shops in Ohio by March .")


def scan(spans: list[Span], tokens: set[int]) -> list[Span]:
    """The definition: every span whose words are all among `tokens`, in list order."""
    return [s for s in spans if all(i in tokens for i in range(s.start, s.end))]


def test_spans_inside_a_set_of_words_keep_the_list_order(doc):
    spans = [Span(doc, 8, 11), Span(doc, 0, 2), Span(doc, 0, 1), Span(doc, 12, 14)]  # "$ 5 million", "Acme Corp"...
    index = SpansByStart(spans)
    assert [s.text for s in index.within({0, 1, 8, 9, 10})] == ["$ 5 million", "Acme Corp", "Acme"]
    assert [s.text for s in index.within({0, 8, 9})] == ["Acme"]  # a span cut short by the set is left out
    assert index.within(set()) == []
    assert index.within({2, 3, 4}) == []


def test_a_span_without_words_is_inside_any_set(doc):
    spans = [Span(doc, 4, 4), Span(doc, 3, 5)]
    index = SpansByStart(spans)
    assert index.within(set()) == [spans[0]]
    assert index.within({3, 4}) == spans


def test_spans_inside_match_a_scan_of_every_span(doc):
    rng = random.Random(12)
    spans = [Span(doc, start, start + rng.randint(0, 3)) for start in (rng.randrange(len(doc) - 3) for _ in range(40))]
    index = SpansByStart(spans)
    for _ in range(300):
        tokens = {i for i in range(len(doc)) if rng.random() < 0.6}
        assert index.within(tokens) == scan(spans, tokens)


def first_overlapping(facts: list[tuple[int, int, int]], start: int, end: int) -> int | None:
    """The definition: the first fact in list order with s < end and start < e."""
    return next((i for s, e, i in facts if s < end and start < e), None)


def test_the_first_fact_a_range_overlaps_is_the_first_in_the_list_not_in_the_text():
    facts = [(50, 60, 0), (10, 20, 1), (12, 14, 2), (100, 300, 3), (150, 155, 4), (5, 6, 4)]  # mentions by organization
    refs = Refs(facts)
    assert refs.first_overlapping(12, 14) == 1
    assert refs.first_overlapping(13, 55) == 0
    assert refs.first_overlapping(150, 152) == 3  # inside a long fact that starts well before
    assert refs.first_overlapping(20, 50) is None  # ends touching are no overlap
    assert refs.first_overlapping(400, 410) is None
    assert refs.first_overlapping(0, 5) is None
    assert refs.first_overlapping(0, 153) == 0
    assert refs.first_overlapping(3, 6) == 4
    assert Refs([]).first_overlapping(0, 10) is None


def test_the_first_fact_a_range_overlaps_matches_a_scan_of_the_list():
    rng = random.Random(7)
    for _ in range(50):
        facts = []
        for _ in range(rng.randint(0, 30)):
            start = rng.randrange(200)
            facts.append((start, start + rng.choice([0, 1, 5, 20, 120]), rng.randrange(10)))
        facts.sort(key=lambda fact: fact[2])  # in the record's order: an organization's mentions grouped, any order
        refs = Refs(facts)
        for _ in range(40):
            start = rng.randrange(220)
            end = start + rng.choice([0, 1, 3, 10, 60])
            assert refs.first_overlapping(start, end) == first_overlapping(facts, start, end)


def _frame(doc, kind: str) -> Frame:
    rule = FrameRule(kind, "verb", (("seize",),), {}, frozenset(), "test")
    return Frame(rule, Candidate(doc[0], doc[0:1], (rule,)), "completed", Arguments(), set())


def test_a_frame_refuses_a_fact_it_holds_and_forgets_what_it_let_go(doc):
    """Roles are checked against sets (one event of thousands of objects was quadratic); what `add` refuses and
    `has` answers stays what a scan of the roles says, after `retain` too."""
    frame = _frame(doc, "enforcement")
    acme, money, shops = Span(doc, 0, 2), Span(doc, 8, 11), Span(doc, 12, 14)
    frame.add("authority", acme)
    frame.add("helper", acme)  # the same fact fills one role only
    frame.add("value", money)
    frame.add("count", shops)
    frame.add("count", Span(doc, 12, 14, label="OTHER"))  # not equal to `shops` for spaCy: kept
    frame.add("metric", value="revenue")  # not a role of enforcement
    assert [(r.role, r.filler.text) for r in frame.roles] == [("authority", "Acme Corp"), ("value", "$ 5 million"),
                                                              ("count", "300 shops"), ("count", "300 shops")]
    assert frame.has("count") and not frame.has("helper") and frame.fills(acme)
    frame.retain(lambda r: r.role != "authority")
    assert not frame.has("authority") and not frame.fills(acme)
    frame.add("helper", acme)  # let go, so it may come back in another role
    assert frame.fillers("helper") == [acme]


def test_the_nearest_helpers_are_those_a_sort_by_distance_gives(doc):
    """An enforcement event takes the nearest helpers of its sentence (a window grown by bisect, not a sort per
    event): the distances chosen are the smallest ones, and the spans stay in text order."""
    from pipeline.nlp.events.context import _nearest

    def distance(span: Span, i: int) -> int:
        return span.start - i if span.start >= i else max(i - span.end, 0)

    rng = random.Random(7)
    for _ in range(300):
        starts = sorted(rng.sample(range(len(doc)), rng.randint(0, 8)))
        spans = [Span(doc, s, s + 1) for s in starts]
        i, most = rng.randrange(len(doc)), rng.randint(1, 4)
        got = _nearest(spans, starts, i, most)
        assert got == sorted(got, key=lambda s: s.start) and len(got) == min(most, len(spans))
        assert sorted(distance(s, i) for s in got) == sorted(distance(s, i) for s in spans)[:len(got)]
