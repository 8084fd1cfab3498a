"""The facts an event's roles can point at, found from the words the parse gives: organizations, money, counts, dates.

A role is filled by one of the article's facts, never by free text: an ORG
entity (after `factwire_orgs`), or a span of `doc.spans["money"]`,
`["counts"]` or `["dates"]`, outside the article's datelines and credit lines
(the record leaves those out: "FRANKFURT, March 6, 2024 (Reuters) - " is no
participant). `Facts` indexes them by token, and reads a noun
phrase the way news writes organizations into it: the name itself, a
descriptor with the name in apposition or as its compound ("valve maker Van
Oostrum", "Brightwater, a Boston-based maker"), coordinated names ("SAIC Motor
and ZF"), names after "including" / "such as", and a proper noun the model
did not take for an organization but that opens one's name ("Krennholt" for
"Krennholt AG"). A pronoun or a descriptor without a name ("it", "the
company", "the carmaker") is read back to an organization by `Coreference`.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cached_property

import numpy
from spacy.attrs import ENT_ID, ENT_IOB, ENT_TYPE
from spacy.tokens import Doc, Span, Token

from pipeline.inputs.segment import outside_ranges
from pipeline.nlp.base import Children, Sentences, header_ranges
from pipeline.nlp.counts import COUNTS
from pipeline.nlp.dates import DATES
from pipeline.nlp.events.lexicon import Lexicon
from pipeline.nlp.money import MONEY
from pipeline.normalize.orgs import name_key

BEGIN, INSIDE = 3, 1  # ENT_IOB values (0 missing, 1 I, 2 O, 3 B)
NAME_DEPS = frozenset({"appos", "compound", "nmod", "npadvmod"})
LISTING_PREPS = frozenset({"including", "like", "such"})


class Facts:
    """The Doc's facts by token: which organization, amount, count or date a word belongs to."""

    def __init__(self, doc: Doc, lexicon: Lexicon) -> None:
        self.doc = doc
        self.lexicon = lexicon
        self.metadata = header_ranges(doc)
        self.outside = outside_ranges(self.metadata)  # a bisect: an article may have as many ranges as lines
        self.organizations = self._outside_metadata(_organizations(doc))
        self.money = self._outside_metadata(doc.spans.get(MONEY, []))
        self.counts = self._outside_metadata(doc.spans.get(COUNTS, []))
        self.dates = self._outside_metadata(doc.spans.get(DATES, []))
        self.at: dict[str, dict[int, Span]] = {}
        self.by_start = {kind: SpansByStart(spans) for kind, spans in (
            ("org", self.organizations), ("money", self.money), ("count", self.counts), ("date", self.dates))}
        for kind, spans in (("org", self.organizations), ("money", self.money), ("count", self.counts),
                            ("date", self.dates)):
            table = self.at[kind] = {}
            for span in spans:
                for i in range(span.start, span.end):
                    table.setdefault(i, span)
        self.first_words = {ent[0].lower_: ent for ent in reversed(self.organizations)}

    @cached_property
    def surnames(self) -> set[str]:
        """The last words of the people the piece names in full ("Richard Anderson"): a later "Anderson" is one."""
        return {ent[-1].lower_ for ent in self.doc.ents if ent.label_ == "PERSON" and len(ent) > 1}

    @cached_property
    def analyst_firms(self) -> set[str]:
        """The organizations the piece names as employers of analysts ("analysts at Hollis & Co.", "Hollis
        analysts"): their expectations are estimates, not a company's own forecast."""
        found = set()
        for org in self.organizations:
            head = org.root.head
            named_by = head.head if org.root.dep_ == "pobj" and head.lower_ in ("at", "from", "with") else \
                head if org.root.dep_ in ("compound", "poss") else None
            if named_by is not None and self.lexicon.has("analyst_nouns", named_by.lower_):
                found.add(party_key(org))
        return found

    @cached_property
    def sentences(self) -> Sentences:
        return Sentences(self.doc)

    @cached_property
    def children(self) -> Children:
        return Children(self.doc)

    def _outside_metadata(self, spans: Iterable[Span]) -> list[Span]:
        """The facts the record keeps: none in a dateline or credit line (`pipeline.extraction`)."""
        return [s for s in spans if self.outside(s.start_char)]

    def in_metadata(self, token: Token) -> bool:
        """Whether a word is in a dateline or credit line ("SEOUL, Dec. 5 (Bloomberg) -")."""
        return not self.outside(token.idx)

    def fact(self, kind: str, token: Token) -> Span | None:
        """The fact of a kind ("org", "money", "count", "date") a token is part of."""
        return self.at[kind].get(token.i)

    def within(self, kind: str, tokens: set[int]) -> list[Span]:
        """The facts of a kind whose words are all among `tokens`, in text order."""
        return self.by_start[kind].within(tokens)

    def organizations_of(self, token: Token) -> list[Span]:
        """The organizations a noun phrase headed by `token` names, with those coordinated with it."""
        if token.pos_ == "ADP":  # a preposition the parse took for the argument: "pay ... to the FINRA"
            return [org for g in token.children if g.dep_ == "pobj" for org in self.organizations_of(g)]
        found: list[Span] = self._joined_before(token)
        for head in coordinated(token):
            for ent in self._named(head):
                if ent not in found:
                    found.append(ent)
        return found

    def _joined_before(self, token: Token) -> list[Span]:
        """"Toyama Motor and Korean battery maker Seyon Energy have set up": the parse may hang the first name and
        its "and" on the second name's head instead of coordinating them."""
        own = self.fact("org", token)
        if own is None:
            return []
        modifiers = [c for c in token.children if c.dep_ in ("nmod", "compound") and c.i < own.start]
        modifiers += [g for c in modifiers if c.pos_ == "NOUN" for g in c.children if g.dep_ in ("nmod", "amod")]
        joined = [self.fact("org", child) for child in modifiers  # (also "X and trading house Y": X on "house")
                  if any(c.dep_ == "cc" and c.lower_ == "and" for c in child.children)
                  and all(c.i < own.start for c in child.children if c.dep_ == "conj")]
        return [ent for ent in joined if ent is not None]

    def _named(self, head: Token) -> list[Span]:
        own = self.fact("org", head)
        if own is not None:
            return [own]
        if head.pos_ == "PROPN" and head.lower_ in self.first_words and head.ent_type_ not in ("GPE", "LOC") \
                and self.outside(head.idx):
            return [self.first_words[head.lower_]]  # "Krennholt" after "Krennholt AG"
        related = self.lexicon.has("related_party_nouns", head.lower_)  # "Airbus partners", "Ford dealers": others
        named = [ent for child in head.children if child.dep_ in NAME_DEPS and child.i < head.i + 8
                 and not (related and child.dep_ == "compound") for ent in self._named_child(child)]
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in LISTING_PREPS:  # "brand owners including X and Y"
                named += [e for grand in child.children if grand.dep_ == "pobj" for e in self.organizations_of(grand)]
        if not named and self.lexicon.has("alliance_nouns", head.lower_):
            named = self._leaders(head)
        return named or self._name_after(head)

    def _name_after(self, noun: Token) -> list[Span]:
        """"led by chip designer Arvix" parsed with "Arvix" hanging from the verb: a descriptor followed by a name
        the parse left apart from it (an adverbial or an apposition elsewhere) is described by it."""
        doc = noun.doc
        if not noun.is_lower or noun.pos_ != "NOUN" or noun.i + 1 >= len(doc):
            return []
        name = self.by_start["org"].starting.get(noun.i + 1)
        org = self.organizations[name[0]] if name else None
        return [org] if org is not None and org.root.dep_ in ("npadvmod", "appos") and org.root.head != noun else []

    def _leaders(self, group: Token) -> list[Span]:
        """"a consortium led by X", "an alliance headed by X", "a consortium of X and Y": the group is named by the
        organizations that lead it or that it is made of, when named (not "the group of other search engines,
        including X"): the partner of those who join it, the supplier of what it wins."""
        heads = [agent for verb in group.children if verb.dep_ == "acl" and verb.lower_ in ("led", "headed")
                 for agent in verb.children if agent.dep_ == "agent"]
        members = [name for of in group.children if of.dep_ == "prep" and of.lower_ == "of"
                   for name in of.children if name.dep_ == "pobj" and self.fact("org", name)]
        return [org for name in [n for h in heads for n in h.children if n.dep_ == "pobj"] + members
                for org in self.organizations_of(name)]

    def _named_child(self, child: Token) -> list[Span]:
        if child.dep_ == "appos":  # "two members, Salinas del Norte and Saline Rheinfeld GmbH"
            return self.organizations_of(child)
        own = self.fact("org", child)
        if own is not None:
            return [own]
        return [ent for grand in child.children if grand.dep_ == "appos" for ent in self.organizations_of(grand)]

    def is_public_body(self, org: Span) -> bool:
        """Whether an organization's name says it is a public body (a ministry, police, customs, a regulator...)."""
        return any(self.lexicon.has("public_body_words", t.lower_) for t in org)

    def is_labour_body(self, org: Span) -> bool:
        """Whether an organization's name says it is a trade union ("United Auto Workers"): it speaks for the
        staff, it does not employ, buy, sell or invest as the company of an event); also one named before or after
        the word ("the Unite union", "the union Unite")."""
        described = org.root.head if org.root.dep_ in ("compound", "appos") else None
        before = org.doc[org.start - 1] if org.start > 0 else None  # "the union Unite"
        return any(self.lexicon.has("labour_body_words", t.lower_) for t in org) or \
            described is not None and self.lexicon.has("labour_body_words", described.lower_) or \
            before is not None and before.is_lower and self.lexicon.has("labour_body_words", before.lower_)


