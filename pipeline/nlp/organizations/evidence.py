"""Evidence in the text that a name is a company: the words around it, not the name itself.

"shares of Zorbex", "Zorbex's chief executive", "retailer Zorbex", "Zorbex
(NYSE: ZRB)", "Unifor, Canada's largest union,": such cues turn a proper name
the model left unlabeled, or called a person, place or product, into an
organization.
"""

from __future__ import annotations

import re

import numpy
from spacy.attrs import POS
from spacy.symbols import PROPN
from spacy.tokens import Doc, Span

from pipeline.nlp.boundaries import ends_line
from pipeline.nlp.organizations.arguments import acts_as_company, bought
from pipeline.nlp.organizations.vocabulary import OrgVocabulary
from pipeline.normalize.places import country_of, is_place

_TICKER = re.compile(r"^[A-Z0-9]{1,6}(?:_[a-z])?\.[A-Z]{1,3}$")  # Reuters codes: "NFLX.O", "6502.T", "000660.KS"
RELABELLED = {"PERSON", "GPE", "NORP", "PRODUCT"}  # model labels a cue may turn into ORG
CUED_LABELS = {None, *RELABELLED, "EVENT", "FAC", "WORK_OF_ART"}  # "game studio Tahtivalo Games" (an event)
REPORTED = frozenset({"said", "says", "reported", "reports", "added", "wrote", "quoted", "cited", "told"})
LIST_WORDS = frozenset({"and", "or"})  # the words of a spoken list (not the "&" or "/" inside one name)


def looks_like_org(span: Span, vocab: OrgVocabulary) -> bool:
    """A legal suffix right after it, or an introducing noun before it ("the company X", "e-commerce giant X")."""
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.text in vocab.person_titles:
        return False
    if after is not None and after.text in vocab.suffixes and after.text[0].isupper():
        return True
    if before is not None and before.lower_ in vocab.intro_nouns and before.is_lower:
        if span.label_ == "PERSON" and len(span) > 1 and before.lower_ in vocab.person_intro_nouns:
            return False  # "investor Warren Buffett"
        return span.label_ != "GPE" or len(span) > 1 or not span.text.isupper()
    return span.label_ == "PERSON" and len(span) == 1 and apposition(doc, span.end, vocab)  # "Norlift, the maker,"


def cued_names(doc: Doc, ents: list[Span], vocab: OrgVocabulary) -> list[Span]:
    """Proper names the text treats as companies ("shares of Zorbex", "Zorbex's chief executive",
    "retailer Zorbex") that the model left unlabeled or called a person, place or product."""
    labels = {i: e.label_ for e in ents for i in range(e.start, e.end)}
    found = []
    j = 0
    # a name starts at a proper noun, or where the model's person starts ("Kittering Retail": the tagger's verb);
    # no Token is made for the other words
    person_starts = {e.start for e in ents if e.label_ == "PERSON"}
    for i in sorted({*numpy.flatnonzero(doc.to_array(POS) == PROPN).tolist(), *person_starts}):
        if i < j or not _name_starts(doc, i, labels, person_starts):
            continue
        j = _name_end(doc, i, labels, vocab)
        if doc[i].pos_ != "PROPN" and j - i < 2:
            continue  # a single word the tagger took for no name ("the well-known Mini brand")
        # "Carmaker Velsa is ...": the introducing noun, capitalized at the sentence start, is no part of the name
        start = i + 1 if j - i > 1 and doc[i].is_sent_start and vocab.introduces_at_start(doc[i].lower_) else i
        name = doc[start:j]
        if labels.get(start) == "NORP" and j < len(doc) and doc[j].is_lower and doc[j].pos_ == "NOUN" \
                and doc[j].lower_ not in vocab.intro_nouns and doc[j].lower_ not in vocab.cue_nouns_after:
            continue  # "buy Czech trucking firm X": a nationality before a noun describes (not "the Seiyu company")
        if (_cued(doc, name, labels, vocab) or _listed_after(found, start, vocab)) and not is_place(name.text) \
                and name.text not in vocab.not_orgs and not (start > 0 and doc[start - 1].text in vocab.person_titles):
            found.append(Span(doc, start, j, label="ORG"))
    return found


