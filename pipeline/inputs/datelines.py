"""Datelines and bylines: the lines news opens with that are metadata, not facts.

A dateline names where (and often when, and through which agency) a story was
filed. It gives the article its publication date and its source, yields no
facts itself, and must end exactly where the body begins so that the first
organization of the body is not swallowed. The forms of the wire services
and release services are written here once:

- wire: "LONDON, March 3, 2024 (Reuters) - ", "HONG KONG, June 12 (Reuters) - ",
  "BEIJING, June 5 (Xinhua) -- ", "NAIROBI, Kenya (AP) _ ", "DUBAI -- ", the
  Indian press's "MUMBAI: ", the body on the line below or after it;
- release services: "AUSTIN, Texas, March 4, 2024 /PRNewswire/ -- ",
  "SAN FRANCISCO--(BUSINESS WIRE)--May 2, 2024--";
- a line of its own: "LONDON 1996-08-30", "KHASAVYURT , Russia 1996-08-31".

A byline ("By Harriet Quayle, City Editor", "By Business Reporter") is a credit,
not a headline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.normalize.dates import normalize_date

_PLACE = r"[A-Z][A-Z.'’-]+(?:[ \t]+[A-Z][A-Z.'’-]+){0,3}"  # the city, in capitals
_REGION = r"[A-Z][A-Za-z.]*(?:[ \t]+[A-Z][A-Za-z.]*){0,2}"  # ", Texas", ", Kenya", ", Calif."
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|"
          r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DATE = rf"(?:{_MONTH}[ \t]+\d{{1,2}}(?:,[ \t]*\d{{4}})?|\d{{1,2}}[ \t]+{_MONTH}(?:,?[ \t]+\d{{4}})?|\d{{4}}-\d{{2}}-\d{{2}})"
_WIRE = re.compile(
    rf"[ \t]*{_PLACE}(?:[ \t]*,[ \t]+{_REGION})?(?:,[ \t]+(?P<date>{_DATE}))?"
    r"(?:[ \t]*\((?P<agency>[A-Z][A-Za-z&.' ]{0,30})\))?(?:[ \t]*/(?P<service>[A-Z][A-Za-z -]{1,30})/)?"
    r"(?:[ \t]+(?:[-–—]+|_)|:)(?:[ \t]+|[ \t]*(?=\r?\n|$))")  # the body follows, or starts on the next line
_RELEASE = re.compile(
    rf"[ \t]*{_PLACE}(?:[ \t]*,[ \t]+{_REGION})?[ \t]*--\((?P<agency>[A-Z][A-Za-z ]{{2,30}})\)--"
    rf"(?:(?P<date>{_DATE})--)?[ \t]*")
_OWN_LINE = re.compile(rf"[ \t]*{_PLACE}(?:[ \t]*,[ \t]+{_REGION})?[ \t]+(?P<date>\d{{4}}-\d{{2}}-\d{{2}})[ \t]*$")
BYLINE = re.compile(r"[ \t]*By[ \t]+[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3}(?:[ \t]*,[ \t]*[A-Z][^\n,]{0,40})?[ \t]*$")


@dataclass(frozen=True)
class Dateline:
    """Where a dateline is in the text, and what it says: the publication date (ISO day) and the agency."""

    start: int
    end: int
    published: str | None = None
    source: str | None = None


def opening_dateline(text: str, pos: int) -> Dateline | None:
    """The dateline opening the body at `pos` ("LONDON, March 3, 2024 (Reuters) - ..."), or None.

    >>> d = opening_dateline("LONDON, March 3, 2024 (Reuters) - Barclays said", 0)
    >>> (d.end, d.published, d.source)
    (34, '2024-03-03', 'Reuters')
    >>> t = "SAN FRANCISCO--(BUSINESS WIRE)--May 2, 2024--Nimbrel Robotics, Inc. today reported"
    >>> d = opening_dateline(t, 0); (t[d.end:d.end + 7], d.published, d.source)
    ('Nimbrel', '2024-05-02', 'Business Wire')
    >>> d = opening_dateline("AUSTIN, Texas, March 4, 2024 /PRNewswire/ -- Corvanta Software Inc.", 0)
    >>> (d.published, d.source)
    ('2024-03-04', 'PRNewswire')
    >>> opening_dateline("NAIROBI, Kenya (AP) _ Kenya's watchdog fined", 0).source
    'AP'
    >>> opening_dateline("NEW DELHI: The Competition Commission of India", 0).end
    11
    >>> opening_dateline("Barclays said on Tuesday - in London - it would", 0) is None
    True
    """
    match = _RELEASE.match(text, pos) or _WIRE.match(text, pos)
    if match is None:
        return None
    agency = match.group("agency") or (match.groupdict().get("service"))
    return Dateline(match.start(), match.end(), _day(match.group("date")), _agency_name(agency))


def dateline_line(line: str) -> Dateline | None:
    """A dateline on a line of its own ("LONDON 1996-08-30"), offsets within the line, or None.

    >>> dateline_line("KHASAVYURT , Russia 1996-08-31").published
    '1996-08-31'
    >>> dateline_line("Results 2024-01-02 were up") is None
    True
    """
    match = _OWN_LINE.match(line)
    return Dateline(0, len(line), _day(match.group("date"))) if match else None


def is_byline(line: str) -> bool:
    """ "By Harriet Quayle, City Editor", "By Business Reporter": a credit line, not a headline.

    >>> is_byline("By Harriet Quayle, City Editor"), is_byline("By the Numbers: Banks Cut 200 Jobs in March, says X")
    (True, False)
    """
    return BYLINE.fullmatch(line) is not None


def _day(written: str | None) -> str | None:
    """The ISO day of a dateline's date when it writes its year."""
    if not written:
        return None
    normalized = normalize_date(written)
    return normalized[0] if normalized is not None and normalized[1] == "day" else None


def _agency_name(written: str | None) -> str | None:
    """An agency as it usually writes itself: "BUSINESS WIRE" -> "Business Wire"; "AP", "Reuters" as written."""
    if not written:
        return None
    written = written.strip()
    return written.title() if written.isupper() and " " in written else written
