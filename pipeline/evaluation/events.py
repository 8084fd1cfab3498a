"""Event scores: frames and roles against gold, by type, status accuracy, and false events where gold has none.

Events are scored per article, after pairing each predicted event with at
most one gold event of the same type: first those whose triggers overlap
(in gold order, the predicted event sharing most roles first), then, among
the rest, the one sharing most roles (at least one): the trigger may be
written differently ("took over" and "took") and still be the same event.

- **Roles**: a role is (role name, filler); a predicted role is right when
  its paired gold event has that role with the same filler (by
  `values.same_value`: an organization by name, money by amount and
  currency, a count by number and noun, a date by ISO value; a metric by
  name). Roles of unpaired events are all missed, or all false.
- **Frames**: a predicted event is right when it is paired and every core
  role of its type (`records.CORE_ROLES`) has the same fillers in both,
  none more, none fewer. Frame precision is right events over predicted
  ones, recall right events over gold ones.
- **Status accuracy**: of the paired events, those with the gold status.
- **Distractors**: articles whose gold has no event; each event predicted
  there is a false frame (reported per 30 distractors).

A gold set none of whose articles has an event was not annotated for events
and is not scored for them (`score_events` returns None).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from pipeline.evaluation.values import TypeScore, same_value
from pipeline.records import CORE_ROLES, Article, Event

Filler = object  # an Organization, Money, Count, DateFact, or a metric's name


@dataclass(frozen=True)
class EventMatch:
    """A gold event and the prediction paired with it, or either alone, with their roles compared."""

    gold: Event | None
    predicted: Event | None
    right_roles: int = 0
    missed_roles: tuple[str, ...] = ()
    false_roles: tuple[str, ...] = ()
    frame_ok: bool = False

    @property
    def status_ok(self) -> bool:
        return self.gold is not None and self.predicted is not None and self.gold.status == self.predicted.status

    def describe(self) -> str:
        """One line naming the event and what is wrong with it, for reports and baseline diffs."""
        def show(event: Event) -> str:
            return f"{event.type} {event.trigger.text!r} at {event.trigger.start} ({event.status})"
        if self.predicted is None:
            return f"event miss {show(self.gold)}"
        if self.gold is None:
            return f"event false {show(self.predicted)}"
        problems = [f"missed {', '.join(self.missed_roles)}" if self.missed_roles else "",
                    f"false {', '.join(self.false_roles)}" if self.false_roles else "",
                    f"status {self.predicted.status}" if not self.status_ok else ""]
        problems = [p for p in problems if p]
        return f"event {'found' if not problems else 'wrong'} {show(self.gold)}" + \
            (f": {'; '.join(problems)}" if problems else "")

    @property
    def ok(self) -> bool:
        return self.frame_ok and not self.missed_roles and not self.false_roles and self.status_ok


@dataclass
class EventScores:
    """Frame and role scores overall and by type, status accuracy, false frames on distractors, matches."""

    frames: TypeScore = field(default_factory=TypeScore)
    roles: TypeScore = field(default_factory=TypeScore)
    frames_by_type: dict[str, TypeScore] = field(default_factory=dict)
    roles_by_type: dict[str, TypeScore] = field(default_factory=dict)
    status: tuple[int, int] = (0, 0)  # (right, paired)
    distractors: int = 0
    false_on_distractors: int = 0
    matches: dict[str, list[EventMatch]] = field(default_factory=dict)

    @property
    def status_accuracy(self) -> float | None:
        right, paired = self.status
        return right / paired if paired else None

    @property
    def false_per_30_distractors(self) -> float | None:
        return 30 * self.false_on_distractors / self.distractors if self.distractors else None


def _fillers(article: Article, event: Event) -> list[tuple[str, Filler]]:
    """An event's roles as (role, the fact or metric filling it)."""
    found = []
    for role in event.roles:
        if role.ref is None:
            found.append((role.role, role.value))
        else:
            kind, index = role.ref.split("/")
            found.append((role.role, getattr(article, kind)[int(index)]))
    return found


def _same(gold: tuple[str, Filler], predicted: tuple[str, Filler]) -> bool:
    if gold[0] != predicted[0] or type(gold[1]) is not type(predicted[1]):
        return False
    return gold[1] == predicted[1] if isinstance(gold[1], str) or gold[1] is None else same_value(gold[1], predicted[1])


