"""The events vocabulary as typed values: trigger rules by type, role maps, status cues and word lists.

Everything the event rules know about words lives in `pipeline/patterns/events.json`
(with its provenance in `SOURCES.md`); this module reads it once into frozen
values, so the rules ask `lexicon.staff_items` rather than dig in a dict, and a
typo in the data fails at load time rather than silently matching nothing.

A `FrameRule` is one way an event is stated: a type, verb or noun lemmas
("take over" is a verb with its particle, "joint venture" a noun with its
modifier), the role map saying which syntactic slot fills which role, and the
requirements a candidate must meet ("value": it states an amount; "goods": its
object counts things that are not staff). A role map's entry is a role, a list
of roles (the first not filled yet), or roles by the lemma of the governing
light verb ("receive a fine": the receiver is penalized; "impose a fine": the
imposer is the authority).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property
from typing import Union

from pipeline.patterns import load_json
from pipeline.records import EVENT_ROLES, METRICS

RoleChoice = Union[str, tuple[str, ...], tuple[tuple[str, object], ...]]
REQUIREMENTS = frozenset({
    "goods", "party", "value", "funding", "funding_round", "staff_or_site", "count", "not_acquired", "future",
    "metric", "own_forecast", "states_figure", "penalty_context", "contract_object", "supply_deal", "light_verb",
    "count_or_value", "authority", "alliance_object", "not_named_alliance", "company_object", "target", "partner",
    "member", "money_raised", "private_party", "deal_named", "buyer", "thing_sold", "on_a_project", "priced_site",
    "new_jobs", "company_paid_for", "staff_subject", "funding_received", "offer_made_or_received", "jobs_lost",
    "not_generic",
    "not_economy_wide", "named_penalized", "not_setting", "illicit_goods", "put_into_company", "not_combined",
    "not_owned_venture", "jobs_brought", "not_for_goods", "no_person_object", "leased_out"})


@dataclass(frozen=True, eq=False)
class FrameRule:
    """One way of stating an event: its type, the words, the slot -> role map and what a candidate must have."""

    type: str
    pos: str  # "verb" or "noun"
    words: tuple[tuple[str, ...], ...]  # lemma first, then a particle ("take over") or the noun last ("joint venture")
    roles: dict[str, object]
    requires: frozenset[str]
    name: str

    def role_for(self, slot: str, governor: str | None = None) -> tuple[str, ...]:
        """The roles a slot may fill, in order of preference; empty when the slot fills none."""
        choice = self.roles.get(slot)
        if choice is None:
            return ()
        if isinstance(choice, str):
            return (choice,)
        if isinstance(choice, dict):
            picked = choice.get(governor or "", choice.get("*"))
            return () if picked is None else (picked,) if isinstance(picked, str) else tuple(picked)
        return tuple(choice)


@dataclass(frozen=True)
class StatusCues:
    """Words that make an event negated, planned, announced or hypothetical (not an event)."""

    negating_verbs: frozenset[str]
    negating_nouns: frozenset[str]
    planning_verbs: frozenset[str]
    planning_nouns: frozenset[str]
    planning_modifiers: frozenset[str]
    planning_adjectives: frozenset[str]  # "is close to a deal to buy", "is willing to sell": not yet agreed
    negating_adjectives: frozenset[str]  # "is unwilling to sign"
    announcing_adjectives: frozenset[str]  # "is committed to invest"
    forecast_modifiers: frozenset[str]  # "announced an expected loss of": a result still to come
    planning_verb_phrases: dict[str, frozenset[str]]  # "thinking of firing": the verb plans with these prepositions
    announcing_verbs: frozenset[str]
    announcing_aux: frozenset[str]
    hypothetical_aux: frozenset[str]
    hypothetical_marks: frozenset[str]
    hypothetical_nouns: frozenset[str]  # "the risks of buying X": an act named as a risk is no event
    estimating_verbs: frozenset[str]
    completing_for: dict[str, frozenset[str]]
    closing_verbs: frozenset[str]  # "the acquisition will close in March": the deal noun's own verb

    @cached_property
    def intent_adjectives(self) -> frozenset[str]:
        """Adjectives whose infinitive or "in" clause is their subject's act ("X is keen to buy")."""
        return self.planning_adjectives | self.negating_adjectives | self.announcing_adjectives


