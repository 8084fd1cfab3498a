"""One sense per article: a name the article treats as an organization once is one at every mention.

The model labels a name by its context, mention by mention: "Cofinec" is an
organization before "'s shares" and a person at the head of a sentence;
"Norilsk" after "Norilsk Nickel" is a town to the place filter. A news article
names one thing by one name. So once the rules have settled which names are
organizations:

- every other mention of the same name becomes an organization, unless the
  text says otherwise there: the mention is part of a longer entity (the
  person "Henry Ford"), or a place name stands where places stand ("in
  Santa Fe", "Santa Fe, New Mexico");
- a name the model called an organization and the place filter made a place
  stays an organization when the article names an organization by it, whole
  or as the first words of a longer name ("Santa Fe" after "Santa Fe Pacific
  Gold"), where it does not stand as a place;
- a person that is exactly such a short form ("Kolyma" after "Kolyma
  Nickel") is the organization, and so is a proper noun nothing labels that
  is the first word of an organization named in full before it ("Corvane,
  which runs ..." after "Corvane Health").
"""

from __future__ import annotations

from collections import defaultdict

import numpy
from spacy.attrs import ORTH
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from pipeline.nlp.base import string_ids
from pipeline.nlp.boundaries import ends_line
from pipeline.nlp.organizations.filters import is_not_org
from pipeline.nlp.organizations.vocabulary import OrgVocabulary
from pipeline.normalize.places import is_country, is_place

_YIELDING = {"GPE", "LOC", "NORP", "PERSON", "PRODUCT", "FAC", "WORK_OF_ART"}  # labels a same-name mention overrides
Words = tuple[str, ...]


def one_sense(doc: Doc, ents: list[Span], demoted: set[tuple[int, int]], surnames: set[str],
              vocab: OrgVocabulary) -> list[Span]:
    """The entities with the model's organizations the place filter `demoted` restored where the article names an
    organization by them, and every other mention of an organization's name made an organization, unless the
    filters say the mention is something else there (a product: "five Boeing 737s")."""
    orgs = [e for e in ents if e.label_ == "ORG" and any(t.is_alpha for t in e)]
    if not orgs:
        return ents
    names = {tuple(t.text for t in e) for e in orgs if e.id_ or not is_place(e.text)}  # not the headline's "Kenya"
    names |= {bare for words in list(names) if (bare := _without_legal_form(words, vocab))}  # "Parallax Cloud Inc."
    short_forms = {tuple(t.text for t in e[:k]) for e in orgs for k in range(1, len(e)) if _short_form(e[:k], vocab)}
    either = names | short_forms  # once: not a union per demoted place
    restored = [Span(doc, e.start, e.end, label="ORG") for e in ents if (e.start, e.end) in demoted
                and tuple(t.text for t in e) in either and not _place_here(doc, e.start, e.end, vocab)]
    if restored:
        at = {(r.start, r.end) for r in restored}
        ents = [e for e in ents if (e.start, e.end) not in at] + restored
    found = [span for span in _other_mentions(doc, ents, names, vocab)
             if not is_not_org(span, surnames, vocab, cued=_after_a_common_word(doc, span.start, vocab))]
    # a short form the article gave in full is a name there, whatever the tagger made of the word ("Coles": NNS)
    short = _short_mentions(doc, ents, short_forms, vocab) + _bare_short_mentions(doc, ents, orgs, vocab)
    found += [span for span in short if not is_not_org(span, surnames, vocab, cued=True)]
    if not found and not restored:
        return ents
    replaced = {(t.i) for span in found for t in span}
    return filter_spans([e for e in ents if not any(t.i in replaced for t in e)] + found)


def _other_mentions(doc: Doc, ents: list[Span], names: set[Words], vocab: OrgVocabulary) -> list[Span]:
    """Mentions of an organization's name that are not yet organizations (longest name first at each token)."""
    by_first: dict[str, list[Words]] = defaultdict(list)
    for words in sorted(names, key=len, reverse=True):
        by_first[words[0]].append(words)
    by_token = {i: e for e in ents for i in range(e.start, e.end)}
    firsts = string_ids(by_first)
    found = []
    free_from = 0
    for i in numpy.flatnonzero(numpy.isin(doc.to_array(ORTH), firsts)).tolist():  # a Token only where a name may start
        if i < free_from:
            continue
        end = next((i + len(w) for w in by_first.get(doc[i].text, ())
                    if tuple(t.text for t in doc[i:i + len(w)]) == w and _free(doc, i, i + len(w), by_token)), None)
        if end is not None and not (is_place(doc[i:end].text) and _place_here(doc, i, end, vocab)) \
                and not _modifies_a_name(doc, end):
            found.append(Span(doc, i, end, label="ORG"))
            free_from = end
    return found


