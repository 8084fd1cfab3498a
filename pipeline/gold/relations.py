"""Gold events <-> the relations of annotation tools (Prodigy `relations`, Label Studio relations).

Annotation tools hold labelled spans and labelled links between spans; an
event is written with both:

- its trigger is a span labelled with the event type in capitals
  (`ACQUISITION`, `JOB_CUTS`, ...), carrying `status` (and a financial
  result's `metric`) as span attributes (Prodigy) or region `meta` (Label
  Studio);
- each role is a relation from the trigger (head) to the fact's span (child),
  labelled with the role's name (`acquirer`, `value`, case-insensitive). An
  organization's role points at one of its mentions (written: the mention
  nearest the trigger).

Reading checks every part and raises one `GoldError` listing each bad
trigger or relation with its location; a role whose span is not one of the
article's facts (a span that could not be normalized) is noted and left out.
doccano's relations (between entities) and CoNLL have no room for an event's
type and status: those formats carry no events.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from pipeline.gold.format import GoldArticle, GoldError
from pipeline.gold.spans import AnnotatedText, LabeledSpan, Link
from pipeline.records import EVENT_ROLES, METRICS, ROLE_LISTS, Article, Event, EventRole, Mention

TRIGGER_LABELS = {event_type.upper(): event_type for event_type in EVENT_ROLES}
FACT_LABELS = {"organizations": "ORG", "money": "MONEY", "counts": "COUNT", "dates": "DATE"}
TRIGGER_FIELDS = ("status", "metric")


@dataclass(frozen=True)
class EventRelations:
    """An event as an annotation tool holds it: the trigger span, and (role, the filler's span) per role."""

    trigger: LabeledSpan
    roles: list[tuple[str, LabeledSpan]]


def is_trigger(label: Any) -> bool:
    return isinstance(label, str) and label.upper() in TRIGGER_LABELS


def trigger_span(where: str, text: str, start: Any, end: Any, label: str, attributes: dict[str, Any]) -> LabeledSpan:
    """A trigger span of an annotation file, checked: offsets inside the text, and on the text it quotes."""
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
        raise GoldError(f"{where}: event trigger {label} {start!r}-{end!r} is not a span of the text")
    if attributes.get("text") is not None and attributes["text"] != text[start:end]:
        raise GoldError(f"{where}: event trigger {attributes['text']!r} does not match text[{start}:{end}] = "
                        f"{text[start:end]!r}")
    values = {k: attributes[k] for k in TRIGGER_FIELDS if attributes.get(k) is not None}
    return LabeledSpan(start, end, label, values, where, text[start:end])


def link(where: str, head: Any, child: Any, label: Any) -> Link:
    """A relation of an annotation file, checked: two spans' offsets and a role name."""
    offsets = []
    for end_name, span in (("head", head), ("child", child)):
        if not (isinstance(span, dict) and isinstance(span.get("start"), int) and isinstance(span.get("end"), int)):
            raise GoldError(f"{where}: relation {label!r}: its {end_name} is not a span with start and end")
        offsets.append((span["start"], span["end"]))
    if not isinstance(label, str) or not label:
        raise GoldError(f"{where}: a relation needs a role label, got {label!r}")
    return Link(offsets[0], offsets[1], label, where)


def event_relations(article: Article) -> list[EventRelations]:
    """The article's events as spans and relations, in the events' order (roles in theirs)."""
    found = []
    for event in article.events:
        metric = next((r.value for r in event.roles if r.role == "metric"), None)
        values = {"status": event.status, **({"metric": metric} if metric else {})}
        trigger = LabeledSpan(event.trigger.start, event.trigger.end, event.type.upper(), values,
                              text=event.trigger.text)
        roles = [(role.role, _filler_span(article, role.ref, event.trigger)) for role in event.roles if role.ref]
        found.append(EventRelations(trigger, roles))
    return found


def _filler_span(article: Article, ref: str, trigger: Mention) -> LabeledSpan:
    """The span a role's ref points at; for an organization, its mention nearest the trigger."""
    kind, index = ref.split("/")
    fact = getattr(article, kind)[int(index)]
    mention = min(fact.mentions, key=lambda m: abs(m.start - trigger.start)) if kind == "organizations" else fact
    return LabeledSpan(mention.start, mention.end, FACT_LABELS[kind], text=mention.text)


def with_events(article: GoldArticle, doc: AnnotatedText, notes: list[str]) -> GoldArticle:
    """The gold article with the events its document's triggers and relations state."""
    if not doc.triggers and not doc.links:
        return article
    events = gold_events(doc.triggers, doc.links, {kind: getattr(article, kind) for kind in FACT_LABELS}, notes)
    try:
        return GoldArticle.model_validate({**article.model_dump(), "events": [e.model_dump() for e in events]})
    except ValidationError as err:
        raise GoldError(f"{doc.where}: {err}") from err


def gold_events(triggers: list[LabeledSpan], links: list[Link], facts: dict[str, list],
                notes: list[str]) -> list[Event]:
    """The events of a document from its trigger spans and their relations, refs into `facts` (the gold
    article's lists by name); GoldError lists every bad trigger and relation."""
    errors: list[str] = []
    by_offsets: dict[tuple[int, int], LabeledSpan] = {}
    for trigger in triggers:
        if (trigger.start, trigger.end) in by_offsets:
            errors.append(f"{trigger.where}: two event triggers on {trigger.text!r} ({trigger.start}-{trigger.end}): "
                          f"one event per trigger")
        by_offsets[(trigger.start, trigger.end)] = trigger
    refs = _refs(facts)
    roles: dict[tuple[int, int], list[EventRole]] = {offsets: [] for offsets in by_offsets}
    for link in links:
        trigger = by_offsets.get(link.head)
        if trigger is None:
            errors.append(f"{link.where}: relation {link.label!r} does not start at an event trigger")
            continue
        role = _role(trigger, link, refs, errors, notes)
        if role is not None and role not in roles[link.head]:
            roles[link.head].append(role)
    events = []
    for offsets, trigger in by_offsets.items():
        try:
            events.append(_event(trigger, roles[offsets]))
        except (ValidationError, ValueError) as err:
            errors.append(f"{trigger.where}: event {trigger.label} {trigger.text!r}: {err}")
    if errors:
        raise GoldError("\n".join(errors))
    return events


def _refs(facts: dict[str, list]) -> dict[tuple[int, int], str]:
    """Each fact's (start, end) -> its ref ("organizations/0" for any mention of the first organization)."""
    refs = {}
    for kind, listed in facts.items():
        for index, fact in enumerate(listed):
            for mention in (fact.mentions if kind == "organizations" else [fact]):
                refs.setdefault((mention.start, mention.end), f"{kind}/{index}")
    return refs


def _role(trigger: LabeledSpan, link: Link, refs: dict[tuple[int, int], str], errors: list[str],
          notes: list[str]) -> EventRole | None:
    event_type = TRIGGER_LABELS[trigger.label.upper()]
    role = link.label.lower()
    if role not in EVENT_ROLES[event_type] or role == "metric":
        errors.append(f"{link.where}: {event_type} has no role {link.label!r} as a relation "
                      f"(roles: {', '.join(r for r in EVENT_ROLES[event_type] if r != 'metric')})")
        return None
    ref = refs.get(link.child)
    if ref is None:
        start, end = link.child
        notes.append(f"{link.where}: {role} of {event_type} {trigger.text!r} points at {start}-{end}, which is "
                     f"none of the article's facts: left out")
        return None
    wanted = ROLE_LISTS.get(role, "organizations")
    if not ref.startswith(wanted + "/"):
        errors.append(f"{link.where}: {role} of {event_type} must point at a {FACT_LABELS[wanted]} span, "
                      f"not at {ref.split('/')[0]}")
        return None
    return EventRole(role=role, ref=ref)


def _event(trigger: LabeledSpan, roles: list[EventRole]) -> Event:
    """One event, its roles in the relations' order; its status (required) and metric come from the trigger
    span's attributes (the metric goes where the type's roles list it: before the period)."""
    event_type = TRIGGER_LABELS[trigger.label.upper()]
    status = trigger.values.get("status")
    if status is None:
        raise ValueError("no status on the trigger span (completed, announced, planned or negated)")
    metric = trigger.values.get("metric")
    if metric is not None and (event_type != "financial_result" or metric not in METRICS):
        raise ValueError(f"metric {metric!r}: only a financial_result has one, among {', '.join(METRICS)}")
    if metric is not None:
        after = EVENT_ROLES[event_type][EVENT_ROLES[event_type].index("metric") + 1:]
        at = next((k for k, role in enumerate(roles) if role.role in after), len(roles))
        roles = [*roles[:at], EventRole(role="metric", value=metric), *roles[at:]]
    return Event(type=event_type, trigger=Mention(text=trigger.text, start=trigger.start, end=trigger.end),
                 status=status, roles=roles)
