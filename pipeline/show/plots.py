"""The page's charts: matplotlib figures rendered to inline SVG (the `plot` extra).

SVG keeps the page one self-contained file that opens offline and stays
sharp when zoomed; text is kept as SVG text (searchable) and matplotlib
escapes it. Each figure's element ids are prefixed with its own name so that
several SVGs in one page do not share ids, and no creation date is written,
so the same records give the same page. Without matplotlib the page shows the same figures as tables only.
"""

from __future__ import annotations

import io
import re
from collections import defaultdict
from collections.abc import Sequence
from importlib.util import find_spec

from pipeline.show.summary import CurrencyYear

MAX_CURRENCIES = 6


def available() -> bool:
    """Whether matplotlib is installed (pip install 'factwire[plot]')."""
    return find_spec("matplotlib") is not None


def _svg(figure: object, salt: str) -> str:
    """A figure as an <svg> element for inlining: no XML prolog, no date, ids salted per figure."""
    import matplotlib.pyplot as plt

    buffer = io.StringIO()
    with plt.rc_context({"svg.fonttype": "none", "svg.hashsalt": salt}):
        figure.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})  # type: ignore[attr-defined]
    plt.close(figure)  # type: ignore[arg-type]
    return prefix_ids(buffer.getvalue()[buffer.getvalue().index("<svg"):], salt)


def prefix_ids(svg: str, prefix: str) -> str:
    """Every element id of an SVG, and every reference to one, prefixed: ids stay unique in a page of several SVGs.

    >>> prefix_ids('<g id="axes_1" clip-path="url(#p1)"><use xlink:href="#m2"/></g>', "orgs")
    '<g id="orgs-axes_1" clip-path="url(#orgs-p1)"><use xlink:href="#orgs-m2"/></g>'
    """
    svg = re.sub(r'\bid="([^"]+)"', rf'id="{prefix}-\1"', svg)
    svg = re.sub(r"url\(#([^)]+)\)", rf"url(#{prefix}-\1)", svg)
    return re.sub(r'href="#([^"]+)"', rf'href="#{prefix}-\1"', svg)


def _figure(height: float) -> tuple[object, object]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt.subplots(figsize=(7.5, height))


def bar_chart(labels: Sequence[str], values: Sequence[int], title: str, salt: str) -> str:
    """Horizontal bars, largest at the top."""
    figure, axes = _figure(max(1.6, 0.28 * len(labels) + 0.8))
    axes.barh(range(len(labels)), list(values), color="#4c78a8")  # type: ignore[attr-defined]
    axes.set_yticks(range(len(labels)), [_short(label) for label in labels])  # type: ignore[attr-defined]
    axes.invert_yaxis()  # type: ignore[attr-defined]
    axes.set_title(title, loc="left")  # type: ignore[attr-defined]
    axes.xaxis.set_major_locator(_whole_numbers())  # type: ignore[attr-defined]
    axes.spines[["top", "right"]].set_visible(False)  # type: ignore[attr-defined]
    return _svg(figure, salt)


def money_by_year_chart(money: Sequence[CurrencyYear], salt: str) -> str:
    """Stacked bars: how many amounts each year, by currency (the most frequent currencies, the rest as 'other')."""
    counts: defaultdict[str, int] = defaultdict(int)
    for entry in money:
        counts[entry.currency] += entry.amounts
    shown = sorted(counts, key=lambda c: (-counts[c], c))[:MAX_CURRENCIES]
    years = sorted({entry.year for entry in money if entry.year is not None})
    series: defaultdict[str, list[int]] = defaultdict(lambda: [0] * len(years))
    for entry in money:
        if entry.year is not None:
            series[entry.currency if entry.currency in shown else "other"][years.index(entry.year)] += entry.amounts
    figure, axes = _figure(3.2)
    bottom = [0] * len(years)
    for currency in [*shown, "other"]:
        if currency in series:
            axes.bar([str(y) for y in years], series[currency], bottom=bottom, label=currency)  # type: ignore[attr-defined]
            bottom = [b + v for b, v in zip(bottom, series[currency])]
    axes.set_title("Amounts stated per publication year, by currency", loc="left")  # type: ignore[attr-defined]
    axes.legend(frameon=False, fontsize="small", loc="upper left", bbox_to_anchor=(1, 1))  # type: ignore[attr-defined]
    axes.yaxis.set_major_locator(_whole_numbers())  # type: ignore[attr-defined]
    axes.tick_params(axis="x", labelrotation=45)  # type: ignore[attr-defined]
    axes.spines[["top", "right"]].set_visible(False)  # type: ignore[attr-defined]
    return _svg(figure, salt)


def _whole_numbers() -> object:
    from matplotlib.ticker import MaxNLocator

    return MaxNLocator(integer=True)


def _short(label: str, width: int = 40) -> str:
    """A label cut to `width` characters; '$' is escaped so matplotlib does not read it as mathtext.

    >>> _short("Sears, Roebuck & Co. $5"), _short("x" * 50)[-3:]
    ('Sears, Roebuck & Co. \\\\$5', 'xx…')
    """
    text = label if len(label) <= width else label[:width - 1] + "…"
    return re.sub(r"\$", r"\\$", text)
