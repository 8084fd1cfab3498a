"""Trigger candidates: the words that may state an event ("bought", "laid off", "joint venture"), with their rules.

A verb or noun is a candidate when its lemma opens (verbs) or closes (nouns)
one of the lexicon's trigger words and the rest of the words are there: a
phrasal verb's particle among its children ("laid ... off"), a two-word noun's
modifier just before it ("joint venture", "job cuts"). Lemmas come from the
model's lemmatizer asked once per word form (it is disabled for the whole
pipeline: `pipeline.nlp.base.OnDemandLemmas`). Which rule of a candidate
holds, and so the event's type, is decided later, from its arguments.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy import parts_of_speech
from spacy.attrs import DEP, ENT_TYPE, LOWER, POS
from spacy.tokens import Doc, Span, Token

from pipeline.nlp.base import OnDemandLemmas
from pipeline.nlp.events.lexicon import FrameRule, Lexicon

VERB_POS = parts_of_speech.IDS["VERB"]
ADJ_POS = parts_of_speech.IDS["ADJ"]
CANDIDATE_POS = frozenset({VERB_POS, parts_of_speech.IDS["NOUN"], parts_of_speech.IDS["PROPN"]})
PARTICLE_DEPS = frozenset({"prt", "advmod", "prep", "dobj", "acomp", "oprd", "dep"})
NEW_WORDS = frozenset({"new", "additional", "extra"})  # "400 new jobs": jobs a company creates
NAME_LABELS = frozenset({"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"})


@dataclass(frozen=True)
class Candidate:
    """A word that may state an event: its head token, the trigger words as written, and the rules it may follow."""

    token: Token
    span: Span
    rules: tuple[FrameRule, ...]


class Lemmas:
    """Lower-case lemmas, asked of the lemmatizer once per word form and part of speech; the lexicon's fixes first."""

    def __init__(self, lemmatize: OnDemandLemmas, fixes: dict[str, str]) -> None:
        self.lemmatize = lemmatize
        self.known: dict[tuple[int, str], str] = {}
        self.triggers: dict[tuple[int, int], bool] = {}
        self.fixes = fixes
        lookups = lemmatize.lemmatizer.lookups if lemmatize.lemmatizer is not None else None
        # a proper noun has no rules or exceptions: the lemmatizer gives it as written
        self.rules = {pos: list(lookups.get_table("lemma_rules", {}).get(pos, [])) if lookups else None
                      for pos in ("verb", "noun", "propn")}
        self.exceptions = {pos: lookups.get_table("lemma_exc", {}).get(pos, {}) if lookups else {}
                           for pos in ("verb", "noun", "propn")}

    def may_trigger(self, doc: Doc, i: int, lower: int, pos: int, lexicon: Lexicon) -> bool:
        """Whether a word form (its LOWER and POS ids) has a trigger's lemma; the word is read the first time only,
        and lemmatized only when one of the lemmatizer's own rules or exceptions could make a trigger of it (the
        rule lemmatizer costs about a third of a millisecond per new word form)."""
        known = self.triggers.get((lower, pos))
        if known is None:
            token = doc[i]
            lemmas = lexicon.verbs if pos == VERB_POS else lexicon.nouns
            known = self._could_be(token.lower_, token.pos_.lower(), lemmas) and self(token) in lemmas
            self.triggers[(lower, pos)] = known
        return known

    def _could_be(self, form: str, pos: str, lemmas: dict) -> bool:
        """Whether any lemma the lemmatizer could give the form (itself, an exception, a suffix rule) is a trigger."""
        if form in self.fixes:
            return self.fixes[form] in lemmas
        rules = self.rules.get(pos)
        if rules is None:
            return True  # no lemmatizer tables: ask the lemmatizer
        possible = {form, *self.exceptions[pos].get(form, ())}
        possible.update(form[:len(form) - len(old)] + new for old, new in rules if form.endswith(old))
        return any(lemma in lemmas for lemma in possible)

    def __call__(self, token: Token) -> str:
        key = (token.lower, token.pos_)
        lemma = self.known.get(key)
        if lemma is None:
            lemma = self.fixes.get(token.lower_) or self.lemmatize(token).lower()
            self.known[key] = lemma
        return lemma


def find_candidates(doc: Doc, lexicon: Lexicon, lemma: Lemmas) -> list[Candidate]:
    """Every trigger candidate of the Doc, in text order.

    Words are read from the Doc's arrays and a word form is looked at once per process: a Token is made only
    for the forms whose lemma opens or closes a trigger (making one for every word cost more than the rules).
    """
    found = []
    org = doc.vocab.strings["ORG"]  # "Qatar Investment Authority", "Star Alliance": a name, not a trigger
    to, aux = doc.vocab.strings["to"], doc.vocab.strings["aux"]
    rows = doc.to_array([LOWER, POS, ENT_TYPE, DEP]).tolist()
    for i, (lower, pos, entity, _) in enumerate(rows):
        if pos == ADJ_POS and i and rows[i - 1][0] == to and rows[i - 1][3] == aux:
            pos = VERB_POS  # "intends to fine X £4.4 million": the tagger's adjective after an infinitive's "to"
        if entity == org or pos not in CANDIDATE_POS or not lemma.may_trigger(doc, i, lower, pos, lexicon):
            continue
        token = doc[i]
        candidate = (_verb if pos == VERB_POS else _noun)(doc, token, lexicon, lemma)
        if candidate is not None:
            found.append(candidate)
    return found


