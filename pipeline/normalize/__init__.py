"""Pure normalizers (no spaCy): written numbers, money, dates, organization names, places and qualifiers to values.

Each function is a `str -> value | None` with doctests as its specification;
the components of `pipeline.nlp` and the gold readers of `pipeline.gold` call
them, so a value is computed one way wherever it is needed.
"""

from pipeline.normalize.dates import normalize_date
from pipeline.normalize.money import currency_table, money_amount, read_money
from pipeline.normalize.numbers import decimal_string, parse_number, read_count
from pipeline.normalize.orgs import clean_name, group_mentions, name_key
from pipeline.normalize.places import country_of, is_place
from pipeline.normalize.qualifiers import qualifier

__all__ = ["clean_name", "country_of", "currency_table", "decimal_string", "group_mentions", "is_place", "money_amount",
           "name_key", "normalize_date", "parse_number", "qualifier", "read_count", "read_money"]
