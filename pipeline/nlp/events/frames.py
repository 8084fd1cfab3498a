"""One event from one trigger: its type (the first of the trigger's rules whose requirements hold), status and roles.

Organizations fill roles through the slots (`slots.py`) and the rule's role
map, read through names, descriptors, coordination and coreference
(`facts.py`, `coreference.py`). Amounts, counts and dates fill `value`,
`count` and `date` / `period` when they lie in the trigger's *domain*
(`domains.py`: the words of its own clause) and when no word on their way up
to the trigger keeps them out ("valued at" is no investment's value, "up from"
no result's value, "since 2019" no date).
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from pipeline.nlp.base import RoleHit
from pipeline.nlp.events.coreference import Coreference
from pipeline.nlp.events.domains import DomainReader
from pipeline.nlp.events.facts import Facts, party_key, same_party
from pipeline.nlp.events.lexicon import FrameRule, Lexicon
from pipeline.nlp.events.slots import Arguments, SlotFinder
from pipeline.nlp.events.status import StatusReader
from pipeline.nlp.events.tree import own_light_verb
from pipeline.nlp.events.triggers import Candidate
from pipeline.records import EVENT_ROLES

WAITING_MARKS = frozenset({"when", "once"})
SUBJECT_SLOTS = ("subj", "gov:subj", "helper")
VALUATION_WORDS = frozenset({"values", "valuation"})
LAST_RESORT_SLOTS = ("obj.mod",)  # "awarded a $450 million Army contract": the Army buys unless a subject does
COREFERENT_SLOTS = frozenset({"subj", "gov:subj", "helper", "pass", "poss", "orderer", "agent", "obj.poss", "offer:to"})
REPORTING_DAYS = frozenset({day.lower() for day in calendar.day_name} | {"today", "yesterday", "tonight"})
DATE_EXCLUSIONS = frozenset({"since", "until", "till", "through", "found", "founded", "establish", "established",
                             "delivery"})  # "ordered 25 jets for delivery from 2028": the deliveries' time


@dataclass
class Frame:
    """An event being built from one trigger."""

    rule: FrameRule
    candidate: Candidate
    status: str
    args: Arguments
    domain: set[int]
    roles: list[RoleHit] = field(default_factory=list)
    metric: Token | None = None  # a financial result's metric noun
    comparison: bool = False  # a financial result given for comparison ("up from $2.1 billion")
    estimator: Token | None = None
    # the fillers and role names so far, so that adding the thousandth role of one event costs what the first did
    _filled: set[tuple] = field(default_factory=set, init=False, repr=False)
    _named: set[str] = field(default_factory=set, init=False, repr=False)

    @property
    def type(self) -> str:
        return self.rule.type

    @property
    def token(self) -> Token:
        return self.candidate.token

    @property
    def trigger(self) -> Span:
        return self.candidate.span

    def fillers(self, role: str) -> list[Span]:
        return [r.filler for r in self.roles if r.role == role and r.filler is not None]

    def has(self, role: str) -> bool:
        return role in self._named

    def retain(self, keep: Callable[[RoleHit], bool]) -> None:
        """Keep only the roles `keep` accepts."""
        self.roles = [r for r in self.roles if keep(r)]
        self._named = {r.role for r in self.roles}
        self._filled = {_key(r.filler) for r in self.roles if r.filler is not None}

    def fills(self, span: Span) -> bool:
        """Whether a fact fills one of this event's roles already."""
        return _key(span) in self._filled

    def add(self, role: str, filler: Span | None = None, value: str | None = None) -> None:
        """Add a role unless the type lacks it or the filler already fills one of this event's roles."""
        if role not in EVENT_ROLES[self.type]:
            return
        if filler is not None and self.fills(filler):
            return
        if value is not None and self.has(role):
            return
        self.roles.append(RoleHit(role, filler, value))
        self._named.add(role)
        if filler is not None:
            self._filled.add(_key(filler))


