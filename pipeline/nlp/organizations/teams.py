"""Sports clubs named by their city: organizations in results and match reports, places elsewhere.

"Hartford 4 BOSTON 2", a standings row "Chelsea 5 3 1 1 8 4 10" and
"Leicestershire beat Somerset" name clubs, which the model calls places or
persons ("Kent 108-3" a PERSON). Only inside a sports article (general match
vocabulary, `patterns/sports.json`; a bare results table needs fewer words) the names in team
positions become organizations:

- a results line: a name followed by a score, at the start of the line or
  after another score or a separator ("Somerset 83 and 174 , Leicestershire 296");
- a name on either side of a match verb ("X beat Y", "X v Y"), after "drew
  0-0 with", "lost to", "their match against", before a squad noun ("Surrey
  captain"); in a fixture line "X AT Y" the first (Y is the venue);
- a name listed with such a club ("Essex , Derbyshire and Surrey");

and every other mention of such a name in the article, but where places stand
("in Boston", the venue "Leicester :"). Countries stay places: national teams
are written as their country. Persons stay persons: a name after an initial
("P. Simmons 4-38"), a person the model names in full ("Billy Mayfair 66 71"),
a part of such a person's name.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from functools import cache

import numpy
from spacy.attrs import LOWER
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from pipeline.nlp.base import string_ids
from pipeline.nlp.boundaries import ends_line, line_ranges
from pipeline.nlp.organizations.vocabulary import OrgVocabulary
from pipeline.normalize.places import is_country, is_place
from pipeline.patterns import load_json

_SCORE = re.compile(r"^(?:\d{1,3}(?:[-/]\d{1,3})?\*?|\d*\.\d+)$")  # "4", "2-1", "236", ".561"; not "1996" or "1,000"
_INITIAL = re.compile(r"^[A-Z]\.")  # "P." of "P. Simmons", "T.O'Gorman"
_LIST_JOINERS = {",", "and", "or", "&"}
_SEPARATORS = {",", ";", ":", "-", "–", "v", "vs", "vs.", "and", "&"}
_NOT_TEAMS = {"NORP", "EVENT", "LAW", "LANGUAGE", "WORK_OF_ART"}  # model labels no club gets: "Olympic", "Euro 96"
_NOT_TEAMS_IN_TABLES = {"NORP", "LANGUAGE"}
_NOT_NAME_TAGS = {"ADV", "ADP", "DET", "PRON", "SCONJ", "CCONJ", "AUX"}  # a capitalized word opening a sentence
_MONTHS = frozenset(calendar.month_name[1:])  # "AUGUST 74 59" heads no standings row
RESULT, VERB, SQUAD = "result", "verb", "squad"  # the team positions of `team_slots`
TEAM = "cue"  # evidence of a club: its position in a result is a cue in the text, as "shares of X" is


@dataclass(frozen=True)
class SportsWords:
    """The words of `patterns/sports.json`."""

    context_ids: numpy.ndarray  # the words of match reports, as `string_ids` (counted on the Doc's LOWER array)
    min_context_words: int
    min_context_words_with_table: int
    min_table_teams: int
    fixture_words: frozenset[str]
    match_verbs: frozenset[str]
    result_words: frozenset[str]
    result_prepositions: frozenset[str]
    table_words: frozenset[str]
    squad_nouns: frozenset[str]


@cache
def sports_words() -> SportsWords:
    data = load_json("sports.json")
    return SportsWords(string_ids(data["context_words"]), data["min_context_words"],
                       data["min_context_words_with_table"], data["min_table_teams"], frozenset(data["fixture_words"]),
                       frozenset(data["match_verbs"]),
                       frozenset(data["result_words"]), frozenset(data["result_prepositions"]),
                       frozenset(data["table_words"]), frozenset(data["squad_nouns"]))


def with_teams(doc: Doc, ents: list[Span], vocab: OrgVocabulary) -> tuple[list[Span], list[Span]]:
    """The entities with the clubs of a sports article made organizations, and those clubs (their evidence)."""
    words = sports_words()
    lowers = doc.to_array(LOWER)  # the sports words used, counted on the Doc's array: no Token per word
    used = len(numpy.unique(lowers[numpy.isin(lowers, words.context_ids)]))
    if used < words.min_context_words_with_table:
        return ents, []  # most news: no team positions to look for
    found = team_slots(doc, words)
    if not is_sports(used, words, sum(kind == RESULT for _, _, kind in found)):
        return ents, []
    surnames = {t.text for e in doc.ents if e.label_ == "PERSON" and len(e) > 1
                and not any(t.like_num or t.is_punct for t in e) for t in e}  # not "Kent" of the model's "Kent 301"
    persons = {(e.start, e.end) for e in ents if e.label_ == "PERSON" and (len(e) > 1 or not is_place(e.text))}
    dates = {t.i for e in ents if e.label_ in {"DATE", "TIME"} for t in e}
    named_in_full = {p for p in persons if p[1] - p[0] > 1}
    slots = [(s, e) for s, e, kind in found
             if _may_be_team(doc[s:e], kind, persons if kind == VERB else named_in_full, dates, surnames, words)]
    mentions = _mentions(doc, {_key(doc[s:e]) for s, e in slots}, vocab)
    slots += [(s, e) for s, e in _listed(doc, slots + mentions, words)
              if _may_be_team(doc[s:e], VERB, persons, dates, surnames, words)]
    slots += _mentions(doc, {_key(doc[s:e]) for s, e in slots}, vocab)
    if not slots:
        return ents, []
    teams = filter_spans([Span(doc, s, e, label="ORG") for s, e in set(slots)])  # a mention may overlap a slot
    covered = {t.i for team in teams for t in team}
    kept = [e for e in ents if not any(t.i in covered for t in e)]
    return sorted(kept + teams, key=lambda e: e.start), [Span(doc, t.start, t.end, label=TEAM) for t in teams]


def is_sports(used: int, words: SportsWords, table_teams: int) -> bool:
    """Whether an article that uses `used` different words of match reports reports sport: enough of them, or a
    few and a results table (`table_teams` names in results lines)."""
    return used >= words.min_context_words or used >= words.min_context_words_with_table \
        and table_teams >= words.min_table_teams


def team_slots(doc: Doc, words: SportsWords) -> list[tuple[int, int, str]]:
    """(start, end, kind) of the capitalized names that stand where teams stand: before a score in a results line
    (RESULT), beside a match verb (VERB), before a squad noun (SQUAD)."""
    slots = []
    for start, end in line_ranges(doc):
        fixture = _fixture_line(doc, start, end, words)
        depth = 0
        i = start
        while i < end:
            token = doc[i]
            depth += token.text == "("
            depth -= token.text == ")"
            run_end = _name_end(doc, i, end, words) if depth == 0 else i
            if run_end == i:
                i += 1
                continue
            position = _team_position(doc, i, run_end, start, words) if not fixture else VERB
            if fixture and i > start and doc[i - 1].lower_ == "at":
                break  # "MINNESOTA AT MILWAUKEE": the venue, a place
            if position is not None:
                slots.append((i, run_end, position))
            i = run_end
    return slots


def _fixture_line(doc: Doc, start: int, end: int, words: SportsWords) -> bool:
    """A line naming two teams and nothing else: "MINNESOTA AT MILWAUKEE", "Ayr v Berwick"."""
    first = _name_end(doc, start, end, words)
    if first == start or first >= end - 1 or doc[first].lower_ not in words.fixture_words:
        return False
    last = end - (doc[end - 1].is_space or doc[end - 1].text == ".")
    return _name_end(doc, first + 1, end, words) >= last > first + 1


def _name_end(doc: Doc, i: int, line_end: int, words: SportsWords) -> int:
    """The end of the capitalized name starting at token i ("Atletico Paranaense", "St. Gallen"), i if none; in a
    line of capitals a name stops at a common word ("IRELAND BEAT LIECHTENSTEIN")."""
    if doc[i].pos_ in _NOT_NAME_TAGS:
        return i  # "Later" of "Later Exeter drew"
    j = i
    while j < line_end and _name_word(doc[j], words):
        j += 1
        if ends_line(doc[j - 1]):
            break
    return j


def _capitalized(token: Token) -> bool:
    return token.text[:1].isupper() and (token.is_alpha or re.fullmatch(r"[A-Z][A-Za-z.'-]*", token.text) is not None)


def _name_word(token: Token, words: SportsWords) -> bool:
    lower = token.lower_
    return _capitalized(token) and not token.is_stop and lower not in words.match_verbs | words.result_words


def _team_position(doc: Doc, start: int, end: int, line_start: int, words: SportsWords) -> str | None:
    """RESULT for a name before a score, at the line's start or after a score or separator; VERB for a name beside
    a match verb; SQUAD before a squad noun ("Surrey captain"); None elsewhere."""
    before = doc[start - 1] if start > line_start else None
    after = doc[end] if end < len(doc) and not ends_line(doc[end - 1]) else None
    if _is_score(doc, end) and not ends_line(doc[end - 1]) and not _is_figures(doc, end) \
            and _result_goes_on(doc, end, words):
        glued = before is not None and before.text == "-" and not doc[start - 2].whitespace_  # "Ata-ur-Rehman"
        if before is None or before.text in _SEPARATORS and not glued or _is_score(doc, start - 1) \
                or before.text == ")":
            return RESULT
    if after is not None and after.lower_ in words.squad_nouns:
        return SQUAD
    if any(t is not None and t.lower_ in words.match_verbs and (t.text.islower() or t.text.isupper() and t.text != "V"
                                                                   and doc[start:end].text.isupper())
           for t in (before, after)):
        return VERB  # "Leeds beat Hull", "LEEDS BEAT HULL"; not "King George V"
    if before is not None and before.lower_ in words.result_prepositions:
        window = doc[max(line_start, start - 6):start - 1]  # "drew 1 - 1 with"
        if any(t.lower_ in words.result_words for t in window):
            return VERB
    return None


def _is_score(doc: Doc, i: int) -> bool:
    return 0 <= i < len(doc) and _SCORE.match(doc[i].text) is not None


def _result_goes_on(doc: Doc, i: int, words: SportsWords) -> bool:
    """After a score, a results line ends, or goes on with punctuation, another team or a word of tables ("22
    points"), not with words of a sentence ("Euro 96 absentee")."""
    while i < len(doc) and not ends_line(doc[i]) and (doc[i].like_num or doc[i].text in {"-", "."}):
        i += 1
    if i >= len(doc) or ends_line(doc[i - 1]) or doc[i].is_space:
        return True
    after = doc[i]
    return after.is_punct or after.text[:1].isupper() or after.lower_ in words.table_words | {"and", "for", "not"}


def _is_figures(doc: Doc, i: int) -> bool:
    """A bowler's figures ("Gough 8-0-39-3"): three or more numbers joined by dashes belong to a player."""
    parts = doc[i:i + 5]
    return len(parts) == 5 and parts[1].text == parts[3].text == "-" and parts[2].like_num and parts[4].like_num

def _may_be_team(span: Span, kind: str, persons: set[tuple[int, int]], dates: set[int], surnames: set[str],
                 words: SportsWords) -> bool:
    """Not a country (a national team is written as its country), a person, a date or a table's heading word."""
    text = span.text
    if is_country(text) or is_country(text.title()) or text.title() in _MONTHS or any(t.i in dates for t in span):
        return False
    if _INITIAL.match(text) or (span.start, span.end) in persons or text in surnames:
        return False
    doc = span.doc
    prev = doc[span.start - 1] if span.start > 0 else None
    if prev is not None and not ends_line(prev) and (_INITIAL.match(prev.text) or prev.text == "." and prev.i > 0
                                                     and re.fullmatch("[A-Z]", doc[prev.i - 1].text) is not None):
        return False  # "P. Simmons", written "P . Simmons" by the tokenizer
    not_teams = _NOT_TEAMS_IN_TABLES if kind == RESULT else _NOT_TEAMS  # the model reads "Chonbuk 1" as a LAW
    if any(e.label_ in not_teams for e in doc.ents if e.start < span.end and span.start < e.end):
        return False
    return not (len(span) == 1 and span[0].lower_ in words.table_words)


def _listed(doc: Doc, slots: list[tuple[int, int]], words: SportsWords) -> list[tuple[int, int]]:
    """Names listed with a team on its line, in a list closed by "and" or "or" ("title rivals Essex , Derbyshire and
    Surrey"); not a name after a comma alone ("the Oval , Surrey")."""
    found = []
    for start, end in slots:
        chain, joiners, i = [], [], end
        while i + 1 < len(doc) and doc[i].text in _LIST_JOINERS and not ends_line(doc[i - 1]) \
                and (after := _name_end(doc, i + 1, len(doc), words)) > i + 1 and not ends_line(doc[i]):
            chain.append((i + 1, after))
            joiners.append(doc[i].lower_)
            i = after
        i = start
        while i > 1 and doc[i - 1].text in _LIST_JOINERS and not ends_line(doc[i - 2]):
            first = i - 1
            while first > 0 and _name_word(doc[first - 1], words) and not ends_line(doc[first - 1]):
                first -= 1
            if first == i - 1 or _name_end(doc, first, len(doc), words) != i - 1:
                break
            chain.append((first, i - 1))
            joiners.append(doc[i - 1].lower_)
            i = first
        if any(j != "," for j in joiners):
            found += chain
    return found


def _key(span: Span) -> tuple[str, ...]:
    return tuple(t.lower_ for t in span)


def _mentions(doc: Doc, names: set[tuple[str, ...]], vocab: OrgVocabulary) -> list[tuple[int, int]]:
    """Other mentions of the clubs' names, capitalized, not part of a longer name, not where places stand."""
    if not names:
        return []
    longest = max(len(n) for n in names)
    found = []
    i = 0
    while i < len(doc):
        end = next((i + n for n in range(longest, 0, -1) if _key(doc[i:i + n]) in names and i + n <= len(doc)
                    and all(t.text[:1].isupper() for t in doc[i:i + n])), None)
        if end is None:
            i += 1
            continue
        if _stands_alone(doc, i, end) and not _place_here(doc, i, end, vocab):
            found.append((i, end))
        i = end
    return found


def _stands_alone(doc: Doc, start: int, end: int) -> bool:
    """The name is not the first or last words of a longer one ("Manchester" of "Manchester United")."""
    before = doc[start - 1] if start > 0 else None
    after = doc[end] if end < len(doc) else None
    return (before is None or ends_line(before) or not _capitalized(before)) \
        and (after is None or ends_line(doc[end - 1]) or not _capitalized(after))


def _place_here(doc: Doc, start: int, end: int, vocab: OrgVocabulary) -> bool:
    """Where places stand: after "in", "at", ..., a venue opening a line ("Leicester : ..."), a dateline."""
    before = doc[start - 1].lower_ if start > 0 and not ends_line(doc[start - 1]) else ""
    after = doc[end].text if end < len(doc) and not ends_line(doc[end - 1]) else ""
    at_line_start = start == 0 or ends_line(doc[start - 1])
    return before in vocab.locative_words or at_line_start and after == ":" or re.match(r"^\d{4}(?:-|$)", after) \
        or after == "," and end + 1 < len(doc) and is_place(doc[end + 1].text)
