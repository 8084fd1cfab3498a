"""extract() on random Unicode: control characters, zero-width and RTL marks, combining marks, emoji, every line
break; never an exception, every offset valid (hypothesis, a bounded number of examples)."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline import extract

_PIECES = st.sampled_from([
    "Acme Corp. ", "paid $5 million ", "to 300 workers ", "on March 3, 2019. ", "Source: Wire\n", "\r\n", "\r",
    "\u2028", "\u2029", "\x00", "\x0b", "\x0c", "\x1b", "\u200b", "\u200d", "\u200e", "\u200f", "\u202e", "\ufeff",
    "e\u0301", "\u0336", "😀", "👩\u200d👩\u200d👧", "🇯🇵", "€", "HK$", "((", "$$", "\t", "\n\n", "ﷺ", "العربية ", "日本語",
])
_TEXTS = st.lists(st.one_of(_PIECES, st.text(max_size=12)), max_size=30).map("".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=_TEXTS)
def test_extract_never_fails_and_every_offset_points_into_the_text(nlp, text):
    article = extract(text)
    assert article.text == text
    mentions = [m for org in article.organizations for m in org.mentions]
    for fact in [*mentions, *article.money, *article.counts, *article.dates]:
        assert 0 <= fact.start < fact.end <= len(text) and text[fact.start:fact.end] == fact.text