def _verb(doc: Doc, token: Token, lexicon: Lexicon, lemma: Lemmas) -> Candidate | None:
    rules = lexicon.verbs.get(lemma(token))
    if rules and not _priced_object(token):  # "to build 4,000 base stations" is no investment, nor another deal's
        rules = [rule for rule in rules if "priced_site" not in rule.requires]
    if not rules or token.dep_ == "amod":  # "allied industrial cooperation": a participle that describes a noun
        return None
    particles = {child.lower_: child for child in token.children if child.dep_ in PARTICLE_DEPS}
    if any(p in particles and not any(c.dep_ == "pobj" for c in particles[p].children)
           for p in lexicon.not_particles.get(lemma(token), ())):
        return None  # "buy back its own shares" is no acquisition ("closes three plants in Ireland" is a closure)
    if lexicon.has("infinitive_modals", lemma(token)) and any(
            c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            for c in token.children):
        return None  # "we have got to grow jobs": "got to" is a modal, nothing is won
    chosen, end = [], token.i + 1
    for rule in rules:
        for words in rule.words:
            if words[0] != lemma(token):
                continue
            if len(words) == 1 or words[1] in particles:
                chosen.append((len(words), rule))
                if len(words) > 1 and particles[words[1]].i == token.i + 1:
                    end = token.i + 2
    if not chosen:
        return None
    longest = max(n for n, _ in chosen)
    kept = tuple(dict.fromkeys(rule for n, rule in chosen if n == longest))
    return Candidate(token, doc[token.i:end if longest > 1 else token.i + 1], kept)


def called_new(noun: Token) -> bool:
    """"400 new jobs", "250 additional posts": what a company says is new it creates."""
    return any(c.dep_ == "amod" and c.lower_ in NEW_WORDS for c in noun.children)


def _priced_object(verb: Token) -> bool:
    """Whether the verb's object carries an amount ("build a $5.5 billion plant")."""
    return any(t.ent_type_ == "MONEY" for c in verb.children if c.dep_ == "dobj" for t in c.subtree)


def _noun(doc: Doc, token: Token, lexicon: Lexicon, lemma: Lemmas) -> Candidate | None:
    rules = lexicon.nouns.get(lemma(token))
    if rules and not called_new(token):
        rules = [rule for rule in rules if "new_jobs" not in rule.requires]  # "400 jobs" are no hiring by themselves
    if not rules or _in_fixed_phrase(doc, token, lexicon.words["not_trigger_phrases"]):
        return None
    if token.dep_ == "compound" and (lexicon.has("company_nouns", lemma(token.head)) or
                                     lexicon.has("unit_nouns", lemma(token.head))):
        return None  # "investment firm", "its investment arm": a kind of company or unit, not an event
    if token.dep_ == "compound" and lexicon.has("not_event_heads", lemma(token.head)):
        return None  # "purchase rights", "investment grade", "takeover rules": a kind of thing, not an event
    if token.ent_type_ in NAME_LABELS and token.text[:1].isupper():
        return None  # "the Trans-Pacific Partnership on Clean Trade": a word of a name
    chosen, start = [], token.i
    for rule in rules:
        for words in rule.words:
            if words[-1] != lemma(token):
                continue
            first = token.i - len(words) + 1  # "joint venture", "tie - up" (the tokenizer splits a hyphen)
            if first >= 0 and all(doc[first + k].lower_ == word for k, word in enumerate(words[:-1])):
                chosen.append((len(words), rule))
                start = min(start, first)
    if not chosen:
        return None
    longest = max(n for n, _ in chosen)
    kept = tuple(dict.fromkeys(rule for n, rule in chosen if n == longest))
    return Candidate(token, doc[start if longest > 1 else token.i:token.i + 1], kept)


def _in_fixed_phrase(doc: Doc, token: Token, phrases: frozenset[str]) -> bool:
    """Whether the word is part of a fixed phrase that states no event ("in order to" places no order)."""
    for phrase in phrases:
        words = phrase.split()
        for k, word in enumerate(words):
            start = token.i - k
            if word == token.lower_ and start >= 0 and start + len(words) <= len(doc) and \
                    [t.lower_ for t in doc[start:start + len(words)]] == words:
                return True
    return False
