"""The tokenizer's affix patterns searched fast: the same tokens as a full search, in linear time."""

from pipeline.nlp.loader import TailSearch


def test_the_tail_search_finds_what_a_full_search_finds(nlp):
    tail = nlp.tokenizer.suffix_search.__self__
    assert isinstance(tail, TailSearch) and tail.tail < 20
    cases = ["word.", "end....", "." * 500, "x" + "." * 300, "10km", "5km²", "$", "$" * 200, "(" * 300, "U.S.",
             "it's", "AT&T.", "115USD", "10k$", "50bn", "Hello!!!", "a" * 1000 + "'s", "…", "x……", "3°C."]
    for case in cases:
        ours, theirs = tail.search(case), tail.regex.search(case)
        assert (ours and ours.span()) == (theirs and theirs.span()), case


def test_prefixes_are_matched_not_searched(nlp):
    prefix = nlp.tokenizer.prefix_search
    assert prefix.__name__ == "match" and prefix("$5").group() == "$" and prefix("a$") is None
