"""The requirements of money raised, spent or paid: funding, a round, a project, a price paid, a penalty paid.

"raised $200 million", "secured $30 million in funding", "a Series B round
led by X" and "will spend $350 million on the expansion" are investments;
"raised its outlook to $2 billion", "spent $650,000 on an advertising
campaign", "foreign investment fell to $375 million" and "injected ¥1 trillion
into the financial system" are not. "paid $2 billion for X" buys X; "agreed to
pay $1.9 billion to settle charges" is a penalty. A mixin of `Requirements`,
which calls each check by its name in `events.json`.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from pipeline.nlp.events.facts import Facts
from pipeline.nlp.events.frames import Frame
from pipeline.nlp.events.lexicon import Lexicon


class MoneyChecks:
    """The money requirements; `Requirements` supplies the facts and the lexicon."""

    facts: Facts
    lexicon: Lexicon
    lemma: Callable[[Token], str]
    types_at: dict[int, set[str]]

    def on_a_project(self, frame: Frame) -> bool:
        """"will spend $350 million on the expansion", "spend 120 billion yen building a plant": money spent is an
        investment when the text says what it builds; not "spent $650,000 in an advertising campaign", "spent $10
        billion in an effort to avoid bankruptcy", nor money spent on nothing named."""
        words, purposes, clauses = self.lexicon.words, [], []
        for head in (frame.token, *frame.args.get("obj")):
            for child in head.children:
                if child.dep_ == "prep" and child.lower_ in ("on", "in", "for", "into", "toward", "towards"):
                    purposes += [o for o in child.children if o.dep_ == "pobj" and not self.facts.fact("date", o)]
                    clauses += [o for o in child.children if o.dep_ == "pcomp" and o.pos_ == "VERB"]
                elif child.dep_ in ("xcomp", "advcl", "acl"):
                    clauses.append(child)  # "to upgrade its furnaces", "building a plant" (tagged a noun or not)
        if any(self.lemma(p) in words["not_project_purposes"] or p.lower_ in words["not_project_purposes"]
               for p in purposes):
            return False
        builds = words["project_verbs"] | words["supply_verbs"]
        stems = {verb.removesuffix("e") for verb in builds}  # "building", "upgrading"
        return bool(purposes) or any(self.lemma(c) in builds or c.lower_.endswith("ing") and c.lower_[:-3] in stems
                                     for c in clauses)

    def priced_site(self, frame: Frame) -> bool:
        """"will build a $5.5 billion plant in Georgia", "is considering building a $10 billion factory": a site a
        company builds at a cost the text gives is its investment; not "a joint venture (a contract) to build a $1.5
        billion plant", whose clause is the purpose of another deal, nor "built a $40 million warehouse for X", a
        builder's work for a client."""
        if frame.token.dep_ in ("acl", "relcl", "advcl") or any(
                self.facts.organizations_of(o) for s in ("prep:for", "obj.prep:for") for o in frame.args.get(s)):
            return False
        return any(self.lexicon.has("site_items", self.lemma(o)) and
                   self.facts.within("money", {t.i for t in o.subtree}) for o in frame.args.get("obj"))

    def not_economy_wide(self, frame: Frame) -> bool:
        """"injected ¥1 trillion into the financial system", "pumped $2 billion into the markets": liquidity, not
        an investment in anyone."""
        slots = ("obj", "prep:in", "prep:into", "obj.prep:in", "obj.prep:into", "gov:prep:in", "gov:prep:into")
        placed = [t for s in slots for t in frame.args.get(s)]  # the parse may hang "into X" on a light verb
        placed += [t for t in (self.facts.doc[i] for i in frame.domain) if t.dep_ == "pobj" and t.head.lower_ == "into"]
        return not any(self.lexicon.has("economy_wide_objects", t.lower_) for t in placed)

    def put_into_company(self, frame: Frame) -> bool:
        """"put $60 million into Kovo Health": money put into an organization is invested in it ("put the cost at
        $3 billion" puts a figure, and "put $1 billion into its pension fund" is no investment in anyone)."""
        placed = [t for s in ("prep:into", "obj.prep:into") for t in frame.args.get(s)]
        return any(self.facts.organizations_of(t) for t in placed)

    def money_raised(self, frame: Frame) -> bool:
        """"raised $200 million", "raised new capital": what is raised is money; "raised its revenue outlook to
        $2 billion" raises a figure, not funds."""
        return all(self.facts.fact("money", t) or t.like_num or self.lemma(t) in self.lexicon.words["funding_nouns"]
                   for t in frame.args.get("obj"))

    def funding(self, frame: Frame) -> bool:
        """"provide £90m of the funding", "bags $18M Series A": the object is money for someone's project."""
        doc = self.facts.doc
        return any(self.lemma(doc[i]) in self.lexicon.words["funding_nouns"] or _series_letter(doc[i])
                   for i in frame.domain)

    def funding_received(self, frame: Frame) -> bool:
        """"has secured $30 million in funding": money received as funding; a round named with it is the event
        ("secured £60 million in a Series C round": the round's)."""
        return self.funding(frame) and not any(
            "investment" in self.types_at.get(i, set()) for i in frame.domain if i != frame.token.i)

    def funding_round(self, frame: Frame) -> bool:
        """A funding round says so ("Series B round", "funding round") and names an amount or an investor; a
        figure that moves ("foreign investment fell to $375 million") is a statistic."""
        token = frame.token
        if token.dep_ == "nsubj" and "financial_result" in self.types_at.get(token.head.i, set()):
            return False
        if self.lemma(token) == "round" and frame.trigger.text.lower() == "round":
            modifiers = {c.lower_ for c in token.children if c.dep_ in ("compound", "amod", "nmod")}
            if token.i > 0:
                modifiers.add(token.doc[token.i - 1].lower_)
            if not modifiers & self.lexicon.words["round_modifiers"]:
                return False
        return frame.has("value") or frame.has("investor")

    def company_paid_for(self, frame: Frame) -> bool:
        """"agreed to pay $2 billion for Halvex Systems", "paid $400 million for a 20% stake in X", "will pay X £44
        million for the 33 stores": what is paid for is a company, a stake in one, or its units or sites; not "paid
        $2 million for Google ads"."""
        words = self.lexicon.words
        bought = words["stake_nouns"] | words["unit_nouns"] | words["site_items"]
        each = ("each", "every", "per")  # "pay $23.93 for each Telewest share": a price per share, not the deal's
        paid_for = [t for slot in ("prep:for", "obj.prep:for") for t in frame.args.get(slot)]
        return any((self.facts.fact("org", t) or self.lemma(t) in bought)
                   and not any(c.lower_ in each for c in t.children) for t in paid_for)

    def penalty_context(self, frame: Frame) -> bool:
        """A payment is a penalty when the sentence says settle, fine, penalty, charges... or a court orders it;
        money paid "in claims" is an insurer's payout ("paid out £2.3 billion in claims after the storms")."""
        if frame.args.get("orderer"):
            return True
        if any(self.lemma(t) == "claim" for t in frame.args.get("obj.prep:in")):
            return False
        sentence = self.facts.sentences.of(frame.token)
        return any(self.lemma(t) in self.lexicon.words["penalty_context"] or t.lower_ in
                   self.lexicon.words["penalty_context"] for t in sentence if t.i != frame.token.i)


def _series_letter(token: Token) -> bool:
    """"Series A", "Series B": a funding round named by its letter."""
    return token.text == "Series" and token.i + 1 < len(token.doc) and len(after := token.nbor().text) == 1 and \
        after.isupper()