def _listed_after(found: list[Span], start: int, vocab: OrgVocabulary) -> bool:
    """"Carmakers Renhardt and Valmonte", "rivals Kestrel, Ormond and Vale", "a consortium of X and Y": the next
    names of a list that a plural introducing noun or a cue of members (`member_list_cues`) opens are companies
    too (not "the chief executive of X, Y,": a person in apposition)."""
    doc, k = found[-1].doc if found else None, len(found) - 1
    if doc is None or doc[start - 1].lower_ not in LIST_WORDS | {","} or found[k].end != start - 1:
        return False
    while k > 0 and found[k - 1].end == found[k].start - 1 and doc[found[k].start - 1].text == ",":
        k -= 1  # back to the list's first name
    opener = doc[found[k].start - 1] if found[k].start > 0 else None
    before = " ".join(t.lower_ for t in doc[max(found[k].start - 3, 0):found[k].start])
    return opener is not None and (opener.lower_ not in vocab.intro_nouns and vocab.introduces(opener.lower_)
                                   or any(before.endswith(cue) for cue in vocab.member_list_cues))


def _name_starts(doc: Doc, i: int, labels: dict[int, str], person_starts: set[int]) -> bool:
    """A capitalized proper noun not already an organization, and not glued to a hyphen before it."""
    token = doc[i]
    glued = i > 0 and doc[i - 1].text in {"-", "–"} and not doc[i - 1].whitespace_
    # the first word of a name the model found, whatever the tagger made of it ("Kittering Retail": a verb)
    first = token.pos_ == "PROPN" or i in person_starts and token.is_alpha
    inside_title = labels.get(i) == "WORK_OF_ART" and token.ent_iob_ == "I"  # "Partnership" of "The Asia-Pacific ..."
    return first and token.text[:1].isupper() and labels.get(i) in CUED_LABELS and not glued and not inside_title


def _name_end(doc: Doc, i: int, labels: dict[int, str], vocab: OrgVocabulary) -> int:
    """Where a run of capitalized proper nouns ends: at a line end, an ORG, a title ("Trivantis Chief ...") or a
    date ("resumed work in Kenya Monday": a weekday after a place). A capitalized word inside the model's own name
    goes on, whatever the tagger made of it ("Tarrow Homes": a plural noun)."""
    j = i + 1
    while j < len(doc) and (doc[j].pos_ == "PROPN" or labels.get(j) is not None and doc[j].ent_iob_ == "I") \
            and doc[j].text[:1].isupper() \
            and labels.get(j) not in ("ORG", "DATE", "TIME") \
            and not ends_line(doc[j - 1]) and doc[j].lower_ not in vocab.executive_titles:
        j += 1
    return j


def _apposed_to_company_noun(name: Span, vocab: OrgVocabulary) -> bool:
    """"two software companies, Datavis and Klarwerk": names set beside a noun only companies answer to are its
    companies."""
    root = name.root
    while root.dep_ == "conj" and root.head.pos_ == "PROPN":
        root = root.head
    head = root.head
    word = head.lower_
    singular = word[:-3] + "y" if word.endswith("ies") else word.removesuffix("s")
    return root.dep_ == "appos" and head.is_lower and head.i < root.i and singular in vocab.company_intro_nouns \
        and singular != "group" and len(name.text) > 1  # "a group of four, John Towers, ...": people too


