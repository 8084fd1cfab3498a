"""Where an organization name starts and ends: what to take in and what to cut off.

Take in a legal form or closing word the model left out ("Vishwas Urban
Co-operative" + "Bank"), a legal prefix ("PT"), a place complement ("State
Bank" + "of Pakistan"), a court's district; cut "the", possessives, links, a
flight number, and keep the known owner of an event or a facility named after
it ("Apple" of "Apple Worldwide Developers Conference").
"""

from __future__ import annotations

from spacy.tokens import Span

from pipeline.nlp.boundaries import ends_line
from pipeline.nlp.organizations.merge import GAZETTEER
from pipeline.nlp.organizations.vocabulary import OrgVocabulary
from pipeline.normalize.places import country_of


def owner_of_facility(ent: Span, vocab: OrgVocabulary) -> Span:
    """"Apple Worldwide Developers Conference", "Ford Louisville Assembly Plant": an event or a place named
    after a known organization still mentions that organization."""
    doc = ent.doc
    if ent.end < len(doc) and doc[ent.end].text in vocab.facility_words and not ends_line(ent[-1]) and not ent.id_:
        ent = Span(doc, ent.start, ent.end + 1, label="ORG")  # "Ford Louisville Assembly" + "Plant"
    if len(ent) < 2 or ent.id_ or ent[-1].text not in vocab.facility_words:
        return ent
    owner = max((g for g in doc.spans.get(GAZETTEER, []) if g.start == ent.start and g.end < ent.end),
                key=len, default=None)
    return ent if owner is None else Span(doc, owner.start, owner.end, label="ORG", span_id=owner.id)


def extend_legal(ent: Span, vocab: OrgVocabulary) -> Span:
    """Take in a closing word or legal form the model left out: "Vishwas Urban Co-operative" + "Bank",
    "Bank Rakyat Indonesia" + "(Persero) Tbk", and a legal prefix: "PT" + "Bank Rakyat Indonesia"."""
    doc = ent.doc
    start, end = ent.start, ent.end
    if start > 0 and doc[start - 1].text in vocab.legal_prefixes and len(ent) > 1 and not ends_line(doc[start - 1]):
        start -= 1
    if end < len(doc) and not ends_line(doc[end - 1]):
        if doc[end].text in vocab.closing_words:
            end += 1
        words = [t.text for t in doc[end:end + 6]]
        sequence = next((seq for seq in vocab.legal_sequences if tuple(words[:len(seq)]) == seq and len(seq) > 1), None)
        if sequence is not None:
            end += len(sequence)
    if (start, end) == (ent.start, ent.end):
        return ent
    return Span(doc, start, end, label="ORG", span_id=ent.id)


def extend_of_place(ent: Span, vocab: OrgVocabulary) -> Span:
    """"State Bank" + "of Pakistan", "Ford Motor Co." + "of Canada"; "U.S." + "Department of Justice";
    a court + "for the Ninth Circuit"."""
    doc = ent.doc
    end = ent.end
    if ent[0].text in vocab.institution_heads:
        place_start = next((ent.start - n for n in (3, 2, 1) if ent.start - n >= 0
                            and country_of(doc[ent.start - n:ent.start].text) is not None
                            and not any(ends_line(t) for t in doc[ent.start - n:ent.start])), ent.start)
        ent = Span(doc, place_start, ent.end, label="ORG", kb_id=ent.kb_id, span_id=ent.id)
    if (ent[-1].text in vocab.institution_heads or ent[-1].text in vocab.legal_forms) and end + 1 < len(doc) \
            and doc[end].lower_ == "of" \
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
    start, end = ent.start, _trimmed_end(ent, vocab)
    while start < end - 1 and (doc[start].lower_ in {"the", "’s", "'s"} or doc[start].text in {"a", "an"}
                               or vocab.introduces(doc[start].lower_)
                               and (doc[start].is_lower or doc[start].is_sent_start)
                               and doc[start + 1].text[:1].isupper() and not ent.id_):
        start += 1  # "the", "a", and "Startup Paystride Ltd", "Parent ANA Holdings"; not "Giant Eagle"
    while end > start and not ent.id_ and doc[end - 1].text in {"’s", "'s", "’", "'"}:
        end -= 1
    if end <= start:
        return None
    text = doc[start:end].text
    if not any(ch.isalpha() for ch in text) or text.islower():
        return None
    return Span(doc, start, end, label="ORG", kb_id=ent.kb_id, span_id=ent.id)


def _trimmed_end(ent: Span, vocab: OrgVocabulary) -> int:
    doc = ent.doc
    end = ent.end
    cut = next((t.i for t in ent[2:] if t.text in {"’s", "'s"} and t.i < ent.end - 1
                or t.text.startswith("&") and t.text[1:].isalpha()), None)  # not "Moody's Investors Service"
    if cut is not None:
        end = cut  # "Apple Computer's Mac OS" -> "Apple Computer"; "TAROM &mdash" -> "TAROM"
    closing = next((t.i for t in ent[:-1] if t.text in vocab.legal_forms and doc[t.i + 1].text not in vocab.legal_forms
                    and doc[t.i + 1].text not in {",", "&", "and", "of", "(", "-"}), None)
    if closing is not None:
        end = min(end, closing + 1)  # "Bank of America Corp. S&P ...": a legal form closes the name
    if end - ent.start > 1 and doc[end - 1].lower_ == "flight" and end < len(doc) and doc[end].like_num:
        end -= 1  # "Air France Flight 447": a flight number names its airline
    opening = next((t.i for t in ent if t.text == "("), None)
    if opening is not None and not any(t.text == ")" for t in doc[opening:end]):
        end = min(end, opening)  # "Abu Dhabi Future Energy Co (Masdar"
    return end
