"""Custom spaCy components: entity boundaries, organization fixes, money and count finders.

They find spans and attach values computed by the pure normalizers in
`pipeline.normalize`; `pipeline.extraction` turns the results into records.
Factories are registered under `spacy_factories` entry points (pyproject.toml)
and also here on import, so `nlp.add_pipe("factwire_money")` works either way.
"""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal
from collections.abc import Iterable

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from pipeline.normalize.money import Currency, currency_in_context, currency_table, money_amount
from pipeline.normalize.places import country_of, is_place
from pipeline.normalize.numbers import SCALES, decimal_string, parse_number
from pipeline.normalize.qualifiers import qualifier
from pipeline.nlp.lemmas import OnDemandLemmas
from pipeline.nlp.numbers import looks_like_year, number_runs
from pipeline.patterns import load_json

Span.set_extension("money", default=None, force=True)
Span.set_extension("count", default=None, force=True)

_RANGE_SCALES = set(SCALES) | {"hundred"}
_RANGE_WORDS = {"-", "–", "—", "to", "and"}
_LIST_JOINERS = {"and", "&", ",", "/"}
_TICKER = re.compile(r"^[A-Z0-9]{1,6}(?:_[a-z])?\.[A-Z]{1,3}$")  # Reuters codes: "NFLX.O", "6502.T", "000660.KS"
_SITE_NOUNS = {"headquarters", "offices", "office", "campus", "plant", "factory", "facility", "mill", "refinery", "site"}
_EXECUTIVE_TITLES = {"chief", "ceo", "cfo", "coo", "cto"}  # "Trivantis Chief Executive Dana Holt": the name ends
_APPLE_STYLE_PRODUCT = re.compile(r"^i[A-Z][a-z]+")  # iPod, iPhone, iTunes
_MODEL_NUMBER = re.compile(r"^(?:[A-Z]{1,2}-?\d{2,4}[A-Za-z0-9-]*|\d{3}(?:-\d+)?(?:[A-Z]{1,3})?s?)$")  # "A380", "737s"
_VERB_LIKE_WORDS = {"won", "real", "rand", "dong", "sterling"}
_NOT_COUNT_ENT_LABELS = {"DATE", "TIME", "PERCENT", "ORDINAL", "PRODUCT", "LAW", "EVENT", "WORK_OF_ART", "FAC", "ORG"}


def qualifier_before(doc: Doc, start: int) -> str | None:
    """The controlled qualifier written just before token `start`, if any."""
    return qualifier([t.lower_ for t in doc[max(start - 3, 0):start]])


def _per_unit(doc: Doc, end: int, lemma: OnDemandLemmas) -> str | None:
    """"$5 a share", "$80 per barrel", "$15/hour": the unit a price is per, else None."""
    if end + 1 < len(doc) and doc[end].lower_ in {"a", "an", "per", "/", "each"}:
        unit = doc[end + 1] if doc[end].lower_ != "each" else doc[end]
        if doc[end].lower_ == "each":
            return "each"
        if unit.pos_ in {"NOUN", "PROPN"} or unit.lower_ in {"share", "barrel", "ounce", "tonne", "ton", "hour", "day",
                                                               "week", "month", "year", "head", "person", "unit", "kg"}:
            return lemma(unit).lower()
    return None


def _modifies_noun(doc: Doc, mention: Span) -> bool:
    """"a dollar store", "a euro-zone bank": the currency word is an adjective here."""
    after = doc[mention.end] if mention.end < len(doc) else None
    return after is not None and (after.text in {"-", "–"} or after.pos_ in {"NOUN", "PROPN", "ADJ"} and not after.is_punct)


def _countries_named(doc: Doc) -> list[str]:
    """Countries the text names (places, countries, demonyms), most named first."""
    named = Counter(code for ent in doc.ents if ent.label_ in {"GPE", "LOC", "NORP"}
                    and (code := country_of(ent.text)) is not None)
    return [code for code, _ in named.most_common()]


def _has_newline(token: Token) -> bool:
    return "\n" in token.text or "\n" in token.whitespace_


def split_at_line_breaks(doc: Doc, spans: Iterable[Span]) -> list[Span]:
    """Cut spans at line breaks and trim blank or punctuation edges.

    The small model happily merges "Xinhuanet.com\\n\\nRichemont" into one ORG;
    a name never runs across a line break in news text.
    """
    pieces: list[Span] = []
    for span in spans:
        start = span.start
        for token in span:
            last_of_piece = token.i == span.end - 1 or _has_newline(token)
            if not last_of_piece:
                continue
            end = token.i + 1
            while start < end and (doc[start].is_space or doc[start].is_punct and doc[start].text not in "&$"):
                start += 1
            while end > start and (doc[end - 1].is_space or doc[end - 1].text in {",", ";", ":", "(", "-", "—"}):
                end -= 1
            if end > start:
                pieces.append(Span(doc, start, end, label=span.label, kb_id=span.kb_id, span_id=span.id))
            start = token.i + 1
    return pieces


