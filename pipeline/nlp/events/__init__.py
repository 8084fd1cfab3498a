"""Business events: who did what to whom, for how much, and when (the `factwire_events` component).

    lexicon.py       the events vocabulary of `patterns/events.json` as typed values
    triggers.py      trigger candidates: verbs and nouns of the lexicon, phrasal and two-word ones
    relations.py     the slot patterns (DependencyMatcher format) matched from each trigger
    slots.py         a trigger's syntactic slots: those relations and structural rules
    facts.py         the facts a role may point at, read from noun phrases
    coreference.py   "it", "they", "the company" read back to organizations
    status.py        completed / announced / planned / negated, or no event (hypothetical)
    frames.py        one trigger's event: type, roles from slots and from its clause's facts
    requirements.py  what a candidate must have to be its rule's event
    agreement_checks.py  those requirements for contracts and alliances
    money_checks.py  those requirements for money raised, spent or paid
    financial.py     financial results: metric, company, comparison figures
    context.py       roles from neighbouring events and sentences
    back_references.py  what a later "the deal" / "the goods" sentence adds to the event it refers to
    component.py     the component: candidates -> frames -> `doc.spans["events"]` with `EventHit`s
"""

from pipeline.nlp.events.component import EVENTS, EventFinder, make_events

__all__ = ["EVENTS", "EventFinder", "make_events"]
