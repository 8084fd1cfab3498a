"""One article on the page: its text with every fact highlighted by displaCy, its organizations and its events.

displaCy (`style="ent"`, manual) escapes the text it is given but not labels
or extra template fields, so every label here is built from normalized values
and escaped before it reaches displaCy. Each highlight carries its value in
its label (an organization's key, an amount with its currency and USD value,
an ISO date, a count and its noun). displaCy draws one layer of spans at a
time, so spans that overlap (a count holding an organization) go to a second
drawing of the text below, as in the evaluation report.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from decimal import Decimal

from spacy import displacy

from pipeline.records import Article
from pipeline.tables.rows import Rows

CENT = Decimal("0.01")
# displaCy's entity template, compact (its default repeats long inline styles for every span); colors are CSS classes.
TEMPLATE = '<mark class="f {kind}">{text}<b>{label}</b></mark>'
FACT_COUNTS = (("org", "organizations"), ("money", "money"), ("count", "counts"), ("date", "dates"),
               ("event", "events"))


@dataclass(frozen=True)
class Mark:
    """A highlight: where, which kind of fact (a CSS class), and its label as plain text."""

    start: int
    end: int
    kind: str
    label: str


def amount_text(amount: Decimal | None) -> str:
    """An amount with thousands separators, to the cent at most, without trailing zeros.

    >>> amount_text(Decimal("14400000.000000")), amount_text(Decimal("0.500000")), amount_text(Decimal("2.20751"))
    ('14,400,000', '0.5', '2.21')
    >>> amount_text(None)
    '-'
    """
    if amount is None:
        return "-"
    return f"{amount.quantize(CENT).normalize():,f}" if amount.as_tuple().exponent < -2 else f"{amount.normalize():,f}"


def marks(article: Article, rows: Rows) -> list[Mark]:
    """Every fact of the article as a highlight labelled with its value."""
    found = [Mark(m.start, m.end, "org", m.org_key) for m in rows.mentions]
    for money in rows.money:
        label = f"{amount_text(money.amount)} {money.currency}"
        if money.currency != "USD" and money.amount_usd is not None:
            label += f" ≈ {amount_text(money.amount_usd)} USD"
        found.append(Mark(money.start, money.end, "money", label))
    found += [Mark(c.start, c.end, "count", f"{_number(c.value)} {c.item or ''}".strip()) for c in rows.counts]
    found += [Mark(d.start, d.end, "date", d.value or "?") for d in rows.dates]
    found += [Mark(e.trigger_start, e.trigger_end, "event", f"{e.type} ({e.status})") for e in rows.events]
    return found


def layers(found: list[Mark]) -> list[list[Mark]]:
    """Highlights in layers without overlaps inside a layer, longest first, for displaCy's one-layer drawing.

    >>> [[m.kind for m in layer] for layer in layers([Mark(0, 5, "org", "a"), Mark(0, 12, "count", "b"),
    ...                                                Mark(20, 22, "date", "c")])]
    [['count', 'date'], ['org']]
    """
    result: list[list[Mark]] = []
    for mark in sorted(found, key=lambda m: (m.start - m.end, m.start)):
        home = next((layer for layer in result if not any(o.start < mark.end and mark.start < o.end for o in layer)),
                    None)
        if home is None:
            result.append(home := [])
        home.append(mark)
    return [sorted(layer, key=lambda m: m.start) for layer in result]


def highlighted(text: str, found: list[Mark]) -> str:
    """The text drawn by displaCy once per layer (the second and later layers only where spans overlap)."""
    drawings = []
    for number, layer in enumerate(layers(found) or [[]], start=1):
        spans = [{"start": m.start, "end": m.end, "label": html.escape(m.label), "params": {"kind": m.kind}}
                 for m in layer]
        drawing = displacy.render({"text": text, "ents": spans, "title": None}, style="ent", manual=True, page=False,
                                  options={"template": TEMPLATE})
        drawings.append(drawing if number == 1 else f'<p class="layer">Overlapping facts, layer {number}:</p>{drawing}')
    return "\n".join(drawings)


def organizations_table(rows: Rows) -> str:
    """Name, key, mentions and evidence of each organization."""
    if not rows.organizations:
        return ""
    body = "".join(f"<tr><td>{_e(o.name)}</td><td><code>{_e(o.org_key)}</code></td><td>{o.mentions}</td>"
                   f"<td>{_e(', '.join(o.evidence))}</td></tr>" for o in rows.organizations)
    return f"<table><tr><th>organization</th><th>key</th><th>mentions</th><th>evidence</th></tr>{body}</table>"


def events_table(rows: Rows) -> str:
    """Each event as a row: type, status, trigger, and its roles with the facts filling them."""
    if not rows.events:
        return ""
    roles: dict[int, list[str]] = {}
    for role in rows.event_roles:
        if role.metric is not None:
            filler = _e(role.metric)
        else:
            value = role.filler_value
            if role.ref_list == "money" and role.ref_index is not None:
                money = rows.money[role.ref_index]
                value = f"{amount_text(money.amount)} {money.currency}"
            filler = _e(role.filler_text or "")
            if value and value != role.filler_text:
                filler += f" <small>({_e(value)})</small>"
        roles.setdefault(role.event_index, []).append(f"<i>{_e(role.role)}</i>: {filler}")
    body = "".join(f"<tr><td>{_e(e.type)}</td><td>{_e(e.status)}</td><td>{_e(e.trigger_text)}</td>"
                   f"<td>{'; '.join(roles.get(e.event_index, []))}</td></tr>" for e in rows.events)
    return f"<table><tr><th>event</th><th>status</th><th>trigger</th><th>roles</th></tr>{body}</table>"


def fact_counts(rows: Rows) -> dict[str, int]:
    """How many facts of each kind, keyed by the page's CSS class of the kind."""
    return {kind: len(getattr(rows, table)) for kind, table in FACT_COUNTS}


def article_section(number: int, article: Article, rows: Rows) -> str:
    """The article as a collapsed <details>: heading line, highlighted text, organizations and events."""
    counts = " ".join(f'<span class="n {kind}">{n}</span>' for kind, n in fact_counts(rows).items())
    meta = " · ".join(_e(part) for part in (article.published, article.source, article.id) if part)
    return (f'<details id="a{number}"><summary><b>{_e(article.title or article.id)}</b> '
            f'<small>{meta}</small> {counts}</summary>'
            f'<div class="article">{highlighted(article.text, marks(article, rows))}'
            f'{organizations_table(rows)}{events_table(rows)}</div></details>\n')


def _number(value: float) -> str:
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,}"


def _e(text: str) -> str:
    return html.escape(text, quote=True)