def _compare(gold: list[tuple[str, Filler]], predicted: list[tuple[str, Filler]]) -> tuple[list, list, list]:
    """(right, missed, false) roles: each gold role takes the first free predicted role with its filler."""
    free, right, missed = list(predicted), [], []
    for role in gold:
        match = next((p for p in free if _same(role, p)), None)
        if match is None:
            missed.append(role)
        else:
            free.remove(match)
            right.append(role)
    return right, missed, free


def _label(role: tuple[str, Filler]) -> str:
    filler = role[1]
    text = getattr(filler, "name", None) or getattr(filler, "text", None) or str(filler)
    return f"{role[0]}={text}"


def _pair(gold: Article, predicted: Article) -> list[EventMatch]:
    """Pair an article's predicted events with its gold events (see the module docstring)."""
    gold_roles = [_fillers(gold, e) for e in gold.events]
    predicted_roles = [_fillers(predicted, e) for e in predicted.events]
    free = set(range(len(predicted.events)))
    pairs: dict[int, int] = {}
    for overlap_first in (True, False):
        for g, event in enumerate(gold.events):
            if g in pairs:
                continue
            options = [(len(_compare(gold_roles[g], predicted_roles[p])[0]), -p, p) for p in free
                       if predicted.events[p].type == event.type and (
                           not overlap_first or _overlap(event, predicted.events[p]))]
            options = [o for o in options if overlap_first or o[0] > 0]
            if options:
                pairs[g] = max(options)[2]
                free.discard(pairs[g])
    matches = []
    for g, event in enumerate(gold.events):
        if g not in pairs:
            matches.append(EventMatch(event, None, missed_roles=tuple(map(_label, gold_roles[g]))))
            continue
        p = pairs[g]
        right, missed, false = _compare(gold_roles[g], predicted_roles[p])
        core = CORE_ROLES[event.type]
        frame_ok = not any(role[0] in core for role in missed + false)
        matches.append(EventMatch(event, predicted.events[p], len(right), tuple(map(_label, missed)),
                                  tuple(map(_label, false)), frame_ok))
    matches += [EventMatch(None, predicted.events[p], false_roles=tuple(map(_label, predicted_roles[p])))
                for p in sorted(free)]
    return matches


def _overlap(a: Event, b: Event) -> bool:
    return a.trigger.start < b.trigger.end and b.trigger.start < a.trigger.end


def _tally(match: EventMatch, scores: EventScores) -> None:
    kind = (match.gold or match.predicted).type
    frames = scores.frames_by_type.setdefault(kind, TypeScore())
    roles = scores.roles_by_type.setdefault(kind, TypeScore())
    for score in (frames, scores.frames):
        score.true_positives += match.frame_ok
        score.false_positives += match.predicted is not None and not match.frame_ok
        score.false_negatives += match.gold is not None and not match.frame_ok
    for score in (roles, scores.roles):
        score.true_positives += match.right_roles
        score.false_negatives += len(match.missed_roles)
        score.false_positives += len(match.false_roles)


def score_events(gold: Mapping[str, Article], predicted: Mapping[str, Article]) -> EventScores | None:
    """Event scores of predictions against gold (see the module docstring); None for gold without any event."""
    if not any(article.events for article in gold.values()):
        return None
    scores = EventScores()
    right = paired = 0
    for article_id, expected in gold.items():
        got = predicted.get(article_id) or Article(id=article_id, text=expected.text)
        regions = [(r.start, r.end) for r in getattr(expected, "ignore", [])]
        got = got.model_copy(update={"events": [e for e in got.events if not any(
            e.trigger.start < end and start < e.trigger.end for start, end in regions)]})
        matches = scores.matches[article_id] = _pair(expected, got)
        for match in matches:
            _tally(match, scores)
        both = [m for m in matches if m.gold is not None and m.predicted is not None]
        right, paired = right + sum(m.status_ok for m in both), paired + len(both)
        if not expected.events:
            scores.distractors += 1
            scores.false_on_distractors += len(got.events)
    scores.status = (right, paired)
    return scores
