"""Back-references: a later sentence that says when "the deal" closes, what "the goods" were worth, what "the
contract" covers or by whom "the penalty" was imposed or "the round" led dates, values, scopes or completes the event
it refers to.

The sentence states no event of its own; its noun ("the deal", "the order",
"the goods", "the Vessmark deal") names the types it may refer to
(`events.json` "back_references"), and `EarlierFrames` picks the frame.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable

from spacy.attrs import LOWER
from spacy.tokens import Span, Token

from pipeline.nlp.events.coreference import FramePass
from pipeline.nlp.events.facts import Facts, party_key, same_party
from pipeline.nlp.events.frames import REPORTING_DAYS, Frame
from pipeline.nlp.events.object_checks import ORG_ROLES

BACK_DETERMINERS = frozenset({"the", "these", "this", "those", "its"})
AGENT_ROLES = {"penalty": "authority", "investment": "investor"}  # whom "by" names after "the penalty", "the round"


class BackReferences(FramePass):
    """The back-reference pass over a Doc's frames."""

    def complete(self, frames: list[Frame]) -> None:
        """Date, value and scope of the earlier event each later sentence without an event of its own refers to."""
        doc = self.facts.doc
        with_event = {self.facts.sentences.bounds(f.token.i)[0] for f in frames}
        referring = {doc.vocab.strings[w] for nouns in self.lexicon.back_references.values() for w in nouns}
        lowers = doc.to_array(LOWER).tolist()  # a Token made only for the words that may refer back
        earlier = EarlierFrames(frames, self.lemma, self.facts, self.lexicon.words["goods_taking_verbs"])
        for sentence in doc.sents:
            if sentence.start in with_event:
                continue
            for i in range(sentence.start, sentence.end):
                kinds = self._referred_types(doc[i]) if lowers[i] in referring else frozenset()
                if kinds:
                    self._refer(doc[i], sentence, kinds, earlier.pick(doc[i], kinds, sentence.start))
                    break

    def _day_told(self, date: Span) -> bool:
        """"said on Wednesday that the cuts ...": the day the sentence was said, not the event's."""
        head = date.root.head
        if head.lower_ == "on":
            head = head.head
        return any(t.lower_ in REPORTING_DAYS for t in date) and self.lemma(head) in self.lexicon.reporting_verbs

    def _referred_types(self, noun: Token) -> frozenset[str]:
        if noun.pos_ != "NOUN" or not any(c.lower_ in BACK_DETERMINERS for c in noun.children):
            return frozenset()
        return frozenset(kind for kind, nouns in self.lexicon.back_references.items() if noun.lower_ in nouns)

    def _refer(self, noun: Token, sentence: Span, kinds: frozenset[str], frame: Frame | None) -> None:
        if frame is None:
            return
        dates = [d for d in self.facts.within("date", {t.i for t in sentence}) if not self._day_told(d)]
        term = frame.type == "contract"  # "The order will be executed over 18 months starting April 2025": its term
        undated = frame.type in AGENT_ROLES or self.lexicon.has("offer_nouns", noun.lower_)  # "the penalty equals
        # 4% of its sales in 2022", "the offer is a premium to the price on Tuesday": no date of the event
        if dates and not frame.has("date") and not term and not undated and (noun.dep_ in ("nsubj", "nsubjpass")
                                                                             or "*" in kinds):
            for date in dates[:1]:
                frame.add("date", date)
        if term and not frame.has("count") and noun.dep_ == "nsubj" and \
                self.lemma(noun.head) in self.lexicon.words["scope_verbs"]:  # "The contract covers five depots"
            for count in self.facts.within("count", {t.i for t in noun.head.subtree}):
                frame.add("count", count)
        role = AGENT_ROLES.get(frame.type)
        if role is not None:  # "The penalty, imposed by X, ...", "The round was led by Y"
            for org in self._agents(noun):
                if org not in frame.fillers(role):
                    frame.add(role, org)
        valued = any(self.lemma(t) in self.lexicon.words["value_words"] for t in sentence)
        if valued and not frame.has("value") and role is None:  # "would have been fined a total of": no value
            for money in self.facts.within("money", {t.i for t in sentence}):
                frame.add("value", money)

    def _agents(self, noun: Token) -> list[Span]:
        """The organizations named after "by" in the noun's own participle or passive verb."""
        verbs = [c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"]
        verbs += [noun.head] if noun.dep_ == "nsubjpass" else []
        return [org for verb in verbs for by in verb.children if by.dep_ == "agent"
                for who in by.children if who.dep_ == "pobj" for org in self.facts.organizations_of(who)]


def accusers(facts: Facts, frame: Frame) -> list[Span]:
    """"The SEC charged X with misleading investors. X agreed to pay $12 million to settle": the public body that
    acted against the penalized in the sentence before (or the same one) is the penalty's authority."""
    penalized = {party_key(org) for org in frame.fillers("penalized")}
    sentence = frame.token.sent
    start = facts.doc[sentence.start - 1].sent.start if sentence.start > 0 else sentence.start
    for token in facts.doc[start:frame.token.i]:
        if token.dep_ != "nsubj":
            continue
        objects = [org for o in token.head.children if o.dep_ == "dobj" for org in facts.organizations_of(o)]
        if not any(same_party(party_key(org), p) for org in objects for p in penalized):
            continue
        bodies = [org for org in facts.organizations_of(token) if facts.is_public_body(org)]
        if bodies:
            return bodies
    return []


def restatements(frames: list[Frame], lemma: Callable[[Token], str], stake_nouns: frozenset[str]) -> list[Frame]:
    """"X has bought a 30% stake in Y. X paid 1.8 billion crowns for the stake, which it bought from the founders":
    a later purchase of "the stake" by the same buyer restates the earlier one; its price goes to that event and
    the restatement is dropped. The frames left, in order."""
    kept: list[Frame] = []
    purchases: list[Frame] = []  # the acquisitions kept, in text order
    for frame in frames:
        buyers = [party_key(org) for org in frame.fillers("acquirer")]
        earlier = next((e for e in reversed(purchases) if any(same_party(party_key(org), b)
                                                              for org in e.fillers("acquirer") for b in buyers)),
                       None) if _of_the_stake(frame, lemma, stake_nouns) else None
        if earlier is None:
            kept.append(frame)
            if frame.type == "acquisition":
                purchases.append(frame)
        elif not earlier.has("value"):
            for money in frame.fillers("value"):
                earlier.add("value", money)
    return kept


def _of_the_stake(frame: Frame, lemma: Callable[[Token], str], stake_nouns: frozenset[str]) -> bool:
    """An acquisition of "the stake" (a definite one, told before) naming no target of its own."""
    if frame.type != "acquisition" or frame.has("target"):
        return False
    objects = [t for slot in ("obj", "prep:for", "obj.prep:for", "antecedent") for t in frame.args.get(slot)]
    return any(lemma(t) in stake_nouns and any(c.lower_ in ("the", "this", "that") for c in t.children)
               for t in objects)


class EarlierFrames:
    """The frame a later sentence's noun refers back to ("the deal"): of the frames before the sentence, of a type
    the noun may name, the latest with a party the noun names ("the Vessmark deal"; none when no earlier frame has
    that party), else the latest whose trigger shares the noun's first four letters, else the latest ("the goods":
    the latest that took goods, a seizure rather than an arrest, when there is one). Frames are
    grouped by type and by trigger prefix, each group in text order, so a pick is a bisect in a few groups (not a
    sort of every earlier frame for each sentence, quadratic in an article of events and back-references)."""

    def __init__(self, frames: list[Frame], lemma: Callable[[Token], str], facts: Facts,
                 goods_taking: frozenset[str]) -> None:
        self.frames, self.facts = frames, facts
        self.at = [f.token.i for f in frames]  # in text order
        self.prefixes = [lemma(f.token)[:4] for f in frames]
        self.parties = [{party_key(r.filler) for r in f.roles if r.role in ORG_ROLES and r.filler is not None}
                        for f in frames]
        self.groups: dict[tuple, list[int]] = {}  # (feature, type, ...) -> places in `frames`, increasing
        for k, frame in enumerate(frames):
            for key in (("type", frame.type), ("word", frame.type, self.prefixes[k])):
                self.groups.setdefault(key, []).append(k)
            if lemma(frame.token) in goods_taking:  # "seized", not "arrested": what "the goods" were taken by
                self.groups.setdefault(("goods", frame.type), []).append(k)
        self.types = frozenset(f.type for f in frames)

    def pick(self, noun: Token, kinds: frozenset[str], before: int) -> Frame | None:
        """The frame before word `before` that `noun`, naming frames of `kinds` ("*": any), refers to."""
        bound = bisect_left(self.at, before)  # frames[:bound] come before
        wanted = self.types if "*" in kinds else kinds & self.types
        prefix = noun.lower_[:4]
        named = {party_key(org) for c in noun.children for org in self.facts.organizations_of(c)}
        if named:  # a scan, only for the rare noun that names a company
            with_party = [k for k in range(bound) if self.frames[k].type in wanted
                          and any(same_party(p, n) for p in self.parties[k] for n in named)]
            return self.frames[max(with_party, key=lambda k: (self.prefixes[k] == prefix, k))] if with_party else None
        best: tuple[bool, int] | None = None
        goods = self.facts.lexicon.has("goods_nouns", noun.lower_)  # "the goods were worth ...": what was seized
        for kind in wanted:
            taken = self.groups.get(("goods", kind), [])
            keys = (("goods", kind),) if goods and bisect_left(taken, bound) else \
                (("type", kind), ("word", kind, prefix))
            for key in keys:
                group = self.groups.get(key, [])
                last = bisect_left(group, bound) - 1
                if last >= 0:
                    k = group[last]
                    best = max(best or (False, -1), (self.prefixes[k] == prefix, k))
        return self.frames[best[1]] if best is not None else None
