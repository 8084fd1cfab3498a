"""Roles an event gets from the events and sentences around it, once every trigger has its frame.

- Coordinated triggers share by whom: "arrested 326 suspects and seized ... in a crackdown coordinated by the
  Ministry" (both the Ministry's); a date at the end of a coordination dates the earlier verbs too ("will close two
  plants and cut 1,400 jobs by March 2026"), not the later ones; a date before the first verb dates them all ("on
  Thursday signed ... and awarded ..."); the day of an agreement dates the act agreed ("agreed on Monday to pay").
- Helpers: a company named by a cue of help in the sentence ("with help from X", "acting on information shared by
  X", "after a tip-off from X", "X helped investigators", "after X detected") helps its enforcement events; a
  sentence of help with no event of its own helps the last one; a public body so named ("in an operation with the
  FBI") is an authority, not a helper.
- Investors: an organization of a funding's sentence named by a cue of investing ("led by X", "with participation
  from existing backers X and Y", "investors including X", "X also took part") invests in it.
- Contract sides: a public body is the buyer ("The Ministry of Defence signed a contract with X": X supplies), a
  company then the supplier; a company the text calls a supplier or maker supplies, an airline or operator buys
  (unless it wins or loses the contract: "X won a contract to haul freight for carmaker Y").
- A passive award, penalty or enforcement that names no agent is by the public body that reports it ("has been
  awarded to Austal, the Department said").
- A company named as an enforcement's actor ("Louis Vuitton and Alibaba conducted an investigation which resulted in
  the confiscation of ...") helps the authorities rather than being one.
- An enforcement whose subject is only "police" or "authorities" is by the public body named in its clause, else by
  the previous enforcement's; a penalty that names no authority ("which was penalised $4 million", "received fines")
  is by the previous penalty's, and one by "prosecutors" or "regulators" alone by the public body that reports it.
- A financial result without a company is the previous result's company, else the article's topic (not when a noun
  names another owner: "the unit had sales of"); a result without a period takes the period of the previous result
  of the same status in the paragraph, else of the last one before the paragraph that gives a period (a wire story's
  lead sets the quarter its later paragraphs of figures are about); not for a figure given for comparison.
- Partners: of "X and Y formed a partnership", X is the member and Y the partner; a joint venture named without its
  parties ("the JV's customers") is between the subject's organizations.
- Back-references (`back_references.py`): a later sentence that says when "the deal" closes or what "the goods" were
  worth dates or values the event it refers to.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cached_property

from spacy.tokens import Span, Token

from pipeline.nlp.base import doc_text
from pipeline.nlp.events.back_references import BackReferences, accusers
from pipeline.nlp.events.coreference import FramePass
from pipeline.nlp.events.facts import party_key, same_party
from pipeline.nlp.events.frames import Frame

AGREED_TYPES = frozenset({"penalty", "partnership", "contract"})  # agreeing is doing them; a deal to buy closes later
SHARED = ("authority",)  # both ways; a date only from a later conjunct to an earlier one ("close X and cut Y by 2026")
NAME_PHRASE = frozenset({"compound", "appos", "conj", "poss", "nmod", "amod"})  # inside the name's noun phrase
HELP_PREPS = frozenset({"from", "by", "of", "with"})
STAFF_PREPS = frozenset({"at"})  # "investigators at X"
HELPERS_MOST = 3  # helpers of one enforcement event, the nearest of its sentence (a list of 500 seizures and 500
# helping companies in one sentence would otherwise give each seizure all 500)
CHOOSING_RULES = frozenset({"select", "award", "procure"})  # who chooses, awards or buys is the buyer, whatever
# the text calls it ("Orvane Services ordered 12 trucks")
WINNING_RULES = frozenset({"win", "lose"})  # who wins or loses a contract supplies, whatever the text calls it


class Context(FramePass):
    """The passes over all frames of a Doc (see the module docstring)."""

    @cached_property
    def blank_lines(self) -> list[int]:
        """Where each blank line ("\\n\\n") of the Doc's text starts, in order."""
        return [m.start() for m in re.finditer(r"(?=\n\n)", doc_text(self.facts.doc))]

    def complete(self, frames: list[Frame]) -> None:
        """Run every pass, in order, over the Doc's frames (sorted by trigger)."""
        self.helpers(frames)
        self.investors(frames)
        self.contract_sides(frames)
        self.reporters(frames)
        self.authorities(frames)
        self.share_coordinated(frames)
        self.agreement_dates(frames)
        self.financial(frames)
        self.partners(frames)
        BackReferences(self.facts, self.lexicon, self.lemma, self.coreference).complete(frames)

    def share_coordinated(self, frames: list[Frame]) -> None:
        by_token = {f.token.i: f for f in frames}
        for frame in frames:
            head = frame.token.head
            if frame.token.dep_ != "conj" or head.i not in by_token:
                continue
            other = by_token[head.i]
            for first, second in ((frame, other), (other, frame)):
                for role in SHARED:
                    if not first.has(role):
                        for filler in second.fillers(role):
                            first.add(role, filler)
            if not other.has("date"):
                for date in frame.fillers("date"):
                    other.add("date", date)
            if not frame.has("date"):  # "X on Thursday signed A and awarded B": a date before the first verb
                subjects = [c.left_edge.i for c in other.token.children if c.dep_ in ("nsubj", "nsubjpass")]
                for date in other.fillers("date"):
                    if date.end <= other.token.i and all(i < date.start for i in subjects):
                        frame.add("date", date)

    def agreement_dates(self, frames: list[Frame]) -> None:
        """"agreed on Monday to pay $61 million", "signed an agreement on Thursday to set up a joint venture": the
        day of the agreement dates the act agreed, when nothing else does."""
        agreeing = self.lexicon.words["agreeing_verbs"]
        for frame in frames:
            if frame.has("date") or frame.type not in AGREED_TYPES:
                continue
            current, path = frame.token, []
            for _ in range(4):
                if current.dep_ not in ("xcomp", "acl", "dobj", "pobj", "prep") or current.head == current:
                    break
                current = current.head
                path.append(current)
                if current.pos_ == "VERB" and self.lemma(current) in agreeing:
                    for date in (d for word in path if word.pos_ in ("VERB", "NOUN") for d in self._day_of(word)):
                        frame.add("date", date)
                    break

    def _day_of(self, verb: Token) -> list[Span]:
        """The dates said of a word itself (the agreeing verb or its agreement noun): "on Monday", "in May 2025"."""
        words = [c for c in verb.children if c.dep_ == "npadvmod"] + [
            g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("on", "in") for g in c.children
            if g.dep_ == "pobj"]
        return [d for d in (self.facts.fact("date", w) for w in words) if d is not None]

    def helpers(self, frames: list[Frame]) -> None:
        enforcement = [f for f in frames if f.type == "enforcement"]  # frames come in text order
        at = [f.token.i for f in enforcement]
        organizations = self.facts.organizations  # in text order, without overlaps
        starts = [org.start for org in organizations]
        sentence_of = self.facts.sentences.of
        for sentence in {sentence_of(f.token) for f in enforcement} | set(self.facts.doc.sents):
            inside = organizations[bisect_left(starts, sentence.start):bisect_left(starts, sentence.end)]
            helpers = [org for org in inside if self._helps(org)]
            if not helpers:
                continue
            first = bisect_left(at, sentence.start)
            here = [f for f in enforcement[first:bisect_left(at, sentence.end)] if sentence_of(f.token) == sentence]
            if not here and first:  # the last one before; an earlier one is no nearer
                here = [f for f in enforcement[first - 1:first] if self._same_paragraph(f.token, sentence)]
            helper_starts = [org.start for org in helpers]
            for frame in here:
                authorities = frame.fillers("authority")
                for org in _nearest(helpers, helper_starts, frame.token.i, HELPERS_MOST):
                    if org not in authorities:  # "in an operation with the FBI": a public body acts, it does not help
                        frame.add("authority" if self.facts.is_public_body(org) else "helper", org)

    def _helps(self, org: Span) -> bool:
        """Whether an organization is named by a cue of help: the subject of a helping verb ("X helped
        investigators", "after X detected"), or after "from", "by", "of" or "with" under a noun or verb of help
        ("with help from X", "information shared by X", "a tip-off from X's team", "supported by X")."""
        current = org.root
        while current.dep_ in NAME_PHRASE and current.head != current or current.dep_ == "pobj" \
                and current.head.lower_ in STAFF_PREPS and current.head.head.pos_ == "NOUN":
            # "by brand protection staff at X": the staff's help is X's
            current = current.head if current.dep_ in NAME_PHRASE else current.head.head
        if current.dep_ == "nsubj":
            return self.lemma(current.head) in self.lexicon.words["helper_verbs"]
        if current.dep_ != "pobj" or current.head.lower_ not in HELP_PREPS:
            return False
        cue = current.head.head
        if cue.dep_ == "acl" and cue.head != cue:  # "information shared by X"
            cue = cue.head if self.lemma(cue) not in self.lexicon.words["helper_verbs"] else cue
        doc = cue.doc
        glued = cue.i >= 2 and doc[cue.i - 1].text == "-" and not doc[cue.i - 1].whitespace_ \
            and not doc[cue.i - 2].whitespace_  # "a tip-off from X", split in three words
        cues = self.lexicon.words["helper_cues"]
        return self.lemma(cue) in cues or cue.lower_ in cues or self.lemma(cue) in self.lexicon.words["helper_verbs"] \
            or glued and f"{doc[cue.i - 2].lower_}-{cue.lower_}" in cues

    def investors(self, frames: list[Frame]) -> None:
        """Investors named by a cue of investing in a funding's sentence, or in the next sentence when it states
        no event of its own ("Existing backers X and Y also took part.")."""
        sentence_of = self.facts.sentences.of
        with_event = {sentence_of(f.token).start for f in frames}
        for frame in frames:
            if frame.type != "investment" or frame.rule.name == "spend":
                continue  # money a company spends on its own project has no investors ("beat a group led by X")
            sentence = sentence_of(frame.token)
            words = {t.i for t in sentence}
            if sentence.end < len(self.facts.doc):
                after = sentence_of(self.facts.doc[sentence.end])
                if after.start not in with_event and self._same_paragraph(frame.token, after):
                    words |= {t.i for t in after}
            parties = {org.start for r in frame.roles if r.filler is not None for org in [r.filler]}
            for org in self.facts.within("org", words):
                if org.start not in parties and self._invests(org, frame.token) and (
                        org.start < sentence.end or self._takes_part(org)):
                    frame.add("investor", org)

    def _takes_part(self, org: Span) -> bool:
        """"X and Y also took part", "X participated": an investor of the funding before, in a sentence of its own
        (not "The plan, approved by regulator X, ...")."""
        current = org.root
        while current.dep_ in NAME_PHRASE and current.head != current:
            current = current.head
        verb, lemma = current.head, self.lemma(current.head)
        return current.dep_ == "nsubj" and (lemma in ("participate", "join", "invest", "co-invest")
                                            or lemma == "take" and any(c.lower_ == "part" for c in verb.children))

    def _invests(self, org: Span, trigger: Token) -> bool:
        """Whether an organization is named by a cue of investing on its way up to the trigger: after "by",
        "from" or "including" under a cue ("led by X", "participation from backers X and Y"), or the subject of
        one ("X also took part"); no other verb on the way ("spun off from X" is no investor)."""
        current = org.root
        while current.dep_ in NAME_PHRASE and current.head != current:
            current = current.head
        for _ in range(6):
            if current.head == current:
                return False
            head = current.head
            if head == trigger:
                return False  # the trigger's own slots are its role map's
            cue = self.lemma(head) in self.lexicon.words["investor_cues"] or head.lower_ == "part" \
                or self.lemma(head) == "take" and any(c.lower_ == "part" for c in head.children)  # "X took part"
            if cue and (current.dep_ in ("nsubj", "pobj", "dobj") or head.dep_ == "prep"):
                return True
            if head.pos_ in ("VERB", "AUX"):
                return False
            current = head
        return False

    def contract_sides(self, frames: list[Frame]) -> None:
        public = self.facts.is_public_body
        for frame in (f for f in frames if f.type == "contract"):
            suppliers, buyers = frame.fillers("supplier"), frame.fillers("buyer")
            chosen = frame.rule.name in CHOOSING_RULES  # "chipmaker TSMC picked ASML": the chooser buys
            moved = False  # a public body and a company on one side: "the USAF and Boeing signed", "X handed ... to Y"
            for side, other, kept in (("supplier", "buyer", public), ("buyer", "supplier", lambda o: not public(o))):
                mixed = frame.fillers(side)
                if not frame.has(other) and any(public(o) for o in mixed) and not all(public(o) for o in mixed):
                    frame.retain(lambda r, side=side, kept=kept: r.role != side or not kept(r.filler))
                    for org in (o for o in mixed if kept(o)):
                        frame.add(other, org)
                    moved = True
            if moved:
                continue
            if frame.rule.name in WINNING_RULES:
                continue  # "X won a contract to haul freight for carmaker Y"
            supplier_named, buyer_named = (any(self._called(o, side) for o in orgs)
                                           for side, orgs in (("supplier", suppliers), ("buyer", buyers)))
            if any(public(o) for o in suppliers) and not any(public(o) for o in buyers) or not supplier_named and (
                    not chosen and any(self._called(o, "supplier") for o in buyers) or self._signed_order(frame)
                    or not buyer_named and any(self._called(o, "buyer") for o in suppliers)):  # "Qatar Airways signed"
                frame.retain(lambda r: r.role not in ("supplier", "buyer"))
                for org in suppliers:
                    frame.add("buyer", org)
                for org in buyers:
                    frame.add("supplier", org)

    def _signed_order(self, frame: Frame) -> bool:
        """"Orvane Airlines signed (firmed up) an order with Boeing for 20 jets": who signs an order places it, and
        buys (not "signed an order from X", nor a signer its name calls a supplier: "Arctis Shipyards")."""
        return frame.rule.name == "sign" and any(self.lemma(o) == "order" for o in frame.args.get("obj")) \
            and not frame.args.get("obj.prep:from") and not frame.args.get("prep:from")

    def _called(self, org: Span, side: str) -> bool:
        """"Chinese supplier Zhongke Networks", "Canadian manufacturer X", "Indian services firm X": the text calls
        the company a supplier, or its name does ("Savarino Construction Services", and "Savarino" after it); or
        a buyer ("Qatar Airways", "rail operator X")."""
        words = [org.doc[org.start - 1]] if org.start > 0 else []
        words += [c for t in org for c in t.children
                  if c.dep_ in ("appos", "compound") and not org.start <= c.i < org.end]
        words += [c for w in words for c in w.children if c.dep_ == "compound"]  # "services firm X"
        names = [other for other in self.facts.organizations if same_party(party_key(org), party_key(other))]
        return any(self.lexicon.has(f"{side}_nouns", self.lemma(w)) for w in words if w.is_lower or w.is_sent_start) \
            or any(self.lexicon.has(f"{side}_name_words", t.lower_) for name in names or [org] for t in name)

    def _same_paragraph(self, token: Token, sentence: Span) -> bool:
        """Whether no blank line lies between a word and a sentence: a look-up among the Doc's blank lines, not a
        search of the text between (as long as the text is, for each sentence)."""
        start, end = sorted((token.idx, sentence.start_char))
        k = bisect_left(self.blank_lines, start)
        return k == len(self.blank_lines) or self.blank_lines[k] > end - 2

    def authorities(self, frames: list[Frame]) -> None:
        previous: dict[str, list[Span]] = {}
        for frame in frames:
            if frame.type == "penalty" and not frame.has("authority"):  # "Prosecutors fined X ..., the Y said": Y
                generic = self._reporting_body(frame) if self._generic_actor(frame) else []
                for org in previous.get("penalty", []) or accusers(self.facts, frame) or generic:
                    frame.add("authority", org)
            if frame.type == "enforcement":  # a company acting with the authorities helps them
                actors = frame.fillers("authority")
                frame.retain(lambda r: r.role != "authority" or self.facts.is_public_body(r.filler))
                for org in actors:
                    if not self.facts.is_public_body(org):
                        frame.add("helper", org)
            if frame.type == "enforcement" and not frame.has("authority") and self._generic_actor(frame):
                named = [org for org in self.facts.within("org", frame.domain) if self.facts.is_public_body(org)]
                for org in named or self._reporting_body(frame) or previous.get("enforcement", []):
                    frame.add("authority", org)
            previous[frame.type] = frame.fillers("authority") or previous.get(frame.type, [])

    def _generic_actor(self, frame: Frame) -> bool:
        """"Police seized ...": no body named as the actor."""
        subjects = [*frame.args.get("subj"), *frame.args.get("gov:subj")]
        return any(self.lexicon.has("police_nouns", t.lower_) for t in subjects)

    def _reporting_body(self, frame: Frame) -> list[Span]:
        """"Federal police seized ..., the Attorney General's Office said": the public body that reports it."""
        subjects = [*frame.args.get("subj"), *frame.args.get("gov:subj")]  # "police", as `_generic_actor` found
        return [org for org in (self.coreference.reporting_subject(subjects[0]) if subjects else [])
                if self.facts.is_public_body(org)]

    def financial(self, frames: list[Frame]) -> None:
        with_company: Frame | None = None  # the last result with a company
        by_status: dict[str, list[Frame]] = {}  # results of each status that are no comparison, in text order
        at_by_status: dict[str, list[int]] = {}  # their triggers' character offsets
        for frame in (f for f in frames if f.type == "financial_result"):
            if not frame.has("company") and not self._other_owner(frame):
                source = with_company.fillers("company") if with_company is not None else None
                for org in source or self.coreference.topic(frame.token)[:1]:
                    frame.add("company", org)
            if not frame.has("period") and not frame.comparison:
                earlier, sentence = by_status.get(frame.status, []), self.facts.sentences.of(frame.token)
                same = self._last_in_paragraph(earlier, at_by_status.get(frame.status, []), sentence)
                if same is None and not self.facts.within("date", {t.i for t in sentence}):
                    # a later paragraph of figures, dated nowhere in its sentence: the last period given before
                    same = next((f for f in reversed(earlier) if f.has("period")), None)
                for date in (same.fillers("period") if same is not None else []):
                    frame.add("period", date)
            if frame.has("company"):
                with_company = frame
            if not frame.comparison:
                by_status.setdefault(frame.status, []).append(frame)
                at_by_status.setdefault(frame.status, []).append(frame.token.idx)

    def _last_in_paragraph(self, frames: list[Frame], at: list[int], sentence: Span) -> Frame | None:
        """The last of some earlier frames (in text order, their triggers at `at`) in the sentence's paragraph.

        A frame after the sentence's start shares its paragraph when it comes before the first blank line after
        that start (`_same_paragraph`), so the last such is found by bisect; an earlier one only if it is the
        last of all before that line and no blank line lies between."""
        k = bisect_left(self.blank_lines, sentence.start_char)
        limit = self.blank_lines[k] + 2 if k < len(self.blank_lines) else None
        last = bisect_left(at, limit) if limit is not None else len(at)
        if not last:
            return None
        frame = frames[last - 1]
        return frame if at[last - 1] > sentence.start_char or self._same_paragraph(frame.token, sentence) else None

    def _other_owner(self, frame: Frame) -> bool:
        """"The unit ... had sales of": the result is another entity's, named by a noun that is no organization."""
        owners = [*frame.args.get("subj"), *frame.args.get("gov:subj"), *frame.args.get("subj.poss")]
        return any(self.lexicon.has("unit_nouns", t.lower_) or self.lexicon.has("not_coreferent_nouns", t.lower_)
                   for t in owners)

    def reporters(self, frames: list[Frame]) -> None:
        """A passive award or penalty without its agent ("has been awarded to X, the Department said") is by the
        public body that reports it; jobs cut or created with no one named ("1,200 posts are to be axed, X said",
        "some 300 jobs will go, X said") are the reporting employer's (not a union's)."""
        for frame in frames:
            role = {"contract": "buyer", "penalty": "authority", "enforcement": "authority", "job_cuts": "company",
                    "hiring": "company"}.get(frame.type)
            passive = frame.args.get("pass")
            if role is None or frame.has(role) or not passive and frame.token.dep_ != "nsubjpass":
                continue
            for org in self.coreference.reporting_subject((passive or [frame.token])[0]):  # a word of its clause
                if self.facts.is_public_body(org) if role != "company" else not self.facts.is_labour_body(org):
                    frame.add(role, org)

    def partners(self, frames: list[Frame]) -> None:
        for frame in frames:
            if frame.type != "partnership":
                continue
            if not frame.has("member") and not frame.has("partner"):
                for org in self._nearest_subject(frame.token):
                    frame.add("member", org)
            members = frame.fillers("member")  # all members of what they join; of "X and Y formed", X and partner Y
            if not frame.has("partner") and len(members) > 1 and frame.rule.name != "join":
                frame.retain(lambda r: r.role != "member" or r.filler == members[0])
                for org in members[1:]:
                    frame.add("partner", org)

    def _nearest_subject(self, token: Token) -> list[Span]:
        current = token
        for _ in range(10):
            if current.head == current:
                return []
            current = current.head
            subjects = [c for c in current.children if c.dep_ == "nsubj"]
            if subjects:
                named = self.facts.organizations_of(subjects[0]) or self.coreference.resolve(subjects[0])
                if named:
                    return named
        return []


def _nearest(spans: list[Span], starts: list[int], i: int, most: int) -> list[Span]:
    """The `most` spans nearest word `i` (spans in text order, without overlaps; `starts` their first words), in
    text order: a window grown from where `i` falls, a step to the nearer side each time."""
    k = bisect_left(starts, i)
    low, high = k, k
    while high - low < most and (low > 0 or high < len(spans)):
        if high == len(spans) or low > 0 and i - spans[low - 1].end < spans[high].start - i:
            low -= 1
        else:
            high += 1
    return spans[low:high]
