"""Which country a place name or demonym points to ("Karachi" -> PK, "Kenyan" -> KE).

Country names come from CLDR through Babel; city names (GeoNames, 100,000+
people) from `patterns/places.json`, aliases and demonyms from `patterns/place_names.json`.
"""

from __future__ import annotations

from functools import cache

from babel import Locale

from pipeline.patterns import load_json

_NOT_COUNTRIES = {"EU", "UN", "EZ"}  # CLDR also names the European Union, the United Nations and the eurozone


@cache
def _territories() -> dict[str, str]:
    return {name: code for code, name in Locale("en").territories.items()
            if code.isalpha() and len(code) == 2 and code not in _NOT_COUNTRIES}


@cache
def _names() -> dict[str, str]:
    names = dict(load_json("places.json")["cities"])
    names.update(_territories())
    names.update(load_json("place_names.json")["country_aliases"])
    names.update(load_json("place_names.json")["demonyms"])
    return names


def country_of(name: str) -> str | None:
    """ISO 3166 code of the country a place name, country name or demonym belongs to.

    >>> country_of("Karachi"), country_of("Pakistan"), country_of("Kenyan"), country_of("UAE")
    ('PK', 'PK', 'KE', 'AE')
    >>> country_of("the Netherlands"), country_of("Alibaba"), country_of("European Union")
    ('NL', None, None)
    """
    name = " ".join(name.split())
    return _names().get(name) or _names().get(name.removeprefix("the ").removesuffix("’s").removesuffix("'s"))


def is_place(name: str) -> bool:
    """Whether the name is a known country, country alias, state or city (not a demonym, nor a place name
    news mostly uses for a company, such as "Delta").

    >>> is_place("Maharashtra"), is_place("Delta"), is_place("Kenyan")
    (True, False, False)
    """
    names = load_json("place_names.json")
    return country_of(name) is not None and name not in names["demonyms"] and name not in names["also_organizations"]


@cache
def _countries() -> frozenset[str]:
    return frozenset(set(_territories()) | set(load_json("place_names.json")["country_aliases"]))


def is_country(name: str) -> bool:
    """Whether the name is a country or a country's other name (not a city or a region).

    >>> is_country("New Zealand"), is_country("UAE"), is_country("Santa Fe"), is_country("Norilsk")
    (True, True, False, False)
    """
    return " ".join(name.split()).removeprefix("the ") in _countries()
