"""Where an organization name starts and ends: what to take in and what to cut off.

Take in a legal form or closing word the model left out ("Vishwas Urban
Co-operative" + "Bank"), a legal prefix ("PT"), a place complement ("State
Bank" + "of Pakistan"), a court's district; cut "the", possessives, links, a
flight number, and keep the known owner of an event or a facility named after
it ("Apple" of "Apple Worldwide Developers Conference").
"""

from __future__ import annotations

import calendar
import re

from spacy.tokens import Doc, Span, Token

from pipeline.nlp.base import doc_text
from pipeline.nlp.boundaries import ends_line
from pipeline.nlp.organizations.filters import amount_begins
from pipeline.nlp.organizations.merge import SpanIndex
from pipeline.nlp.organizations.occurrences import WordOccurrences
from pipeline.nlp.organizations.vocabulary import OrgVocabulary
from pipeline.normalize.money import currency_table
from pipeline.normalize.places import country_of, is_country


def owner_of_facility(ent: Span, vocab: OrgVocabulary, known: SpanIndex) -> Span:
    """"Apple Worldwide Developers Conference", "Ford Louisville Assembly Plant": an event or a place named
    after a known organization still mentions that organization."""
    doc = ent.doc
    if ent.end < len(doc) and doc[ent.end].text in vocab.facility_words and not ends_line(ent[-1]) and not ent.id_:
        ent = Span(doc, ent.start, ent.end + 1, label="ORG")  # "Ford Louisville Assembly" + "Plant"
    if len(ent) < 2 or ent.id_ or ent[-1].text not in vocab.facility_words:
        return ent
    owner = max((g for g in known.inside(ent.start, ent.end) if g.start == ent.start and g.end < ent.end),
                key=len, default=None)
    return ent if owner is None else Span(doc, owner.start, owner.end, label="ORG", span_id=owner.id)


def extend_legal(ent: Span, vocab: OrgVocabulary) -> Span:
    """Take in a closing word or legal form the model left out: "Vishwas Urban Co-operative" + "Bank",
    "Bank Rakyat Indonesia" + "(Persero) Tbk", a legal prefix: "PT" + "Bank Rakyat Indonesia", and the first word
    of a title whose office is named ("Attorney" + "General's Office")."""
    doc = ent.doc
    start, end = ent.start, ent.end
    if start > 0 and doc[start - 1].text in vocab.legal_prefixes and len(ent) > 1 and not ends_line(doc[start - 1]):
        start -= 1
    if len(ent) > 2 and ent[1].text in {"'s", "’s"} and start > 0 and doc[start - 1].dep_ == "compound" \
            and doc[start - 1].head == ent[0] and doc[start - 1].pos_ == "PROPN" and not doc[start - 1].ent_type_:
        start -= 1  # "Attorney" + "General's Office": a title's office is named by the whole title
    start, end = _hyphen_joined(doc, start, end)
    if end < len(doc) and not ends_line(doc[end - 1]):
        if doc[end].text in vocab.closing_words:
            end += 1
        words = [t.text for t in doc[end:end + 6]]
        sequence = next((seq for seq in vocab.legal_sequences if tuple(words[:len(seq)]) == seq and len(seq) > 1), None)
        if sequence is not None:
            end += len(sequence)
    if (start, end) == (ent.start, ent.end):
        return _with_country_unit(ent)
    return Span(doc, start, end, label="ORG", span_id=ent.id)


