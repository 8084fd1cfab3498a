"""What a candidate must have to be the event its rule says: the checks a frame passes or fails.

A trigger word alone says little ("cut" costs or jobs, "buy" a company or
smart meters, "join" an alliance or a board); each rule in `events.json` names
requirements, and a frame that fails any of them is not that event (the next
rule of its trigger is tried). Each requirement is one method here, named as
in the data.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from pipeline.nlp.events.agreement_checks import AgreementChecks
from pipeline.nlp.events.coreference import Coreference
from pipeline.nlp.events.domains import on_figure
from pipeline.nlp.events.facts import Facts, party_key, same_party
from pipeline.nlp.events.frames import Frame
from pipeline.nlp.events.lexicon import Lexicon
from pipeline.nlp.events.money_checks import MoneyChecks
from pipeline.nlp.events.object_checks import ORG_ROLES, ObjectChecks

ACTOR_SLOTS = ("subj", "gov:subj")
GONE_ELSEWHERE = frozenset({"on", "into", "back", "home", "ahead", "out", "through", "over"})
COMBINED = frozenset({"combined", "merged", "enlarged"})
PARTY_ROLES = ORG_ROLES - {"authority", "helper"}  # "regulators fined X", "police seized": no company acts


LATER_ACTS = frozenset({"since", "then", "later", "subsequently", "afterwards"})


class Requirements(AgreementChecks, MoneyChecks, ObjectChecks):
    """The requirement checks of one Doc (see the module docstring); a contract's and an alliance's are in
    `AgreementChecks`, money raised, spent or paid in `MoneyChecks`, what changes hands in `ObjectChecks`."""

    def __init__(self, facts: Facts, lexicon: Lexicon, lemma: Callable[[Token], str],
                 types_at: dict[int, set[str]], coreference: Coreference) -> None:
        self.facts = facts
        self.lexicon = lexicon
        self.lemma = lemma
        self.types_at = types_at
        self.coreference = coreference

    def hold(self, frame: Frame) -> bool:
        """Whether the frame meets every requirement of its rule, is no one else's estimate and, when its rule
        makes the subject a party, has an organization for a subject."""
        return all(getattr(self, name)(frame) for name in sorted(frame.rule.requires)) and \
            self._not_estimated(frame) and self._organization_actor(frame)

    def _organization_actor(self, frame: Frame) -> bool:
        """"Shoppers spent $9.8 billion", "China joined the WTO", "a worker cut a line", "she signed a deal":
        a business event is an organization's act, so a written subject that the rule makes a party must be one
        (named, a pronoun or "the company" standing for one, or a proper name that is no person or place)."""
        # a noun's subject is often another clause's actor ("the impact of X's merger will be felt"): verbs only,
        # but "Employers announced 61,000 job cuts": a bare plural (no "the", number or owner) is a whole sector
        if frame.type in self.lexicon.words["party_optional_types"]:
            return True
        if frame.rule.pos != "verb":
            governor = frame.args.governor
            roles = frame.rule.role_for("gov:subj", self.lemma(governor) if governor is not None else None)
            named = any(r.role in PARTY_ROLES for r in frame.roles)  # "Investors made an investment in X": X's
            return named or not any(role in PARTY_ROLES for role in roles) or not any(
                t.tag_ == "NNS" and not any(c.dep_ in ("det", "nummod", "poss") for c in t.children)
                and not self._may_be_organization(t) for t in frame.args.get("gov:subj"))
        actors = [t for t in frame.args.get("subj") if not self.facts.in_metadata(t)]  # not a dateline's city
        if actors and any(role in PARTY_ROLES for role in frame.rule.role_for("subj")):
            # "the Spanish government has ordered 25 aircraft from X", "the city awarded contracts to X": a public
            # body buys from a supplier or for a price ("the government ordered 4,000 policemen to ..." buys nothing)
            public_buyer = frame.type == "contract" and (frame.has("supplier") or frame.has("value")) and any(
                t.pos_ == "NOUN" and (self.lexicon.has("public_body_words", t.lower_)
                                      or self.lexicon.has("local_government_nouns", t.lower_)) for t in actors)
            return public_buyer or any(self._may_be_organization(token) for token in actors)
        return True

    def _may_be_organization(self, token: Token) -> bool:
        if self.facts.organizations_of(token) or self.coreference.refers(token) or self._business_unit(token):
            return True
        if token.pos_ == "NOUN" and (self.lexicon.has("event_noun_subjects", self.lemma(token)) or
                                     self.lexicon.has("site_items", self.lemma(token))):
            return True  # "the closure eliminated 190 jobs", "the site will create 120 jobs": the company's
        if token.lower_ in self.facts.first_words:
            return True  # "Nimbrel signed": a short name of an organization the article names in full
        if token.ent_type_ in ("PERSON", "") and token.lower_ in self.facts.surnames and _alone(token):
            return False  # "Anderson joined Delta" after "Richard Anderson": a person the article names in full
        if self.lexicon.has("company_nouns", self.lemma(token)) and (token.tag_ == "NN" or self.facts.fact("count", token)):
            return True  # "the phone company", "121 brands had joined the alliance"
        if self.lexicon.has("not_organization_entities", token.ent_type_):
            return False  # a person may be an organization the small model took for one ("Coles")
        return token.pos_ == "PROPN" or bool(token.ent_type_) or token.text[:1].isupper() and not token.is_sent_start

    def _business_unit(self, token: Token) -> bool:
        """"The unit had sales of", "the venture will employ 1,200": a company's part acts as a company."""
        return token.pos_ == "NOUN" and self.lexicon.has("business_unit_subjects", self.lemma(token))

    def _not_estimated(self, frame: Frame) -> bool:
        """"Analysts expect X to report revenue of ...": an estimate is an event only when its subject makes it."""
        if frame.estimator is None:
            return True
        if frame.estimator.dep_ != "nsubj":  # the estimating word itself, "X is expected to": said by whom?
            said_by = {org.start for org in self.coreference.reporting_subject(frame.token)}
            parties = {r.filler.start for r in frame.roles if r.role in ORG_ROLES and r.filler is not None}
            return bool(said_by) and said_by <= parties
        # "said the company expects to cut": a descriptor standing for a party is that party
        estimators = self.facts.organizations_of(frame.estimator) or self.coreference.resolve(frame.estimator)
        parties = {org.start for r in frame.roles if r.role in ORG_ROLES and r.filler is not None for org in [r.filler]}
        return bool(estimators) and all(org.start in parties for org in estimators) or \
            self.lexicon.has("pronouns", frame.estimator.lower_)

    def has_party(self, frame: Frame) -> bool:
        """After the context passes, an event with no organization is kept only when it has more than a date and
        an actor may be one the model missed: "the branches are shut down" (nothing) and "1.6 million jobs had
        been created", "€880m was raised" (a passive naming no one) are nobody's business event."""
        if frame.type in self.lexicon.words["party_optional_types"] or self.party(frame) or \
                any(self._business_unit(token) for slot in ACTOR_SLOTS for token in frame.args.get(slot)):
            return True
        substance = any(r.role not in ("date", "period", "metric") for r in frame.roles)
        token = frame.token  # "300 jobs will go", "A$3.1 million allocated for 2024/2025": no one named
        passive = frame.rule.pos == "verb" and (any(c.dep_ == "auxpass" for c in token.children) or bool(
            frame.args.get("pass")) or token.dep_ == "acl" and token.tag_ == "VBN")
        return substance and not (passive and not frame.args.get("agent"))

    def private_party(self, frame: Frame) -> bool:
        """"FCC approval is a hurdle for the merger", "Congress must rule on the merger": a regulator or legislature
        reviewing a deal is none of its parties, so a deal noun needs a target or a party that is no public body."""
        return frame.has("target") or any(r.role in ORG_ROLES and r.filler is not None
                                          and not self.facts.is_public_body(r.filler) for r in frame.roles)

    def deal_named(self, frame: Frame) -> bool:
        """"from the date of purchase", "an expensive purchase", "approved the acquisition": a deal noun names
        what is bought, a price or a seller, the companies merging ("the merger of X and Y"), or whose deal it is
        in its own phrase ("its acquisition", "the purchase by Target", "X and Y announce merger"); the subject of
        another verb around it makes no event of it."""
        if frame.token.tag_ == "NNS" and any(c.dep_ == "nummod" for c in frame.token.children):
            return False  # "has made three acquisitions in two years": a tally, not a deal
        governor = frame.args.governor
        announced = governor is not None and self.lemma(governor) in self.lexicon.light_verbs
        merging = {party_key(org) for org in frame.fillers("acquirer")}  # companies, not mentions
        return any(frame.has(role) for role in ("target", "value", "seller")) or len(merging) > 1 or \
            any(frame.args.get(slot) for slot in ("poss", "prep:by", "agent", "mod")) or \
            announced and bool(frame.args.get("gov:subj"))

    def target(self, frame: Frame) -> bool:
        """"a bid for X" names what is bid for; "rigging bids on road projects" is no takeover."""
        return frame.has("target")

    def buyer(self, frame: Frame) -> bool:
        """"will build six ships for Lorrey Lines under a $1 billion contract": building is a contract when it is
        for a buyer named ("will build a $1 billion plant" is the company's own project)."""
        return frame.has("buyer")

    def member(self, frame: Frame) -> bool:
        """"Joining the European Union will force ...": who joins is written (a member, or a subject such as
        "121 brands had joined the alliance" that is no person), or nothing is formed."""
        return frame.has("member") or any(not self._person(t) for t in frame.args.get("subj"))

    def _person(self, token: Token) -> bool:
        """A person's name, or a surname the piece gives in full elsewhere."""
        return token.ent_type_ == "PERSON" or token.lower_ in self.facts.surnames and _alone(token)

    def partner(self, frame: Frame) -> bool:
        """"cooperate with X": a partner is named; "we are cooperating fully with the inquiry", "cooperating with
        the USDA investigators" helps an investigation and forms no partnership."""
        return frame.has("partner") and not any(self.lexicon.has("investigating_nouns", t.lower_)
                                                for t in frame.args.get("prep:with"))

    def value(self, frame: Frame) -> bool:
        return frame.has("value")

    def count(self, frame: Frame) -> bool:
        return frame.has("count")

    def new_jobs(self, frame: Frame) -> bool:
        """"announced 400 new jobs", "its 250 additional posts": jobs a company says are new are jobs it creates; the
        candidate is made only for jobs called new (`triggers.called_new`: not "400 jobs", which may be ones it has),
        and here the noun must be the phrase's head (not "new job cuts")."""
        return frame.token.dep_ != "compound"

    def jobs_brought(self, frame: Frame) -> bool:
        """"will bring 1,200 jobs to Doncaster": jobs (not people: "X brings on board 600 professionals" after its
        purchase) the verb brings are its object, not what comes along ("bringing with it the loss of 625 jobs")."""
        return any(span.root.dep_ == "dobj" and span.root.head == frame.token and not any(
            c.dep_ == "poss" for c in span.root.children) and self.lexicon.has("job_nouns", self.lemma(span.root))
            for span in frame.fillers("count"))

    def staff_subject(self, frame: Frame) -> bool:
        """"Some 1,200 jobs will go": what goes or disappears is jobs or staff, not "prices" or "the brand", and
        not somewhere ("workers went on strike", "went back to work")."""
        elsewhere = any(c.dep_ in ("prep", "prt", "advmod") and c.lower_ in GONE_ELSEWHERE
                        for c in frame.token.children)
        return not elsewhere and any(self.lexicon.has("staff_items", self.lemma(t)) for t in frame.args.get("pass"))

    def jobs_lost(self, frame: Frame) -> bool:
        """"300 employees of X lost their jobs", "2,200 jobs will be lost at X", "X said 350 workers will lose their
        jobs": jobs, not lives or money, at a company the clause or its speaker names ("87,000 jobs were lost in the
        eurozone" is a statistic)."""
        passive = any(c.dep_ == "auxpass" for c in frame.token.children)
        jobs = passive or any(self.lexicon.has("staff_items", self.lemma(t)) for t in frame.args.get("obj"))
        word = (frame.args.get("pass") or frame.args.get("subj") or [frame.token])[0]  # a word of the clause
        employer = [org for org in self.coreference.reporting_subject(word)  # not a union's count nor a statistic
                    if not self.facts.is_labour_body(org) and not self.facts.is_public_body(org)]
        return jobs and (frame.has("company") or bool(employer))

    def count_or_value(self, frame: Frame) -> bool:
        return frame.has("count") or frame.has("value")

    def staff_or_site(self, frame: Frame) -> bool:
        """Jobs, staff or sites: a count of them, else an object that names them ("closing its plant")."""
        if frame.has("count"):
            return True
        objects = self._objects(frame)
        if any(self.lemma(t) in self.lexicon.words["not_staff_objects"] for t in objects):
            return False
        if any(t.like_num or self.lexicon.has("partitive_objects", t.lower_) for t in objects):
            objects += frame.args.get("obj.prep:of")  # "close any of its 11 factories", not "benefits of pilots"
        return any(self.lexicon.has("staff_items", self.lemma(t)) or self.lexicon.has("site_items", self.lemma(t))
                   for t in objects)

    def not_acquired(self, frame: Frame) -> bool:
        """"..., adding three mines and 1,900 workers" after a purchase: staff gained by buying is not hiring."""
        if any(self.lemma(t) in self.lexicon.back_references["acquisition"] for t in frame.args.get("subj")):
            return False  # "the acquisition will bring in 204 new branches"
        head = frame.token.head
        if frame.token.dep_ not in ("advcl", "conj") or any(
                c.dep_ == "aux" or c.lower_ in LATER_ACTS for c in frame.token.children if c.dep_ in ("aux", "advmod")):
            return True  # "acquired X in 2023 and has since hired 300 workers": an act of its own, later
        return not any("acquisition" in self.types_at.get(t.i, set()) for t in (head, *head.children))

    def not_combined(self, frame: Frame) -> bool:
        """"The combined group will employ 40,000 people", "the new company (the venture just formed), which will
        employ 11,000": staff brought together by a merger or a venture are no new jobs."""
        deal = any(types & {"partnership", "acquisition"} for types in self.types_at.values())
        for noun in [*frame.args.get("subj"), *frame.args.get("antecedent")]:
            modifiers = {c.lower_ for c in noun.children if c.dep_ == "amod"}
            lemma = self.lemma(noun)
            company = self.lexicon.has("company_nouns", lemma) or self.lexicon.has("alliance_nouns", lemma)
            if company and (modifiers & COMBINED or deal and "new" in modifiers):
                return False
        return True

    def future(self, frame: Frame) -> bool:
        return frame.status != "completed"

    def metric(self, frame: Frame) -> bool:
        return frame.metric is not None

    def own_forecast(self, frame: Frame) -> bool:
        """A forecast counts when the company itself makes it (its subject or a noun's owner names it), not analysts."""
        companies = frame.fillers("company")
        return bool(companies) and (frame.rule.pos == "noun" or frame.args.get("subj") != []) and \
            not any(same_party(party_key(org), firm) for org in companies for firm in self.facts.analyst_firms)

    def states_figure(self, frame: Frame) -> bool:
        """The metric noun states its own figure: the object of "had" ("had sales of about C$410 million"; "has sales
        of" describes the company, it reports nothing), the subject of "be" ("net income was $96 million"), a
        result's "on revenue of $1.83 billion", or a line of its own ("- Revenue of $412.6 million", "Revenue:
        €12.4 million in 2023")."""
        governor, token = frame.args.governor, frame.token
        if on_figure(token):
            return any(self._own_figure(token, value) for value in frame.fillers("value"))
        if governor is None:  # a line of its own: the figure hangs from "of" or follows a colon
            return token.dep_ == "ROOT" and any(self._own_figure(token, value) for value in frame.fillers("value"))
        lemma = self.lemma(governor)
        if lemma == "be" and token.dep_ == "nsubj":  # the figure is what the metric is, not its own modifier
            return any(not token.left_edge.i <= value.start <= token.right_edge.i for value in frame.fillers("value"))
        standing = governor.tag_ in ("VBZ", "VBP") and not any(c.dep_ == "aux" for c in governor.children) or \
            governor.dep_ == "xcomp" and governor.head.tag_ == "VBN" and self.lexicon.has(
                "hearsay_verbs", self.lemma(governor.head))  # "which are believed to have a turnover of": the same
        return lemma == "have" and token.dep_ == "dobj" and not standing  # not "X, which has annual sales of"

    @staticmethod
    def _own_figure(noun: Token, value: Span) -> bool:
        """"Revenue of $412.6 million", "Revenue: €12.4 million" (not a table's "loss | AEX-c = 23,78")."""
        of = [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"]
        if any(c.left_edge.i <= value.start and value.end - 1 <= c.right_edge.i for c in of):
            return True
        between = noun.doc[noun.i + 1:value.start]
        return len(between) <= 2 and any(t.text == ":" for t in between)

    def light_verb(self, frame: Frame) -> bool:
        """An event stated by its noun: a light verb ("placed an order", "slapped a penalty") that is not itself
        the event's trigger ("won a contract"), and an amount, a count or both sides."""
        governor = frame.args.governor
        if governor is None or self.lemma(governor) not in self.lexicon.light_verbs:
            return False
        if frame.type in self.types_at.get(governor.i, set()):
            return False
        if frame.rule.name == "stake_noun" and self.lemma(governor) == "have":
            return False  # "Elliott, which has a stake of about $2 billion in X": a stake held, not bought
        parties = sum(r.role in ORG_ROLES for r in frame.roles)
        return frame.has("value") or frame.has("count") or parties >= 2

    def offer_made_or_received(self, frame: Frame) -> bool:
        """An offer made with a light verb ("made a $2 billion offer for X"), a bidder's own ("Y's $2 billion offer
        for X"), or one received from a named bidder with its price ("X rejected a $2 billion offer from Y"; not "a
        contract offer", a kind of offer)."""
        if frame.args.get("offer:to") and frame.args.get("offer:from"):
            return frame.has("value") and not any(c.dep_ == "compound" for c in frame.token.children)
        bidders_own = bool(frame.args.get("poss")) and bool(frame.args.get("prep:for"))
        return bidders_own or self.light_verb(frame)

    def authority(self, frame: Frame) -> bool:
        """Enforcement is a public body's act: a company acting on its own is not enforcement."""
        actors = frame.fillers("authority")
        return not actors or any(self.facts.is_public_body(org) for org in actors) or frame.has("helper")


def _alone(token: Token) -> bool:
    """The token is no part of a longer entity ("Anderson"; not "Zephyr Air", a company the model may take for a
    person)."""
    following = token.nbor() if token.i + 1 < len(token.doc) else None
    return token.ent_iob_ == "O" or token.ent_iob_ == "B" and (following is None or following.ent_iob_ != "I")