def _lines(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of the text's lines (a line ends with a token followed by a line break)."""
    lines, start = [], 0
    for token in doc:
        if _has_newline(token):
            lines.append((start, token.i + 1))
            start = token.i + 1
    if start < len(doc):
        lines.append((start, len(doc)))
    return lines


_HEADLINE_SMALL_WORDS = {"a", "an", "the", "of", "and", "or", "to", "in", "on", "at", "for", "by", "with", "as", "from",
                         "vs", "after", "over", "into", "amid", "its", "is", "are", "be"}


def _title_case_lines(doc: Doc, lines: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """Lines written in Title Case or capitals: at least three words besides small ones, nearly all capitalized."""
    found = set()
    for start, end in lines:
        words = [t for t in doc[start:end] if t.is_alpha and t.lower_ not in _HEADLINE_SMALL_WORDS]
        capitalized = sum(1 for t in words if t.text[0].isupper())
        if len(words) >= 3 and capitalized >= 0.8 * len(words):
            found.add((start, end))
    return found


class EntityBoundaries:
    """Split model entities at line breaks, so no entity crosses a paragraph or article."""

    def __call__(self, doc: Doc) -> Doc:
        doc.ents = filter_spans(split_at_line_breaks(doc, doc.ents))
        return doc


@Language.factory("factwire_boundaries")
def make_boundaries(nlp: Language, name: str) -> EntityBoundaries:
    return EntityBoundaries()


class OrganizationFixer:
    """Correct organization labels and extents with evidence from the text.

    - relabel a PERSON/GPE/NORP/PRODUCT span as ORG when the text treats it as a
      company: a legal suffix right after it, an apposition such as
      "e-commerce giant Alibaba" / "the company X", a cue ("shares of X",
      "X's quarterly profit", "X, which owns") or a stock code ("X (NYSE: XX)");
    - split a model ORG that lists known organizations ("Bank of America and
      Citigroup"), and keep the organization an event or site is named after
      ("Apple" of "Apple Worldwide Developers Conference");
    - extend an institution to its "of <place>" complement ("State Bank" +
      "of Pakistan");
    - strip a leading "the" or "a", a trailing possessive, a wire slug ("MOVES-");
    - drop common acronyms ("IP", "CEO", "JV"), market indices ("FTSE 100",
      "Nasdaq Composite"), products ("Boeing 747", "Rolls-Royce Trent 900"),
      places ("its Cupertino headquarters"), a lone surname of a person named in
      the same text ("Chizen" after "Bruce Chizen"), and in Title Case lines
      any name nothing else in the text vouches for.
    """

    def __init__(self, nlp: Language, rules: str) -> None:
        data = load_json(rules)
        self.not_orgs = set(data["not_org_acronyms"]) | set(data["not_org_names"]) | set(data["product_names"])
        self.title_words = set(data["title_words"])
        self.legal_forms = set(data["legal_suffixes"])
        self.suffixes = self.legal_forms | set(data["descriptive_suffixes"])
        self.intro_nouns = set(data["org_intro_nouns"])
        self.person_titles = set(data["person_titles"])
        self.institution_heads = set(data["institution_heads"])
        self.closing_words = set(data["descriptive_suffixes"]) | self.institution_heads | self.legal_forms
        self.facility_words = set(data["facility_words"])
        self.legal_prefixes = set(data["legal_prefixes"])
        self.legal_sequences = sorted({tuple(t.text for t in nlp.make_doc(form)) for form in data["legal_suffixes"]},
                                      key=len, reverse=True)
        self.currency_forms = set(currency_table().symbols)
        self.cues_before = data["cues_before"]
        self.cues_after = data["cues_after"]
        self.cues_before_unless_person = data["cues_before_unless_person"]
        self.cues_after_unless_person = data["cues_after_unless_person"]
        self.cue_nouns_after = set(data["cue_nouns_after"])
        self.index_words = set(data["index_words"])
        self.model_nouns = set(data["model_nouns"])
        self.court_words = set(data["court_words"])
        self.exchange_codes = set(data["exchange_codes"])

    def _looks_like_org(self, span: Span) -> bool:
        doc = span.doc
        after = doc[span.end] if span.end < len(doc) else None
        before = doc[span.start - 1] if span.start > 0 else None
        if before is not None and before.text in self.person_titles:
            return False
        if after is not None and after.text in self.suffixes and after.text[0].isupper():
            return True
        if before is not None and before.lower_ in self.intro_nouns and before.is_lower:
            return span.label_ != "GPE" or len(span) > 1 or not span.text.isupper()
        return False

    def _with_rulers(self, doc: Doc) -> list[Span]:
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
        """
        known = doc.spans.get("org_gazetteer", [])
        ents = [piece for ent in doc.ents for piece in self._split_listed(ent, known)]
        for key in ("org_suffix", "org_gazetteer"):
            for span in filter_spans(doc.spans.get(key, [])):
                if key == "org_suffix" and any(t.lower_ in {"and", "&"} for t in span) \
                        and any(span.start <= g.start and g.end <= span.end and len(g) < len(span) for g in known):
                    continue  # "BNP Paribas and Standard Chartered Bank" names two known organizations
                overlapping = [e for e in ents if e.start < span.end and span.start < e.end]
                if any(e.label_ == "PERSON" and e.start < span.start and span.end <= e.end
                       and not any(self._introduces(t) or t.lower_ == "the" for t in doc[e.start:span.start])
                       for e in overlapping):
                    continue  # "Henry Ford", "William Clay Ford Jr.": a person named like a company; not "Rival Kering"
                container = next((e for e in overlapping if e.label_ == "ORG" and e.start <= span.start
                                  and span.end <= e.end and len(e) > len(span)), None)
                if container is not None:
                    prefix = doc[container.start:span.start]
                    owner = len(prefix) > 1 and prefix[-1].text in {"'s", "’s"}
                    slug = len(prefix) > 1 and prefix[-1].text in {"-", "–"} and all(t.is_upper for t in prefix[:-1])
                    droppable = not prefix.text or owner or slug or country_of(prefix.text) is not None \
                        or all(self._introduces(t) or t.lower_ == "the" for t in prefix)
                    if key == "org_suffix" or not droppable or not all(t.text in self.legal_forms or t.is_punct
                                                                       for t in doc[span.end:container.end]):
                        continue  # "Fonterra Co-operative Group" is not the Co-operative Group
                    if owner:  # "Alphabet's Google": two organizations
                        ents.append(Span(doc, prefix.start, prefix.end - 1, label="ORG"))
                    span = Span(doc, span.start, container.end, label="ORG", span_id=span.id)
                ents = [e for e in ents if e not in overlapping]
                ents.append(Span(doc, span.start, span.end, label="ORG", span_id=span.id))
        return sorted(ents, key=lambda e: e.start)

    def _split_listed(self, ent: Span, known: Iterable[Span]) -> list[Span]:
        """"Bank of America and Citigroup", "Baidu, Alibaba and Tencent", "Thomson Reuters / University of
        Michigan": one model ORG listing several organizations splits into its items when the gazetteer knows
        one item whole and every other item is a capitalized name. A known name with "and" in it ("Procter &
        Gamble") and a name closed by "& Co" stay whole."""
        if ent.label_ != "ORG" or not any(t.lower_ in _LIST_JOINERS for t in ent):
            return [ent]
        doc = ent.doc
        inside = filter_spans([g for g in known if ent.start <= g.start and g.end <= ent.end])
        if any((g.start, g.end) == (ent.start, ent.end) for g in inside):
            return [ent]
        items, start = [], ent.start + (ent[0].lower_ == "the")
        for token in ent:
            if token.lower_ in _LIST_JOINERS:
                items.append(doc[start:token.i])
                start = token.i + 1
        items.append(doc[start:ent.end])
        whole = {(g.start, g.end) for g in inside}
        if not whole & {(item.start, item.end) for item in items} or any(
                not item or item.text in self.closing_words
                or (item.start, item.end) not in whole and not self._capitalized_name(item) for item in items):
            return [ent]
        return [Span(doc, item.start, item.end, label="ORG") for item in items]

    @staticmethod
    def _capitalized_name(span: Span) -> bool:
        """Proper nouns, first and last capitalized, maybe joined by "of"/"the"/"for" ("University of Michigan")."""
        return span[0].text[:1].isupper() and span[-1].text[:1].isupper() and all(
            t.pos_ == "PROPN" or t.lower_ in {"of", "the", "for"} for t in span)

    def _introduces(self, token: Token) -> bool:
        """A noun that introduces a company name: "retailer", "rivals", "parent"."""
        return token.lower_ in self.intro_nouns or token.lower_.removesuffix("s") in self.intro_nouns

    def _apposition(self, doc: Doc, end: int) -> bool:
        """"Unifor, Canada's largest private-sector union,": a name followed by an organization noun in apposition."""
        if end >= len(doc) or doc[end].text != ",":
            return False
        for token in doc[end + 1:end + 8]:
            if token.lower_ in self.intro_nouns and token.is_lower:
                return True
            if token.pos_ in {"VERB", "AUX", "PUNCT", "ADP"} and token.text not in {"-", "'s", "’s"} or _has_newline(token):
                return False
        return False

    def _cued_names(self, doc: Doc, ents: list[Span]) -> list[Span]:
        """Proper names the text treats as companies ("shares of Zorbex", "Zorbex's chief executive",
        "retailer Zorbex") that the model left unlabeled or called a person, place or product."""
        labels = {t.i: e.label_ for e in ents for t in e}
        found = []
        i = 0
        while i < len(doc):
            if not (doc[i].pos_ == "PROPN" and doc[i].text[:1].isupper() and labels.get(i) in {None, "PERSON", "GPE", "NORP", "PRODUCT"}) \
                    or i > 0 and doc[i - 1].text in {"-", "–"} and not doc[i - 1].whitespace_:
                i += 1
                continue
            j = i + 1
            while j < len(doc) and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper() and labels.get(j) != "ORG" \
                    and not _has_newline(doc[j - 1]) and doc[j].lower_ not in _EXECUTIVE_TITLES:
                j += 1
            name = doc[i:j]
            before = " ".join(t.lower_ for t in doc[max(i - 3, 0):i])
            after = " ".join(t.lower_ for t in doc[j:j + 3]).replace(" 's", "'s").replace(" ’s", "’s")
            strong = any(before.endswith(cue) for cue in self.cues_before) or any(after.startswith(cue) for cue in self.cues_after) \
                or self._ticker_follows(doc, j) \
                or j < len(doc) and doc[j].lower_ in self.cue_nouns_after and doc[j].pos_ == "NOUN" and country_of(name.text) is None
            noun_after = j < len(doc) and doc[j].lower_ in self.intro_nouns and doc[j].is_lower and country_of(name.text) is None
            weak = any(before.endswith(cue) for cue in self.cues_before_unless_person) or self._apposition(doc, j) \
                or (i > 0 and doc[i - 1].lower_ in self.intro_nouns and doc[i - 1].is_lower) or noun_after
            person = labels.get(i) == "PERSON" and len(name) > 1
            weak = weak and not (len(name) == 1 and doc[i].is_sent_start)  # "Discount retailer Kmart", "Bus operators"
            weak = weak or any(after.startswith(cue) for cue in self.cues_after_unless_person)  # "Quillon, which owns"
            if (strong or weak and not person) and not is_place(name.text) and name.text not in self.not_orgs \
                    and not (i > 0 and doc[i - 1].text in self.person_titles):
                found.append(Span(doc, i, j, label="ORG"))
            i = j
        return found

    @staticmethod
    def _site_of(ent: Span) -> bool:
        """"its Cupertino headquarters", "Toyota's Georgetown plant": a name between an owner and a site is a place."""
        doc = ent.doc
        return not ent.id_ and 0 < ent.start and ent.end < len(doc) and doc[ent.end].lower_ in _SITE_NOUNS \
            and (doc[ent.start - 1].lower_ in {"its", "their"} or doc[ent.start - 1].text in {"'s", "’s"})

    def _ticker_follows(self, doc: Doc, j: int) -> bool:
        """"Zorvane 6502.T", "Quillon (QLN.N)", "Quillon (NYSE: QLN)": a stock code after a name makes it a company."""
        if j >= len(doc):
            return False
        if _TICKER.match(doc[j].text):
            return True
        return doc[j].text == "(" and j + 2 < len(doc) and (
            _TICKER.match(doc[j + 1].text) is not None or doc[j + 1].text in self.exchange_codes and doc[j + 2].text == ":")

    def __call__(self, doc: Doc) -> Doc:
        surnames = {e[-1].text for e in doc.ents if e.label_ == "PERSON" and len(e) > 1}
        ents = []
        merged = self._with_rulers(doc)
        cued = self._cued_names(doc, merged)
        if cued:
            merged = filter_spans(cued + [e for e in merged if not any(c.start < e.end and e.start < c.end for c in cued)])
        for ent in merged:
            if ent.label_ in {"PERSON", "GPE", "NORP", "PRODUCT", "FAC", "WORK_OF_ART"} and self._looks_like_org(ent):
                ent = Span(doc, ent.start, ent.end, label="ORG", kb_id=ent.kb_id, span_id=ent.id)
            if ent.label_ == "ORG":
                ent = self._trim(self._extend_of_place(self._owner_of_facility(ent)))
                if ent is None or self._is_not_org(ent, surnames):
                    continue
                ent = self._extend_legal(ent)
                based = ent.end + 1 < len(doc) and doc[ent.end].text == "-" and doc[ent.end + 1].lower_ in {"based", "headquartered"}
                if based or self._site_of(ent) or not ent.id_ and is_place(ent.text) and not any(t.text in self.suffixes for t in ent):
                    ent = Span(doc, ent.start, ent.end, label="GPE")  # "Hyderabad", "UAE", "Pune-based": places
            ents.append(ent)
        cued_at = {(c.start, c.end) for c in cued}
        doc.ents = filter_spans(self._confirmed_in_headlines(doc, ents, cued_at))
        return doc

    def _confirmed_in_headlines(self, doc: Doc, ents: list[Span], cued_at: set[tuple[int, int]]) -> list[Span]:
        """Drop a model ORG in a Title Case line ("Global Markets Slump On Fears Of Default", a menu of site
        sections) unless something vouches for it: the gazetteer, a legal form ("Inc."), a cue in the
        text, or the same name (or the start of it) written in a line that is not Title Case. Capitals there say
        nothing about names."""
        lines = _lines(doc)
        headlines = _title_case_lines(doc, lines)
        if not headlines:
            return ents
        body = "\n".join(doc[start:end].text for start, end in lines if (start, end) not in headlines)
        kept = []
        for ent in ents:
            in_headline = any(start <= ent.start and ent.end <= end for start, end in headlines)
            if not in_headline or ent.label_ != "ORG" or ent.id_ or (ent.start, ent.end) in cued_at \
                    or ent[-1].text in self.legal_forms:
                kept.append(ent)
                continue
            confirmed = next((doc[ent.start:end] for end in range(ent.end, ent.start, -1)
                              if doc[end - 1].is_alpha and doc[end - 1].text[0].isupper()
                              and re.search(r"(?<!\w)" + re.escape(doc[ent.start:end].text) + r"(?!\w)", body)), None)
            if confirmed is not None:  # "Kestrel Dynamics Wins Contract": the body names "Kestrel Dynamics"
                kept.append(Span(doc, confirmed.start, confirmed.end, label="ORG"))
        return kept

    def _owner_of_facility(self, ent: Span) -> Span:
        """"Apple Worldwide Developers Conference", "Ford Louisville Assembly Plant": an event or a place named
        after a known organization still mentions that organization."""
        doc = ent.doc
        if ent.end < len(doc) and doc[ent.end].text in self.facility_words and not _has_newline(ent[-1]) and not ent.id_:
            ent = Span(doc, ent.start, ent.end + 1, label="ORG")  # "Ford Louisville Assembly" + "Plant"
        if len(ent) < 2 or ent.id_ or ent[-1].text not in self.facility_words:
            return ent
        owner = max((g for g in doc.spans.get("org_gazetteer", []) if g.start == ent.start and g.end < ent.end),
                    key=len, default=None)
        return ent if owner is None else Span(doc, owner.start, owner.end, label="ORG", span_id=owner.id)

    def _extend_legal(self, ent: Span) -> Span:
        """Take in a closing word or legal form the model left out: "Vishwas Urban Co-operative" + "Bank",
        "Bank Rakyat Indonesia" + "(Persero) Tbk", and a legal prefix: "PT" + "Bank Rakyat Indonesia"."""
        doc = ent.doc
        start, end = ent.start, ent.end
        if start > 0 and doc[start - 1].text in self.legal_prefixes and len(ent) > 1 and not _has_newline(doc[start - 1]):
            start -= 1
        if end < len(doc) and not _has_newline(doc[end - 1]):
            if doc[end].text in self.closing_words:
                end += 1
            words = [t.text for t in doc[end:end + 6]]
            sequence = next((seq for seq in self.legal_sequences if tuple(words[:len(seq)]) == seq and len(seq) > 1), None)
            if sequence is not None:
                end += len(sequence)
        if (start, end) == (ent.start, ent.end):
            return ent
        return Span(doc, start, end, label="ORG", span_id=ent.id)

    def _extend_of_place(self, ent: Span) -> Span:
        """"State Bank" + "of Pakistan", "Ford Motor Co." + "of Canada"; "U.S." + "Department of Justice";
        a court + "for the Ninth Circuit"."""
        doc = ent.doc
        end = ent.end
        if ent[0].text in self.institution_heads:
            place_start = next((ent.start - n for n in (3, 2, 1) if ent.start - n >= 0
                                and country_of(doc[ent.start - n:ent.start].text) is not None
                                and not any(_has_newline(t) for t in doc[ent.start - n:ent.start])), ent.start)
            ent = Span(doc, place_start, ent.end, label="ORG", kb_id=ent.kb_id, span_id=ent.id)
        if (ent[-1].text in self.institution_heads or ent[-1].text in self.legal_forms) and end + 1 < len(doc) \
                and doc[end].lower_ == "of" \
                and doc[end + 1].pos_ == "PROPN" and doc[end + 1].ent_type_ in {"GPE", "LOC", ""} \
                and not _has_newline(ent[-1]) and not _has_newline(doc[end]):
            stop = end + 2
            while stop < len(doc) and doc[stop].pos_ == "PROPN" and not _has_newline(doc[stop - 1]) \
                    and doc[stop].ent_type_ in {"GPE", "LOC", ""}:
                stop += 1
            return Span(doc, ent.start, stop, label="ORG")  # a different organization from the bare name
        if any(t.text in self.court_words for t in ent) and end + 2 < len(doc) and doc[end].lower_ == "for" \
                and doc[end + 1].lower_ == "the":
            stop = end + 2
            while stop < len(doc) and not _has_newline(doc[stop - 1]) and (doc[stop].text[:1].isupper() or (
                    doc[stop].lower_ == "of" and stop + 1 < len(doc) and doc[stop + 1].text[:1].isupper())):
                stop += 1
            if stop > end + 2:
                return Span(doc, ent.start, stop, label="ORG")  # "... Court for the Southern District of New York"
        return ent

    def _is_not_org(self, ent: Span, surnames: set[str]) -> bool:
        doc = ent.doc
        after = doc[ent.end] if ent.end < len(doc) else None
        if ent.text in self.not_orgs or ent.text in self.currency_forms or _APPLE_STYLE_PRODUCT.match(ent.text) and not ent.id_:
            return True  # "iPod" is a product, "iRobot" (in the gazetteer) a company
        if after is not None and (after.text in self.index_words or doc[ent.start:ent.end + 1].text in self.not_orgs) \
                or len(ent) > 1 and ent[-1].text in self.index_words and not ent.id_:
            return True  # "Nasdaq Composite", "Nasdaq 100", "Philadelphia Semiconductor Index": an index, not a company
        if not ent.id_ and ent[-1].text not in self.closing_words \
                and any(ent[:k].text in self.not_orgs for k in range(2, len(ent))):
            return True  # "Wall St. Week Ahead", "S&P 500 Energy": what follows a market name is not a company
        if len(ent) > 1 and ent[-1].text in self.facility_words and not ent.id_:
            return True  # "Louisville Assembly Plant", "Abu Dhabi International Airport": a place
        if len(ent) > 1 and not ent.id_ and (_MODEL_NUMBER.match(ent[-1].text) or ent[0].text in self.facility_words
                                             and ent[-1].like_num):
            return True  # "Rolls-Royce Trent 900", "Airbus A380" (products), "Terminal 3" (a place)
        if len(ent) > 1 and (ent[1:].text in self.not_orgs or ent[0].text in self.currency_forms and ent[1].like_num):
            return True  # "Adobe Photoshop" (maker + product), "KD 604.1 million"
        if len(ent) > 1 and ent[0].lower_ in self.title_words and not ent.id_ and ent[1:].text not in self.not_orgs \
                and all(t.pos_ == "PROPN" for t in ent[1:]) and not any(t.text in self.suffixes for t in ent):
            return True  # "Spokeswoman Sandy Angers": a title and a name
        if len(ent) == 1 and ent.text in self.suffixes:
            return True  # "Group", "Holdings", "Bank" alone
        if len(ent) == 1 and not ent.id_ and ent[0].tag_ in {"NN", "NNS"} and not ent[0].is_upper:
            return True  # "Markets", "Tech": a capitalized common noun the tagger does not take for a name
        if after is not None and _MODEL_NUMBER.match(after.text) and not _has_newline(ent[-1]):
            return True
        if not ent.id_ and self._names_a_model(ent):
            return True  # "BYD's Seal and Atto 3 models": products of a maker
        return len(ent) == 1 and not ent.id_ and ent.text in surnames

    def _names_a_model(self, ent: Span) -> bool:
        """Whether a model noun follows the name, directly or after "and" and another name on the same line."""
        doc = ent.doc
        i = ent.end
        if i < len(doc) and doc[i].lower_ in {"and", "or", "&"}:
            i += 1
            while i < len(doc) and (doc[i].pos_ == "PROPN" or doc[i].like_num) and not _has_newline(doc[i - 1]):
                i += 1
        return i < len(doc) and doc[i].lower_ in self.model_nouns and not _has_newline(doc[i - 1])

    def _trim(self, ent: Span) -> Span | None:
        start, end = ent.start, ent.end
        doc = ent.doc
        if any("://" in t.text or t.lower_.startswith(("http", "www.")) for t in ent):
            return None  # a link, not a name
        cut = next((t.i for t in ent[2:] if t.text in {"’s", "'s"} and t.i < ent.end - 1
                    or t.text.startswith("&") and t.text[1:].isalpha()), None)  # not "Moody's Investors Service"
        if cut is not None:
            end = cut  # "Apple Computer's Mac OS" -> "Apple Computer"; "TAROM &mdash" -> "TAROM"
        closing = next((t.i for t in ent[:-1] if t.text in self.legal_forms and doc[t.i + 1].text not in self.legal_forms
                        and doc[t.i + 1].text not in {",", "&", "and", "of", "(", "-"}), None)
        if closing is not None:
            end = min(end, closing + 1)  # "Bank of America Corp. S&P ...": a legal form closes the name
        if end - start > 1 and doc[end - 1].lower_ == "flight" and end < len(doc) and doc[end].like_num:
            end -= 1  # "Air France Flight 447": a flight number names its airline
        opening = next((t.i for t in ent if t.text == "("), None)
        if opening is not None and not any(t.text == ")" for t in doc[opening:end]):
            end = min(end, opening)  # "Abu Dhabi Future Energy Co (Masdar"
        while start < end - 1 and (doc[start].lower_ in {"the", "’s", "'s"} or doc[start].text in {"a", "an"}
                                   or self._introduces(doc[start])
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


@Language.factory("factwire_orgs", default_config={"rules": "org_rules.json"})
def make_orgs(nlp: Language, name: str, rules: str) -> OrganizationFixer:
    return OrganizationFixer(nlp, rules)


class MoneyFinder:
    """Find money amounts: a number run with a currency symbol, code or word beside it.

    Currency forms come from the CLDR-based table; the tokenizer is taught to
    split them off digits ("HK$2", "$460m") in `pipeline.nlp.load`. Ranges ("$5-7
    million", "between 5 and 7 million dollars") give one record per end, and
    "X or Y" in two currencies gives two records linked as equivalents.
    """

    def __init__(self, nlp: Language) -> None:
        self.table = currency_table()
        self.lemma = OnDemandLemmas(nlp)
        self.symbol_matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.word_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        tokenizer = nlp.tokenizer
        for symbol in self.table.symbols:  # as the tokenizer splits it alone, and as one token before digits
            self.symbol_matcher.add("CUR", [tokenizer(symbol), Doc(nlp.vocab, words=[symbol])])
        for word in self.table.words:  # exceptions such as "U.S." tokenize by case
            self.word_matcher.add("CUR", [tokenizer(form) for form in {word, word.title(), word.upper()}])

    def _currencies(self, doc: Doc) -> tuple[dict[int, Span], dict[int, Span]]:
        """Currency mentions indexed by end token (left of a number) and start token (right of it)."""
        found = [doc[s:e] for _, s, e in self.symbol_matcher(doc)] + [doc[s:e] for _, s, e in self.word_matcher(doc)]
        by_end: dict[int, Span] = {}
        by_start: dict[int, Span] = {}
        for span in sorted(found, key=len):
            by_end[span.end] = span
            by_start[span.start] = span
        return by_end, by_start

    def _currency_beside(self, doc: Doc, run: Span, by_end: dict, by_start: dict) -> tuple[int, int, Currency, str] | None:
        """(start, end, currency, written form) of a money mention around a number run, or None."""
        left = by_end.get(run.start)
        if left is not None and left.text in self.table.attached_only and left[-1].whitespace_:
            left = None  # "R5bn" is rand, "R 5" is not
        right = by_start.get(run.end)
        if right is not None and right.text in self.table.attached_only and run[-1].whitespace_:
            right = None  # "43c" is cents, "43 c" is not
        if right is None and run.end + 1 < len(doc) and doc[run.end].text == "-":
            right = by_start.get(run.end + 1)  # "a 1.5-billion-euro deal"
            if right is not None and right.text.lower() not in self.table.words:
                right = None
        if right is not None and right.text.lower() in self.table.weight_units \
                and right.end < len(doc) and doc[right.end].lower_ == "of":
            right = None  # "23 pounds of marijuana" is a weight
        if right is not None and right.text.lower() in self.table.words:
            scaled = any(t.lower_ in SCALES for t in run) or len(run.text) >= 4
            if right.text.lower() in _VERB_LIKE_WORDS and not scaled and right[0].pos_ not in {"NOUN", "PROPN", "NUM", "X"}:
                right = None  # "won" the verb, "real" the adjective; "360 trillion won" is money
            elif left is not None:
                left = None  # "US$ 5 million dollars": the word is more specific
        mention = left or right
        if mention is None:
            return None
        scale_after = right is not None and right.end < len(doc) and doc[right.end].lower_ in SCALES \
            and len(doc[right.end].text) > 2 and not any(t.lower_ in SCALES for t in run)
        currency = self.table.lookup(mention.text)
        if currency is None:
            return None
        start = left.start if left is not None else run.start
        end = right.end + scale_after if right is not None else run.end
        return start, end, currency, mention.text

    def __call__(self, doc: Doc) -> Doc:
        by_end, by_start = self._currencies(doc)
        runs = number_runs(doc)
        hits: dict[int, dict] = {}
        countries = _countries_named(doc)
        covered = -1
        for k, run in enumerate(runs):
            found = None if run.start < covered else self._currency_beside(doc, run, by_end, by_start)
            if found is not None:
                covered = found[1]
                start, end, currency, form = found
                currency, basis = currency_in_context(form, currency, countries)
                number = run.text if end <= run.end or doc[end - 1].lower_ not in SCALES else f"{run.text} {doc[end - 1].text}"
                hits[k] = {"start": start, "end": end, "currency": currency, "number": number, "relation": None,
                           "basis": basis}
        self._join_ranges(doc, runs, hits)
        for start, mention in by_start.items():  # "a dollar", "a euro": one unit, unless the word modifies a noun
            if start > 0 and doc[start - 1].lower_ in {"a", "an"} and mention.text.lower() in self.table.words \
                    and not mention.text.lower().endswith("s") and not _modifies_noun(doc, mention):
                currency, basis = currency_in_context(mention.text, self.table.lookup(mention.text), countries)
                hits[-start - 1] = {"start": start - 1, "end": mention.end, "currency": currency, "number": "1",
                                           "relation": None, "basis": basis}
        records: list[tuple[Span, dict]] = []
        minor_ends: set[int] = set()
        previous: str | None = None
        for hit in sorted(hits.values(), key=lambda h: h["start"]):
            hit["currency"] = hit["currency"].after(previous)  # "S$1.20 ... 54 cents", "KD 5 ... 25 fils"
            if not hit["currency"].is_minor:
                previous = hit["currency"].code
            amount = money_amount(hit["number"], hit["currency"])
            if amount is None:
                continue
            if records and records[-1][0].end not in minor_ends and self._continues(doc, records[-1], hit):
                span, record = records.pop()  # "3 dollars 50 cents" is one amount
                amount = decimal_string(Decimal(record["amount"]) + Decimal(amount))
                hit = {**hit, "start": span.start, "relation": record["relation"]}
            qualifier = "between" if hit.get("between") else qualifier_before(doc, hit["start"])
            if hit["currency"].is_minor:
                minor_ends.add(hit["end"])
            code, basis = self._code_in_parentheses(doc, hit["end"]) or (hit["currency"].code, hit["basis"])
            records.append((doc[hit["start"]:hit["end"]], {
                "amount": amount, "currency": code, "currency_basis": basis, "qualifier": qualifier,
                "per_unit": _per_unit(doc, hit["end"], self.lemma), "relation": hit["relation"], "related": None,
            }))
        records = self._link_equivalents(doc, records)
        doc.spans["money"] = [span for span, _ in records]
        for i, (_, record) in enumerate(records):
            if record["relation"] in {"range_low", "range_high"}:
                record["related"] = i + 1 if record["relation"] == "range_low" else i - 1
            doc.spans["money"][i]._.money = record
        return doc

    def _code_in_parentheses(self, doc: Doc, end: int) -> tuple[str, str] | None:
        """"$80 million (NZD)": a code in parentheses right after an amount says which currency it is."""
        if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")":
            currency = self.table.symbols.get(doc[end + 1].text)
            if currency is not None and doc[end + 1].text.isupper():
                return currency.code, "explicit"
        return None

    @staticmethod
    def _continues(doc: Doc, last: tuple[Span, dict], hit: dict) -> bool:
        """Whether a minor-unit amount completes the amount before it ("$20 and 43c", "3 GBP 1 pence")."""
        span, record = last
        between = doc[span.end:hit["start"]]
        return hit["currency"].is_minor and record["currency"] == hit["currency"].code and record["relation"] is None \
            and not any(t.lower_ in SCALES for t in span) and len(between) <= 1 \
            and all(t.lower_ in {"and", ","} for t in between)

    @staticmethod
    def _join_ranges(doc: Doc, runs: list[Span], hits: dict[int, dict]) -> None:
        """Pair "$5-7 million", "5 to 7 million euros", "between $1.5 and $2 billion" as two ends.

        The end without a currency takes the other's; a low end without a
        scale takes the high end's when that keeps it the lower number.
        """
        for k in range(len(runs) - 1):
            low, high = hits.get(k), hits.get(k + 1)
            if low is None and high is None or (low or high)["relation"] is not None:
                continue
            gap_start = low["end"] if low else runs[k].end
            gap_end = high["start"] if high else runs[k + 1].start
            joiner = doc[gap_start:gap_end]
            if len(joiner) != 1 or joiner[0].lower_ not in _RANGE_WORDS:
                continue
            first = low["start"] if low else runs[k].start
            between = first > 0 and doc[first - 1].lower_ == "between"
            if joiner[0].lower_ == "and" and not between:
                continue
            if low is None and looks_like_year(runs[k]):
                continue  # "from £61 million in 2008 to £23 million": 2008 is a year
            if high is None and runs[k + 1].end < len(doc) and doc[runs[k + 1].end].pos_ in {"NOUN", "PROPN"}:
                continue  # "$8.2 billion to two consortia": the second number counts something else
            if low is None:
                low = hits[k] = {**high, "start": runs[k].start, "end": runs[k].end, "number": runs[k].text}
            if high is None:
                high = hits[k + 1] = {**low, "start": runs[k + 1].start, "end": runs[k + 1].end, "number": runs[k + 1].text}
            scales = [t for t in runs[k + 1] if t.lower_ in _RANGE_SCALES]
            if scales and not any(t.lower_ in _RANGE_SCALES for t in runs[k]):
                bare_high = parse_number(" ".join(t.text for t in runs[k + 1] if t.lower_ not in _RANGE_SCALES))
                if bare_high is not None and parse_number(runs[k].text) < bare_high:
                    low["number"] = f"{runs[k].text} {scales[-1].text}"
            low.update(relation="range_low", between=between)
            high["relation"] = "range_high"

    @staticmethod
    def _link_equivalents(doc: Doc, records: list[tuple[Span, dict]]) -> list[tuple[Span, dict]]:
        """Link "7.9 billion yuan or 1.16 billion US dollars" and "€1.5 billion ($1.6 billion)"."""
        for i in range(len(records) - 1):
            (a, ra), (b, rb) = records[i], records[i + 1]
            between = doc[a.end:b.start].text.strip().lower()  # not doc.text: it joins the whole Doc on every call
            if ra["currency"] != rb["currency"] and between in {"or", "(", "or about", "or some", "/", ", or"} \
                    and ra["relation"] is None and rb["relation"] is None:
                ra["relation"], ra["related"] = "equivalent", i + 1
                rb["relation"], rb["related"] = "equivalent", i
        return records


@Language.factory("factwire_money")
def make_money(nlp: Language, name: str) -> MoneyFinder:
    return MoneyFinder(nlp)


class CountFinder:
    """Find counts: a number with the noun it counts ("1,953 counterfeiting suspects").

    The counted noun is the number's syntactic head when it follows the number,
    else the last noun of the noun phrase right after it. Years, dates,
    percentages, ordinals, money, durations, measures and model numbers are not
    counts, nor is "one of".
    """

    def __init__(self, nlp: Language, rules: str) -> None:
        data = load_json(rules)
        self.lemma = OnDemandLemmas(nlp)
        self.not_counted = set(data["not_counted"])
        self.identifier_words = set(data["identifier_words"])
        self.item_lemmas = data["item_lemmas"]
        self.approximate = {tuple(phrase.split()): value for phrase, value in
                            sorted(data["approximate_plurals"].items(), key=lambda kv: -len(kv[0].split()))}
        self.approximate_starts = {phrase[0] for phrase in self.approximate}

    def __call__(self, doc: Doc) -> Doc:
        taken = set()
        for span in doc.spans.get("money", []):
            taken.update(range(span.start, span.end))
        for ent in doc.ents:
            if ent.label_ in _NOT_COUNT_ENT_LABELS:
                taken.update(range(ent.start, ent.end))
        runs = [r for r in number_runs(doc) if not any(t.i in taken for t in r) and not self._is_identifier(doc, r)
                and r.text[0] not in "-−"]
        heads = [self._counted_noun(doc, run) for run in runs]
        found: list[tuple[Span, dict]] = []
        for k, (run, head) in enumerate(zip(runs, heads)):
            item_text: str | None = None
            if head is None and k + 1 < len(runs) and heads[k + 1] is not None and self._range_low(doc, run, runs[k + 1]):
                head, span_end = heads[k + 1], run.end  # "15 to 20 people": the low end counts people too
                item_text = doc[runs[k + 1].end:self._phrase_end(doc, head)].text
            elif head is None:
                previous = found[-1] if found and found[-1][0].sent == run.sent else None
                if previous is None or not self._elliptical(doc, run):
                    continue
                found.append((run, {**previous[1], "value": parse_number(run.text), "item_text": None,
                                    "qualifier": qualifier_before(doc, run.start)}))
                continue  # "revenue from 140 stores, up from 120 a year earlier": 120 stores
            else:
                span_end = self._phrase_end(doc, head)
                item_text = doc[run.end:span_end].text
            found.append((doc[run.start:span_end], {
                "value": parse_number(run.text),
                "item": self._item_lemma(head),
                "item_text": item_text,
                "qualifier": qualifier_before(doc, run.start),
            }))
        found += self._approximate(doc, taken)
        found.sort(key=lambda pair: pair[0].start)
        doc.spans["counts"] = [span for span, _ in found]
        for span, (_, value) in zip(doc.spans["counts"], found):
            span._.count = value
        doc._.number_runs = None  # only a cache between the finders; keeps the Doc serializable
        return doc

    @staticmethod
    def _elliptical(doc: Doc, run: Span) -> bool:
        """A number compared with a count just before it: "up from 120", "compared with 98", "versus 75"."""
        before = [t.lower_ for t in doc[max(run.start - 2, 0):run.start]]
        return before[-2:] in (["up", "from"], ["down", "from"], ["compared", "with"], ["compared", "to"]) \
            or before[-1:] in (["versus"], ["vs"], ["vs."])

    def _approximate(self, doc: Doc, taken: set[int]) -> list[tuple[Span, dict]]:
        """"dozens of shops", "hundreds of thousands of people": counts at their lower bound, qualified "at least"."""
        found = []
        i = 0
        while i < len(doc):
            phrase = None
            if doc[i].lower_ in self.approximate_starts:
                phrase = next((p for p in self.approximate if i + len(p) < len(doc) and doc[i + len(p)].lower_ == "of"
                               and all(doc[i + k].lower_ == word for k, word in enumerate(p))), None)
            if phrase is None or i in taken:
                i += 1
                continue
            end = i + len(phrase) + 1
            head = self._scan_noun(doc, end)
            if head is not None and not self._is_unit(head) and head.pos_ == "NOUN" \
                    and currency_table().lookup(head.text) is None:  # "millions of dollars" is not a count
                found.append((doc[i:head.i + 1], {
                    "value": Decimal(self.approximate[phrase]), "item": self._item_lemma(head),
                    "item_text": doc[end:head.i + 1].text, "qualifier": "at least",
                }))
            i = end
        return found

    def _item_lemma(self, head: Token) -> str:
        """Lemma of the counted noun; irregular plurals from the rules, acronym plurals ("SUVs") by hand."""
        if head.lower_ in self.item_lemmas:
            return self.item_lemmas[head.lower_]
        if re.fullmatch(r"[A-Z]{2,}s", head.text) or head.pos_ == "PROPN" and self.lemma(head) == head.text and \
                re.fullmatch(r"\w+[^s]s", head.text):
            return head.text[:-1].lower()  # "SUVs", "iPhones"
        return self.lemma(head).lower()

    @staticmethod
    def _range_low(doc: Doc, low: Span, high: Span) -> bool:
        """Whether `low` opens a range closed by `high`: "15 to 20", "15-20", "between 15 and 20"."""
        if high.start != low.end + 1 or doc[low.end].lower_ not in _RANGE_WORDS | {"or"}:
            return False
        return doc[low.end].lower_ != "and" or (low.start > 0 and doc[low.start - 1].lower_ == "between")

    def _is_identifier(self, doc: Doc, run: Span) -> bool:
        before = doc[run.start - 1] if run.start > 0 else None
        if before is not None and run[0].is_digit and (before.pos_ == "PROPN" or before.is_upper):
            return True  # "Boeing 737", "S&P 500", "FTSE 100"
        if before is not None and before.text in self.identifier_words:
            return True
        if run.end < len(doc) and doc[run.end].text in {"%", "percent", "per", "/"}:
            return True
        if run.end + 1 < len(doc) and doc[run.end].text == "-" and not doc[run.end + 1].like_num:
            return True  # "two-thirds", "zero-carbon", "52-year-old": an adjective, not a count
        if run.text.lower() == "zero":
            return True
        if before is not None and before.lower_ in {"the"} and run.text.isdigit() and len(run.text) >= 3:
            return True  # "the 737", "the 2008 ..."
        return looks_like_year(run)

    def _counted_noun(self, doc: Doc, run: Span) -> Token | None:
        last = run[-1]
        nxt = doc[run.end] if run.end < len(doc) else None
        if nxt is None or nxt.lower_ == "of" or _has_newline(last):
            return None
        head = None
        if last.head.i >= run.end and last.head.pos_ in {"NOUN", "PROPN"} and last.head.i - run.end <= 5:
            head = last.head
            if any(_has_newline(t) for t in doc[run.end - 1:head.i]):
                head = None
        if head is None:
            head = self._scan_noun(doc, run.end)
        if head is None or any(self._is_unit(t) for t in (head, nxt)):
            return None  # a measure or duration, or "18 times earnings", "25 yr high"
        if head.pos_ == "PROPN" and not head.text.endswith("s"):
            return None
        return head

    def _is_unit(self, token: Token) -> bool:
        letters = re.sub(r"[^a-z]", "", token.lower_)
        return token.lower_ in self.not_counted or self.lemma(token).lower() in self.not_counted or letters in self.not_counted

    @staticmethod
    def _scan_noun(doc: Doc, start: int) -> Token | None:
        """The last noun of the adjective/noun sequence that starts at `start`."""
        noun = None
        for token in doc[start:start + 6]:
            if token.pos_ in {"NOUN", "PROPN"}:
                noun = token
            elif token.pos_ in {"ADJ", "VERB"} and token.tag_ in {"JJ", "JJR", "VBG", "VBN"} and noun is None:
                continue
            else:
                break
            if _has_newline(token):
                break
        return noun

    @staticmethod
    def _phrase_end(doc: Doc, head: Token) -> int:
        """End of the counted phrase: the head noun plus a directly coordinated noun ("countries and regions")."""
        end = head.i + 1
        if end + 1 < len(doc) and doc[end].lower_ in {"and", "or"} and not _has_newline(head):
            nxt = doc[end + 1]
            if nxt.dep_ == "conj" and nxt.head.i == head.i and nxt.pos_ == "NOUN":
                end = nxt.i + 1
        return end


@Language.factory("factwire_counts", default_config={"rules": "count_rules.json"})
def make_counts(nlp: Language, name: str, rules: str) -> CountFinder:
    return CountFinder(nlp, rules)
