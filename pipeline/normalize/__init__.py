"""Pure normalizers: strings in, values out. None of these modules imports spaCy."""
