"""The domain of a trigger: the words its amounts, counts and dates may come from.

The words of the trigger's own clause (for a noun trigger, with its light
verb's, and for a deal's infinitive, with the deal noun's: "a $2 billion deal
to buy X"), less other clauses (relative, adverbial, reported, coordinated
verbs), the subject of an active verb, and other events' triggers with their
words. An enforcement noun is an event of its own even under an enforcement
verb ("seized X in raids on 14 shops"), and keeps the phrase the parse hung on
the verb right after it.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from pipeline.nlp.events.facts import Facts
from pipeline.nlp.events.lexicon import Lexicon
from pipeline.nlp.events.slots import Arguments
from pipeline.nlp.events.tree import object_control

OUTSIDE_CLAUSES = frozenset({"relcl", "advcl", "ccomp", "csubj", "parataxis", "mark", "cc", "preconj"})
KEPT_CLAUSES = frozenset({"value", "worth", "price", "total", "lead", "co-lead", "coordinate", "conduct", "carry",
                          "organise", "organize", "back", "support", "head", "include", "end", "award", "tender"})
TIME_PREPS = frozenset({"before", "after", "since", "until", "till", "while", "when"})
SEPARATE_NOUNS = frozenset({"enforcement"})  # "seized X in raids on 14 shops": the raids are an event of their own
PRICED_TYPES = frozenset({"acquisition", "contract"})  # a buyer's "paying $X" is the price


def on_figure(noun: Token) -> bool:
    """"posted net income of $212 million on revenue of $1.83 billion": the second figure is the noun's own (a
    figure stands before "on"; "had on average forecast profit of" has none)."""
    on = noun.head
    return noun.dep_ == "pobj" and on.lower_ == "on" and any(c.dep_ == "prep" and c.lower_ == "of"
                                                            for c in noun.children) \
        and any(t.like_num for t in on.doc[on.head.left_edge.i:on.i])


class DomainReader:
    """Reads the domain of each trigger of one Doc, knowing where the other triggers are and which were built."""

    def __init__(self, facts: Facts, lexicon: Lexicon, lemma: Callable[[Token], str], types_at: dict[int, set[str]],
                 built: dict[int, set[str]]) -> None:
        self.facts = facts
        self.lexicon = lexicon
        self.lemma = lemma
        self.types_at = types_at
        self.built = built  # shared with the frame builder, which fills it

    def domain(self, trigger: Token, args: Arguments, event_type: str) -> set[int]:
        """The words of the trigger's clause (and its light verb's) that its amounts, counts and dates may come from."""
        roots = [trigger]
        governor = args.governor  # (the verb of "seized 2.4 million cigarettes in raids on" holds its own goods)
        if governor is not None and self.lemma(governor) not in self.lexicon.reporting_verbs and not on_figure(trigger)\
                and not (event_type in SEPARATE_NOUNS and event_type in self.types_at.get(governor.i, ())):
            roots.append(governor)
        deal = self.deal_of(trigger)
        if deal is not None:
            roots.append(deal)
        inside: set[int] = set()
        for root in roots:
            todo = [root]
            while todo:
                token = todo.pop()
                if token.i in inside:
                    continue
                inside.add(token.i)
                todo += [c for c in token.children if not self._outside(c, root, trigger, event_type)
                         and not self._noun_phrase_of_another(c, trigger, event_type)]
        following = trigger.nbor() if trigger.pos_ == "NOUN" and trigger.i + 1 < len(trigger.doc) else None
        if following is not None and self._noun_phrase_of_another(following, following.head, event_type):
            inside |= {t.i for t in following.subtree}  # "in raids on 14 shops", "on" hung on the verb
        for acted_on in args.get("pass"):  # "the 1,200 jobs cut by X", "1,200 posts are to be axed": its noun phrase
            if acted_on.i not in inside:
                inside |= {acted_on.i} | {t.i for c in acted_on.lefts for t in c.subtree}
        return inside

    def _noun_phrase_of_another(self, child: Token, trigger: Token, event_type: str) -> bool:
        """A phrase the parse hung on the verb, right after a noun of the same event ("in raids on 14 shops")."""
        before = child.doc[child.i - 1] if child.i > 0 else None
        return child.dep_ == "prep" and before is not None and before != trigger and before.pos_ == "NOUN" and \
            child.head.pos_ == "VERB" and event_type in SEPARATE_NOUNS and event_type in self.types_at.get(before.i, ())

    def deal_of(self, verb: Token) -> Token | None:
        """The deal a verb's infinitive states ("a $2 billion deal to buy X", "a £40m contract to build"): its
        price and date are the act's."""
        head = verb.head
        deal = self.lexicon.has("contract_nouns", self.lemma(head)) or self.lexicon.has("offer_nouns", self.lemma(head))
        if verb.dep_ in ("relcl", "acl") and head.pos_ == "NOUN" and deal \
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
            return head
        return None

    def _outside(self, child: Token, root: Token, trigger: Token, event_type: str) -> bool:
        dep = child.dep_
        if event_type == "contract" and dep in ("advcl", "relcl") and \
                self.lemma(child) in self.lexicon.words["supply_verbs"]:
            return False  # "awarded a contract to supply 400 escalators": what the contract delivers
        if dep == "relcl" and self.lemma(child) == "value" and (child.head == trigger or self.lemma(child.head) in
                                                               self.lexicon.words["contract_nouns"]):
            return False  # "in a deal that values the brewer at £380 million", "an offer that values X at": its value
        if dep == "advcl" and child.tag_ == "VBG" and self.lemma(child) == "pay" and event_type in PRICED_TYPES:
            return False  # "completed its acquisition of X on Friday, paying 310 million Swiss francs"
        if child.pos_ == "VERB" and self.facts.fact("money", child) is not None:
            return False  # "orders worth 1.5 trillion won to build ...": a currency word the parse made a verb
        if dep == "ccomp" and child == object_control(child.head):
            return False  # "selected X to lay a line under a contract worth ...": the chosen one's task
        if dep in ("advcl", "ccomp") and child.lower_ == "worth":
            return False  # "signed a deal to supply ammunition worth up to $1 billion", "seized bags worth Rs 2
            # crore": "worth" hung from the verb, or heading a clause of its own
        if event_type == "financial_result" and dep == "prep" and child.lower_ == "on" and any(
                "financial_result" in self.types_at.get(o.i, ()) for o in child.children if o.dep_ == "pobj"):
            return True  # "posted net income of $212 million on revenue of $1.83 billion": a second result
        if dep == "pcomp" and child.pos_ == "VERB" and child.head.lower_ in TIME_PREPS:
            return True  # "bought by Thyssen in 1985 before being spun off in 2001": another act, another time
        if dep == "cc" and child.head.pos_ == "NOUN" and child.head != root:
            return False  # "seized 1.3 million fake toys and cosmetics": one count of goods, its "and" with it
        if dep in OUTSIDE_CLAUSES or dep == "nsubj" and child.head == root and root.pos_ != "NOUN":
            return True
        if dep == "conj" and child.pos_ in ("VERB", "AUX"):
            return True
        if dep == "acl" and self.lemma(child) not in KEPT_CLAUSES and \
                self.lemma(child) not in self.lexicon.words["supply_verbs"]:
            return True
        others = self.built.get(child.i) or (self.types_at.get(child.i) if child.pos_ != "VERB" else None)
        if child == trigger or others is None:
            return False
        if others == {"financial_result"} and not self.facts.within("money", {t.i for t in child.subtree}):
            return False  # "shut its mill with the loss of 410 jobs": a loss of no money is no result
        return event_type not in others or event_type in SEPARATE_NOUNS
