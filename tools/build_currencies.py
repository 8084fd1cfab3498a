"""Regenerate pipeline/patterns/cldr_currencies.json: how CLDR writes every currency, read through Babel.

Reading all territories' locale data costs more than a second at every load,
so the forms are kept as data; `tests/normalize/test_money.py` checks the file
against the installed Babel, and this script brings it up to date.

    python tools/build_currencies.py
"""

from __future__ import annotations

import json
from pathlib import Path

import babel

from pipeline.normalize.money import cldr_currency_forms
from pipeline.patterns import load_json

TARGET = Path(__file__).resolve().parents[1] / "pipeline" / "patterns" / "cldr_currencies.json"


def main() -> None:
    forms = cldr_currency_forms(set(load_json("currencies.json")["codes_not_currency"]))
    data = {"_about": f"Currency forms -> ISO 4217 codes from CLDR through Babel {babel.__version__}: every code, its "
                      "English symbol, names and plurals, each country's local symbol and '<country> <currency word>'; "
                      "regenerate with tools/build_currencies.py.", **forms}
    TARGET.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{len(forms['symbols'])} symbols, {len(forms['words'])} words -> {TARGET}")


if __name__ == "__main__":
    main()