@dataclass(frozen=True)
class Lexicon:
    """The whole events vocabulary (see the module docstring)."""

    rules: tuple[FrameRule, ...]
    verbs: dict[str, tuple[FrameRule, ...]]  # by lemma (the first word)
    nouns: dict[str, tuple[FrameRule, ...]]  # by head lemma (the last word)
    lemma_fixes: dict[str, str]  # word forms the lemmatizer gets wrong ("fined" -> "fin")
    not_particles: dict[str, tuple[str, ...]]  # particles that make a verb no trigger ("buy back")
    light_verbs: frozenset[str]
    reporting_verbs: frozenset[str]
    status: StatusCues
    words: dict[str, frozenset[str]]  # the vocabulary lists, by name
    back_references: dict[str, frozenset[str]]
    comparison_cues: tuple[tuple[str, ...], ...]
    value_exclusions: dict[str, frozenset[str]]
    metrics: dict[tuple[str, ...], str]  # a metric phrase's words -> the metric
    slots: tuple[tuple[str, list], ...]  # DependencyMatcher patterns by slot name

    def has(self, name: str, word: str) -> bool:
        """Whether a vocabulary list ("staff_items", "public_body_words", ...) holds the word."""
        return word in self.words[name]

    def excluded_for_value(self, event_type: str) -> frozenset[str]:
        """Words on the path from an amount to the trigger that keep it from being the event's value (a figure
        "compared with" another is never the event's)."""
        return self.value_exclusions.get("*", frozenset()) | self.value_exclusions.get(event_type, frozenset()) \
            | self.words["comparison_words"]


def _rule(entry: dict, roles: dict[str, dict]) -> FrameRule:
    unknown = set(entry.get("requires", ())) - REQUIREMENTS
    if entry["type"] not in EVENT_ROLES or entry["roles"] not in roles or unknown:
        raise ValueError(f"events.json: bad frame {entry} (unknown type, role map or requirement {unknown})")
    role_map = roles[entry["roles"]]
    named = {r for choice in role_map.values() for r in _roles_in(choice)}
    if named - set(EVENT_ROLES[entry["type"]]):
        raise ValueError(f"events.json: role map {entry['roles']} names roles {named - set(EVENT_ROLES[entry['type']])}"
                         f" that {entry['type']} does not have")
    pos = "verb" if "verbs" in entry else "noun"
    words = tuple(tuple(w.split()) for w in entry.get("verbs", entry.get("nouns", [])))
    return FrameRule(entry["type"], pos, words, role_map, frozenset(entry.get("requires", ())), entry["roles"])


def _roles_in(choice: object) -> set[str]:
    if isinstance(choice, str):
        return {choice}
    if isinstance(choice, dict):
        return set().union(*(_roles_in(c) for c in choice.values()))
    return set(choice)


@cache
def lexicon(name: str = "events.json") -> Lexicon:
    """The events vocabulary of a packaged data file, read once per process."""
    data = load_json(name)
    rules = tuple(_rule(entry, data["roles"]) for entry in data["frames"])
    verbs: dict[str, list[FrameRule]] = {}
    nouns: dict[str, list[FrameRule]] = {}
    for rule in rules:
        for words in rule.words:
            index, key = (verbs, words[0]) if rule.pos == "verb" else (nouns, words[-1])
            if rule not in index.setdefault(key, []):
                index[key].append(rule)
    status = data["status"]
    mapped = ("completing_for", "planning_verb_phrases")
    cues = StatusCues(**{k: frozenset(v) for k, v in status.items() if k not in mapped},
                      **{k: {w: frozenset(v) for w, v in status[k].items()} for k in mapped})
    vocabulary = data["vocabulary"]
    metrics = {tuple(phrase.split()): metric for metric, phrases in data["metrics"].items() for phrase in phrases}
    if set(data["metrics"]) - set(METRICS):
        raise ValueError(f"events.json: unknown metrics {set(data['metrics']) - set(METRICS)}")
    return Lexicon(
        rules=rules, verbs={k: tuple(v) for k, v in verbs.items()}, nouns={k: tuple(v) for k, v in nouns.items()},
        lemma_fixes=data["lemma_fixes"], not_particles={k: tuple(v) for k, v in data["not_particles"].items()},
        light_verbs=frozenset(data["light_verbs"]), reporting_verbs=frozenset(data["reporting_verbs"]), status=cues,
        words={k: frozenset(v) for k, v in vocabulary.items() if isinstance(v, list) and k != "comparison_cues"},
        back_references={k: frozenset(v) for k, v in vocabulary["back_references"].items()},
        comparison_cues=tuple(tuple(c) for c in vocabulary["comparison_cues"]),
        value_exclusions={k: frozenset(v) for k, v in data["value_exclusions"].items()},
        metrics=metrics, slots=tuple((s["slot"], _with_triggers(s["pattern"], sorted({*verbs, *nouns})))
                                     for s in data["slots"]))


def _with_triggers(pattern: list[dict], lemmas: list[str]) -> list[dict]:
    """A slot pattern whose "TRIGGER_LEMMAS" placeholder is the lexicon's trigger lemmas: the trigger node is
    matched on the lemma the component writes on each candidate while it runs (a custom attribute would cost
    spaCy's matcher a Python call per word)."""
    def fill(value: object) -> object:
        if value == "TRIGGER_LEMMAS":
            return lemmas
        return {k: fill(v) for k, v in value.items()} if isinstance(value, dict) else value
    return [fill(node) for node in pattern]
