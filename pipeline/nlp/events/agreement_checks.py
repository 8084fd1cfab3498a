"""The requirements of agreements: a contract's object is one, goods supplied are under a deal, an alliance is joined.

"won an order", "awarded a contract", "signed a deal" or a company chosen to
supply goods is a contract; "securing 700 jobs" (counted staff), "a joint venture agreement", "an agreement to
acquire X", "get America back to work" and a payment received "under the
agreement" are not. "joined the Star Alliance" joins an alliance; "will join
Voltaro's board" seats people. A mixin of `Requirements`, which calls each
check by its name in `events.json`.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from pipeline.nlp.events.facts import Facts
from pipeline.nlp.events.frames import Frame
from pipeline.nlp.events.lexicon import Lexicon
from pipeline.nlp.events.status import under_a_deal

PLACE_PREPS = frozenset({"to", "at", "into"})  # "back to work", "at work": a contract noun there names no contract
DEAL_TYPES = frozenset({"acquisition", "partnership", "investment"})  # what an agreement may be signed to do
OBJECT_SLOTS = ("obj", "pass", "antecedent")


class AgreementChecks:
    """The contract and alliance requirements; `Requirements` supplies the facts and the lexicon."""

    facts: Facts
    lexicon: Lexicon
    lemma: Callable[[Token], str]
    types_at: dict[int, set[str]]

    def contract_object(self, frame: Frame) -> bool:
        """"won an order", "awarded a contract", "won a contract extension", "signed a deal" (not "a joint venture
        agreement"), or a company chosen to supply goods, and a party, an amount or a count: the object is a
        contract."""
        words = [self.facts.doc[i] for i in frame.domain if i != frame.token.i]
        partnership = self.lexicon.words["alliance_nouns"] | {"joint", "codeshare", "cooperation", "framework",
                                                               "memorandum", "mou"}
        contracts = [t for t in words if self.lemma(t) in self.lexicon.words["contract_nouns"] and t.pos_ == "NOUN"
                     and (t.dep_ in ("dobj", "nsubjpass", "pobj", "conj", "appos")
                          or t.dep_ == "compound" and t.head.dep_ == "dobj" and t.head.head == frame.token)
                     and not (t.dep_ == "pobj" and t.head.lower_ in PLACE_PREPS  # "get America back to work"
                              and not self.lexicon.has("race_verbs", self.lemma(frame.token)))  # "beat X to a deal"
                     and not (t.dep_ == "pobj" and frame.rule.name == "win" and not self._won_in(t))
                     and not (self.facts.fact("count", t) and self.lexicon.has("staff_items", self.lemma(t)))
                     and not (any(c.lower_ in partnership and not self.facts.fact("org", c) for c in t.children)
                              and not self._supplies(t) and not self._for_goods(frame, t))
                     and not any(self._deal_clause(c) for c in t.children)
                     and not any(self._deal_clause(g) for c in t.children if c.dep_ == "amod"  # "a deal worth $83
                                 for g in c.children)  # million to take over X": the parse hangs it on "worth"
                     and not any(c.dep_ in ("compound", "amod", "nmod") and  # "a court order", "a banking licence"
                                 self.lexicon.has("not_contract_modifiers", c.lower_) for c in t.children)
                     and not any("partnership" in self.types_at.get(d.i, set()) for d in t.subtree)]
        contracts += self._described(frame.token)
        # "tapped Alstom to supply 23 trains", "X was selected to build", "chose X as preferred bidder"
        chosen_as_supplier = any(self.lexicon.has("supplier_roles", self.lemma(o)) for o in frame.args.get("prep:as"))
        chosen_to_supply = (frame.args.purpose == "supply" or chosen_as_supplier) and any(
            self.facts.organizations_of(o) for s in ("obj", "pass") for o in frame.args.get(s))
        race = self.lexicon.has("race_verbs", self.lemma(frame.token))  # "beat two Korean groups to": rivals
        if not race and any(self.lemma(o) in partnership and not self._for_goods(frame, o)
                            for o in frame.args.get("obj")):
            return False  # "inked a partnership with X to develop projects": what is signed is a partnership
        if any(self.lexicon.has("talent_nouns", self.lemma(o)) for o in frame.args.get("obj")):
            return False  # "signed the French striker on a five-year contract": a person hired, no business deal
        sides = ("buyer", "supplier", "value", "count")
        if race and any(c.dep_ == "xcomp" for c in frame.token.children):
            return False  # "beat Boeing to win an order": the win is the event
        if frame.rule.name == "sign" and any(c.dep_ in ("xcomp", "advcl") and self.types_at.get(c.i, set()) & (
                DEAL_TYPES | {"penalty"}) for c in frame.token.children):
            return False  # "struck a deal to buy X", "... with regulators to pay a fine": the act agreed is the event
        bid_won = frame.rule.name == "win" and frame.args.purpose == "supply" and any(  # "won the bid to build a
            self.lemma(o) == "bid" for o in frame.args.get("obj"))  # rail line": the tender won, a contract
        return (bool(contracts) or chosen_to_supply or bid_won) and any(frame.has(side) for side in sides)

    def _described(self, verb: Token) -> list[Token]:
        """"The contract, which was awarded to X", "the contract to build the bypass, which was awarded to X" (the
        parse hanging the clause on the bypass): the contract a relative clause describes."""
        noun = verb.head if verb.dep_ == "relcl" else None
        for _ in range(3):
            if noun is None or self.lemma(noun) in self.lexicon.words["contract_nouns"]:
                return [noun] if noun is not None else []
            noun = noun.head.head if noun.dep_ == "dobj" and noun.head.dep_ == "acl" else None
        return []

    def _won_in(self, contract: Token) -> bool:
        """"won $2 billion in orders", "bid for the contract", "beat X to the deal": a contract won after a
        preposition; not one a payment is received under ("under the agreement, X will receive $5 million")."""
        prep = contract.head
        priced = prep.lower_ == "in" and self.facts.fact("money", prep.head) is not None
        return prep.lower_ in ("for", "of", "to") or priced

    def _supplies(self, agreement: Token) -> bool:
        """"a framework agreement with X to supply ammunition": an agreement whose own clause supplies goods is a
        contract, whatever it is called."""
        return any(c.dep_ in ("acl", "relcl") and self.lemma(c) in self.lexicon.words["delivery_verbs"]
                   for c in agreement.children)

    def no_person_object(self, frame: Frame) -> bool:
        """"We tied him up": a partnership verb has no person for its object (not "X tied up with Y")."""
        return not any(o.lower_ in ("him", "her", "them", "me", "us") or o.ent_type_ == "PERSON"
                       for o in frame.token.children if o.dep_ == "dobj")

    def not_for_goods(self, frame: Frame) -> bool:
        """"signed a memorandum of understanding with Embraer for up to 20 E2 jets": an agreement for a number of
        goods is a contract, no partnership."""
        words = {t for t in frame.trigger} | {t.head for t in frame.trigger}  # the agreement and its verb
        goods = [o for t in words for p in t.children if p.dep_ == "prep" and p.lower_ == "for" for o in p.children]
        return not any(self.facts.fact("count", o) for o in goods)

    def _for_goods(self, frame: Frame, agreement: Token) -> bool:
        """"signed a framework agreement with X for 60 electric trains": an agreement for a number of goods is a
        contract, whatever it is called ("for" on the agreement or on its verb)."""
        own = [o for p in agreement.children if p.dep_ == "prep" and p.lower_ == "for"
               for o in p.children if o.dep_ == "pobj"]
        goods = [o for o in frame.args.get("prep:for") if o.i in frame.domain] + own
        return any(self.facts.fact("count", o) for o in goods)

    def supply_deal(self, frame: Frame) -> bool:
        """"will supply 90 trains to Deutsche Bahn under a deal valued at 2.1 billion euros", "will deliver 40 trams
        to Warsaw for 700 million zlotys", "will supply X with 50 locomotives": goods delivered for a price, under a
        deal or to a named buyer (not "supplies X with gas", a trade that goes on) are a contract; the "to supply"
        clause of a contract noun or trigger is that contract's ("won a contract to supply ...")."""
        trigger = frame.token
        contract_nouns = self.lexicon.words["contract_nouns"]
        if trigger.dep_ in ("acl", "relcl", "advcl", "xcomp") and any(  # "a contract worth $1 billion to build"
                "contract" in self.types_at.get(head.i, set()) or self.lemma(head) in contract_nouns
                for head in list(trigger.ancestors)[:3]):
            return False
        habitual = trigger.tag_ in ("VBZ", "VBP") and not any(c.dep_ == "aux" for c in trigger.children)
        goods = any(s.root.tag_ in ("NNS", "NNPS") for s in frame.fillers("count"))  # not "911 interconnection access"
        return frame.has("value") or goods and (under_a_deal(trigger, self.lemma, contract_nouns)
                                                or bool(frame.fillers("buyer")) and not habitual)

    def _deal_clause(self, clause: Token) -> bool:
        """"an agreement to acquire Linthwaite Data" is the acquisition's, not a contract; "a contract to purchase
        40 trucks" buys goods and "a deal to provide X with buses" delivers them: both stay one."""
        types = self.types_at.get(clause.i, set())
        if clause.dep_ not in ("acl", "relcl", "xcomp") or not types & DEAL_TYPES:
            return False
        if self.lexicon.has("supply_verbs", self.lemma(clause)) and not any(
                self.facts.fact("money", o) for o in clause.children if o.dep_ == "dobj"):
            return False  # "a deal to provide X with 45 buses": what the contract delivers
        return "contract" not in types or any(self.facts.organizations_of(o) for o in clause.children
                                              if o.dep_ == "dobj")

    def alliance_object(self, frame: Frame) -> bool:
        """"joined the Star Alliance", "joined Alibaba's alliance": an organization or an alliance is joined."""
        objects = [t for slot in OBJECT_SLOTS for t in frame.args.get(slot)]
        people = not frame.has("member") or any(self.lexicon.has("staff_items", self.lemma(t))
                                                for t in frame.args.get("subj"))
        if people and any(self.lexicon.has("person_bodies", self.lemma(t)) for t in objects):
            return False  # "will join Voltaro's board", "two directors will join Dow's board": people take seats
        if any(c.dep_ == "prep" and c.lower_ == "in" and any(g.tag_ == "VBG" for g in c.children)
               for c in frame.token.children):
            return False  # "urged the Senate to join the House in passing a bill": joined in an act, not an alliance
        return frame.has("partner") or any(self.lemma(t) in self.lexicon.words["alliance_nouns"] for t in objects)

    def not_generic(self, frame: Frame) -> bool:
        """"engaging leaders in partnerships", "kinds of alliances": a bare plural names no partnership formed."""
        token = frame.token
        return token.tag_ != "NNS" or any(c.dep_ in ("det", "poss", "nummod") for c in token.children)

    def named_penalized(self, frame: Frame) -> bool:
        """"The regulator has fined banks a total of £1.2 billion over the past decade": a fine of a bare plural
        (no determiner, number or name: not "penalise poultry producers X and Y") is a tally of many, not an event
        ("fined five banks" is one, and so is "fined lorry makers X and Y", the names the parse left beside it)."""
        def named_next(t: Token) -> bool:
            return t.right_edge.i + 1 < len(t.doc) and self.facts.fact("org", t.doc[t.right_edge.i + 1]) is not None
        return not any(t.tag_ == "NNS" and not any(self.facts.fact("org", w) for w in t.subtree)
                       and not any(c.dep_ in ("det", "poss", "nummod") for c in t.children) and not named_next(t)
                       for slot in ("obj", "dative") for t in frame.args.get(slot))

    def not_named_alliance(self, frame: Frame) -> bool:
        """"Star Alliance", "the Orbis alliance" (one name and no other party): an organization's name, not a
        partnership being formed ("the YNAP-Alibaba joint venture" names its two partners)."""
        token = frame.token
        named = [c for c in token.children if c.dep_ == "compound" and self.facts.fact("org", c) is not None]
        parties = [r for r in frame.roles if r.filler is not None and r.filler.label_ == "ORG"]
        definite = any(c.lower_ == "the" for c in token.children if c.dep_ == "det")
        paired = any(t.text in ("-", "–", "/") for t in token.doc[token.left_edge.i:token.i])  # "the Kingfisher-Jet"
        return self.facts.fact("org", token) is None and not (definite and len(named) == 1 and len(parties) == 1
                                                              and not paired)

    def not_owned_venture(self, frame: Frame) -> bool:
        """"sold its stake in joint venture X": a venture owned was formed before (not "a stake in a venture with
        X", which forms one)."""
        token = frame.token
        return not (token.dep_ == "pobj" and token.head.lower_ == "in"
                    and self.lexicon.has("stake_nouns", self.lemma(token.head.head))
                    and not any(c.lower_ in ("a", "an", "with") for c in token.children))

    def not_setting(self, frame: Frame) -> bool:
        """"detained 11 suspects and confiscated 40,000 cartons in a raid on a warehouse": a raid in which another
        enforcement act was done is that act's setting, not an event of its own, unless it counts what it raided
        ("seized 2.4 million cigarettes in raids on 14 shops")."""
        token = frame.token
        preposition = token.head
        following = token.doc[token.i + 1:token.i + 4]  # by the words: the parser often hangs "on 14 shops" on the verb
        own_count = len(following) > 1 and following[0].lower_ in ("on", "at", "of") and \
            any(t.like_num for t in following[1:])
        return own_count or not (token.dep_ == "pobj" and preposition.lower_ in ("in", "during")
                                 and frame.type in self.types_at.get(preposition.head.i, set()))

    def illicit_goods(self, frame: Frame) -> bool:
        """"Customs officers found 25,000 counterfeit perfume bottles": what authorities find is an enforcement's
        when the text calls it fake, illegal or smuggled (not "police found 12 bodies", "found 40 faults"), and
        names who found it ("an illegal dye has been found in several hundred products" is no raid)."""
        words = self.lexicon.words["illicit_words"]
        return any(w.lower_ in words for t in frame.args.get("obj") for w in t.subtree)
