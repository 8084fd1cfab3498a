"""The syntactic slots of a trigger: who is its subject, object, agent, what its prepositions and governor hold.

The direct relations are spaCy `DependencyMatcher` patterns kept as data (`events.json`, "slots", matched from each
trigger by `relations.SlotPatterns`): subject, passive subject, object, dative, the agent of a passive ("was
acquired *by* Oracle"), each preposition's object ("for $11 billion", "from SoftBank"), prepositions and possessors
of the object ("a stake *in* X", "*X's* unit"), a noun trigger's possessor and name modifiers, and "led by" under a
funding round. Structural rules add what a pattern cannot see:

- a subject carried down from the verb above: "agreed to buy" (control), "will close X and cut Y" (coordination),
  "plans to invest" (a noun's clause), "the newest brands to join" (the subject of "are"); "ordered X to pay" and
  "expect X to report" take the object above;
- "helped the police in catching": the helper's subject is not the actor;
- relative clauses: "Sears, which Kmart agreed to buy" (the relative pronoun stands for its noun);
- a headline's passive without "was": "Toyota fined $16 million by US government", "Ryanair fined over
  cancellations" (the subject is fined);
- a noun trigger's light verb ("completed its acquisition", "placed an order", "signed ... a joint venture"), whose
  subject and prepositions count as the noun's (`gov:subj`, `gov:prep:from`, ...);
- "in talks with X to buy" (`talks:with`), "to supply ... to Y" under a contract (`to:supply`; an award's "to X"
  hung on another clause, `to:clause`), "to settle SEC charges" and "ordered ... to pay" for a payment.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Token

from pipeline.nlp.base import Children
from pipeline.nlp.events.lexicon import Lexicon
from pipeline.nlp.events.relations import SlotPatterns
from pipeline.nlp.events.tree import (
    CLIMB_MOST,
    ancestors,
    antecedent,
    headline_subject,
    in_phrases,
    names_before,
    object_control,
    own_light_verb,
    phrase_preps,
    relative_clause,
    same_line,
    surface_object,
    verb_of_object,
)

SUBJECTS = frozenset({"nsubj", "nsubjpass"})
RESULT_VERBS = frozenset({"form", "create", "bear", "establish"})
CONTROL_VERBS = frozenset({"expect", "order", "require", "force", "help", "allow", "ask", "tell", "urge", "direct",
                           "compel", "persuade", "enable", "authorise", "authorize", "permit", "see"})
WH_WORDS = frozenset({"WDT", "WP"})
TALKS = frozenset({"talks", "negotiations", "negotiating", "talking", "discussions"})
CLIMB = frozenset({"xcomp", "conj", "advcl", "pcomp", "acl", "prep", "pobj", "dobj", "attr", "ccomp"})
NOUN_CLIMB = CLIMB | {"poss", "compound", "nmod"}
INVESTIGATIONS = frozenset({"investigation", "operation", "probe", "crackdown", "raid", "campaign", "inquiry"})
GOVERNED = frozenset({"dobj", "nsubjpass", "attr", "oprd", "nsubj", "appos"})
CLAUSE_LABELS = ("acl", "xcomp", "advcl", "relcl")


@dataclass
class Arguments:
    """The words in each slot of one trigger; `governor` is a noun trigger's light verb, `purpose` its clause verb."""

    slots: dict[str, list[Token]] = field(default_factory=dict)
    governor: Token | None = None
    purpose: str | None = None  # "supply" or "procure": a contract's clause says which side the subject is

    def add(self, slot: str, tokens: list[Token]) -> None:
        for token in tokens:
            if token not in self.slots.setdefault(slot, []):
                self.slots[slot].append(token)

    def get(self, slot: str) -> list[Token]:
        return self.slots.get(slot, [])


