"""factwire: news articles in, validated facts out.

>>> from pipeline import extract
>>> extract("Alibaba paid $14.4 million.").money[0].amount  # doctest: +SKIP
'14400000'
"""

from pipeline.extract import extract, extract_folder, extract_texts
from pipeline.nlp import load
from pipeline.records import SCHEMA_VERSION, Article, Count, DateFact, Mention, Money, Organization

__all__ = [
    "SCHEMA_VERSION", "Article", "Count", "DateFact", "Mention", "Money", "Organization",
    "extract", "extract_folder", "extract_texts", "load",
]