def _hyphen_joined(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """"Mota" + "-Engil", "Hewlett" + "-Packard": capitalized words glued by a hyphen are one name, whichever half
    the model took ("Pune-based", "Alibaba-backed" are lower case and stay out, and so is a wire slug in capitals:
    "MOVES-Goldman Sachs")."""
    def glued(hyphen: int, word: int) -> bool:
        return 0 <= word < len(doc) and doc[hyphen].text == "-" and not doc[hyphen - 1].whitespace_ \
            and not doc[hyphen].whitespace_ and doc[word].is_alpha and doc[word].is_title
    while end + 1 < len(doc) and glued(end, end + 1):
        end += 2
    while start > 1 and glued(start - 1, start - 2):
        start -= 2
    return start, end


def _with_country_unit(ent: Span) -> Span:
    """"British American Tobacco" + "Australia", "Unilever" + "Indonesia": a known company's name followed by a
    country names its unit there, an organization of its own (never renamed to its parent); not "BHP, Australia's
    largest miner", where a comma stands between."""
    doc, end = ent.doc, ent.end
    if not ent.id_ or end >= len(doc) or doc[end].ent_iob_ != "B" or doc[end].ent_type_ != "GPE" \
            or not ent[-1].whitespace_ or ends_line(ent[-1]):
        return ent
    stop = end + 1
    while stop < len(doc) and doc[stop].ent_iob_ == "I":
        stop += 1
    return Span(doc, ent.start, stop, label="ORG") if is_country(doc[end:stop].text) else ent


def extend_of_place(ent: Span, vocab: OrgVocabulary) -> Span:
    """"State Bank" + "of Pakistan", "Ford Motor Co." + "of Canada"; "U.S." + "Department of Justice";
    a court + "for the Ninth Circuit"."""
    doc = ent.doc
    end = ent.end
    if ent[-1].lower_ == "of" and end < len(doc) and doc[end].ent_type_ in {"GPE", "LOC"} and doc[end].ent_iob_ == "B" \
            and not ends_line(ent[-1]):
        stop = end + 1  # the model's "The Competition Authority of" + its place "Kenya"
        while stop < len(doc) and doc[stop].ent_iob_ == "I":
            stop += 1
        return Span(doc, ent.start, stop, label="ORG", kb_id=ent.kb_id, span_id=ent.id)
    if ent[0].text in vocab.institution_heads and not (ent.start > 0 and doc[ent.start - 1].text in _POSSESSIVE_MARKS):
        place_start = next((ent.start - n for n in (3, 2, 1) if ent.start - n >= 0
                            and country_of(doc[ent.start - n:ent.start].text) is not None
                            and not any(ends_line(t) for t in doc[ent.start - n:ent.start])), ent.start)
        ent = Span(doc, place_start, ent.end, label="ORG", kb_id=ent.kb_id, span_id=ent.id)
    if (ent[-1].text in vocab.institution_heads or ent[-1].text in vocab.legal_forms) and end + 1 < len(doc) \
            and doc[end].lower_ == "of" and (ent[-1].text not in vocab.legal_forms or _country_follows(doc, end + 1)) \
            and doc[end + 1].pos_ == "PROPN" and doc[end + 1].ent_type_ in {"GPE", "LOC", ""} \
            and not ends_line(ent[-1]) and not ends_line(doc[end]):
        stop = end + 2
        while stop < len(doc) and doc[stop].pos_ == "PROPN" and not ends_line(doc[stop - 1]) \
                and doc[stop].ent_type_ in {"GPE", "LOC", ""}:
            stop += 1
        return Span(doc, ent.start, stop, label="ORG")  # a different organization from the bare name
    if any(t.text in vocab.court_words for t in ent) and end + 2 < len(doc) and doc[end].lower_ == "for" \
            and doc[end + 1].lower_ == "the":
        stop = end + 2
        while stop < len(doc) and not ends_line(doc[stop - 1]) and (doc[stop].text[:1].isupper() or (
                doc[stop].lower_ == "of" and stop + 1 < len(doc) and doc[stop + 1].text[:1].isupper())):
            stop += 1
        if stop > end + 2:
            return Span(doc, ent.start, stop, label="ORG")  # "... Court for the Southern District of New York"
    return ent


def trim(ent: Span, vocab: OrgVocabulary) -> Span | None:
    """The name without what is not part of it: a link, a possessive and what follows, words after a closing
    legal form, a flight number, an unclosed parenthesis, a leading "the" or introducing noun; None if nothing
    of a name is left."""
    doc = ent.doc
    if any("://" in t.text or t.lower_.startswith(("http", "www.")) for t in ent):
        return None  # a link, not a name
    start, end = _trimmed_start(ent, vocab), _trimmed_end(ent, vocab)
    if end - start > 2 and doc[start].lower_ in vocab.title_words and doc[start + 1].lower_ == "of" and not ent.id_:
        start += 2  # "Founder of Siebel Systems": a person's title
    while start < end - 1 and (doc[start].lower_ in {"the", "’s", "'s"} or doc[start].text in {"a", "an"}
                               or not any(ch.isalnum() or ch in "-–" for ch in doc[start].text)  # "> Creative
                               # Technology Ltd" (not the hyphen of "ex-Google", which tells it is no place)
                               or (vocab.introduces(doc[start].lower_) and doc[start].is_lower
                                   or vocab.introduces_at_start(doc[start].lower_) and doc[start].is_sent_start)
                               and doc[start + 1].text[:1].isupper() and not ent.id_
                               or _not_a_name_word(doc[start], vocab) and not ent.id_
                               or doc[start].lower_ in _MONTHS and doc[start + 1].text[:1].isupper() and not ent.id_):
        start += 1  # "the", "a", "Startup Paystride Ltd", "Parent ANA Holdings", "BY WORLDSOURCES", "September
        # Treasury"; not "Giant Eagle", "May Department Stores"
    while end > start and not ent.id_ and (doc[end - 1].text in {"’s", "'s", "’", "'", "&"}
                                           or _before_an_amount(doc[end - 1]) or amount_begins(doc[end - 1])
                                           or _not_a_name_word(doc[end - 1], vocab) and not _hyphenated(doc[end - 1])):
        end -= 1  # "Barclays and", "Interfax news agency", "Real Madrid 1", "Dublin Newsroom +353", "Foods for Rs",
        # "Maison Orlane 2 million", "AT&T &" (of "&mdash;")
    if end <= start:
        return None
    text = doc[start:end].text
    if not any(ch.isalpha() for ch in text) or text.islower():
        return None
    return Span(doc, start, end, label="ORG", kb_id=ent.kb_id, span_id=ent.id)


def _trimmed_start(ent: Span, vocab: OrgVocabulary) -> int:
    """After a place's "-based" ("Mo.-based Commerce Bancshares Inc.", "Pune-based") or a cue for a company
    ("Shares of Instara")."""
    doc = ent.doc
    based = next((t.i for t in ent[:-1] if t.lower_ in vocab.based_words and t.i > 0 and doc[t.i - 1].text == "-"
                  or any(t.lower_.endswith("-" + word) for word in vocab.based_words)), None)
    if based is not None and not ent.id_:
        return based + 1
    opening = ent.text.lower()
    for cue in (c for c in vocab.cues_before if opening.startswith(c + " ")):  # "Shares of Instara": not the name
        words = len(cue.split())
        if len(ent) > words and " ".join(t.lower_ for t in ent[:words]) == cue and ent[words].text[:1].isupper():
            return ent.start + words
    return ent.start


def _trimmed_end(ent: Span, vocab: OrgVocabulary) -> int:
    doc = ent.doc
    end = ent.end
    cut = next((t.i for t in ent[2:] if t.text in {"’s", "'s"} and t.i < ent.end - 1
                and not (t.i == ent.end - 2 and doc[ent.end - 1].text in vocab.institution_heads)
                or t.text.startswith("&") and t.text[1:].isalpha()), None)  # not "Moody's Investors Service", nor
    # "Information Commissioner's Office"
    if cut is not None:
        end = cut  # "Apple Computer's Mac OS" -> "Apple Computer"; "TAROM &mdash" -> "TAROM"
    closing = next((t.i for t in ent[:-1] if t.text in vocab.legal_forms and doc[t.i + 1].text not in vocab.legal_forms
                    and doc[t.i + 1].text not in {",", "&", "and", "of", "(", "-"}), None)
    if closing is not None:
        end = min(end, closing + 1)  # "Bank of America Corp. S&P ...": a legal form closes the name
    title = next((t.i for t in doc[ent.start + 1:end - 1] if t.is_lower and t.lower_ in vocab.title_words
                  and doc[t.i + 1].is_title), None)
    if title is not None:
        end = title  # "Shazam spokesperson Giovanni Bossio": the company, then a person by title
    if end - ent.start > 1 and doc[end - 1].lower_ == "flight" and end < len(doc) and doc[end].like_num:
        end -= 1  # "Air France Flight 447": a flight number names its airline
    opening = next((t.i for t in ent if t.text == "("), None)
    if opening is not None and not any(t.text == ")" for t in doc[opening:end]):
        end = min(end, opening)  # "Abu Dhabi Future Energy Co (Masdar"
    return end


_MONTHS = ({m.lower() for m in calendar.month_name[1:]} | {m.lower() for m in calendar.month_abbr[1:]} | {"sept"}) \
    - {"may"}  # "May Department Stores"
_SCORE_OR_PHONE = re.compile(r"^(?:\d+[-:]\d+|\+\d[\d ]*)$")  # "7-0", "2:1", "+353": never the end of a name


def _not_a_name_word(token: Token, vocab: OrgVocabulary) -> bool:
    """A word no name opens or closes with: a lower-case word that is not a legal form ("news agency", "and"), a
    preposition or "copyright" written in capitals ("BY", "COPYRIGHT"), a score or a phone number."""
    if token.text in vocab.legal_forms:
        return False
    return token.is_lower and token.is_alpha or token.is_upper and token.lower_ in vocab.capitals_stop_words \
        or _SCORE_OR_PHONE.match(token.text) is not None


def _before_an_amount(token: Token) -> bool:
    """A currency symbol or code before a number ("Karnavati Foods for Rs 1,200 crore"): the amount's, no name's."""
    doc = token.doc
    return token.i + 1 < len(doc) and doc[token.i + 1].like_num and token.text in currency_table().symbols


def _hyphenated(token: Token) -> bool:
    """The second half of a hyphenated word ("operative" of "Co-operative"): part of the name it closes."""
    doc = token.doc
    return token.i > 1 and doc[token.i - 1].text == "-" and not doc[token.i - 2].whitespace_ \
        and not doc[token.i - 1].whitespace_


def _country_follows(doc, start: int) -> bool:
    """ "Ford Motor Co. of Canada" names a subsidiary; "Daniels Pharmaceuticals Inc of St. Petersburg" a location."""
    return any(is_country(doc[start:end].text) for end in range(start + 1, min(start + 4, len(doc)) + 1))


_POSSESSIVE_MARKS = {"'s", "’s"}
_POSSESSIVE_AFTER = re.compile(r"\s?['’]s\b")


def with_possessive_names(doc: Doc, ents: list[Span]) -> list[Span]:
    """"Boatmen's", "Ben & Jerry's", "Sainsbury's": a name the article never writes without its "'s", and once
    writes where no possessed noun follows ("Boatmen's was the prize", "after Boatmen's."), ends in "'s"."""
    found = {}
    for ent in ents:
        if ent.label_ == "ORG" and ent.end < len(doc) and doc[ent.end].text in _POSSESSIVE_MARKS and not ent.id_:
            found.setdefault(ent.text, []).append(ent)
    if not found:
        return ents
    extended = set()
    text = doc_text(doc)
    words = WordOccurrences(text)  # one index of the text's words, not a search of the text per name
    for name, spans in found.items():
        possessives = [_POSSESSIVE_AFTER.match(text, end) for _, end in words.find(name)]
        if None in possessives:
            continue
        marks = [doc.char_span(m.end() - 2, m.end(), alignment_mode="expand") for m in possessives]
        if any(mark is not None and _nothing_possessed(doc, mark.end) for mark in marks):
            extended.update((span.start, span.end) for span in spans)
    if not extended:
        return ents
    return [Span(doc, e.start, e.end + 1, label="ORG", kb_id=e.kb_id, span_id=e.id) if (e.start, e.end) in extended
            else e for e in ents]


def _nothing_possessed(doc: Doc, i: int) -> bool:
    """No noun phrase after a possessive: a verb, punctuation or the end ("Boatmen's was", "after Boatmen's."); not
    a participle describing the noun possessed ("X's planned $3 billion takeover")."""
    return i >= len(doc) or doc[i].pos_ in {"VERB", "AUX", "PUNCT", "ADP", "SCONJ", "CCONJ", "PART"} and \
        doc[i].dep_ not in ("amod", "compound")