class SlotFinder:
    """Slots of every trigger of a Doc: the DependencyMatcher's relations, then the structural rules."""

    def __init__(self, lexicon: Lexicon, patterns: SlotPatterns, lemma: Callable[[Token], str],
                 triggers: list[Token], children: Children) -> None:
        self.lexicon = lexicon
        self.lemma = lemma
        self.children = children
        self.direct: dict[int, dict[str, list[Token]]] = {}
        for name, tokens in patterns(triggers, children):
            arg = tokens[-1]
            if name in ("prep", "obj.prep", "subj.prep"):
                name = f"{name}:{tokens[-2].lower_}"
            elif name == "led":
                name = "led:by"
            elif name == "dative" and arg.pos_ == "ADP":  # "sold its unit to X": the parse's dative is the "to"
                name, arg = f"prep:{arg.lower_}", next(iter(self.children(arg, ("pobj",))), arg)
            self.direct.setdefault(tokens[0].i, {}).setdefault(name, []).append(arg)

    def arguments(self, trigger: Token) -> Arguments:
        """Every slot of a trigger (the governor's too for a noun), relative pronouns read as their noun."""
        found = Arguments()
        for slot, tokens in self.direct.get(trigger.i, {}).items():
            found.add(slot, [_noun_read_as_verb(t, self.children) for t in tokens] if slot == "subj" else tokens)
        if trigger.pos_ == "VERB":
            self._verb_slots(trigger, found)
            for obj in [*found.get("obj"), *found.get("pass")]:
                for prep, pobj in phrase_preps(obj, self.children):
                    found.add(f"obj.prep:{prep}", [pobj])
                for clause in self.children(obj, ("acl",)):  # "won a contract awarded by SNCF"
                    for by in self.children(clause, ("agent",)) if clause.tag_ == "VBN" else []:
                        found.add("obj.prep:by", self.children(by, ("pobj",)))
        else:
            offer = self._offer(trigger)
            if offer and "prep:from" in found.slots:  # "the bid from X" (a pattern's match): X makes the offer
                found.add("offer:from", found.slots.pop("prep:from"))
            for noun in (trigger, trigger.head) if trigger.dep_ == "compound" else (trigger,):
                for prep, pobj in phrase_preps(noun, self.children):  # "a joint venture agreement with PGZ"
                    found.add("offer:from" if offer and prep == "from" else f"prep:{prep}", [pobj])
                for clause in self.children(noun, ("acl",)):  # "the 1,200 job cuts announced by X"
                    for by in self.children(clause, ("agent",)):
                        found.add("agent", self.children(by, ("pobj",)))
            found.governor = self.governor(trigger)
            if found.governor is not None and offer and not found.get("prep:for") and \
                    self.lexicon.has("offer_receiving_verbs", self.lemma(found.governor)):
                for subject in self.children(found.governor, SUBJECTS):  # "Kasimir's board accepted": Kasimir
                    body = self.lexicon.has("person_bodies", subject.lower_)
                    found.add("offer:to", (self.children(subject, ("poss",)) if body else []) or [subject])
                for by in (p for p in self.children(found.governor, ("prep",)) if p.lower_ == "from"):
                    found.add("offer:from", self.children(by, ("pobj",)))  # "received an offer from X"
            elif found.governor is not None:
                self._governor_slots(trigger, found.governor, found)
                if self.lemma(trigger) == "sale" and not found.get("prep:of") and not found.get("poss") and \
                        self.lemma(found.governor) in self.lexicon.status.planning_verbs:
                    found.slots["sale:self"] = found.slots.pop("gov:subj", [])  # "X is exploring a sale": of itself
            elif not self.made_through(trigger):  # "to enable the JV's customers": the clause's subject
                found.add("gov:subj", self.subject_above(trigger, NOUN_CLIMB)[0])
            self._conductors(found)
        self._talks(trigger, found)
        self._clauses(trigger, found)
        for slot, tokens in found.slots.items():
            found.slots[slot] = [antecedent(t) if t.tag_ in WH_WORDS else t for t in tokens]
        return found

    def _offer(self, trigger: Token) -> bool:
        """"a takeover offer from X", "X rejected Y's bid": an offer's maker comes after "from" (not a seller, as
        with "bought a stake from X"), and the subject of a verb that receives it is the company offered for (unless
        the offer names it: "Halvorsen is considering a bid for Kasimir")."""
        return self.lexicon.has("offer_nouns", self.lemma(trigger)) or \
            trigger.dep_ == "compound" and self.lexicon.has("offer_nouns", self.lemma(trigger.head))

    def _verb_slots(self, trigger: Token, found: Arguments) -> None:
        if self._headline_passive(trigger, found):
            found.slots["pass"] = found.slots.pop("subj")
            for by in (c for c in self.children(trigger, ("prep",)) if c.lower_ == "by"):
                found.add("agent", self.children(by, ("pobj",)))
        if trigger.dep_ == "acl" and trigger.tag_ == "VBN" and trigger.head.pos_ in ("NOUN", "PROPN") and \
                not any(found.get(s) for s in ("subj", "pass", "obj")):
            found.add("pass", [trigger.head])  # "the tickets sold by X", "the unit acquired by Y": what it acts on
        if not found.get("subj") and not found.get("pass"):
            subjects, helped = self.subject_above(trigger)
            passive = bool(self.children(trigger, ("auxpass",))) or trigger.dep_ == "conj" and \
                trigger.tag_ in ("VBN", "VBD") and not self.children(trigger, ("dobj",)) and \
                any(s.dep_ == "nsubjpass" for s in subjects)  # "X is to be bought by Y", "X was founded ... and
            # purchased by Y": X is bought
            found.add("helper" if helped else "pass" if passive else "subj", subjects)
            if passive and not found.get("agent"):  # the parse's "by" of a passive it did not see is its agent
                found.add("agent", [o for by in self.children(trigger, ("prep",)) if by.lower_ == "by"
                                    for o in self.children(by, ("pobj",))])
        if (found.get("pass") or self.lexicon.has("unaccusative_verbs", self.lemma(trigger))) and \
                not found.get("agent"):  # "120 jobs will be created when X opens a base": whose act brings them
            found.add("when:subj", [s for clause in self.children(trigger, ("advcl",)) if any(
                m.lower_ in ("when", "once", "as") for m in self.children(clause, ("mark", "advmod")))
                                    for s in self.children(clause, ("nsubj",))])
        if found.get("subj") and self.lexicon.has("unaccusative_verbs", self.lemma(trigger)):
            found.slots["pass"] = found.slots.pop("subj")  # "300 jobs will go": the subject undergoes the act
        if not any(found.get(s) for s in ("obj", "pass", "dative")) and \
                not any(same_line(trigger, c) for c in self.children(trigger, ("xcomp", "ccomp", "prep", "dobj"))):
            obj = surface_object(trigger)  # a headline the parse joined to the next line: "X joins Y's alliance"
            if obj is not None:
                found.add("obj", [obj])
                found.add("obj.poss", self.children(obj, ("poss",)))
        if not any(found.get(s) for s in ("obj", "pass", "dative")):  # "to buy and then merge X": an object shared
            found.add("obj", [o for verb in self.children(trigger, ("conj",)) if verb.pos_ == "VERB"
                              and not self.children(verb, SUBJECTS) for o in self.children(verb, ("dobj",))][:1])
        found.slots["obj"] = [_object_behind_won(t, self.children) for t in found.get("obj")]
        if not found.get("dative"):  # "fined ride-hailing firm X 2.4 million euros": the parse hung X on the amount
            found.add("dative", [n for obj in found.get("obj") for number in self.children(obj, ("nummod",))[:1]
                                 for c in self.children(obj, ("amod", "compound", "nmod")) if c.i < number.i
                                 for n in (c, *self.children(c, ("appos",))) if n.ent_type_ == "ORG"])
        worth = [c for c in self.children(trigger, ("oprd", "advcl", "acomp")) if c.lower_ == "worth"]
        for amount in (a for w in worth for a in self.children(w, ("npadvmod", "pobj", "dobj"))):
            for prep in (p for p in self.children(amount, ("prep",)) if p.lower_ in ("from", "with")):
                found.add(f"prep:{prep.lower_}", self.children(prep, ("pobj",)))  # "orders worth Rs 640 crore from X"
        if found.get("obj"):  # "fined six firms ..., among them X and Y": the parse hangs the list on the verb
            for prep in self.children(trigger, ("prep",)):
                listed = self.children(prep, ("pobj",))
                named = [p for p in listed if p.lower_ not in ("them", "those")]
                if prep.lower_ == "including" or prep.lower_ == "among" and len(named) < len(listed):
                    found.add("obj", named)
        controlled = object_control(trigger)
        if controlled is not None and not found.get("obj"):
            found.add("obj", [t for t in controlled.children if t.dep_ == "nsubj"])
        relative = relative_clause(trigger)
        if relative is not None and not found.get("obj") and not found.get("pass") and relative.dep_ == "relcl":
            if not any(c.tag_ in WH_WORDS for c in self.children(relative, SUBJECTS)):
                found.add("antecedent", [relative.head])
        if trigger.dep_ == "relcl" and self.lexicon.has("site_items", self.lemma(trigger.head)):
            found.add("site:owner", self._site_owners(trigger.head))
        for site in found.get("subj"):  # "the data centre, which X is building near Dublin, will create 300 jobs"
            if self.lexicon.has("site_items", self.lemma(site)):
                found.add("site:owner", [s for clause in self.children(site, ("relcl",))
                                         for s in self.children(clause, ("nsubj",)) if s.tag_ not in WH_WORDS])
                found.add("site:owner", [o for clause in self.children(site, ("acl",)) if clause.tag_ == "VBN"
                                         for by in self.children(clause, ("agent",))
                                         for o in self.children(by, ("pobj",))])  # "a call center run by X"

    def _site_owners(self, site: Token) -> list[Token]:
        """"X will spend $1 billion on a plant that will employ 250 people", "Y is building a mill that will ...":
        whoever builds, opens or pays for the site is the one its staff work for (and so is the subject of a
        relative clause on a site that is the subject)."""
        verb = verb_of_object(site)
        return [] if verb is None else self.children(verb, ("nsubj",)) or self.subject_above(verb)[0]

    def _governor_slots(self, trigger: Token, governor: Token, found: Arguments) -> None:
        """The governor's subject, objects and prepositions; the subject of a verb that judges the event from
        outside ("the regulator approved the merger", "the union will fight the takeover") is no party to it."""
        direct = self.direct.get(governor.i, {})
        subjects = [c for c in self.children(governor, SUBJECTS) if c != trigger]
        outsider = self.lexicon.has("outsider_verbs", self.lemma(governor))
        if subjects and not outsider:
            found.add("gov:subj", subjects)
        elif not subjects and not outsider and not self.children(governor, ("nsubj",)):
            subjects, helped = self.subject_above(governor)
            found.add("helper" if helped else "gov:subj", subjects)
        for child in self.children(governor, ("prep", "dative", "dobj", "agent")):
            if child.dep_ == "prep" and child != trigger.head:
                found.add(f"gov:prep:{child.lower_}", self.children(child, ("pobj",)))
            elif child.dep_ == "dative":
                found.add("gov:dative", [child])
            elif child.dep_ == "dobj" and child != trigger:
                found.add("gov:obj", [child])
            elif child.dep_ == "agent" and not outsider:  # "X's purchase of Y was cleared by the regulator"
                found.add("agent", self.children(child, ("pobj",)))
        if direct.get("led:by"):
            found.add("led:by", direct["led:by"])

    def _headline_passive(self, trigger: Token, found: Arguments) -> bool:
        """A participle with a named subject, no auxiliary and no object but an amount, that is either a verb that
        takes an object or followed by "by": headlinese for "was fined", "was bought"."""
        subjects = found.get("subj")
        if trigger.tag_ not in ("VBD", "VBN") or not subjects or any(t.pos_ != "PROPN" for t in subjects) \
                or self.children(trigger, ("aux", "auxpass")):
            return False  # a headline names who: "having it acquired for $350 million" is no passive
        if any(not (t.like_num or t.tag_ == "CD") for slot in ("obj", "dative") for t in found.get(slot)):
            return False
        by = any(c.lower_ == "by" and self.children(c, ("pobj",)) for c in self.children(trigger, ("prep",)))
        return by or self.lexicon.has("object_verbs", self.lemma(trigger))

    def subject_above(self, token: Token, climb: frozenset[str] = CLIMB) -> tuple[list[Token], bool]:
        """The subjects a verb shares with the verbs above it, and whether a helper verb ("helped") was passed.

        A clause verb the parse left without a subject takes the names written just before it ("Louis Vuitton
        and Alibaba are ...").
        """
        helped = False
        current = token
        for _ in range(8):
            own = [_noun_read_as_verb(s, self.children) for s in self.children(current, SUBJECTS)]
            if own and current != token:
                return own, helped
            head = current.head
            if current.dep_ == "xcomp" and self.lemma(head) in CONTROL_VERBS:
                objects = self.children(head, ("dobj", "dative"))
                if objects:
                    return objects[:1], helped
            named = headline_subject(current)
            if named:
                return named, helped
            infinitive_relative = current.dep_ == "relcl" and any(c.lower_ == "to" for c in self.children(current))
            intent = current.dep_ == "acomp" and current.lower_ in self.lexicon.status.intent_adjectives  # "is keen to"
            if head == current or current.dep_ not in climb and not infinitive_relative and not intent:
                return (names_before(current) if current.pos_ in ("VERB", "AUX") else []), helped
            if current.dep_ in ("acl", "relcl") and head.pos_ == "NOUN":
                # "Moreland Bank's decision to shed 900 roles", "the decision by X to close": whose it is acts
                owners = self.children(head, ("poss",)) + [o for p in self.children(head, ("prep",))
                                                          if p.lower_ == "by" for o in self.children(p, ("pobj",))]
                if owners:
                    return owners, helped
            helped = helped or self.lemma(head) in self.lexicon.words["helper_verbs"] and current.dep_ != "conj"
            current = head
        return [], helped

    def _conductors(self, found: Arguments) -> None:
        """"an investigation (which) resulted in the confiscation": whoever conducted the investigation."""
        for noun in found.get("gov:subj"):
            noun = antecedent(noun) if noun.tag_ in WH_WORDS else noun  # "an investigation which resulted in"
            if self.lemma(noun) in INVESTIGATIONS and noun.head.pos_ in ("VERB", "AUX"):
                found.add("conductor", self.subject_above(noun.head)[0] if noun.dep_ in ("dobj", "pobj") else [])

    def governor(self, noun: Token) -> Token | None:
        """The verb a noun trigger is the object, passive subject or prepositional object of ("placed an order"); a
        deal acted "under" only by its own clause ("an order it placed", not "runs buses under contracts")."""
        if noun.dep_ == "pobj" and noun.head.lower_ == "under":
            return own_light_verb(noun, self.children, self.lemma, self.lexicon.light_verbs)
        current = noun
        while current.dep_ in ("conj", "compound") and current.head != current:
            current = current.head
        head = current.head
        if current.dep_ in GOVERNED and head.pos_ in ("VERB", "AUX"):
            return head
        if current.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
            return None if self.made_through(current) else head.head
        return None

    def made_through(self, noun: Token) -> bool:
        """"X was formed through the merger of two brewers": X is what the deal made, no party to it."""
        head = noun.head
        return noun.dep_ == "pobj" and head.lower_ == "through" and self.lemma(head.head) in RESULT_VERBS

    def _talks(self, trigger: Token, found: Arguments) -> None:
        """"in talks with X to buy", "negotiating with X to form": X is the other side."""
        for above in ancestors(trigger, 5):
            for word in (above, *in_phrases(above, self.children)):
                if word.lower_ in TALKS:
                    for child in self.children(word, ("prep",)):
                        if child.dep_ == "prep" and child.lower_ == "with":
                            found.add("talks:with", self.children(child, ("pobj",)))

    def _supplied_to(self, clause: Token) -> tuple[list[Token], list[Token]]:
        """Who a contract's "to supply" clause delivers to: its dative or "to"/"for" object, also on the goods ("to
        build 10 carriers for X"), or the object supplied "with" the goods ("to provide X with 45 buses"). Only goods
        handed over go "to" a buyer: "awarded a contract to upgrade works to X" hangs the award's "to" (kept apart)."""
        found, misplaced = [], []
        preps = [c.lower_ for c in self.children(clause, ("prep",))]
        handed_over = self.lemma(clause) in self.lexicon.words["handing_over_verbs"]
        for child in self.children(clause, ("prep", "dative")):
            if child.dep_ == "prep" and child.lower_ == "with":
                continue  # "to provide X with 45 buses": X is supplied, the buses are what
            if child.dep_ == "prep" and child.lower_ == "to" and not handed_over:
                misplaced += self.children(child, ("pobj",))
                continue
            found += [child] if child.dep_ == "dative" else self.children(child, ("pobj", "dative"))
        if "with" in preps:
            found += self.children(clause, ("dobj",))
        for goods in self.children(clause, ("dobj",)):
            found += [g for c in self.children(goods, ("prep",)) if c.lower_ in ("to", "for")
                      for g in self.children(c, ("pobj",))]
        return found, misplaced

    def _brought_by(self, noun: Token) -> list[Token]:
        """Who brought what is settled: "a lawsuit by the Department of Justice" (the parse may hang "by" on
        "settle"), "charges brought by the FTC"."""
        by = [p for p in self.children(noun, ("prep",)) if p.lower_ == "by"]
        by += [a for clause in self.children(noun, ("acl",)) for a in self.children(clause, ("agent",))]
        return [who for p in by for who in self.children(p, ("pobj",))]

    def _clauses(self, trigger: Token, found: Arguments) -> None:
        """A contract's "to supply ... to Y" clause, and a payment's "to settle X charges" or "ordered ... to pay"."""
        heads = [trigger, *found.get("obj"), *found.get("pass"), *([found.governor] if found.governor else [])]
        heads += [o.head for o in found.get("obj") if o.head.lower_ == "won"]  # "a 1.1 trillion won deal to supply"
        for head in heads:
            worth = [x for c in self.children(head, ("amod",)) for x in self.children(c, ("xcomp",))]
            worth += [x for c in self.children(head, ("amod",)) for amount in self.children(c, ("pobj",))
                      for x in self.children(amount, ("relcl", "acl"))]  # "worth 95 million francs to supply"
            controlled = [c for c in [object_control(head)] if c is not None]
            for clause in [*self.children(head, CLAUSE_LABELS), *worth, *controlled]:  # "a contract worth $2m to run"
                if clause.pos_ != "VERB":
                    continue
                lemma = self.lemma(clause)
                if lemma in self.lexicon.words["supply_verbs"]:
                    found.purpose = "supply"
                    supplied, misplaced = self._supplied_to(clause)
                    found.add("to:supply", supplied)
                    found.add("to:clause", misplaced)
                elif lemma in self.lexicon.words["procure_verbs"]:
                    found.purpose = "procure"
                elif lemma in ("settle", "resolve", "end", "close"):
                    settled = self.children(clause, ("dobj",))
                    bringers = [who for noun in [clause, *settled] for who in self._brought_by(noun)]
                    found.add("purpose", settled + bringers)
        above, steps = trigger, 0
        while above.dep_ in ("xcomp", "conj") and above.head != above and steps < CLIMB_MOST:
            above, steps = above.head, steps + 1
            if self.lemma(above) in self.lexicon.words["penalty_light_verbs"]:
                found.add("orderer", self.children(above, ("nsubj",)))


def _noun_read_as_verb(subject: Token, children: Children) -> Token:
    """"IT services major X plans to hire": the tagger read "services" as a verb taking X as its object, and a
    verb is no subject; its object is."""
    if subject.tag_ == "VBZ":
        return next(iter(children(subject, ("dobj",))), subject)
    return subject


def _object_behind_won(obj: Token, children: Children) -> Token:
    """"inked a 1.1 trillion won deal": the parse read the currency as the verb "won" taking the deal as its object,
    leaving the number as the signing's object; the deal is."""
    if obj.like_num:
        return next((o for clause in children(obj, ("acl",)) if clause.lower_ == "won"
                     for o in children(clause, ("dobj",))), obj)
    return obj