def _cued(doc: Doc, name: Span, labels: dict[int, str], vocab: OrgVocabulary) -> bool:
    """Whether the words around a name say it is a company: strong cues always, weak ones unless it is a person."""
    i, j = name.start, name.end
    k = i - 2 if i >= 2 and doc[i - 1].lower_ in ("'s", "’s") and country_of(doc[i - 2].text) is not None else i
    before = " ".join(t.lower_ for t in doc[max(k - 3, 0):k])  # "led by Spain's Acciona": past the country's
    after = " ".join(t.lower_ for t in doc[j:j + 3]).replace(" 's", "'s").replace(" ’s", "’s")
    if j < len(doc) and doc[j].text in ("'", "’") and doc[j].tag_ == "POS":
        after = doc[j].text + "s" + after[1:]  # "Harmon Textiles' shares": the possessive of a name in -s
    strong = any(before.endswith(cue) for cue in vocab.cues_before) or any(after.startswith(cue) for cue in vocab.cues_after) \
        or ticker_follows(doc, j, vocab) \
        or j < len(doc) and doc[j].lower_ in vocab.cue_nouns_after and doc[j].pos_ == "NOUN" and country_of(name.text) is None
    noun_after = j < len(doc) and doc[j].lower_ in vocab.intro_nouns and doc[j].is_lower \
        and country_of(name.text) is None and labels.get(i) != "FAC"  # "the Anchor brand" (a facility): a product line
    # "luxury group Maison Orlane", "retailer John Lewis": a noun only companies answer to, right before, names a
    # company whatever the model thought (not "investor Warren Buffett", "the aircraft carrier Carl Vinson")
    listed = _listed_with_organization(doc, i, j, labels, vocab)  # a person's only when its last word is a trade's
    strong = strong or i > 0 and doc[i - 1].is_lower and _word_before(doc, i) in vocab.company_intro_nouns \
        or bought(name, vocab) or acts_as_company(name, labels.get(i), vocab) or labels.get(i) == "PERSON" and listed \
        or _apposed_to_company_noun(name, vocab) or _joined_to_introduced_company(doc, i, j, labels, vocab)
    weak = any(before.endswith(cue) for cue in vocab.cues_before_unless_person) \
        or (i > 0 and vocab.introduces(doc[i - 1].lower_) and (doc[i - 1].is_lower or doc[i - 1].is_sent_start)) \
        or noun_after or listed
    # a person's name right after the introducing noun that opens the sentence ("Carrier Aerolinea Sur inked ...")
    # is the noun's capital misread as a first name (not "Investor Warren Buffett")
    misread = i > 0 and doc[i - 1].is_sent_start and vocab.introduces(doc[i - 1].lower_) \
        and doc[i - 1].lower_ not in vocab.person_intro_nouns
    person = labels.get(i) == "PERSON" and len(name) > 1 and not misread or labels.get(i) == "WORK_OF_ART"  # a title
    # takes strong cues only ("Hitesh Jain, a partner at X": the model's title may be a person's name)
    weak = weak and not (len(name) == 1 and doc[i].is_sent_start)  # "Discount retailer Kmart", "Bus operators"
    weak = weak or any(after.startswith(cue) for cue in vocab.cues_after_unless_person) \
        or apposition(doc, j, vocab) \
        or labels.get(i) != "PERSON" and _predicated_company(name, vocab)  # "Quillon, which owns", "Lumio, a
    # London-based start-up,", "Harmony is the fifth largest gold mining company" (not "Goodwin was the decision maker")
    return strong or weak and not person


def _predicated_company(name: Span, vocab: OrgVocabulary) -> bool:
    """"Quillon Pay became the latest fintech", "Vantor is a lender": a name whose predicate is a noun only
    companies answer to."""
    subject = name.root
    if subject.dep_ != "nsubj" or subject.head.lower_ not in vocab.copulas:
        return False
    return any(c.dep_ == "attr" and c.lower_ in vocab.company_intro_nouns for c in subject.head.children)


def _listed_with_organization(doc: Doc, i: int, j: int, labels: dict[int, str], vocab: OrgVocabulary) -> bool:
    """"from Sequoia Capital and General Catalyst", "Norrsken22 and the International Finance Corporation": a name
    joined by "and" / "or" to an organization is one of a list of organizations (a place the model guessed, no known
    one, included: "among them Acciona and Ferrovial"), unless the model called it anything else (a person:
    "Suharto and the Organisation of Islamic Conference"; a product: "Lockheed Tristar and Vickers VC-10") or it
    names a kind of thing ("Falcon and Territory vehicles"). A person's name ending in an industry's word is a
    company's ("the merger of Cobalt Rail and Stannard Transit")."""
    sector_person = labels.get(i) == "PERSON" and doc[j - 1].text in vocab.sector_words
    if labels.get(i) not in (None, "GPE") and not sector_person or j < len(doc) and doc[j].pos_ == "NOUN" \
            and doc[j].is_lower:
        return False
    before = i >= 2 and doc[i - 1].lower_ in LIST_WORDS and labels.get(i - 2) == "ORG"
    after = j + 1 < len(doc) and doc[j].lower_ in LIST_WORDS and (
        labels.get(j + 1) == "ORG" or doc[j + 1].lower_ == "the" and labels.get(j + 2) == "ORG")
    return before or after


