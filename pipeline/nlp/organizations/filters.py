"""Names that are not organizations, though the model or a rule proposed them.

Products ("Boeing 747", "iPod", "BYD's Seal and Atto 3 models"), market
indices ("Nasdaq Composite"), places and facilities ("Louisville Assembly
Plant", "its Cupertino headquarters"), a title with a name ("Spokeswoman Sandy
Angers"), capitalized common nouns, a lone surname of a person named in the
text, and names in Title Case headlines that nothing in the text vouches for.
A gazetteer name (`span.id_` set) is spared most of these checks.
"""

from __future__ import annotations

import functools
import re

from spacy.tokens import Doc, Span, Token

from pipeline.nlp.boundaries import ends_line, line_ranges, title_case_lines
from pipeline.nlp.organizations.vocabulary import OrgVocabulary
from pipeline.normalize.numbers import SCALES
from pipeline.normalize.places import is_place

_APPLE_STYLE_PRODUCT = re.compile(r"^i[A-Z][a-z]+")  # iPod, iPhone, iTunes
_MODEL_NUMBER = re.compile(r"^(?:[A-Z]{1,2}-?\d{2,4}[A-Za-z0-9-]*|\d{3}(?:-\d+)?(?:[A-Z]{1,3})?s?)$")  # "A380", "737s"


_COMMON_TAGS = {"NN", "NNS", "VB", "VBD", "VBN", "VBZ", "RB", "IN"}  # one capitalized word, not a name


def is_not_org(ent: Span, surnames: set[str], vocab: OrgVocabulary, cued: bool = False) -> bool:
    """Whether an ORG candidate is something else: a product, an index, a place, a title and name, a common noun
    (unless the words around it call it a company: "Norlift, the elevator maker," though tagged a noun)."""
    known = bool(ent.id_)
    return _is_product(ent, vocab, known) or _is_market_name(ent, vocab, known) or _is_place(ent, vocab, known) \
        or _is_title_and_name(ent, vocab, known) or not cued and _is_common_word(ent, vocab, known) \
        or not known and (_is_person(ent, surnames, vocab) or _is_portfolio(ent, vocab) or _is_slug(ent))


def _is_product(ent: Span, vocab: OrgVocabulary, known: bool) -> bool:
    """"iPod" (not the gazetteer's "iRobot"), "Rolls-Royce Trent 900", "Airbus A380", "A380" alone, "Adobe Photoshop",
    a name before a model number or a model noun ("BYD's Seal and Atto 3 models")."""
    doc = ent.doc
    after = doc[ent.end] if ent.end < len(doc) else None
    return ent.text in vocab.not_orgs or ent.text in vocab.currency_forms \
        or _APPLE_STYLE_PRODUCT.match(ent.text) is not None and not known \
        or not known and _MODEL_NUMBER.match(ent[-1].text) is not None \
        or len(ent) > 1 and ent[1:].text in vocab.not_orgs and not ent[1:].text.isupper() \
        and not _the_institution(ent, vocab) \
        or after is not None and _MODEL_NUMBER.match(after.text) is not None and not ends_line(ent[-1]) \
        and not amount_begins(after) \
        or not known and names_a_model(ent, vocab)


def amount_begins(token: Token) -> bool:
    """A number followed by a magnitude ("Maison Orlane 2 million euros"): an amount begins, the name has
    ended (and "320" of "fined Quanta Micro 320 million euros" is no model number)."""
    doc = token.doc
    following = doc[token.i + 1].lower_ if token.i + 1 < len(doc) else ""
    return token.like_num and len(following) > 1 and following in SCALES  # a scale word, not a class letter


def _the_institution(ent: Span, vocab: OrgVocabulary) -> bool:
    """"the Home Office", "the Cabinet Office": an institution word after "the" ends a public body's name, not a
    product's ("Microsoft Office")."""
    return ent[-1].text in vocab.institution_heads and ent.start > 0 and ent.doc[ent.start - 1].lower_ == "the"