class SpansByStart:
    """Spans indexed by their first word, so that those inside a set of words are found from the set's own words:
    a frame's domain is read in its size, not in the number of the Doc's facts (a scan per frame was quadratic)."""

    def __init__(self, spans: list[Span]) -> None:
        self.spans = spans
        self.starting: dict[int, list[int]] = {}  # first word -> places in `spans`
        self.empty: list[int] = []  # places of spans without words: inside any set
        for k, span in enumerate(spans):
            if span.start < span.end:
                self.starting.setdefault(span.start, []).append(k)
            else:
                self.empty.append(k)

    def within(self, tokens: set[int]) -> list[Span]:
        """The spans whose words are all among `tokens`, in the order of the list given."""
        found = list(self.empty)
        for i in tokens:
            found += [k for k in self.starting.get(i, ())
                      if all(j in tokens for j in range(i + 1, self.spans[k].end))]
        return [self.spans[k] for k in sorted(found)]


def coordinated(token: Token) -> list[Token]:
    """The token and the tokens coordinated with it ("X, Y and Z"), in text order."""
    found, todo = [], [token]
    while todo:
        current = todo.pop()
        found.append(current)
        todo += [child for child in current.children if child.dep_ == "conj"]
    return sorted(found, key=lambda t: t.i)


def token_set(tokens: Iterable[Token]) -> set[int]:
    """The indexes of some tokens."""
    return {t.i for t in tokens}


