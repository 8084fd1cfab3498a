"""An event's status from the words around its trigger: auxiliaries, modals, negation and the verbs above it.

The status is read along the chain of words the trigger hangs from: the
trigger itself, then up through control ("agreed to buy"), a noun's clause
("plans to invest", "talks to acquire"), a light verb ("called off its bid"),
coordination without its own auxiliary ("will close X and cut Y"), a
participle ("..., creating 220 jobs") and reported speech ("said it would").
Along that chain, in this order of precedence:

- not an event at all (None): a modal of possibility ("could be forced to
  cut"), a condition ("if ... fails"), a counterfactual ("would have cost"),
  an act named as a risk or a rumour ("the risks of buying", "speculation
  that it would sell"), a supposed act ("a takeover of X would face
  scrutiny"), a rule for anyone ("anyone selling fakes faces a fine of up
  to"), a possibility left open ("has not ruled out selling"), a question;
- `negated`: a negation ("not", "no plans", "never"), a negating verb
  (denied, called off, shelved, abandoned, scrapped, froze, walked away) or
  adjective ("unwilling to", "reluctant to");
- `planned`: a planning verb or noun (plans, considering, aims, in talks,
  proposed, expects), an adjective of intent ("keen to", "interested in"), a
  deal only near ("is close to a deal to buy"), a forecast trigger itself
  or a price bid or offered for a company ("offered $48 a share for X");
- `announced`: "will" / "would", "is to", a progressive ("is cutting", "is
  being acquired"), a deciding verb (agreed, decided, pledged, is set to),
  a deal to act ("struck a deal to buy", "signed an agreement to acquire"),
  or a noun announced ("announced 350 layoffs", "the cuts announced by");
- `completed`: anything else (bought, has cut, said it had hired).

A verb that completes the event for its type resets what lies below it:
signing or winning a contract, signing a partnership ("signed an agreement
to set up a joint venture" is a partnership formed), announcing one (its own
object: "announced plans for a partnership" stays a plan). A present tense
beside another act ("will cut ... as it shuts two plants") shares its time. The estimator of a
forecast ("analysts expect X to report") is handed back, so the caller can
keep a company's own forecast and drop everyone else's.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Token

from pipeline.nlp.base import Children
from pipeline.nlp.events.lexicon import Lexicon
from pipeline.nlp.events.tree import headline_subject, in_phrases, own_light_verb

CLIMB = frozenset({"xcomp", "ccomp", "acl", "pcomp", "pobj", "prep", "dobj", "nsubjpass", "attr", "compound",
                   "oprd", "advcl", "conj", "appos"})
NEGATIONS = frozenset({"not", "n't", "never", "no"})
GENERIC_SUBJECTS = frozenset({"anyone", "anybody", "whoever", "whichever"})
YEARS = frozenset({"years", "decade", "decades"})
SPAN_OPENERS = frozenset({"recent", "past", "last"})  # "in recent years", "over the past decade" (not "the next")
REPEATS = frozenset({"times", "twice", "thrice"})  # "fined six times": how often, a tally of events
PARTICLES_OF = {"call": "off", "walk": "away", "rule": "out", "pull": "out", "back": "out"}
PARTICLES = frozenset(PARTICLES_OF.values())  # "walked away from its takeover": the parse hangs "from" on "away"
BE = frozenset({"be", "is", "are", "am", "was", "were"})
TENSE_LABELS = ("aux", "auxpass", "neg")
EARLIER_PREPS = frozenset({"after", "since", "following"})  # a gerund after them happened before the main clause
OFFERING = frozenset({"bid", "offer"})  # a price offered for a company is a plan to buy it
UNNAMED_SOME = frozenset({"some", "many", "several", "most", "other"})  # "some businesses closed": no one in particular
DECLINING = frozenset({"decline", "refuse"})  # a plan then turned down
SPEAKING = frozenset({"comment", "say", "elaborate", "discuss", "disclose", "confirm", "give", "name"})
CAPS = frozenset({"maximum", "minimum", "max"})  # "a maximum fine of": what the law allows, no fine imposed
UNVEILING = frozenset({"announce", "unveil"})  # complete what they name, not plans for it nor "that it will"


@dataclass(frozen=True)
class Status:
    """The status found, or None for a text that states no event; who estimates it, when a forecast verb is above."""

    value: str | None
    estimator: Token | None = None


class StatusReader:
    """Reads an event's status from its trigger's chain (see the module docstring)."""

    def __init__(self, lexicon: Lexicon, lemma: Callable[[Token], str], children: Children) -> None:
        self.cues = lexicon.status
        self.lemma = lemma
        self.contract_nouns = lexicon.words["contract_nouns"]
        self.company_nouns = lexicon.words["company_nouns"]
        self.site_nouns = lexicon.words["site_items"]
        self.preliminary_nouns = lexicon.words["preliminary_nouns"]
        self.light_verbs = lexicon.light_verbs
        self.children = children

    def chain(self, trigger: Token) -> list[Token]:
        """The trigger and the words above it that its status depends on, nearest first: for a noun whose own
        relative clause makes it ("under an order it placed in 2021"), that clause's verb."""
        own = own_light_verb(trigger, self.children, self.lemma, self.light_verbs)
        if own is not None:
            return [trigger, own]
        found, current = [trigger], trigger
        while (current.dep_ in CLIMB or self._infinitive_relative(current) or self.closed_by(current)
               or self.ended_by(current)
               or current.dep_ == "advmod" and current.lower_ in PARTICLES) \
                and current.head != current \
                and len(found) < 12:
            if current.dep_ == "conj" and _has_own_tense(self.children(current, TENSE_LABELS)):
                break
            if current.dep_ == "advcl" and not (current.tag_ == "VBG" or _infinitive(self.children(current, ("aux",)))
                                                or self._meanwhile(current)):
                break
            if current.dep_ == "pcomp" and current.head.lower_ in EARLIER_PREPS:
                break  # "will hire 220 people after winning a deal": the deal is won, whatever comes of it
            current = current.head
            found.append(current)
            if current.dep_ == "relcl":
                break
        return found

    def _meanwhile(self, verb: Token) -> bool:
        """"will cut 1,200 jobs as it shuts two centres": a present tense beside another act shares its time."""
        return verb.tag_ in ("VBZ", "VBP") and not self.children(verb, ("aux", "auxpass")) and \
            any(c.lower_ in ("as", "while") for c in self.children(verb, ("mark",)))

    def ended_by(self, word: Token) -> bool:
        """"the merger talks ended without a deal", "talks collapsed": a plan whose verb ends it."""
        return word.dep_ == "nsubj" and word.lower_ in self.cues.planning_nouns and \
            self.lemma(word.head) in self.cues.negating_verbs

    def closed_by(self, word: Token) -> bool:
        """"the acquisition will close in March", "the purchase closed on Friday": a deal noun whose verb closes it."""
        return word.dep_ == "nsubj" and word.pos_ == "NOUN" and self.lemma(word.head) in self.cues.closing_verbs

    def _infinitive_relative(self, word: Token) -> bool:
        """"a deal to buy X", "plans to close": an infinitive hanging from its noun states the noun's act."""
        return word.dep_ == "relcl" and _infinitive(self.children(word, ("aux",)))

    def status(self, trigger: Token, event_type: str, forecast: bool = False) -> Status:
        """The status of the event a trigger states (see the module docstring)."""
        chain = self.chain(trigger)
        completing = self.cues.completing_for.get(event_type, frozenset())
        for k, word in enumerate(chain[1:], start=1):
            if self.lemma(word) in completing and word.pos_ == "VERB" and \
                    not _has_own_tense(self.children(word, TENSE_LABELS), True) and \
                    (self.lemma(word) not in UNVEILING or chain[k - 1] == trigger and trigger.dep_ == "dobj"):
                chain = chain[k:]
                break
        estimating = next((w for w in chain[1:] if self.lemma(w) in self.cues.estimating_verbs), None)
        estimator = self._subject(estimating) if estimating is not None else None
        if estimator is None and estimating is not None and event_type == "financial_result":
            estimator = estimating  # "X is expected / likely to post revenue of": an estimate whose maker is not said
        if any(self._hypothetical(word) or self._generic(word) for word in chain) or self._at_risk(chain) \
                or self._supposed(trigger) or self._left_open(chain) or _asked(trigger) or self._in_condition(chain):
            return Status(None, estimator)
        if event_type == "penalty" and self._in_prospect(trigger):
            return Status(None, estimator)
        if any(self._negated(word, word == trigger, k > 0 and chain[k - 1].dep_ == "conj")
               for k, word in enumerate(chain)):
            return Status("negated", estimator)
        if event_type == "contract" and self.lemma(trigger) == "award" and any(
                c.dep_ == "auxpass" and c.lower_ == "being" for c in trigger.children):
            return Status("completed", estimator)  # "X is being awarded a $214 million contract": the award itself
        if event_type == "contract" and under_a_deal(trigger, self.lemma, self.contract_nouns) and \
                not any(self.lemma(word) in self.cues.announcing_verbs for word in chain[1:]):
            return Status("completed", estimator)  # "will supply 80 buses under a £40m agreement" (not "agreed to")
        if forecast or any(self._planned(word, word == trigger, chain[k - 1] if k else None)
                           for k, word in enumerate(chain)):
            return Status("planned", estimator)
        if any(self._announced(word, word == trigger, chain[k - 1] if k else None) for k, word in enumerate(chain)):
            return Status("announced", estimator)
        if event_type == "contract" and (any(c.lower_ in self.preliminary_nouns and not self._of_award(c)
                                             for c in self.children(trigger, ("dobj",))) or self._preferred(trigger)):
            return Status("announced", estimator)  # "signed a memorandum of understanding for 20 jets": no order yet
        return Status("completed", estimator)

    def _of_award(self, letter: Token) -> bool:
        """"a letter of award", "of acceptance": the award itself (not "a letter of intent")."""
        return any(self.lemma(o) in ("award", "acceptance") for p in self.children(letter, ("prep",))
                   if p.lower_ == "of" for o in self.children(p, ("pobj",)))

    def _preferred(self, trigger: Token) -> bool:
        """"chose X as preferred bidder": a choice before the award."""
        return any(m.lower_ == "preferred" for prep in self.children(trigger, ("prep",)) if prep.lower_ == "as"
                   for noun in self.children(prep, ("pobj",)) for m in self.children(noun, ("amod",)))

    def _hypothetical(self, word: Token) -> bool:
        """"could cut", "would have bought", "if it buys", and "would have sales of" under an "if" clause ("If the
        merger goes ahead, the group would have sales of $30 billion")."""
        aux = [c.lower_ for c in self.children(word, ("aux", "auxpass"))]
        if any(a in self.cues.hypothetical_aux for a in aux) or "would" in aux and "have" in aux:
            return True
        if "would" in aux and any(c.lower_ in self.cues.hypothetical_marks for clause in self.children(word, ("advcl",))
                                  for c in self.children(clause, ("mark",))):
            return True
        return any(c.lower_ in self.cues.hypothetical_marks for c in self.children(word, ("mark",)))

    def _in_condition(self, chain: list[Token]) -> bool:
        """"whether to grant a licence for a mine that would employ 900 people": a thing described under a
        condition ("if", "whether") exists only if it is met."""
        if chain[-1].dep_ != "relcl":
            return False
        return any(c.lower_ in self.cues.hypothetical_marks for word in list(chain[-1].head.ancestors)[:8]
                   for c in self.children(word, ("mark", "advmod")))

    def _generic(self, word: Token) -> bool:
        """"anyone selling fakes faces a fine of up to HK$500,000": a rule for whoever, not an event; "has been
        fined six times since 2015", "any bid for X": a tally of events, or whichever may come, not one."""
        if any(c.lower_ in GENERIC_SUBJECTS for c in self.children(word, ("nsubj", "nsubjpass"))):
            return True
        if any(c.lower_ in REPEATS for c in self.children(word, ("npadvmod", "advmod"))):
            return True
        subjects = self.children(word, ("nsubj",))
        if self._over_years(word) or len(subjects) == 1 and self._industry(subjects[0]):
            return True
        return word.pos_ == "NOUN" and any(c.lower_ == "any" for c in self.children(word, ("det",)))

    def _in_prospect(self, trigger: Token) -> bool:
        """"sets a maximum fine of", "a fine of up to $10 million", "either a fine of $4,000 or three months in
        prison", "faces a $1 million fine at his sentencing": a penalty's cap, one of its alternatives or one
        faced, not a penalty imposed."""
        if any(c.lower_ in CAPS for c in self.children(trigger, ("amod",))) or \
                any(c.lower_ == "either" for c in self.children(trigger, ("preconj",))):
            return True
        if trigger.dep_ in ("dobj", "conj") and self.lemma(trigger.head if trigger.dep_ == "dobj" else
                                                           trigger.head.head) == "face":
            return True
        return any(amount.left_edge.lower_ == "up" for of in self.children(trigger, ("prep",)) if of.lower_ == "of"
                   for amount in self.children(of, ("pobj",)))

    def _over_years(self, word: Token) -> bool:
        """"has cut thousands of jobs in recent years", "paid $10 billion in fines since the financial crisis": acts
        added up over a span of years are a tally, not one event ("has shut 140 branches since 2019" is one, as the
        articles' gold reads it)."""
        each = [p for o in self.children(word, ("dobj",)) for p in self.children(o, ("prep",))
                if any(c.lower_ == "each" for c in self.children(p, ("pobj",)))]  # the parse may hang it on the object
        for prep in [*self.children(word, ("prep",)), *each]:
            for span in self.children(prep, ("pobj",)):
                if span.lower_ == "each":  # "in each of the past three years": the same act, year after year
                    span = next((y for of in self.children(span, ("prep",)) for y in self.children(of, ("pobj",))),
                                span)
                modifiers = {c.lower_ for c in self.children(span, ("amod", "det"))}
                if prep.lower_ in ("in", "over", "during") and span.lower_ in YEARS and modifiers & SPAN_OPENERS:
                    return True
                if prep.lower_ == "since" and span.lower_ in ("crisis", "pandemic", "recession"):
                    return True
        return False

    def _industry(self, subject: Token) -> bool:
        """"Retailers have closed 5,000 stores", "oil companies have spent $50 billion", "some businesses closed": a
        trade's companies at large, no one's act."""
        return subject.tag_ == "NNS" and self.lemma(subject) in self.company_nouns and not any(
            c.dep_ in ("det", "poss", "nummod", "appos") and c.lower_ not in UNNAMED_SOME
            or c.dep_ == "compound" and c.pos_ != "NOUN" for c in self.children(subject)) and not any(
            t.ent_type_ == "ORG" for t in subject.subtree)  # not "retailers such as Next"

    def _supposed(self, trigger: Token) -> bool:
        """"A takeover of X would face scrutiny", "any merger could raise prices", "profits could be down to
        €235m": an event noun with no definite determiner as the subject of a modal verb is a supposition ("the
        recent takeover of X could prove a catalyst" took place)."""
        if trigger.dep_ not in ("nsubj", "nsubjpass"):
            return False
        aux = [c.lower_ for c in self.children(trigger.head, ("aux", "auxpass"))]
        determiners = [c.lower_ for c in self.children(trigger, ("det", "poss"))]
        if any(d not in ("a", "an", "any") for d in determiners):
            return False
        return any(a in self.cues.hypothetical_aux for a in aux) or "would" in aux and bool(determiners)

    def _at_risk(self, chain: list[Token]) -> bool:
        """"the risks of buying Northern Rock", "fears of losing 500 jobs", "speculation that it was preparing to
        sell": an act named as a risk or a rumour is no event."""
        return any(self.lemma(word) in self.cues.hypothetical_nouns and word.pos_ == "NOUN"
                   and (chain[k - 1].lower_ == "of" or chain[k - 1].dep_ in ("acl", "ccomp"))
                   for k, word in enumerate(chain[1:], start=1))

    def _left_open(self, chain: list[Token]) -> bool:
        """"has not ruled out selling its assets": a possibility kept open, neither planned nor negated."""
        return any(self.lemma(word) in PARTICLES_OF and self.children(word, ("neg",)) and any(
            c.lower_ == PARTICLES_OF[self.lemma(word)] == "out" for c in self.children(word)) for word in chain[1:])

    def _negated(self, word: Token, is_trigger: bool, coordinated: bool) -> bool:
        """A negation on the word, or a negating verb or noun above the trigger; a negating verb joined to the
        trigger by "and" stops its own object ("suspended production and laid off 300 workers"), not the trigger."""
        if any(c.lower_ in NEGATIONS for c in self.children(word, ("neg", "det"))):
            return True
        if is_trigger or coordinated:
            return False
        lemma = self.lemma(word)
        if word.lower_ in self.cues.negating_adjectives and word.pos_ == "ADJ":
            return True  # "is unwilling to sign the contract"
        if lemma in self.cues.planning_verbs and any(
                self.lemma(c) in DECLINING and not any(self.lemma(x) in SPEAKING for x in self.children(c, ("xcomp",)))
                for c in self.children(word, ("conj",))):
            return True  # "have contemplated buying the network but declined" (not "... and declined to comment")
        if lemma in PARTICLES_OF:
            return any(c.lower_ == PARTICLES_OF[lemma] for c in self.children(word))
        return lemma in self.cues.negating_verbs and word.pos_ == "VERB" or lemma in self.cues.negating_nouns

    def _planned(self, word: Token, is_trigger: bool, below: Token | None) -> bool:
        if any(c.lower_ in self.cues.planning_modifiers for c in self.children(word, ("amod", "compound", "acl"))):
            return True  # "the proposed takeover", "the takeover proposed by X"
        if word.pos_ == "VERB" and self._planned_site(word):
            return True  # "X plans to invest in a plant ... The plant would create about 350 jobs": the plan's
        if is_trigger:
            return self.lemma(word) in OFFERING and (word.pos_ == "VERB" or word.lower_ in ("bid", "bids"))  # a bid
        lemma = self.lemma(word)
        if below is not None and below.dep_ in ("advcl", "xcomp") and lemma not in self.cues.announcing_verbs and any(
                c.lower_ in self.cues.planning_nouns for c in self.children(word, ("dobj",))):
            return True  # "made its third offer to buy X" (the parse hangs "to buy" on the verb; not "accepted")
        if any(noun.lower_ in self.cues.planning_nouns for noun in in_phrases(word, self.children)):
            return True  # "is in talks to buy"
        if word.lower_ in self.cues.planning_adjectives and (word.pos_ != "VERB" or lemma == "near"):
            return True  # "is close to a deal to buy", "is nearing a deal" (not "will close the deal"), "is keen to"
        if word.pos_ == "VERB" and lemma in self.cues.planning_verb_phrases:  # "thinking of firing", not "thinks that"
            return any(c.lower_ in self.cues.planning_verb_phrases[lemma] for c in self.children(word, ("prep",)))
        if word.pos_ == "VERB":
            return lemma in self.cues.planning_verbs
        accepted = word.dep_ == "dobj" and self.lemma(word.head) in self.cues.announcing_verbs  # "accepted the bid"
        return word.pos_ == "NOUN" and not accepted and (
            lemma in self.cues.planning_nouns or word.lower_ in self.cues.planning_nouns)

    def _planned_site(self, verb: Token) -> bool:
        """"X plans to invest in a plant ... The plant would create 350 jobs": what a site only planned in the
        sentence before would do is planned too (not "X will spend $210 million on a plant ... the plant would")."""
        while verb.dep_ == "conj" and not self.children(verb, ("nsubj", "aux")):
            verb = verb.head  # "The plant would have ... and create"
        site = any(c.lower_ == "would" for c in self.children(verb, ("aux",))) and any(
            s.lower_ in self.site_nouns and any(d.lower_ == "the" for d in self.children(s, ("det",)))
            for s in self.children(verb, ("nsubj",)))
        start = verb.sent.start if site else 0  # (the sentence read only for "the <site> would")
        return start > 0 and any(t.pos_ == "VERB" and self.lemma(t) in self.cues.planning_verbs
                                 for t in verb.doc[start - 1].sent)

    def _announced(self, word: Token, is_trigger: bool, below: Token | None) -> bool:
        children = self.children(word, ("aux", "auxpass", "acl", "xcomp"))  # the labels asked for below
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ in self.cues.announcing_aux for c in children):
            return True
        if word.tag_ == "VBG" and (any(c.dep_ == "aux" and c.lower_ in BE for c in children)
                                   or word.dep_ == "ROOT" and self.children(word, ("nsubj",)) and not children
                                   or word.dep_ == "acl" and headline_subject(word)):
            return True  # "is cutting", a headline's "Ford cutting 30,000 jobs", "X to shut mill, cutting 600 jobs"
        if any(c.dep_ == "auxpass" and c.lower_ == "being" for c in children):
            return True  # "is being acquired"
        if any(c.dep_ == "acl" and self.lemma(c) == "announce" for c in children):
            return True  # "the job cuts announced by X"
        if _infinitive(children) and (word.dep_ == "ROOT" and self.children(word, ("nsubj", "nsubjpass"))
                                      or headline_subject(word)):
            return True  # a headline's "X to Shut 22 Stores", "X to be bought by Y": X is to shut them
        if is_trigger:
            return False
        lemma = self.lemma(word)
        if lemma == "announce" and below is not None and below.dep_ == "dobj" and below.pos_ == "NOUN":
            return True  # "announced 350 layoffs", "announced a $2 billion investment": not yet done
        if below is not None and below.dep_ in ("advcl", "xcomp") and \
                any(self.lemma(c) in self.cues.announcing_verbs for c in self.children(word, ("dobj",))):
            return True  # "struck a deal to buy" (the parse hangs "to buy" on the verb)
        if any(c.dep_ == "prt" for c in word.children) and lemma == "set":
            return False  # "have set up a joint venture": made, not "is set to"
        return lemma in self.cues.announcing_verbs or word.lower_ in self.cues.announcing_adjectives \
            or lemma in BE and any(c.dep_ == "xcomp" for c in children)

    def _subject(self, word: Token) -> Token | None:
        return next(iter(self.children(word, ("nsubj",))), None)


