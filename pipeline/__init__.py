"""factwire: news articles in, validated facts out.

    from pipeline import extract
    extract("Alibaba paid $14.4 million.").money[0].amount   # '14400000'

The library API is this module's `__all__`; `tests/test_library.py` runs these calls on the real model.
"""

from pipeline.extraction import extract, extract_folder, extract_texts
from pipeline.nlp.loader import load
from pipeline.records import SCHEMA_VERSION, Article, Count, DateFact, Mention, Money, Organization

__all__ = [
    "SCHEMA_VERSION", "Article", "Count", "DateFact", "Mention", "Money", "Organization",
    "extract", "extract_folder", "extract_texts", "load",
]
