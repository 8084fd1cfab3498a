"""Model entities and the rulers' organization spans merged into one list of candidate names.

The model's ORG spans are often too long ("United Kingdom British Airways",
"Bank of America and Citigroup") or missing; the gazetteer and legal-form
rulers know names exactly. This step decides, where they overlap, which
extent wins, and splits a model ORG that lists several known organizations.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable

from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from pipeline.nlp.base import doc_text
from pipeline.nlp.organizations.occurrences import WordOccurrences
from pipeline.nlp.organizations.vocabulary import OrgVocabulary
from pipeline.normalize.places import country_of

GAZETTEER, LEGAL_FORMS = "org_gazetteer", "org_suffix"  # the span rulers' keys in doc.spans
EVIDENCE = "org_evidence"  # spans labelled with what made a name an organization: model, cue, acronym


def with_rulers(doc: Doc, vocab: OrgVocabulary) -> list[Span]:
    """Model entities corrected by the rulers' organization spans.

    A legal-suffix match replaces what it overlaps unless a model ORG
    already contains it ("Central Bank" inside "Central Bank of Nigeria").
    A gazetteer match replaces what it overlaps, except inside a longer
    ORG: there it only takes over when it reaches that ORG's end but for
    legal suffixes and what comes before it is a place, a word like
    "parent" or a wire slug ("Parent ANA Holdings Inc." -> "ANA Holdings Inc.",
    "MOVES-Goldman Sachs" -> "Goldman Sachs", "United Kingdom British
    Airways" -> "British Airways"); it leaves "Kotak
    Mahindra Bank" and "Fonterra Co-operative Group" whole.

    Linear in the spans: the entities never overlap one another, nor do the
    ruler spans of one key, and both go in text order, so one sweep finds
    what each ruler span overlaps.
    """
    known = SpanIndex(doc.spans.get(GAZETTEER, []))
    words = WordOccurrences(doc_text(doc))
    ents = [piece for ent in doc.ents for part in split_at_verbs(ent)
            for piece in split_listed(part, known, vocab, words)]
    for key in (LEGAL_FORMS, GAZETTEER):
        ents = _apply_ruler(doc, ents, filter_spans(doc.spans.get(key, [])), key, known, vocab)
    return ents


def _apply_ruler(doc: Doc, ents: list[Span], spans: list[Span], key: str, known: SpanIndex,
                 vocab: OrgVocabulary) -> list[Span]:
    """One ruler's spans (in text order, none overlapping) applied to the entities (the same), in one sweep."""
    out: list[Span] = []  # entities before the current ruler span, then those it overlaps at the end
    waiting = iter(ents)
    following = next(waiting, None)
    for span in spans:
        while following is not None and following.start < span.end:
            out.append(following)
            following = next(waiting, None)
        first = len(out)
        while first > 0 and out[first - 1].end > span.start:
            first -= 1
        overlapping = out[first:]
        if key == LEGAL_FORMS and (_names_two_known(span, known) or _two_companies(span, vocab) or sum(
                e.label_ == "ORG" and span.start <= e.start and e.end <= span.end for e in overlapping) > 1):
            continue  # "BNP Paribas and Standard Chartered Bank" names two known organizations, "Orvane
            # Construction and Tarn Civil Ltd." two a listing was split into, "Tarn Pay and Norvik Bank" two
        if any(_person_named_like(doc, e, span, vocab) for e in overlapping):
            continue  # "Henry Ford", "William Clay Ford Jr.": a person named like a company; not "Rival Kering"
        container = next((e for e in overlapping if e.label_ == "ORG" and e.start <= span.start
                          and span.end <= e.end and len(e) > len(span)), None)
        owner = None
        if container is not None:
            taken = _inside_longer_org(doc, span, container, key, vocab)
            if taken is None:
                continue  # "Fonterra Co-operative Group" is not the Co-operative Group
            span, owner = taken  # "Alphabet's Google": two organizations
        out[first:] = [*([owner] if owner is not None else []),
                       Span(doc, span.start, span.end, label="ORG", span_id=span.id)]
    if following is not None:
        out.append(following)
    out.extend(waiting)
    return out


class SpanIndex:
    """Spans (which may overlap) found by where they start: those inside a stretch of tokens, by binary search."""

    def __init__(self, spans: Iterable[Span]) -> None:
        self.spans = sorted(spans, key=lambda s: s.start)  # stable: spans that start together keep their order
        self.starts = [s.start for s in self.spans]

    def inside(self, start: int, end: int) -> list[Span]:
        """The spans within tokens [start, end), in their original order among equal starts."""
        low, high = bisect_left(self.starts, start), bisect_left(self.starts, end)
        return [s for s in self.spans[low:high] if s.end <= end]


def _names_two_known(span: Span, known: SpanIndex) -> bool:
    return any(t.lower_ in {"and", "&"} for t in span) \
        and any(len(g) < len(span) for g in known.inside(span.start, span.end))


def _person_named_like(doc: Doc, entity: Span, span: Span, vocab: OrgVocabulary) -> bool:
    """A PERSON entity ending in the ruler's name, with no "the" or introducing noun between ("Henry Ford")."""
    return entity.label_ == "PERSON" and entity.start < span.start and span.end <= entity.end \
        and not any(vocab.introduces(t.lower_) or t.lower_ == "the" for t in doc[entity.start:span.start])


def _inside_longer_org(doc: Doc, span: Span, container: Span, key: str,
                       vocab: OrgVocabulary) -> tuple[Span, Span | None] | None:
    """A gazetteer name inside a longer model ORG: the name extended to the ORG's end, and an owner before it
    ("Alphabet's Google"), when only droppable words come before it; else None (the ORG stays whole)."""
    prefix = doc[container.start:span.start]
    owner = len(prefix) > 1 and prefix[-1].text in {"'s", "’s"}
    slug = len(prefix) > 1 and prefix[-1].text in {"-", "–"} and all(t.is_upper for t in prefix[:-1])
    droppable = not prefix.text or owner or slug or country_of(prefix.text) is not None \
        or all(vocab.introduces(t.lower_) or t.lower_ == "the" for t in prefix)
    if key == LEGAL_FORMS or not droppable or not all(t.text in vocab.legal_forms or t.is_punct
                                                        for t in doc[span.end:container.end]):
        return None
    owner_span = Span(doc, prefix.start, prefix.end - 1, label="ORG") if owner else None
    return Span(doc, span.start, container.end, label="ORG", span_id=span.id), owner_span


def split_at_verbs(ent: Span) -> list[Span]:
    """"The Ministry of Defence awarded Kestrel Defence": a model ORG running over a clause's verb is the names on
    either side of it, as no organization's name holds a lower-case verb."""
    if ent.label_ != "ORG" or not any(t.is_lower and t.pos_ in ("VERB", "AUX") for t in ent):
        return [ent]
    pieces, start = [], ent.start
    for token in ent:
        if token.is_lower and token.pos_ in ("VERB", "AUX"):
            pieces.append(ent.doc[start:token.i])
            start = token.i + 1
    pieces.append(ent.doc[start:ent.end])
    return [Span(ent.doc, p.start, p.end, label="ORG") for p in pieces if any(t.text[:1].isupper() for t in p)]


def split_listed(ent: Span, known: SpanIndex, vocab: OrgVocabulary, words: WordOccurrences) -> list[Span]:
    """"Bank of America and Citigroup", "Baidu, Alibaba and Tencent", "Thomson Reuters / University of
    Michigan", "Ørsted A/S and Equinor ASA", "Mercantile or Commerce": one model ORG listing several
    organizations splits into its items when every item is a capitalized name and the gazetteer knows one
    item whole, or every item closes with a legal form (or with a company word, one of them with a legal form),
    or the article names every item on its own elsewhere.
    A known name with "and" in it ("Procter & Gamble") and a name going on with "& Co" ("Henkel AG & Co. KGaA") stay whole."""
    if ent.label_ != "ORG" or not any(t.lower_ in vocab.list_joiners for t in ent):
        return [ent]
    doc = ent.doc
    inside = filter_spans(known.inside(ent.start, ent.end))
    if any((g.start, g.end) == (ent.start, ent.end) for g in inside):
        return [ent]
    items, start = [], ent.start + (ent[0].lower_ == "the")
    for token in ent:
        if token.lower_ in vocab.list_joiners:
            items.append(doc[start:token.i])
            start = token.i + 1
    items.append(doc[start:ent.end])
    whole = {(g.start, g.end) for g in inside}
    if any(not item or item.text in vocab.closing_words or item[0].text in vocab.legal_forms
           or (item.start, item.end) not in whole and not _capitalized_name(item, vocab) for item in items):
        return [ent]
    known_item = bool(whole & {(item.start, item.end) for item in items})
    legal = [item[-1].text in vocab.legal_forms for item in items]
    company_words = all(len(item) > 1 and item[-1].text in vocab.suffixes and item[0].text not in vocab.suffixes
                        for item in items)  # "Orvane Construction and Tarn Civil Ltd."
    closed = all(legal) or any(legal) and company_words
    if not (known_item or closed or all(words.apart_from(item.text, ent.text) for item in items)):
        return [ent]
    return [Span(doc, item.start, item.end, label="ORG") for item in items]


def _two_companies(span: Span, vocab: OrgVocabulary) -> bool:
    """"Tarn Pay and Norvik Bank": names joined by "and" that each end in a company's word, and start with none
    ("Pacific Gas and Electric Company" is one), are two companies."""
    joiners = [t.i for t in span if t.lower_ in ("and", "&")]
    if len(joiners) != 1:
        return False
    items = (span.doc[span.start:joiners[0]], span.doc[joiners[0] + 1:span.end])
    return all(len(item) > 1 and item[-1].text in vocab.sector_words and item[0].text not in vocab.sector_words
               for item in items)


def _capitalized_name(span: Span, vocab: OrgVocabulary) -> bool:
    """Proper nouns, first and last capitalized, maybe joined by "of"/"the"/"for" ("University of Michigan"), maybe
    closed by a legal form ("Equinor ASA")."""
    return span[0].text[:1].isupper() and span[-1].text[:1].isupper() and all(
        t.pos_ == "PROPN" or t.lower_ in {"of", "the", "for"} or t.text in vocab.legal_forms for t in span)