def under_a_deal(verb: Token, lemma: Callable[[Token], str], deal_nouns: frozenset[str]) -> bool:
    """"will supply 90 trains to X under a deal valued at ...", "as part of a contract", "will supply X with meals
    under a deal" (the phrase on the goods): an act a prepositional phrase places under a deal already made."""
    goods = [c for c in verb.children if c.dep_ == "dobj"] + [
        o for p in verb.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]
    return any(lemma(noun) in deal_nouns for word in (verb, *goods) for prep in word.children
               if prep.dep_ == "prep" and prep.lower_ in ("under", "in", "as")
               for noun in prep.children if noun.dep_ == "pobj")


def _asked(trigger: Token) -> bool:
    """"Is X about to cut jobs?", "Would Y buy Z?": a question states no event."""
    return trigger.sent[-1].text == "?" or len(trigger.sent) > 1 and trigger.sent[-2].text == "?"


def _has_own_tense(children: list[Token], future_only: bool = False) -> bool:
    """Whether a verb (of these children) carries its own auxiliary or negation ("and will instead add"), so it does
    not share its head's."""
    for child in children:
        if child.dep_ in ("aux", "auxpass", "neg") and child.lower_ != "to":
            if not future_only or child.lower_ in ("will", "would", "shall", "'ll"):
                return True
    return False


def _infinitive(children: list[Token]) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in children)