def _is_market_name(ent: Span, vocab: OrgVocabulary, known: bool) -> bool:
    """"Nasdaq Composite", "Nasdaq 100", "Philadelphia Semiconductor Index": an index; "Wall St. Week Ahead",
    "S&P 500 Energy": what follows a market name is not a company either."""
    doc = ent.doc
    after = doc[ent.end] if ent.end < len(doc) else None
    if after is not None and (after.text in vocab.index_words or doc[ent.start:ent.end + 1].text in vocab.not_orgs):
        return True
    if len(ent) > 1 and ent[-1].text in vocab.index_words and not known:
        return True
    return not known and ent[-1].text not in vocab.closing_words \
        and any(ent[:k].text in vocab.not_orgs for k in range(2, len(ent)))


def _is_place(ent: Span, vocab: OrgVocabulary, known: bool) -> bool:
    """"Louisville Assembly Plant", "Abu Dhabi International Airport", "Terminal 3", "the port of Felixstowe", "the
    A-7 motorway": a place."""
    if known:
        return False
    doc = ent.doc
    if ent.start >= 2 and doc[ent.start - 1].lower_ == "of" and doc[ent.start - 2].lower_ in vocab.place_nouns:
        return True
    if ent.end < len(doc) and doc[ent.end].lower_ in vocab.road_nouns and any(c.isdigit() for c in ent.text):
        return True
    if len(ent) < 2:
        return False
    return ent[-1].text in vocab.facility_words or ent[0].text in vocab.facility_words and ent[-1].like_num


def _is_title_and_name(ent: Span, vocab: OrgVocabulary, known: bool) -> bool:
    """"Spokeswoman Sandy Angers": a title and a name; "Chairman" alone ("Siebel, Chairman and Founder of")."""
    words = [t for t in ent if t.is_alpha]
    if len(words) == 1:  # (after a hyphen too: "-CFO")
        return words[0].lower_ in vocab.title_words and not known
    return ent[0].lower_ in vocab.title_words and not known and ent[1:].text not in vocab.not_orgs \
        and all(t.pos_ == "PROPN" for t in ent[1:]) and not any(t.text in vocab.suffixes for t in ent)


def _is_common_word(ent: Span, vocab: OrgVocabulary, known: bool) -> bool:
    """"Group", "Holdings", "Bank" alone; "Markets", "Tech": a capitalized common noun; "Founded" at the head of a
    sentence: a verb; "KD 604.1 million". A word the tagger calls a noun that is no English word ("Zentrix will
    cut 300 jobs") is a name."""
    if len(ent) == 1:
        return ent.text in vocab.suffixes or not known and ent[0].tag_ in _COMMON_TAGS and not ent[0].is_upper \
            and not _name_at_sentence_start(ent[0], vocab)
    return ent[0].text in vocab.currency_forms and ent[1].like_num


def _name_at_sentence_start(token: Token, vocab: OrgVocabulary) -> bool:
    """"Zentrix will cut 300 jobs": at a sentence start, where every word is capitalized, the tagger may call an
    unknown name a noun; a singular one that is no English word is a name (not a plural, "Maisons")."""
    after_initial = token.i > 1 and token.doc[token.i - 1].text == "." and len(token.doc[token.i - 2].text) == 1
    return token.is_sent_start and not after_initial and token.tag_ == "NN" and token.is_alpha and not token.is_stop \
        and not vocab.is_english(token.text)  # ("Timothy P. Cahill": the parse may start a sentence at "Cahill")


def person_name_parts(doc: Doc, vocab: OrgVocabulary) -> set[str]:
    """The words a person named in full may be called by later: each proper part of the model's multi-word
    PERSON names ("Wang" of "Wang Dan", "Suu Kyi" of "Aung San Suu Kyi", "Chizen" of "Bruce Chizen"), without
    an introducing noun the sentence opens with ("Carmakers Renhardt")."""
    parts = set()
    for ent in doc.ents:
        words = [t.text for t in ent if t.text not in {"'s", "’s", "'", "’"}]  # "Harmon Textiles'": no possessive
        if words and ent[0].is_sent_start and vocab.introduces(words[0].lower()):
            words = words[1:]
        if ent.label_ == "PERSON" and len(words) > 1:
            parts.update(" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1)
                         if j - i < len(words))
    return parts


def _is_person(ent: Span, surnames: set[str], vocab: OrgVocabulary) -> bool:
    """"Chizen" after "Bruce Chizen", "Wang" after "Wang Dan"; a name right after a title or role ("spokesman
    Glyn Davies", "Mr. Bates")."""
    if ent.text in surnames:
        return True
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    return before is not None and (before.lower_ in vocab.title_words or before.text in vocab.person_titles) \
        and all(t.pos_ == "PROPN" for t in ent) and not any(t.text in vocab.suffixes for t in ent)


