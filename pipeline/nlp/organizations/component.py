"""The `factwire_orgs` component: organization labels and extents corrected with evidence from the text.

Runs after the model's NER and the two organization span rulers (see
`rulers.py`) and leaves the corrected entities in `doc.ents`: the model's and
the rulers' names merged (`merge.py`), names the text cues as companies added
(`evidence.py`) and names acting as only companies act (`arguments.py`),
extents fixed (`extents.py`), and what is not an organization dropped or
relabelled (`filters.py`).
"""

from __future__ import annotations

from itertools import accumulate

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from pipeline.nlp.base import RebuiltOnLoad
from pipeline.nlp.organizations.arguments import business_arguments
from pipeline.nlp.organizations.evidence import (
    RELABELLED,
    cued_names,
    looks_like_org,
    with_defined_acronyms,
    without_defined_terms,
)
from pipeline.nlp.organizations.extents import (
    extend_legal,
    extend_of_place,
    owner_of_facility,
    trim,
    with_possessive_names,
)
from pipeline.nlp.organizations.filters import confirmed_in_headlines, is_not_org, is_site, person_name_parts
from pipeline.nlp.organizations.merge import EVIDENCE, GAZETTEER, LEGAL_FORMS, SpanIndex, with_rulers
from pipeline.nlp.organizations.senses import one_sense
from pipeline.nlp.organizations.teams import with_teams
from pipeline.nlp.organizations.vocabulary import OrgVocabulary, org_vocabulary
from pipeline.normalize.places import is_country, is_place

_MAY_BE_ORG = RELABELLED | {"FAC", "WORK_OF_ART"}  # model labels a legal suffix or introducing noun turns into ORG


class OrganizationFixer(RebuiltOnLoad):
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
    - drop common acronyms ("IP", "CEO", "JV") and those the text defines as
      terms ("Internet service provider (ISP)"), market indices ("FTSE 100",
      "Nasdaq Composite"), products ("Boeing 747", "Rolls-Royce Trent 900"),
      places ("its Cupertino headquarters"), a lone surname of a person named in
      the same text ("Chizen" after "Bruce Chizen"), and in Title Case lines
      any name nothing else in the text vouches for;
    - in a sports article, make clubs named by their city organizations where they
      stand as teams ("Hartford 4 BOSTON 2", `teams.py`).
    """

    def __init__(self, nlp: Language, rules: str) -> None:
        self.nlp, self.rules = nlp, rules
        self.build()

    def build(self) -> None:
        """The rules' vocabulary; legal forms as the pipeline's tokenizer splits them."""
        self.vocab: OrgVocabulary = org_vocabulary(self.nlp, self.rules)

    def __call__(self, doc: Doc) -> Doc:
        vocab = self.vocab
        evidence = [Span(doc, e.start, e.end, label="model") for e in doc.ents if e.label_ == "ORG"]
        # "Orvana Infraestructuras", "Grupo Bimbo", "Home Office": a word only organizations' names have
        evidence += [Span(doc, s.start, s.end, label="organization_word") for s in doc.spans.get(LEGAL_FORMS, [])
                     if s[-1].text not in vocab.legal_forms]
        surnames = person_name_parts(doc, vocab)
        merged = with_rulers(doc, vocab)
        cued = cued_names(doc, merged, vocab) + business_arguments(doc, merged, vocab, surnames)
        if cued:
            covered = _covered(len(doc), cued)  # tokens under a cued name, counted: no all-pairs overlap test
            merged = filter_spans(cued + [e for e in merged if covered[e.end] == covered[e.start]])
        evidence += [Span(doc, c.start, c.end, label="cue") for c in cued]
        known = SpanIndex(doc.spans.get(GAZETTEER, []))
        demoted: set[tuple[int, int]] = set()
        ents = [fixed for ent in merged if (fixed := self._fixed(ent, surnames, demoted, known, evidence)) is not None]
        ents = confirmed_in_headlines(doc, ents, {(c.start, c.end) for c in cued}, vocab)
        with_acronyms = without_defined_terms(doc, with_defined_acronyms(doc, ents, vocab))
        kept = set(ents)  # a set, not the list: one look-up per name, not a scan of every entity
        evidence += [Span(doc, e.start, e.end, label="acronym") for e in with_acronyms if e not in kept]
        ents = filter_spans(one_sense(doc, with_possessive_names(doc, with_acronyms), demoted, surnames, vocab))
        ents, teams = with_teams(doc, ents, vocab)
        doc.ents = ents
        evidence += teams
        doc.spans[EVIDENCE] = evidence
        return doc

    def _fixed(self, ent: Span, surnames: set[str], demoted: set[tuple[int, int]], known: SpanIndex,
               evidence: list[Span]) -> Span | None:
        """One candidate relabelled, re-extended and checked; None when it is not an organization after all.
        An organization made a place because of its name is noted in `demoted` (see `senses.one_sense`), one
        relabelled by the words around it in `evidence`."""
        vocab, doc = self.vocab, ent.doc
        cued = ent.label_ in _MAY_BE_ORG and looks_like_org(ent, vocab)
        if cued:
            ent = Span(doc, ent.start, ent.end, label="ORG", kb_id=ent.kb_id, span_id=ent.id)
            evidence.append(Span(doc, ent.start, ent.end, label="cue"))
        if ent.label_ != "ORG":
            return ent
        ent = trim(extend_of_place(owner_of_facility(ent, vocab, known), vocab), vocab)
        if ent is None or is_not_org(ent, surnames, vocab, cued):
            return None
        ent = extend_legal(ent, vocab)
        if is_site(ent, vocab):
            return Span(doc, ent.start, ent.end, label="GPE")  # "its Cupertino headquarters", "Pune-based"
        if not ent.id_ and is_place(ent.text) and (not any(t.text in vocab.suffixes for t in ent) or is_country(ent.text)):
            demoted.add((ent.start, ent.end))
            return Span(doc, ent.start, ent.end, label="GPE")  # "Hyderabad", "UAE": places
        return ent


def _covered(length: int, spans: list[Span]) -> list[int]:
    """How many tokens before each position lie under one of the spans: a span [s, e) overlaps one of them
    exactly when the counts at s and e differ."""
    depth = [0] * (length + 1)
    for span in spans:
        depth[span.start] += 1
        depth[span.end] -= 1
    under = list(accumulate(depth))
    return [0, *accumulate(1 if n > 0 else 0 for n in under[:length])]


@Language.factory("factwire_orgs", default_config={"rules": "org_rules.json"})
def make_orgs(nlp: Language, name: str, rules: str) -> OrganizationFixer:
    return OrganizationFixer(nlp, rules)