def _joined_to_introduced_company(doc: Doc, i: int, j: int, labels: dict[int, str], vocab: OrgVocabulary) -> bool:
    """"Voltway and battery supplier Cellstar have teamed up", "X and the French group Orbane": a name the model left
    unlabelled or took for a place, joined by "and" to a name a company noun introduces (lower-case words, or a
    nationality, before it), is the other company of the pair, even opening a sentence."""
    if labels.get(i) not in (None, "GPE") or j + 1 >= len(doc) or doc[j].lower_ not in LIST_WORDS:
        return False
    k = j + 1
    start = k + 1 if doc[k].lower_ == "the" else k
    end = start
    while end < len(doc) and end - start < 4 and (doc[end].is_lower or doc[end].ent_type_ == "NORP"):
        end += 1
    return start < end < len(doc) and doc[end].text[:1].isupper() and \
        vocab.introduces(doc[end - 1].lower_)


def apposition(doc: Doc, end: int, vocab: OrgVocabulary) -> bool:
    """"Unifor, Canada's largest private-sector union,": a name followed by an organization noun in apposition, the
    head of its phrase (not "Smith, the company's chief executive,")."""
    if end >= len(doc) or doc[end].text != ",":
        return False
    place = end + 1
    while place < len(doc) and doc[place].ent_type_ == "GPE":
        place += 1
    if place > end + 1 and place < len(doc) and doc[place].text not in {"-", "'s", "’s"}:
        return False  # "a Kenosha, Wisconsin company": a city and its state, not "Lumio, a London-based start-up"
    for token in doc[end + 1:end + 8]:
        joined = _hyphenated_word(doc, token.i)
        hyphenated_intro = joined != token.lower_ and joined in vocab.intro_nouns
        if (token.lower_ in vocab.intro_nouns or hyphenated_intro) and token.is_lower:
            after = doc[token.i + (3 if hyphenated_intro else 1):][:1]  # the word after the noun, if any
            if after and after[0].pos_ in {"NOUN", "PROPN"} and after[0].is_lower:
                continue  # "a fintech start-up": the noun modifies the phrase's head, which comes later
            return not after or after[0].text not in {"'s", "’s"} and after[0].pos_ not in {"NOUN", "PROPN"} \
                and not (token.dep_ == "nsubj" and token.head == after[0] and after[0].lower_ in REPORTED)
            # ("in Bavaria, the dpa news agency reported": the noun phrase is the subject of what follows)
        # "Lumio, a London-based battery start-up" (not "Dearborn, Michigan-based automaker": a place)
        hyphenated = token.i > 0 and doc[token.i - 1].text == "-" and doc[end + 1].pos_ == "DET"
        stops = token.pos_ in {"VERB", "AUX", "PUNCT", "ADP", "SCONJ"} and token.text not in {"-", "'s", "’s"}
        if stops and not hyphenated or ends_line(token):
            return False
    return False


def _word_before(doc: Doc, i: int) -> str:
    """The word before a name, a hyphenated one whole ("fintech start-up Paylo")."""
    if i >= 3 and doc[i - 2].text == "-" and not doc[i - 3].whitespace_ and not doc[i - 2].whitespace_:
        return _hyphenated_word(doc, i - 3)
    return doc[i - 1].lower_


def _hyphenated_word(doc: Doc, i: int) -> str:
    """"start-up" as one word, however the tokenizer split it."""
    if i + 2 < len(doc) and doc[i + 1].text == "-" and not doc[i].whitespace_ and not doc[i + 1].whitespace_:
        return f"{doc[i].lower_}-{doc[i + 2].lower_}"
    return doc[i].lower_


def ticker_follows(doc: Doc, j: int, vocab: OrgVocabulary) -> bool:
    """"Zorvane 6502.T", "Quillon (QLN.N)", "Quillon (NYSE: QLN)": a stock code after a name makes it a company."""
    if j >= len(doc):
        return False
    if _TICKER.match(doc[j].text):
        return True
    return doc[j].text == "(" and j + 2 < len(doc) and (
        _TICKER.match(doc[j + 1].text) is not None or doc[j + 1].text in vocab.exchange_codes and doc[j + 2].text == ":")