def _short_mentions(doc: Doc, ents: list[Span], short_forms: set[Words], vocab: OrgVocabulary) -> list[Span]:
    """Persons that are exactly an organization's short form ("Kolyma" after "Kolyma Nickel"): the model reads an
    unknown one-word name as a person, or as a place no gazetteer knows ("Mizuhara" after "Mizuhara Corp.";
    a place of several words, "Atlantic City", is taken to be one).
    Known places are left to the place rules above (a short form that is a town often names the town)."""
    return [Span(doc, e.start, e.end, label="ORG") for e in ents
            if (e.label_ == "PERSON" or e.label_ in ("GPE", "LOC") and len(e) == 1 and not is_place(e.text))
            and tuple(t.text for t in e) in short_forms and not _place_here(doc, e.start, e.end, vocab)
            and not _modifies_a_name(doc, e.end)]


def _bare_short_mentions(doc: Doc, ents: list[Span], orgs: list[Span], vocab: OrgVocabulary) -> list[Span]:
    """A proper noun no entity holds that is the first word of an organization named in full before it ("Corvane,
    which runs 31 hospitals" after "Corvane Health"): news calls a company by its short name once it has named it."""
    first_named: dict[str, int] = {}
    full_names: dict[str, set[str]] = defaultdict(set)
    for org in orgs:
        full_names[org[0].text].add(org.text)
        if len(org) > 1 and _short_form(org[:1], vocab) and not any(t.lower_ in vocab.list_joiners for t in org):
            first_named.setdefault(org[0].text, org.end)
    # "Kress" after "Kress Automation" and "Kress Controls": which one is meant is not said
    first_named = {word: end for word, end in first_named.items() if len(full_names[word]) == 1}
    if not first_named:
        return []
    taken = {i for e in ents for i in range(e.start, e.end)}
    firsts = string_ids(first_named)
    found = []
    for i in numpy.flatnonzero(numpy.isin(doc.to_array(ORTH), firsts)).tolist():
        token = doc[i]
        # the tagger may call an unknown capitalized word a noun: then it must be one in its own right, a subject;
        # or an adjective, which no subject is ("Ostwind plans to add 150 workers")
        subject = token.dep_ in ("nsubj", "nsubjpass")
        noun = token.pos_ == "NOUN" and (not token.is_sent_start or subject) or token.pos_ == "ADJ" and subject
        if i in taken or i < first_named[token.text] or not (token.pos_ == "PROPN" or noun) or token.ent_type_ \
                or _modifies_a_name(doc, i + 1) or _place_here(doc, i, i + 1, vocab) \
                or i > 0 and doc[i - 1].pos_ == "PROPN" and not ends_line(doc[i - 1]):
            continue
        found.append(Span(doc, i, i + 1, label="ORG"))
    return found


def _after_a_common_word(doc: Doc, start: int, vocab: OrgVocabulary) -> bool:
    """"chip designer Arvix": after a lower-case word (not one a Title Case headline also writes in lower case, nor
    an opening quote), the capital says "name" whatever the tagger made of the word."""
    before = doc[start - 1] if start > 0 else None
    return before is not None and before.is_lower and before.is_alpha \
        and before.lower_ not in vocab.headline_small_words


def _without_legal_form(words: Words, vocab: OrgVocabulary) -> Words | None:
    """A name of two words or more before its legal form ("Parallax Cloud" of "Parallax Cloud Inc."): the same
    name, as headlines and later mentions write it."""
    for form in vocab.legal_sequences:
        if len(words) > len(form) + 1 and words[-len(form):] == form:
            bare = words[:-len(form)]
            bare = bare[:-1] if bare[-1] == "," else bare
            place = " ".join(bare)
            return None if is_place(place) or is_country(place) else bare  # "New Zealand Ltd.": a country
    return None


def _modifies_a_name(doc: Doc, end: int) -> bool:
    """The name goes on into another: a product or a model ("Apple Macintosh", "Ford Taurus") or a compound
    adjective ("Intel-based")."""
    if end >= len(doc) or ends_line(doc[end - 1]):
        return False
    after = doc[end]
    return after.pos_ == "PROPN" and after.text[:1].isupper() and not doc[end - 1].whitespace_ == "" \
        or after.text == "-" and not doc[end - 1].whitespace_


def _short_form(span: Span, vocab: OrgVocabulary) -> bool:
    """The first words of a name may stand for it alone: proper nouns, not a closing word or a title, not a
    country ("New Zealand" of "Air New Zealand" is the country)."""
    return all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in span) and not span[-1].is_stop \
        and span[-1].text not in vocab.closing_words and span[0].lower_ not in vocab.title_words \
        and sum(ch.isalpha() for ch in span.text) >= 3 and not is_country(span.text)


def _free(doc: Doc, start: int, end: int, by_token: dict[int, Span]) -> bool:
    """No organization there yet, no longer entity holding the mention (a person "Henry Ford"), one line."""
    for i in range(start, end):
        ent = by_token.get(i)
        if ent is not None and (ent.label_ not in _YIELDING or ent.start < start or ent.end > end):
            return False
    return not any(ends_line(t) for t in doc[start:end - 1])


def _place_here(doc: Doc, start: int, end: int, vocab: OrgVocabulary) -> bool:
    """A place name where places stand: after "in", "at", "from", ... or before ", <place>"."""
    before = doc[start - 1].lower_ if start > 0 else ""
    after = doc[end:end + 2]
    return before in vocab.locative_words or (len(after) == 2 and after[0].text == "," and is_place(after[1].text))
