"""The page: one self-contained HTML file with a corpus summary, an index of articles, and every article.

Articles are collapsed `<details>` so a page of thousands opens quickly and
stays one file; the index links to them (a link opens its article). Every
text from the articles is escaped, and a Content-Security-Policy allows no
script but the page's own one-line link handler (by hash), no image, font or
connection: even a missed escape could not run code or reach the network.
Article sections are spooled to a temporary file as they are rendered, so
memory holds the rows (for the summary), not the page.
"""

from __future__ import annotations

import base64
import hashlib
import html
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from pipeline.batch.writers import GENERATOR, atomic_file
from pipeline.records import Article
from pipeline.show import plots
from pipeline.show.article import FACT_COUNTS, amount_text, article_section, fact_counts
from pipeline.show.summary import Summary, currency_totals, summarize
from pipeline.tables.rows import Rows, article_rows

SCRIPT = ("function openTarget(){var t=document.getElementById(location.hash.slice(1));"
          "if(t&&t.tagName==='DETAILS'){t.open=true;}}"
          "window.addEventListener('hashchange',openTarget);openTarget();")
STYLE = """
body{font:15px/1.45 system-ui,sans-serif;margin:1.5em auto;max-width:78em;padding:0 1em;color:#222}
table{border-collapse:collapse;margin:.5em 0 1em}td,th{border:1px solid #ddd;padding:2px 8px;text-align:left;
vertical-align:top}th{background:#f4f4f4}td.r{text-align:right}details{border-top:1px solid #ddd;padding:.3em 0}
summary{cursor:pointer}summary small{color:#666}.article{padding:.5em 1em}.entities{line-height:2.4}
mark.f{padding:.2em .35em;margin:0 .15em;border-radius:.3em}mark.f b{font-size:.7em;margin-left:.4em;
font-weight:600;color:#333}.org{background:#7aecec}.money{background:#e4e7d2}.count{background:#c887fb}
.date{background:#bfe1d9}.event{background:#ffd166}span.n{font-size:.75em;border-radius:.3em;padding:0 .35em}
p.layer{color:#666;font-size:.85em;margin:.8em 0 0}.plots svg{max-width:100%;height:auto}code{font-size:.9em}
"""


@dataclass(frozen=True)
class PageFacts:
    """What was written: how many articles, and the page's size in bytes."""

    articles: int
    size: int


def write_page(articles: Iterable[Article], target: Path, title: str) -> PageFacts:
    """Render every article and the corpus summary into one HTML file at `target`, atomically."""
    all_rows: list[Rows] = []
    index: list[str] = []
    with tempfile.TemporaryFile("w+", encoding="utf-8") as spool:
        for number, article in enumerate(articles, start=1):
            rows = article_rows(article)
            all_rows.append(rows)
            index.append(_index_row(number, article, rows))
            spool.write(article_section(number, article, rows))
        summary = summarize(all_rows)
        spool.seek(0)
        with atomic_file(target) as out:
            out.write(_head(title) + _summary_section(summary) + _index_section(index))
            out.write('<h2 id="articles">Articles</h2>\n')
            shutil.copyfileobj(spool, out)
            out.write(f"<script>{SCRIPT}</script></body></html>\n")
    return PageFacts(len(all_rows), target.stat().st_size)


def _head(title: str) -> str:
    digest = base64.b64encode(hashlib.sha256(SCRIPT.encode()).digest()).decode()
    policy = (f"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{digest}'; "
              "img-src 'none'; base-uri 'none'; form-action 'none'")
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">{GENERATOR}'
            f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{html.escape(title)}</title><style>{STYLE}</style></head><body>\n"
            f"<h1>{html.escape(title)}</h1>\n"
            '<p><a href="#summary">Summary</a> · <a href="#index">Index</a> · <a href="#articles">Articles</a> · '
            'highlights: <mark class="f org">organization<b>key</b></mark> '
            '<mark class="f money">money<b>value</b></mark>'
            ' <mark class="f count">count<b>value</b></mark> <mark class="f date">date<b>ISO</b></mark> '
            '<mark class="f event">event<b>type</b></mark></p>\n')


def _summary_section(summary: Summary) -> str:
    facts = ", ".join(f"{n:,} {kind}" for kind, n in summary.facts.items())
    parts = [f'<h2 id="summary">Summary</h2><p>{summary.articles:,} articles: {facts}.</p>']
    charts = plots.available()
    tops = summary.top_organizations
    parts.append("<h3>Top organizations (by articles)</h3>")
    if charts and tops:
        parts.append(_plot(plots.bar_chart([t.name for t in tops], [t.articles for t in tops],
                                           "Articles naming the organization", "orgs")))
    parts.append(_table(("organization", "key", "articles", "mentions"),
                        [(t.name, t.key, t.articles, t.mentions) for t in tops]))
    parts.append("<h3>Money by currency over time</h3>")
    if charts and summary.money:
        parts.append(_plot(plots.money_by_year_chart(summary.money, "money")))
    parts.append(_table(("currency", "amounts", "total in USD at each article's day"),
                        [(c, n, amount_text(usd)) for c, n, usd in currency_totals(summary.money)]))
    by_year = [(m.year or "undated", m.currency, m.amounts, amount_text(m.total_usd)) for m in summary.money]
    parts.append("<details><summary>Per year and currency</summary>"
                 + _table(("year", "currency", "amounts", "total USD"), sorted(by_year, key=str)) + "</details>")
    parts.append("<h3>Events by type</h3>")
    if not summary.events:
        parts.append("<p>No events in these records.</p>")
    elif charts:
        parts.append(_plot(plots.bar_chart([t for t, _ in summary.events], [n for _, n in summary.events],
                                           "Events", "events")))
    parts.append(_table(("type", "events"), summary.events) if summary.events else "")
    if not charts:
        parts.append("<p><small>Charts need matplotlib: pip install 'factwire[plot]'.</small></p>")
    return "\n".join(parts) + "\n"


def _index_row(number: int, article: Article, rows: Rows) -> str:
    counts = "".join(f'<td class="r">{n}</td>' for n in fact_counts(rows).values())
    return (f'<tr><td class="r">{number}</td><td><a href="#a{number}">{html.escape(article.title or article.id)}</a>'
            f"</td><td>{html.escape(article.published or '')}</td><td>{html.escape(article.source or '')}</td>"
            f"{counts}</tr>")


def _index_section(rows: list[str]) -> str:
    head = "".join(f"<th>{table}</th>" for _, table in FACT_COUNTS)
    return (f'<h2 id="index">Index</h2><table><tr><th>#</th><th>title</th><th>published</th><th>source</th>{head}</tr>'
            + "\n".join(rows) + "</table>\n")


def _table(header: tuple[str, ...], rows: Iterable[tuple]) -> str:
    body = "".join("<tr>" + "".join(f"<td>{html.escape(str(cell))}</td>" for cell in row) + "</tr>" for row in rows)
    return "<table><tr>" + "".join(f"<th>{html.escape(h)}</th>" for h in header) + f"</tr>{body}</table>"


def _plot(svg: str) -> str:
    return f'<div class="plots">{svg}</div>'
