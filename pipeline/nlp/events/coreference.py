"""Who "it", "they" and "the company" are: the organizations a pronoun or a nameless descriptor stands for.

News names a company once and then calls it "it", "the company" or "the
carmaker", or, opening a sentence, "Switzerland based luxury goods
company". A role filled by such a word is read back, in this order, to: the
subject of the reporting verb its clause hangs from ("Kmart said it would
buy": Kmart), else the last organization named as the subject of a clause
before it or as the owner of that subject ("Linthwaite's software follows";
the article's topic at that point; a mere source, "the SEC said", only when
there is no other), else the first organization of the text before it. A
plural ("they", "the two companies") takes every
organization of that subject. Descriptors of another entity ("the venture",
"the unit", "analysts") are not read back: their organization, if any, is
not the one just named.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable

import numpy
from spacy.attrs import DEP
from spacy.tokens import Span, Token

from pipeline.nlp.events.facts import Facts
from pipeline.nlp.events.lexicon import Lexicon
from pipeline.nlp.events.tree import verb_of_object

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
CLIMB_DEPS = frozenset({"ccomp", "xcomp", "conj", "advcl"})
DETERMINERS = frozenset({"the", "this", "that", "these", "those", "both", "its", "their"})
PLURAL_PRONOUNS = frozenset({"they", "their", "them"})
POSSESSIVES = frozenset({"its", "their"})
FIRST_PERSON = frozenset({"we", "our", "us"})
HOW_MANY = {"both": 2, "two": 2, "three": 3, "four": 4}  # "the two companies" stands for two organizations or none


class Coreference:
    """Reads pronouns and nameless descriptors back to organizations of the same Doc."""

    def __init__(self, facts: Facts, lexicon: Lexicon, lemma: Callable[[Token], str]) -> None:
        self.facts = facts
        self.lexicon = lexicon
        self.lemma = lemma
        self.subjects: list[tuple[int, list[Span]]] = []  # (token index, organizations) of named clause subjects
        self.sources: list[tuple[int, list[Span]]] = []  # the same for reporting verbs ("the SEC said")
        doc = facts.doc
        subject_ids = [doc.vocab.strings[dep] for dep in SUBJECT_DEPS]
        for i in numpy.flatnonzero(numpy.isin(doc.to_array(DEP), subject_ids)).tolist():  # a Token per subject only
            token = doc[i]
            # "Linthwaite's software follows ...", "Shareholders of X and Y approved ...": a subject's owner is what
            # the text is about
            owners = [c for c in token.children if c.dep_ == "poss"] + [o for c in token.children
                                                                         if c.dep_ == "prep" and c.lower_ == "of"
                                                                         for o in c.children if o.dep_ == "pobj"]
            named = facts.organizations_of(token) or [org for c in owners for org in facts.organizations_of(c)]
            if named:
                reporting = lemma(token.head) in lexicon.reporting_verbs
                (self.sources if reporting else self.subjects).append((token.i, named))
        self.subject_at = [i for i, _ in self.subjects]  # in text order, for a bisect per word (not a scan)
        self.source_at = [i for i, _ in self.sources]
        # the first organization that is no public body: organizations come in text order without overlaps, so
        # it is also the first one of them to end before any word
        self.first_private = next((ent for ent in facts.organizations if not facts.is_public_body(ent)), None)

    def refers(self, token: Token) -> bool:
        """Whether the word is a pronoun or a descriptor of an organization named elsewhere."""
        if self.lexicon.has("pronouns", token.lower_):
            return True
        if token.pos_ != "NOUN" or self.lexicon.has("not_coreferent_nouns", token.lower_):
            return False
        if not self.lexicon.has("company_nouns", self.lemma(token)):
            return False
        before = token.doc[token.i - 1].lower_ if token.i > 0 else ""
        if self._related(token):
            return False  # "its parent (company)", "their rival": another company than the one "its" stands for
        if before in DETERMINERS or any(child.lower_ in DETERMINERS for child in token.children):
            return True
        return token.dep_ == "nsubj" and not any(c.dep_ in ("det", "poss", "nummod") for c in token.children)

    def _related(self, noun: Token) -> bool:
        possessed = any(c.dep_ == "poss" and c.lower_ in POSSESSIVES for c in noun.children)
        words = [noun.lower_, *(c.lower_ for c in noun.children if c.dep_ in ("compound", "amod"))]
        return possessed and any(self.lexicon.has("relational_company_nouns", w) for w in words)

    def resolve(self, token: Token) -> list[Span]:
        """The organizations the word stands for (empty when it names none or is not a referring word)."""
        if not self.refers(token):
            return []
        plural = token.lower_ in PLURAL_PRONOUNS or token.tag_ == "NNS"
        named = self._own_subject(token) or self.reporting_subject(token) or self.topic(token)
        if not self.lexicon.has("pronouns", token.lower_):  # "the lender" is no regulator
            first = self.first_private
            named = [org for org in named if not self.facts.is_public_body(org)] or (
                [first] if first is not None and first.end <= token.i else [])
        if token.dep_ not in SUBJECT_DEPS and len(named) < max((HOW_MANY.get(c.lower_, 0) for c in token.children),
                                                               default=0):
            return []  # "Marlow announced its intent to acquire the two companies": two others, not Marlow
        return named if plural else named[:1]

    def _own_subject(self, token: Token) -> list[Span]:
        """"X, which Y bought in 2023, has sold its unit": "its" on the object of a verb is the verb's subject; after
        a preposition of a verb that has an organization for its object, that object's ("Goldman Sachs advised X on
        its purchase of Y")."""
        if token.lower_ not in POSSESSIVES or token.dep_ != "poss":
            return []
        verb = verb_of_object(token.head)
        if verb is not None and token.head.dep_ == "pobj":
            served = [org for c in verb.children if c.dep_ == "dobj" for org in self.facts.organizations_of(c)]
            if served:
                return served
        return [org for c in (verb.children if verb is not None else ()) if c.dep_ == "nsubj"
                for org in self.facts.organizations_of(c)]

    def topic(self, token: Token) -> list[Span]:
        """The organizations the text is about before a word: the last named subject of a clause that is not
        only a source ("the SEC said"), else the last source, else the first organization named."""
        for subjects, at in ((self.subjects, self.subject_at), (self.sources, self.source_at)):
            k = bisect_left(at, token.i)  # subjects[:k] come before the word
            if k:
                return subjects[k - 1][1]
        first = self.facts.organizations[:1]
        return first if first and first[0].end <= token.i else []

    def reporting_subject(self, token: Token) -> list[Span]:
        """The organizations subject of the reporting verb above the word's clause ("X said it ..."), or the
        organization of a speaker named with it ("we will close ...," X chief executive Y said)."""
        clause = token.head
        while clause.dep_ in CLIMB_DEPS and clause.head != clause:
            clause = clause.head
            if self.lemma(clause) in self.lexicon.reporting_verbs:
                subjects = [c for c in clause.children if c.dep_ in SUBJECT_DEPS]
                if not subjects:
                    return []
                speaker = subjects[0]
                if speaker.i > token.i and (earlier := self._named_before(token, speaker)):
                    return earlier  # "jobs will go at X after the company decided ..., the union Y said": X
                if speaker.ent_type_ != "PERSON":  # "..., the company said": the company it stands for
                    return self.facts.organizations_of(speaker) or self.resolve(speaker)
                # "..., Velmora Retail chief executive Anna Berg said": her employer ("Amanda Ford" is no Ford)
                return self.facts.within("org", {t.i for t in speaker.subtree})[:1]
        return []

    def _named_before(self, token: Token, speaker: Token) -> list[Span]:
        """The organizations named in the word's sentence before it, when the speaker named after it is another: not
        for "we" (the speaker's own word), nor the subject of the word's own verb ("X will pay $3m for the group":
        the group is not X)."""
        if token.lower_ in FIRST_PERSON:
            return []
        start = token.sent.start
        speakers = {org.start for org in self.facts.organizations_of(speaker)}
        clause = token.head.head if token.head.dep_ == "prep" else token.head
        own_subjects = {org.start for c in clause.children if c.dep_ in SUBJECT_DEPS and c != token
                        for org in self.facts.organizations_of(c)}
        earlier = [org for org in self.facts.within("org", set(range(start, token.i))) if org.start not in own_subjects]
        return [] if not earlier or speakers & {org.start for org in earlier} else earlier[::-1]


class FramePass:
    """A pass that completes frames (`context.Context`, `financial.Financials`): it reads the Doc's facts, the
    lexicon, lemmas, and the coreference of "the company"."""

    def __init__(self, facts: Facts, lexicon: Lexicon, lemma: Callable[[Token], str],
                 coreference: Coreference) -> None:
        self.facts = facts
        self.lexicon = lexicon
        self.lemma = lemma
        self.coreference = coreference