def with_defined_acronyms(doc: Doc, ents: list[Span], vocab: OrgVocabulary) -> list[Span]:
    """"Kurdistan Democratic Party ( KDP )": an upper-case word in parentheses right after an organization, made
    of the name's initials in order, is the organization's short name; `senses.one_sense` then finds it wherever
    the article writes it."""
    org_at = {t.i for e in ents if e.label_ == "ORG" for t in e}
    found = []
    for ent in ents:
        if ent.label_ != "ORG" or ent.end + 2 >= len(doc):
            continue
        opening, word, closing = doc[ent.end:ent.end + 3]
        if opening.text == "(" and closing.text == ")" and word.is_upper and word.is_alpha and len(word) >= 2 \
                and word.i not in org_at and word.text not in vocab.not_orgs and _abbreviates(word.text, ent):
            found.append(Span(doc, word.i, word.i + 1, label="ORG"))
    found += _spelled_out(doc, ents, vocab)
    if not found:
        return ents
    at = {s.start for s in found}
    return [e for e in ents if not any(e.start <= i < e.end for i in at)] + found


def without_defined_terms(doc: Doc, ents: list[Span]) -> list[Span]:
    """"Internet service provider (ISP)", "special purpose vehicle (SPV)", "Papua New Guinea (PNG)": an acronym in
    parentheses that spells out the common-noun words or the country before it is a term or a place, no organization,
    here and wherever else the article writes it."""
    terms = set()
    for ent in ents:
        word = ent[0]
        if ent.label_ != "ORG" or len(ent) != 1 or not word.is_upper or ent.start <= len(word.text) \
                or doc[ent.start - 1].text != "(" or ent.end >= len(doc) or doc[ent.end].text != ")":
            continue
        words = doc[ent.start - 1 - len(word.text):ent.start - 1]
        if "".join(t.text[0].upper() for t in words) == word.text and all(t.is_alpha for t in words) and (
                any(t.is_lower and not t.is_stop for t in words) and not any(t.ent_type_ == "ORG" for t in words)
                or country_of(words.text) is not None):  # "Papua New Guinea (PNG)": a country
            terms.add(word.text)
    return [e for e in ents if e.label_ != "ORG" or e.text not in terms] if terms else ents


def _spelled_out(doc: Doc, ents: list[Span], vocab: OrgVocabulary) -> list[Span]:
    """"InterActiveCorp (IAC)": capitalized words right before an organization's acronym in parentheses, that
    spell it out and hold a word that is no English word, are its full name (not "Liquefied Natural Gas (LNG)")."""
    labelled = {t.i for e in ents for t in e}
    found = []
    for ent in ents:
        if ent.label_ != "ORG" or len(ent) != 1 or not ent[0].is_upper or ent.start < 2 \
                or doc[ent.start - 1].text != "(" or ent.end >= len(doc) or doc[ent.end].text != ")":
            continue
        start = end = ent.start - 1
        while start > 0 and doc[start - 1].i not in labelled and doc[start - 1].is_alpha \
                and (doc[start - 1].text[0].isupper() or doc[start - 1].lower_ in ("of", "and", "for")):
            start -= 1
        while start < end and not doc[start].text[0].isupper():
            start += 1
        name = doc[start:end]
        if name and _abbreviates(ent.text, name) and any(not vocab.is_english(t.text) for t in name):
            found.append(Span(doc, start, end, label="ORG"))
    return found


def _abbreviates(acronym: str, name: Span) -> bool:
    """Whether the acronym's letters are initials of the name's words (or of a word's capitals, "InterActiveCorp"),
    in order ("SLORC": State Law and Order Restoration Council), the first letter the name's first."""
    initials = [letter for t in name for part in t.text.split("-") if part[:1].isalpha()
                for letter in part[0].upper() + "".join(c for c in part[1:] if c.isupper())]
    if not initials or initials[0] != acronym[0]:
        return False
    position = 0
    for letter in acronym:
        while position < len(initials) and initials[position] != letter:
            position += 1
        if position == len(initials):
            return False
        position += 1
    return True
