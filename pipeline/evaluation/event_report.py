"""Event scores for people, machines and baselines: a terminal table, JSON, an HTML section, baseline scores.

The same `EventScores` (`pipeline.evaluation.events`) feed every output, so
the figures `factwire evaluate` prints are the ones the baselines keep: frame
and role P/R/F1 overall and by type, status accuracy, and the false frames on
distractor paragraphs (articles whose gold has no event). The HTML section
lists each event as a row (trigger, status, roles with their facts' text),
missed and false frames marked, so that a reader sees what was wrong without
opening the JSON.
"""

from __future__ import annotations

import html

from pipeline.evaluation.events import EventMatch, EventScores
from pipeline.evaluation.values import TypeScore
from pipeline.records import Article, Event

PLACES = 4
EVENTS_LABEL = "EVENTS"  # the baseline's score label for all events; "EVENTS:<type>" per type


def event_table(scores: EventScores, errors: bool = True) -> str:
    """Plain text: frames and roles (gold, predicted, P, R, F1) overall and per type, status, distractors; errors."""
    lines = [f"{'events':<18}{'gold':>6}{'pred':>6}{'frame P':>9}{'R':>7}{'F1':>7}{'role P':>9}{'R':>7}{'F1':>7}"]

    def row(name: str, frames: TypeScore, roles: TypeScore) -> str:
        gold, predicted = frames.true_positives + frames.false_negatives, frames.true_positives + frames.false_positives
        return (f"{name:<18}{gold:>6}{predicted:>6}{frames.precision:>9.3f}{frames.recall:>7.3f}{frames.f1:>7.3f}"
                f"{roles.precision:>9.3f}{roles.recall:>7.3f}{roles.f1:>7.3f}")

    lines.append(row("all", scores.frames, scores.roles))
    lines += [row(kind, scores.frames_by_type[kind], scores.roles_by_type[kind]) for kind in sorted(scores.frames_by_type)]
    right, paired = scores.status
    lines.append(f"status accuracy {right}/{paired}" + (f" {right / paired:.3f}" if paired else ""))
    per_30 = scores.false_per_30_distractors
    lines.append(f"distractors {scores.distractors}: {scores.false_on_distractors} false frames"
                 + (f" ({per_30:.2f} per 30)" if per_30 is not None else ""))
    if errors:
        lines += [f"  {article_id}: {m.describe()}" for article_id, matches in scores.matches.items()
                  for m in matches if not m.ok]
    return "\n".join(lines)


def _score(score: TypeScore) -> dict:
    return {"precision": score.precision, "recall": score.recall, "f1": score.f1, "true_positives": score.true_positives,
            "false_positives": score.false_positives, "false_negatives": score.false_negatives}


def events_json(scores: EventScores) -> dict:
    """Everything measured about events, for machines."""
    return {
        "frames": _score(scores.frames), "roles": _score(scores.roles),
        "by_type": {kind: {"frames": _score(scores.frames_by_type[kind]), "roles": _score(scores.roles_by_type[kind])}
                    for kind in sorted(scores.frames_by_type)},
        "status": {"right": scores.status[0], "paired": scores.status[1], "accuracy": scores.status_accuracy},
        "distractors": {"articles": scores.distractors, "false_frames": scores.false_on_distractors},
        "errors": {article_id: [m.describe() for m in matches if not m.ok]
                   for article_id, matches in scores.matches.items() if any(not m.ok for m in matches)},
    }


def baseline_scores(scores: EventScores) -> dict[str, dict[str, float | None]]:
    """The scores a baseline keeps (higher is better, so that a fall is a regression): overall, then by type."""
    accuracy = scores.status_accuracy
    found = {EVENTS_LABEL: {"frame_f1": round(scores.frames.f1, PLACES), "role_f1": round(scores.roles.f1, PLACES),
                            "status_accuracy": round(accuracy, PLACES) if accuracy is not None else None}}
    for kind in sorted(scores.frames_by_type):
        found[f"{EVENTS_LABEL}:{kind}"] = {"frame_f1": round(scores.frames_by_type[kind].f1, PLACES),
                                           "role_f1": round(scores.roles_by_type[kind].f1, PLACES)}
    return found


def _event_row(article: Article, event: Event, mark: str) -> str:
    roles = []
    for role in event.roles:
        if role.ref is None:
            roles.append(f"<i>{html.escape(role.role)}</i>: {html.escape(str(role.value))}")
            continue
        kind, index = role.ref.split("/")
        fact = getattr(article, kind)[int(index)]
        text = getattr(fact, "name", None) or getattr(fact, "text", "")
        roles.append(f"<i>{html.escape(role.role)}</i>: {html.escape(text)}")
    return (f"<tr><td>{mark}</td><td>{html.escape(event.type)}</td><td>{html.escape(event.trigger.text)}"
            f" @{event.trigger.start}</td><td>{html.escape(event.status)}</td><td>{'; '.join(roles)}</td></tr>")


def events_html(matches: list[EventMatch], gold: Article, predicted: Article | None) -> str:
    """One article's events as a table: each gold event and its prediction, missed and false frames marked."""
    if not matches:
        return ""
    rows = []
    for match in matches:
        if match.gold is not None:
            mark = "right" if match.ok else "MISSED FRAME" if match.predicted is None else "wrong: " + html.escape(
                match.describe().partition(": ")[2] or "core roles")
            rows.append(_event_row(gold, match.gold, f"gold, {mark}"))
        if match.predicted is not None and predicted is not None:
            rows.append(_event_row(predicted, match.predicted,
                                   "FALSE FRAME" if match.gold is None else "predicted"))
    return ("<table class='events'><tr><th>event</th><th>type</th><th>trigger</th><th>status</th><th>roles</th></tr>"
            + "".join(rows) + "</table>")


def events_summary_html(scores: EventScores) -> str:
    """The events summary table of the HTML report: frames and roles by type, status accuracy, distractors."""
    def row(name: str, frames: TypeScore, roles: TypeScore) -> str:
        return (f"<tr><td>{html.escape(name)}</td><td>{frames.precision:.3f}</td><td>{frames.recall:.3f}</td>"
                f"<td>{frames.f1:.3f}</td><td>{roles.precision:.3f}</td><td>{roles.recall:.3f}</td>"
                f"<td>{roles.f1:.3f}</td></tr>")
    body = row("all events", scores.frames, scores.roles) + "".join(
        row(kind, scores.frames_by_type[kind], scores.roles_by_type[kind]) for kind in sorted(scores.frames_by_type))
    right, paired = scores.status
    return ("<h2>Events</h2><table><tr><th>type</th><th>frame P</th><th>frame R</th><th>frame F1</th><th>role P</th>"
            f"<th>role R</th><th>role F1</th></tr>{body}</table><p>Status accuracy {right}/{paired}; "
            f"{scores.false_on_distractors} false frames on {scores.distractors} distractor articles.</p>")
