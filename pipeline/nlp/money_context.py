"""What a story says about the currency of its amounts: the countries it names and the day it was published.

A shared currency form ("kroner", "Rs", "francs") is read as the currency a
named country used on the article's date (`pipeline.normalize.money.currency_in_context`).
The countries are the dateline's first (a story from Copenhagen is about
Denmark even when the text never says so), then every place, country and
demonym the model finds in the text, most named first. The dateline's place
is not a field of the article: it is read here from the text of the
article's metadata ranges ("COPENHAGEN, May 2 (Reuters) - ", "NAIROBI, Kenya
(AP) _ "), the stretches `pipeline.inputs.datelines` finds, and from a line
of the head that opens with a place in capitals ("ANKARA 1996-08-27", "LONDON,
June 3"), for the forms it leaves to the body.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc

from pipeline.nlp.base import doc_text
from pipeline.normalize.places import country_of

#: The place of a dateline: up to two comma-separated names before its date, agency or dash.
_DATELINE_PLACE = re.compile(r"^\s*([A-Z][^\W\d_]*(?:[ .'’&-]+[A-Za-z][^\W\d_]*)*\.?)(?:\s*,\s*([A-Z][^\W\d_]*"
                             r"(?:[ .'’-]+[A-Za-z][^\W\d_]*)*\.?))?")


#: A line of the article's head that opens with a place in capitals before a date, a comma or a dash ("ANKARA
#: 1996-08-27", "LONDON, June 3"): a dateline the header reader did not mark.
_CAPITAL_LINE = re.compile(r"(?m)^([A-Z][A-Z.'’ ]*[A-Z]\.?)(?=\s*(?:\d|,|\(|-|—|–))")
_HEAD = 400


@dataclass(frozen=True)
class Story:
    """The countries a story names (its dateline's first, then most named first) and its publication date."""

    countries: list[str]
    published: date | None


def story_of(doc: Doc) -> Story:
    """The countries and date a Doc's article gives its amounts."""
    countries = dateline_countries(doc)
    countries += [c for c in named_countries(doc) if c not in countries]
    return Story(countries, _published(doc))


def named_countries(doc: Doc) -> list[str]:
    """Countries the text names (places, countries, demonyms; "ANKARA" as "Ankara"; the country that ends or opens
    an organization's name, "Bank of France", "Swedish Transport Administration"), most named first."""
    named = Counter(code for ent in doc.ents if (code := _country_of_entity(ent.text, ent.label_)) is not None)
    return [code for code, _ in named.most_common()]


def _country_of_entity(text: str, label: str) -> str | None:
    if label in {"GPE", "LOC", "NORP"}:
        return _country(text)
    if label != "ORG":
        return None
    return _country(text.rsplit(" of ", 1)[1]) if " of " in text else _country(text.split(" ", 1)[0])


def dateline_countries(doc: Doc) -> list[str]:
    """The countries of the places that open the article's metadata ranges ("COPENHAGEN, May 2 (Reuters) - ").

    >>> from types import SimpleNamespace as N
    >>> import spacy
    >>> def doc(text, *ranges):
    ...     made = spacy.blank("en")(text)
    ...     made._.article = N(text=text, header=N(metadata_ranges=ranges))
    ...     return made
    >>> dateline_countries(doc("COPENHAGEN, May 2 (Reuters) - Novo said", (0, 30)))
    ['DK']
    >>> dateline_countries(doc("Turkey talks .\\nANKARA 1996-08-27\\nTurkish troops"))
    ['TR']
    >>> dateline_countries(doc("NAIROBI, Kenya (AP) _ Police", (0, 22))), dateline_countries(doc("May 7, 2024", (0, 11)))
    (['KE'], [])
    """
    article = doc._.article
    texts = [article.text[start:end] for start, end in article.header.metadata_ranges] if article is not None else []
    texts += [match.group(1) for match in _CAPITAL_LINE.finditer(doc_text(doc)[:_HEAD])]
    found: list[str] = []
    for text in texts:
        place = _DATELINE_PLACE.match(text)
        for name in place.groups() if place else ():
            code = _country(name) if name else None
            if code is not None and code not in found:
                found.append(code)
    return found


def _country(name: str) -> str | None:
    name = name.strip()
    return country_of(name) or (country_of(name.title()) if name.isupper() else None)


def _published(doc: Doc) -> date | None:
    article = doc._.article
    published = article.header.published if article is not None else None
    try:
        return date.fromisoformat(published[:10]) if published and len(published) >= 10 else None
    except ValueError:
        return None
