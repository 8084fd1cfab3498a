"""The tense and year of the clause a date stands in, for dates whose words do not say which one they mean.

- tense: a weekday or month governed by a past-tense verb is the latest one
  up to the article date ("was fired in August"); one in a future or planned
  clause (will, would, is to, plan / schedule / set / expect, "agreed to meet
  Monday") the first one from it on (`clause_tense`);
- year: a relative clause on a year ("fiscal 2024, which ends in September")
  puts its month or day in that year, whatever the article date
  (`year_of_clause`, `in_year`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from spacy.tokens import Span, Token

from pipeline.nlp.base import DateHit
from pipeline.patterns import load_json

_RULES = load_json("date_rules.json")
_PLAN = frozenset(_RULES["plan_words"])
_INTENT = _PLAN | frozenset(_RULES["intent_words"])
_DEADLINE = frozenset(_RULES["deadline_words"])
_PUTTING_OFF = frozenset(_RULES["putting_off_verbs"])
_FUTURE_MODALS = frozenset(_RULES["future_modals"])
_DEADLINE_NOUNS = frozenset(_RULES["deadline_nouns"])


def clause_tense(span: Span, lemma: Callable[[Token], str]) -> str | None:
    """'past', 'future' or None: which way from the article date the clause governing a date looks.

    Future: 'will' / 'would' on the verb, 'is to', a planning word in the present, as a participle or with
    'for' ('plans to hold a vote Tuesday', 'has scheduled a conference Thursday', 'planned for early March'),
    a verb of putting off before 'until' / 'to' ('postponed until Tuesday'), an intent verb over the infinitive ('agreed
    to meet Monday', 'set to resume Monday'), the present progressive ('is leaving on Thursday'). Past: a
    past-tense verb or a perfect, except after a deadline preposition ('was extended to Nov. 16'), or a past
    participle on its own ('the ruling, issued Thursday'); a present participle takes the tense of the clause it
    hangs from ('has fluctuated, rising to $42 in June'). None under an adjective ('payable Dec. 7'), an infinitive
    of another verb or a deadline noun ('the Jan. 14 deadline').
    """
    if span.root.head.lower_ in _DEADLINE_NOUNS and span.root.head is not span.root or any(
            noun.lower_ in _DEADLINE_NOUNS for prep in span.root.head.children if prep.lower_ == "as"
            for noun in prep.children):
        return None  # "the Jan. 14 deadline", "has set Nov. 10 as the deadline": the clause's tense is not the
        # deadline's
    return _tense_from(span.root, lemma, hops=2)


def _tense_from(token: Token, lemma: Callable[[Token], str], hops: int, climbed: bool = False) -> str | None:
    """The tense of the clause governing a token (`clause_tense`); `hops` bounds the climb from a participle."""
    verb, preposition = _governing_verb(token, lemma)
    if verb is None:
        return None
    preposition = "" if climbed else preposition  # above a participle, a preposition is not the date's ("by")
    auxes = [child for child in verb.children if child.dep_ in {"aux", "auxpass"}]
    infinitive = any(aux.tag_ == "TO" for aux in auxes)
    head = lemma(verb.head) if verb.dep_ in {"xcomp", "ccomp", "advcl"} else ""
    planned = lemma(verb) in _PLAN and (verb.tag_ in {"VBN", "VBG", "VBZ", "VBP", "JJ"} or preposition == "for")
    put_off = lemma(verb) in _PUTTING_OFF and preposition in {"until", "till", "to"}  # "postponed until Tuesday"
    if any(aux.lower_ in _FUTURE_MODALS for aux in auxes) or planned or put_off or (
            infinitive and head in _INTENT | {"be"}):
        return "future"
    if infinitive or preposition in _DEADLINE:
        return None
    if verb.tag_ == "VBD" or any(aux.tag_ == "VBD" or lemma(aux) == "have" for aux in auxes):
        return "past"
    if verb.tag_ == "VBG" and any(lemma(aux) == "be" and aux.tag_ in {"VBZ", "VBP"} for aux in auxes):
        return "future"  # "is leaving on Thursday"
    if not auxes and verb.tag_ == "VBN" and verb.dep_ in {"acl", "advcl"} and lemma(verb) in _INTENT and any(
            c.dep_ == "prep" and c.lower_ == "for" for c in verb.children):
        return "future"  # "a summit set for Washington in April": what it is set for is to come
    if not auxes and verb.tag_ == "VBN" and verb.dep_ in {"acl", "advcl"} and (
            lemma(verb) not in _INTENT or preposition in {"on", "in"}):
        return "past"  # "the ruling, issued Thursday", "the record high set on Aug. 6": a done deed; not "set for"
    if hops and not auxes and verb.tag_ == "VBG" and verb.dep_ in {"advcl", "acl", "conj"}:
        return _tense_from(verb.head, lemma, hops - 1, climbed=True)  # "has fluctuated, rising to $42 in June"
    return None


def year_of_clause(span: Span, lemma: Callable[[Token], str]) -> str | None:
    """The year a date's clause describes when it is a relative clause on a year ("fiscal 2024, which ends in
    September"): a month or day there is in that year, whatever the article date."""
    verb, _ = _governing_verb(span.root, lemma)
    head = verb.head if verb is not None and verb.dep_ == "relcl" else None
    return head.text if head is not None and re.fullmatch(r"(?:1[6-9]|20|21)\d\d", head.text) else None


def in_year(hit: DateHit, year: str) -> DateHit:
    """A month or day moved into the year its clause describes."""
    if hit.granularity not in {"month", "day"}:
        return hit
    value = year + hit.value[4:]
    try:
        date.fromisoformat(value if hit.granularity == "day" else f"{value}-01")
    except ValueError:
        return hit  # February 29 in a year without one
    return DateHit(value, hit.granularity)


def _governing_verb(token: Token, lemma: Callable[[Token], str]) -> tuple[Token | None, str]:
    """The verb a date depends on, up the heads from its root through nouns and prepositions, and the
    preposition that joins the date to it (the first one up)."""
    preposition = ""
    for _ in range(6):
        if token.pos_ in {"VERB", "AUX"} or lemma(token) in _PLAN:
            return token, preposition
        if token.pos_ == "ADJ" or token.head is token:
            return None, preposition
        if token.pos_ == "ADP" and not preposition:
            preposition = token.lower_
        token = token.head
    return None, preposition