def _key(span: Span) -> tuple:
    """What makes two spans of one Doc equal (spaCy's `Span.__eq__`), as a set key."""
    return span.start_char, span.end_char, span.label, span.kb_id, span.id


class FrameBuilder:
    """Builds the frame of each trigger candidate of one Doc."""

    def __init__(self, facts: Facts, lexicon: Lexicon, lemma: Callable[[Token], str], slots: SlotFinder,
                 candidates: list[Candidate]) -> None:
        self.facts = facts
        self.lexicon = lexicon
        self.lemma = lemma
        self.slots = slots
        self.coreference = Coreference(facts, lexicon, lemma)
        self.status = StatusReader(lexicon, lemma, facts.children)
        self.types_at = {c.token.i: {r.type for r in c.rules} for c in candidates}
        self.built: dict[int, set[str]] = {}  # the triggers of the frames built so far, with their type
        self.domains = DomainReader(facts, lexicon, lemma, self.types_at, self.built)

    def build(self, candidate: Candidate, check: Callable[[Frame], bool]) -> Frame | None:
        """The frame of the first of the candidate's rules whose frame passes `check`, or None."""
        args = self.slots.arguments(candidate.token)
        for rule in candidate.rules:
            forecast = "own_forecast" in rule.requires or rule.name == "forecast_noun"
            status = self.status.status(candidate.token, rule.type, forecast)
            if status.value is None:
                continue
            frame = Frame(rule, candidate, status.value, args, self.domains.domain(candidate.token, args, rule.type),
                          estimator=status.estimator)
            self.fill_organizations(frame)
            self.fill_amounts(frame)
            if check(frame):
                self.built[candidate.token.i] = {rule.type}
                return frame
        return None

    def organizations(self, token: Token, slot: str = "subj") -> list[Span]:
        """The organizations a slot word names, or, in a subject-like slot, stands for ("it", "the company"); "the
        two lenders" stands for them in any slot."""
        named = self.facts.organizations_of(token)
        pair = token.tag_ == "NNS" and any(c.lower_ in ("two", "both") for c in token.children)  # "the two lenders"
        if named or slot not in COREFERENT_SLOTS and not pair:
            return named
        if token.dep_ == "nsubj" and any(s.dep_ == "nsubj" and s.i == token.i + 1 and self.facts.organizations_of(s)
                                         for s in token.head.children):
            return []  # "Tata-owned carrier Vistral is recruiting": the noun describes the name the parse made a
            # second subject, it stands for no earlier one
        return self.coreference.resolve(token)

    def fill_organizations(self, frame: Frame) -> None:
        """Organization roles from the slots, other slots first so that a subject takes the role left over, and a
        name modifying the object only a role no other slot filled."""
        governor = self.lemma(frame.args.governor) if frame.args.governor is not None else None
        for slot in sorted(frame.args.slots, key=lambda s: (s in LAST_RESORT_SLOTS, s in SUBJECT_SLOTS)):
            choices = self._choices(frame, slot, governor)
            if not choices:
                continue
            for token in frame.args.get(slot):
                role, named = self._owner_or_named(frame, slot, token, choices)
                for org in named:
                    if self._admissible(frame, slot, role, org):
                        frame.add(role, org)

    def _choices(self, frame: Frame, slot: str, governor: str | None) -> tuple[str, ...]:
        """The roles a slot's organizations may fill in this frame, the first free one taken."""
        choices = ("helper",) if slot == "helper" else frame.rule.role_for(slot, governor)
        if slot in LAST_RESORT_SLOTS:  # and beside another party ("winning the Yahoo project" is no contract)
            has_party = any(isinstance(r.filler, Span) and r.filler.label_ == "ORG" for r in frame.roles)
            return tuple(c for c in choices if not frame.has(c)) if has_party else ()
        if slot in ("gov:subj", "poss") and frame.type == "acquisition" and frame.rule.pos == "noun" and \
                any(self.facts.organizations_of(t) for s in ("prep:by", "agent") for t in frame.args.get(s)):
            return ("target",) if choices else ()  # "Lorrey agreed to a takeover by Harmon", "approved its takeover
            # by Harmon": the other side is bought
        if slot == "poss" and "seller" in choices and not frame.args.get("prep:of"):
            return ("target",)  # "approved its sale to Nestlé": nothing else is sold, so it is
        if slot == "poss" and frame.type == "partnership" and frame.args.get("gov:subj") and all(
                self.lexicon.has("pronouns", t.lower_) for t in frame.args.get("poss")):
            return ("member",)  # "X would not renew its partnership with Y": "its" is X, who holds it (no partner)
        if slot == "gov:obj" and frame.args.get("prep:for"):
            return ()  # "approached X with a bid for Y": Y is bid for, X only approached
        if frame.args.purpose == "procure" and "buyer" in choices:  # "signed a contract to purchase 20 jets"
            return ("buyer", *(c for c in choices if c != "buyer"))
        if "investor" in choices and any(self.lexicon.has("investee_nouns", self.lemma(t))
                                         for t in frame.args.get("prep:in")):
            return ("investor",)  # "the two companies will invest 2.2 billion yuan in the venture"
        if slot == "poss" and frame.type == "investment" and any(
                self.facts.organizations_of(t) for s in ("prep:in", "prep:into") for t in frame.args.get(s)):
            return ("investor",)  # "Tencent's investment in Vortex": the one named after "in" receives it
        return choices

    def _admissible(self, frame: Frame, slot: str, role: str, org: Span) -> bool:
        """Whether an organization may fill the role: a trade union employs no one for the event, a company paid
        is no authority ("ordered to pay $539 million to Apple"), and a buyer is not what it buys ("X and Y
        announce an acquisition by X of Y")."""
        if self.lexicon.has("employer_roles", role) and self.facts.is_labour_body(org):
            return False
        if role == "authority" and slot in ("prep:to", "purpose") and not self.facts.is_public_body(org):
            return False
        return role != "target" or not any(same_party(party_key(org), party_key(a)) for a in frame.fillers("acquirer"))

    def _owner_or_named(self, frame: Frame, slot: str, token: Token, choices: tuple[str, ...]) -> tuple[str, list[Span]]:
        """The role and organizations of one slot word; a bought unit names its owner as seller, a stake its company."""
        role = next((c for c in choices if not frame.has(c)), choices[-1])
        if frame.type == "acquisition" and role == "target":
            lemma = self.lemma(token)
            if lemma in self.lexicon.words["stake_nouns"] or token.like_num:
                inner = [g for c in token.children if c.dep_ == "prep" and c.lower_ in ("in", "of")
                         for g in c.children if g.dep_ == "pobj"]
                return (role, []) if not inner else self._owner_or_named(frame, slot, inner[0], choices)
            if lemma in self.lexicon.words["unit_nouns"] and not self.facts.fact("org", token):
                owners = [c for c in token.children if c.dep_ == "poss"] + [  # "the frozen-food business of X"
                    g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                    if g.dep_ == "pobj"]
                return "seller", [org for owner in owners for org in self.organizations(owner, "poss")]
        named = self.organizations(token, slot)
        if not named and role in ("recipient", "partner"):  # "invest £600m in Severnvale's network"
            named = [org for c in token.children if c.dep_ == "poss" and not self._subject_own(frame, c)
                     for org in self.organizations(c, "poss")]
        if not named and slot == "prep:at":  # "300 jobs will be cut at Tarn Retail's Leeds warehouse" (not "its")
            named = [org for c in token.children if c.dep_ == "poss" for org in self.facts.organizations_of(c)]
        return role, named

    def _subject_own(self, frame: Frame, owner: Token) -> bool:
        """"The venture will invest Rs 2,400 crore in its first plant": "its" is the subject's, and a subject that
        stands for no organization gives the pronoun none either."""
        subjects = frame.args.get("subj")
        return self.lexicon.has("pronouns", owner.lower_) and bool(subjects) and not any(
            self.organizations(s) for s in subjects)

    def fill_amounts(self, frame: Frame) -> None:
        """Money, counts and dates of the trigger's domain, as `value`, `count` and `date` (or `period`)."""
        excluded = self.lexicon.excluded_for_value(frame.type)
        objects = [t for slot in ("obj", "pass", "prep:of") for t in frame.args.get(slot)]
        if frame.type == "acquisition" and not any(self.lexicon.has("stake_nouns", self.lemma(t)) for t in objects):
            excluded -= VALUATION_WORDS  # a whole company bought at what the deal values it; a stake is not
        for span in [*self._written_before(frame), *self.facts.within("money", frame.domain)]:
            hit = span._.money
            if hit is not None and hit.per_unit is None and not self.on_path(span.root, frame, excluded):
                frame.add("value", span)
        for span in self.facts.within("count", frame.domain):
            if self.countable(frame, span):
                frame.add("count", span)
        if frame.type == "contract" and not frame.has("supplier"):  # "an order for 30 Airbus A321neo jets": the
            for goods in frame.fillers("count"):  # maker of the goods counted supplies them
                for maker in self.facts.within("org", set(range(goods.start, goods.end))):
                    frame.add("supplier", maker)
        role, excluded = "date", DATE_EXCLUSIONS | self.lexicon.words["period_excluded_preps"] \
            | self.lexicon.words["comparison_words"]  # "compared with 198,000 items in the whole of 2023"
        if frame.type == "financial_result":  # "down from €2.6 billion in 2022": the earlier figure's period
            role, excluded = "period", excluded | self.lexicon.excluded_for_value(frame.type)
        for span in self.facts.within("date", frame.domain):
            if role == "period" and any(t.lower_ in REPORTING_DAYS for t in span):
                continue  # "reported on Tuesday", "posted today": the day it was told, no period a result covers
            if not self.on_path(span.root, frame, excluded) and not self._said_on(span, frame.token) \
                    and not (role == "date" and self._dates_another(span, frame)):
                frame.add(role, span)
        own = own_light_verb(frame.token, self.facts.children, self.lemma, self.lexicon.light_verbs)
        if role == "date" and not frame.has("date") and own is not None:  # "under an order it placed in 2021"
            for span in self.facts.within("date", {t.i for t in own.subtree}):
                frame.add(role, span)
        if role == "date" and not frame.has("date"):
            for span in self._when_dates(frame.token) + self._dated_before(frame.token):
                frame.add(role, span)

    def _dates_another(self, date: Span, frame: Frame) -> bool:
        """"fined for not complying with a 2004 antitrust ruling": a year written into another noun dates that noun,
        not the event (unless the noun is the trigger, its light verb or deal, or an argument: "a 2025 deal")."""
        head = date.root.head
        if date.root.dep_ not in ("nummod", "compound", "amod") or head.pos_ not in ("NOUN", "PROPN"):
            return False
        own = {frame.token.i} | {t.i for slot in frame.args.slots for t in frame.args.get(slot)}
        own |= {t.i for t in (self.domains.deal_of(frame.token), frame.args.governor) if t is not None}
        return head.i not in own

    def _dated_before(self, verb: Token) -> list[Span]:
        """"SAMR on Wednesday fined X": "on" a day right before the verb, which the parse hangs on the subject."""
        k = verb.i
        while k > 0 and verb.doc[k - 1].dep_ in ("aux", "auxpass", "advmod", "neg"):
            k -= 1
        date = self.facts.fact("date", verb.doc[k - 1]) if k > 0 and verb.pos_ == "VERB" else None
        on = date is not None and date.start > 0 and verb.doc[date.start - 1].lower_ == "on"
        return [date] if on and date.end == k and date.root.head.head.dep_ in ("nsubj", "nsubjpass") else []

    def _when_dates(self, trigger: Token) -> list[Span]:
        """"will create 800 jobs when it starts a shift in March 2027": the time of the clause the act waits for."""
        clauses = [c for c in trigger.children if c.dep_ == "advcl"
                   and any(m.dep_ in ("mark", "advmod") and m.lower_ in WAITING_MARKS for m in c.children)]
        return [span for clause in clauses for span in self.facts.within("date", {t.i for t in clause.subtree})]

    def _said_on(self, date: Span, verb: Token) -> bool:
        """"said on Wednesday it would buy ...": a date between a reporting verb and its clause's subject is the
        day it was said, wherever the parse hangs it."""
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        return verb.dep_ == "ccomp" and self.lemma(verb.head) in self.lexicon.reporting_verbs \
            and verb.head.i < date.start and any(date.end <= s.left_edge.i for s in subjects)

    def _written_before(self, frame: Frame) -> list[Span]:
        """An amount just before a noun trigger, whatever the parse made of it: "the £2.3bn takeover of X"."""
        if frame.rule.pos != "noun":
            return []
        start = frame.trigger.start
        while start > 0 and self.facts.doc[start - 1].pos_ in ("ADJ", "DET", "PUNCT") and start > frame.trigger.start - 3:
            start -= 1
        before = self.facts.fact("money", self.facts.doc[start - 1]) if start > 0 else None
        return [before] if before is not None and before.end == start else []

    def countable(self, frame: Frame, span: Span) -> bool:
        """Whether a count says how many the event concerns: staff or sites for jobs, goods for a contract,
        suspects or goods for enforcement ("recovered 15 bodies" is no seizure)."""
        hit = span._.count
        item = (hit.item or "") if hit is not None else ""
        staff = self.lexicon.has("staff_items", item) or self.lexicon.has("site_items", item) or \
            self.lexicon.has("people_verbs", self.lemma(frame.token)) and span.root.head == frame.token and \
            item.endswith(tuple(self.lexicon.words["agent_noun_endings"]))  # "hired 120 claims handlers": its object
        # "arrested 17 suspects, including two clearing agents": a part of a count already given
        if frame.type in ("job_cuts", "hiring"):
            of = span.root.head
            lost = of.lower_ == "of" and self.lexicon.has("job_loss_nouns", self.lemma(of.head))  # "the loss of 410"
            return staff and not self.on_path(span.root, frame, frozenset(
                {"at", "across", "in", "from", "include", *(() if lost else ("of",))}))
        if frame.type == "contract":  # "beat three rivals (two Korean groups) to a deal": the parties are no goods
            beaten = self.lexicon.has("race_verbs", self.lemma(frame.token)) and span.root.head == frame.token
            return not beaten and not self.lexicon.has("staff_items", item) \
                and not self.lexicon.has("related_party_nouns", item) \
                and not self.lexicon.has("relational_company_nouns", item) and \
                not self.on_path(span.root, frame, frozenset({"over", "in", "across", "of", "at", "include", "from"}))
        arrest = self.lexicon.has("arresting_verbs", self.lemma(frame.token))  # "arrested three passengers"
        return frame.type == "enforcement" and (arrest or not self.lexicon.has("not_enforcement_items", item)) and \
            not self.on_path(span.root, frame, frozenset({"across", "from", "by", "include"})
                             | self.lexicon.words["comparison_words"])

    def on_path(self, token: Token, frame: Frame, words: frozenset[str]) -> bool:
        """Whether a word on the way from `token` up to the trigger (or its light verb) is one of `words`."""
        governor = frame.args.governor
        stops = {frame.token.i} | ({governor.i} if governor is not None else set())
        deal = self.domains.deal_of(frame.token)
        if deal is not None:
            stops.add(deal.i)
        current = token
        for _ in range(12):
            if governor is not None and current.i == governor.i:  # "valued at $3.2 billion in a funding round"
                return self.lemma(governor) in words or governor.lower_ in words
            if current.i in stops or current.head == current:
                return False
            current = current.head
            if current.i not in stops and (current.lower_ in words or self.lemma(current) in words) and \
                    not (current.pos_ == "PROPN" and len(current) == 1):  # "Series A" is no "a share"
                return True
        return False