def _organizations(doc: Doc) -> list[Span]:
    """The ORG entities, read from the Doc's arrays (`doc.ents` makes a Span of every entity and a Token of
    every word, which cost the events component as much as its rules)."""
    org = doc.vocab.strings["ORG"]
    table = doc.to_array([ENT_IOB, ENT_TYPE, ENT_ID])
    is_org = table[:, 1] == org
    begins = numpy.flatnonzero((table[:, 0] == BEGIN) & is_org)
    breaks = numpy.append(numpy.flatnonzero((table[:, 0] != INSIDE) | ~is_org), len(doc))  # where an entity stops
    ends = breaks[numpy.searchsorted(breaks, begins, side="right")]
    names = table[begins, 2].tolist()  # the canonical name the organizations component gave each mention
    return [Span(doc, int(b), int(e), label=org, span_id=name) for b, e, name in zip(begins, ends, names)]


def party_key(org: Span) -> str:
    """An organization's gazetteer name, else its name without legal form: "Vessmark Corp." and "Vessmark" alike."""
    return name_key(org.id_ or org.text)


def same_party(one: str, other: str) -> bool:
    """The same key, or a short form of the other ("kinnear" of "kinnear logistics"; not "air india" of
    "air canada")."""
    return one == other or one.startswith(other + " ") or other.startswith(one + " ")
