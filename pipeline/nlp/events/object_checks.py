"""What changes hands: a company, a unit of one, a stake, sites or goods, and who takes part in the change.

"bought 40 jets" is goods (a contract); "bought Lorrey Fabrics", "the
frozen-food business of X", "a 51 per cent stake", "two of its airports" and
"three companies" change hands in an acquisition; "the Toyota Corolla", "more
units of its Xbox" and "Reuters content" are goods named after a company, no
company bought. A mixin of `Requirements`, which calls each check by its name
in `events.json`.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from pipeline.nlp.events.agreement_checks import OBJECT_SLOTS
from pipeline.nlp.events.coreference import Coreference
from pipeline.nlp.events.facts import Facts
from pipeline.nlp.events.frames import Frame
from pipeline.nlp.events.lexicon import Lexicon

ORG_ROLES = frozenset({"acquirer", "target", "seller", "investor", "recipient", "company", "authority", "penalized",
                       "buyer", "supplier", "helper", "member", "partner"})


class ObjectChecks:
    """The checks of what changes hands; `Requirements` supplies the facts, the lexicon and the coreference."""

    facts: Facts
    lexicon: Lexicon
    lemma: Callable[[Token], str]
    coreference: Coreference

    def _objects(self, frame: Frame) -> list[Token]:
        return [t for slot in OBJECT_SLOTS for t in frame.args.get(slot)]

    def party(self, frame: Frame) -> bool:
        """An organization takes part; in an acquisition, not only one named as a modifier of what is bought
        ("news sites that purchase Reuters content", "the NBC ad, which was bought", "the Honda Jazz sold in
        other markets"): the goods' name, no party."""
        roles = [r for r in frame.roles if r.role in ORG_ROLES]
        return bool(roles) and not (frame.type == "acquisition" and all(
            r.role == "target" and r.filler is not None and self._names_goods(r.filler) for r in roles))

    def _names_goods(self, org: Span) -> bool:
        head = org.root.head
        words = self.lexicon.words
        return org.root.dep_ in ("compound", "nmod") and head.pos_ in ("NOUN", "PROPN") and not self.facts.fact(
            "org", head) and head.ent_type_ not in ("GPE", "LOC", "PERSON") \
            and self.lemma(head) not in words["company_nouns"] | words["unit_nouns"] | words["stake_nouns"]

    def leased_out(self, frame: Frame) -> bool:
        """"agreed to lease 12 jets to Andes Air": goods let "to" an organization are the subject's to let, who
        supplies them (not "leased 12 jets from X", which the subject takes)."""
        return any(self.facts.organizations_of(o) for slot in ("prep:to", "obj.prep:to", "dative")
                   for o in frame.args.get(slot))

    def goods(self, frame: Frame) -> bool:
        """Buying things, not a company: a counted object that is not staff, and no organization bought."""
        if frame.has("target") or any(self.facts.fact("org", t) for t in self._objects(frame)):
            return False
        if any(c.dep_ == "xcomp" and self.lexicon.has("command_verbs", self.lemma(c)) for c in frame.token.children):
            return False  # "ordered 361 offenders to stop": a command, not a purchase ("ordered ten jets to serve")
        counts = [s._.count for s in frame.fillers("count") if s._.count is not None]
        words = self.lexicon.words
        owned = words["securities_nouns"] | words["site_items"] | words["bought_company_items"] | words["unit_nouns"]
        if counts and all((c.item or "") in owned for c in counts):
            return False  # "to buy up to 80 million shares", "purchased 24 stores from X", "to acquire the two
            # companies": a stake, sites or companies, not goods
        if self.lexicon.has("ordering_verbs", self.lemma(frame.token)) and frame.has("buyer") and not any(
                c.dep_ in ("xcomp", "ccomp") for c in frame.token.children):  # "ordered systems worth $14m from X"
            return frame.has("count") or frame.has("value") or frame.has("supplier")  # ("ordered X to post a bond")
        return frame.has("count")

    def company_object(self, frame: Frame) -> bool:
        """"sold 1.3 million vehicles", "an assistant it will sell for $20 a month", "the purchase of 34 Airbus
        aircraft", "sold 9m iPods": a company, a unit of one, a stake or sites change hands in an acquisition, not
        goods (a maker named before them, or a number of them, included); so an object, when written, must be one
        of those."""
        units = {span._.money.per_unit for span in self.facts.within("money", frame.domain) if span._.money is not None}
        if units - {None} - self.lexicon.words["stake_nouns"]:
            return False  # "which it will sell for $20 a month": a price per period or item (not per share) is goods
        objects = frame.args.get("prep:of") if frame.rule.pos == "noun" else self._objects(frame)
        words = self.lexicon.words
        companies = words["unit_nouns"] | words["stake_nouns"] | words["company_nouns"] | words["site_items"]
        if not objects:  # "their home purchase": the noun before a deal noun is what is bought
            return frame.rule.pos != "noun" or not any(
                c.dep_ == "compound" and c.pos_ == "NOUN" and self.lemma(c) not in companies
                and self.facts.fact("money", c) is None  # (not "the multi-billion dollar merger")
                for c in frame.token.children)
        if any(t.tag_ == "NNS" and self.lemma(t) == "unit" and any(
                c.dep_ == "amod" and c.lower_ in ("more", "fewer", "many") for c in t.children) for t in objects):
            return False  # "expects to sell more units of its Xbox": goods sold by number (not "two units")
        if any(c.dep_ == "amod" and c.lower_ in words["product_adjectives"] for t in objects for c in t.children):
            return False  # "will sell the new iPad Air for $599": goods, whatever their name
        if any(c.dep_ == "compound" and self.lemma(c) in words["named_asset_nouns"]
               for t in objects if self.lemma(t) not in companies for c in t.children):
            return False  # "the purchase of the ocean liner Queen Elizabeth 2 from X": a named ship, not a company
            # (not "its tower business")
        if frame.rule.name == "acquire" and self._own_securities(frame, objects):
            return False  # "allows it to buy up to 80 million shares": its own, no one else's
        if any(self.lexicon.has("debt_nouns", self.lemma(g)) for t in objects for p in t.children
               if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"):
            return False  # "sold $2 billion of bonds": debt issued, nothing changes hands
        if all(t.ent_type_ == "PRODUCT" and not self.facts.fact("org", t) and (t.tag_ in ("NNS", "NNPS") or any(
                c.dep_ == "compound" and self.facts.fact("org", c) for c in t.children)) for t in objects):
            return False  # "stopped the sale of the Toyota Corolla", "to sell iPods": products (not "Elm Catering")
        return any(self.lemma(t) in companies or self._sites_or_companies(t) or not self._counted(t) and (
            self.coreference.refers(t) or t.pos_ == "PROPN" and t.ent_type_ != "PERSON"  # not "purchase of Enzo X"
            or t.like_num or self.facts.fact("org", t)
            or self._names_a_company(t)) for t in objects)

    def _own_securities(self, frame: Frame, objects: list[Token]) -> bool:
        """Shares bought with no one else named as their issuer ("shares of X", "X shares", "the government's
        shares", "shares ... in X" hung on the verb) are the buyer's own: a buyback."""
        if any(self.facts.organizations_of(t) for s in ("prep:in", "prep:of") for t in frame.args.get(s)):
            return False
        return all(self.lexicon.has("securities_nouns", t.lower_) and not any(
            c.dep_ == "prep" and c.lower_ in ("of", "in") or c.dep_ == "poss" and c.pos_ != "PRON"
            or c.dep_ in ("compound", "nmod") and (self.facts.fact("org", c) or c.pos_ == "PROPN")
            for c in t.children) for t in objects)

    def thing_sold(self, frame: Frame) -> bool:
        """"the sale of its Latin American business to X": a sale names what is sold (or is the owner's own,
        "its sale to X"), and shares sold are capital raised ("a sale of new shares"), not a company changing hands."""
        sold = frame.args.get("prep:of")
        if frame.args.get("sale:self"):
            return True  # "X is exploring a sale": of itself
        if not sold and frame.token.tag_ == "NN" and frame.args.get("poss"):  # "approved its sale to Nestlé"
            return any(self.facts.organizations_of(t) for s in ("prep:to", "gov:prep:to") for t in frame.args.get(s))
        if frame.token.tag_ == "NNS" or not sold or any(self.facts.fact("money", t) for t in sold):
            return False  # "had sales of $612 million": takings, not a sale
        return not any(self.lemma(t) in self.lexicon.words["securities_nouns"] for t in sold)

    def _names_a_company(self, noun: Token) -> bool:
        """"competitor PeopleSoft", "the Instagram app": the word stands for a company it names; not "VoIP
        products" or "Airbus aircraft", goods after their maker's name."""
        if not self.facts.organizations_of(noun):
            return False
        if noun.pos_ != "NOUN" or any(c.dep_ == "appos" and self.facts.organizations_of(c) for c in noun.children):
            return True
        return noun.tag_ == "NN" and not any(c.dep_ == "nummod" for c in noun.children)

    def _sites_or_companies(self, token: Token) -> bool:
        """Whether the word counts a few sites or companies ("two of its airports"; not "1.4 million units")."""
        count = self.facts.fact("count", token)
        hit = count._.count if count is not None else None
        words = self.lexicon.words
        return hit is not None and (hit.item or "") in words["site_items"] | words["bought_company_items"] and \
            hit.value is not None and hit.value < 1000

    def _counted(self, token: Token) -> bool:
        """Whether the word is inside a count ("9m iPods", "1.4 million of the units"): things counted are goods."""
        count = self.facts.fact("count", token)
        return count is not None and not self.facts.fact("org", token)