def _is_portfolio(ent: Span, vocab: OrgVocabulary) -> bool:
    """"Government", "State" alone; "Defence" of "Defence Minister", "State" of "Secretary of State": a portfolio."""
    return len(ent) == 1 and ent.text in vocab.portfolio_words


def _is_slug(ent: Span) -> bool:
    """"GERMANY - Bunds", "EUROBONDS - Primary": a wire slug and its topic, not a name (a name has no spaced dash)."""
    return any(t.text in {"-", "–", "—"} and t.whitespace_ and t.i > 0 and t.doc[t.i - 1].whitespace_ for t in ent[:-1])


def names_a_model(ent: Span, vocab: OrgVocabulary) -> bool:
    """Whether a model noun follows the name, directly or after "and" and another name on the same line."""
    doc = ent.doc
    i = ent.end
    if i < len(doc) and doc[i].lower_ in {"and", "or", "&"}:
        i += 1
        while i < len(doc) and (doc[i].pos_ == "PROPN" or doc[i].like_num) and not ends_line(doc[i - 1]):
            i += 1
    return i < len(doc) and doc[i].lower_ in vocab.model_nouns and not ends_line(doc[i - 1])


def is_site(ent: Span, vocab: OrgVocabulary) -> bool:
    """"its Cupertino headquarters", "Toyota's Georgetown plant": a name between an owner and a site is a place;
    so are "Pune-based" and a resource ("the Tamarind copper mine")."""
    doc = ent.doc
    based = ent.end + 1 < len(doc) and doc[ent.end].text == "-" and doc[ent.end + 1].lower_ in vocab.based_words
    if not ent.id_ and ent.start > 0 and doc[ent.start - 1].lower_ == "the":
        after = doc[ent.end:ent.end + 4]
        noun = next((t for t in after if t.lower_ in vocab.deposit_nouns
                     or not (t.is_lower and t.pos_ in ("NOUN", "ADJ") and t.dep_ in ("compound", "amod"))), None)
        if noun is not None and noun.lower_ in vocab.deposit_nouns:
            return True  # "the Tamarind copper mine", "the Kashagan oil field"
    return based or not ent.id_ and 0 < ent.start and ent.end < len(doc) and doc[ent.end].lower_ in vocab.site_nouns \
        and (doc[ent.start - 1].lower_ in {"its", "their"} or doc[ent.start - 1].text in {"'s", "’s"})


def confirmed_in_headlines(doc: Doc, ents: list[Span], cued_at: set[tuple[int, int]], vocab: OrgVocabulary) -> list[Span]:
    """Drop a model ORG in a Title Case line ("Global Markets Slump On Fears Of Default", a menu of site
    sections) unless something vouches for it: the gazetteer, a legal form ("Inc."), a cue in the
    text, or the same name (or the start of it) written in a line that is not Title Case. Capitals there say
    nothing about names."""
    lines = line_ranges(doc)
    headlines = title_case_lines(doc, lines, vocab.headline_small_words)
    if not headlines:
        return ents
    body = "\n".join(doc[start:end].text for start, end in lines if (start, end) not in headlines)
    line_of = [line for line in lines for _ in range(*line)]  # the line of each token: no scan of every headline
    in_body = functools.lru_cache(maxsize=None)(lambda name: re.search(r"(?<!\w)" + re.escape(name) + r"(?!\w)", body))
    kept = []
    for ent in ents:
        in_headline = line_of[ent.start] in headlines and ent.end <= line_of[ent.start][1]
        if not in_headline or ent.label_ != "ORG" or ent.id_ or (ent.start, ent.end) in cued_at \
                or ent[-1].text in vocab.legal_forms:
            kept.append(ent)
            continue
        confirmed = next((doc[ent.start:end] for end in range(ent.end, ent.start, -1)
                          if doc[end - 1].is_alpha and doc[end - 1].text[0].isupper()
                          and not is_place(doc[ent.start:end].text)
                          and in_body(doc[ent.start:end].text)), None)
        if confirmed is not None:  # "Kestrel Dynamics Wins Contract": the body names "Kestrel Dynamics"
            kept.append(Span(doc, confirmed.start, confirmed.end, label="ORG"))
    return kept
