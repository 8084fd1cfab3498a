"""The `factwire_events` component: business events linking the facts the components before it found.

It runs last, on the same parse (no second model pass): trigger candidates
(`triggers.py`), then for each the first rule whose frame meets its
requirements (`frames.py`, `requirements.py`, `financial.py`), verbs before
nouns so that a noun inside a verb's event of the same type ("raised $40
million in a Series B round") is part of it rather than a second event; then
the passes across events (`context.py`) and a later sentence restating a purchase
folded into it (`back_references.restatements`). Each event's trigger goes to
`doc.spans["events"]` with its `EventHit` (`span._.event`); the roles hold the
facts' spans, which `pipeline.extraction` turns into references.
"""

from __future__ import annotations

import numpy
from spacy.attrs import DEP, TAG
from spacy.language import Language
from spacy.tokens import Doc, Token

from pipeline.nlp.base import EventHit, OnDemandLemmas, RebuiltOnLoad
from pipeline.nlp.events.back_references import restatements
from pipeline.nlp.events.context import Context
from pipeline.nlp.events.domains import SEPARATE_NOUNS
from pipeline.nlp.events.facts import Facts
from pipeline.nlp.events.financial import Financials
from pipeline.nlp.events.frames import Frame, FrameBuilder
from pipeline.nlp.events.lexicon import lexicon
from pipeline.nlp.events.relations import SlotPatterns
from pipeline.nlp.events.requirements import Requirements
from pipeline.nlp.events.slots import SlotFinder
from pipeline.nlp.events.triggers import Candidate, Lemmas, find_candidates

EVENTS = "events"  # the key of doc.spans


class EventFinder(RebuiltOnLoad):
    """Find the events of a Doc (see the module docstring)."""

    def __init__(self, nlp: Language, patterns: str) -> None:
        self.nlp = nlp
        self.patterns = patterns
        self.build()

    def build(self) -> None:
        self.lexicon = lexicon(self.patterns)
        self.lemma = Lemmas(OnDemandLemmas(self.nlp), self.lexicon.lemma_fixes)
        self.slot_patterns = SlotPatterns(self.nlp.vocab, self.lexicon.slots)

    def __call__(self, doc: Doc) -> Doc:
        retagged = [(token, token.tag_, token.pos_) for token in _headline_verbs(doc)]
        for token, _, _ in retagged:
            token.tag_, token.pos_ = "VBZ", "VERB"
        written = []
        try:
            candidates = find_candidates(doc, self.lexicon, self.lemma)
            written = [(c.token, c.token.lemma_) for c in candidates]
            for candidate in candidates:  # the slot patterns match triggers by lemma (the lemmatizer is off)
                candidate.token.lemma_ = self.lemma(candidate.token)
            frames = self.frames(doc, candidates) if candidates else []
        finally:  # the Doc's words leave as they came: lemmas and tags stay the model's
            for token, lemma in written:
                token.lemma_ = lemma
            for token, tag, pos in retagged:
                token.tag_, token.pos_ = tag, pos
        kept, seen = [], set()
        for frame in sorted(frames, key=lambda f: f.trigger.start):
            if (frame.trigger.start, frame.trigger.end) not in seen:
                seen.add((frame.trigger.start, frame.trigger.end))
                kept.append(frame)
        doc.spans[EVENTS] = [frame.trigger for frame in kept]
        for span, frame in zip(doc.spans[EVENTS], kept):
            span._.event = EventHit(frame.type, frame.trigger, frame.status, tuple(frame.roles))
        return doc

    def frames(self, doc: Doc, candidates: list[Candidate]) -> list[Frame]:
        """The events of the candidates: verbs first, nouns inside a verb's event of their type left to it."""
        facts = Facts(doc, self.lexicon)
        slots = SlotFinder(self.lexicon, self.slot_patterns, self.lemma, [c.token for c in candidates], facts.children)
        builder = FrameBuilder(facts, self.lexicon, self.lemma, slots, candidates)
        financials = Financials(facts, self.lexicon, self.lemma, builder.coreference)
        requirements = Requirements(facts, self.lexicon, self.lemma, builder.types_at, builder.coreference)

        def check(frame: Frame) -> bool:
            return financials.complete(frame) and requirements.hold(frame)

        frames: list[Frame] = []
        covered: dict[int, set[str]] = {}  # word -> types of the frames with it in their domain or object
        for candidate in sorted(candidates, key=lambda c: c.token.pos_ != "VERB"):
            if covered.get(candidate.token.i, set()) & {r.type for r in candidate.rules}:
                continue  # part of an event of its type (looked up by word: a scan of the frames was quadratic)
            frame = builder.build(candidate, check)
            if frame is not None:
                frames.append(frame)
                if frame.type not in SEPARATE_NOUNS:
                    for i in [*frame.domain, *(t.i for t in frame.args.get("obj"))]:
                        covered.setdefault(i, set()).add(frame.type)
        frames += [c for f in frames for c in financials.comparisons(f)]
        frames.sort(key=lambda f: f.token.i)
        Context(facts, self.lexicon, self.lemma, builder.coreference).complete(frames)
        frames = restatements(frames, self.lemma, self.lexicon.words["stake_nouns"])
        return [frame for frame in frames if requirements.has_party(frame)]


def _headline_verbs(doc: Doc) -> list[Token]:
    """"Indian Railways orders 30 trains from Alstom": a verb (in a headline, most often) that the tagger took for a
    plural noun, though the parse gives it a subject and a direct object, which only a verb takes."""
    rows = doc.to_array([DEP, TAG])
    roots = numpy.flatnonzero((rows[:, 0] == doc.vocab.strings["ROOT"]) & (rows[:, 1] == doc.vocab.strings["NNS"]))
    return [doc[i] for i in roots.tolist() if {"nsubj", "dobj"} <= {child.dep_ for child in doc[i].children}]


@Language.factory("factwire_events", default_config={"patterns": "events.json"})
def make_events(nlp: Language, name: str, patterns: str) -> EventFinder:
    return EventFinder(nlp, patterns)
