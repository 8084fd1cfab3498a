"""The page from hand-written records (keys, evidence, events, hostile text): values, events, escaping, charts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.records import Article
from pipeline.show import plots
from pipeline.show.page import write_page

HAND = Path(__file__).parents[1] / "data" / "tables" / "hand_records.jsonl"


@pytest.fixture(scope="module")
def hand() -> list[Article]:
    return [Article.model_validate_json(line) for line in HAND.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def page(hand, tmp_path_factory) -> str:
    target = tmp_path_factory.mktemp("page") / "page.html"
    facts = write_page(hand, target, "hand <records>")
    assert facts.articles == 3 and facts.size == target.stat().st_size
    return target.read_text(encoding="utf-8")


def test_article_text_is_escaped_everywhere(page):
    assert page.count("<script") == 1  # the page's own link handler only
    assert "<img" not in page and "<b>Corp</b>" not in page and "<i>Wire</i>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" in page
    assert "<title>hand &lt;records&gt;</title>" in page
    assert "Content-Security-Policy" in page and "script-src 'sha256-" in page


def test_highlights_carry_their_values(page):
    for label in ("<b>gz:acme</b>", "<b>name:widget</b>", "<b>2,500,000,000 USD</b>", "<b>2018-03-05</b>",
                  "<b>2019-Q2</b>", "<b>1,200 job</b>", "<b>acquisition (announced)</b>", "<b>2.5 store</b>"):
        assert label in page, label
    assert re.search(r"<b>1,800,000,000 GBP ≈ [\d,.]+ USD</b>", page)
    assert "<b>7,900,000,000 CNY</b>" in page  # undated: no dollar value is made up


def test_overlapping_facts_go_to_a_second_layer(page):
    assert page.count("Overlapping facts, layer 2") == 1  # "3 Widget plants" holds the mention "Widget"


def test_events_are_rows_with_their_roles(page):
    assert "<td>job_cuts</td><td>announced</td><td>cut</td>" in page
    assert "<i>acquirer</i>: Acme <small>(Acme)</small>" not in page  # first mention and name are the same
    assert "<i>acquirer</i>: Acme;" in page and "<i>metric</i>: revenue" in page
    assert "<i>count</i>: 1,200 jobs <small>(1200)</small>" in page
    assert "<i>value</i>: $2.5 billion <small>(2,500,000,000 USD)</small>" in page


def test_index_links_every_article(page):
    assert [f'href="#a{n}"' in page and f'<details id="a{n}">' in page for n in (1, 2, 3)] == [True] * 3


def test_summary_counts_and_charts(page):
    assert "3 articles: 6 organizations, 12 mentions, 5 money, 4 counts, 5 dates, 4 events." in page
    if plots.available():
        assert page.count("<svg") == 3 and "<?xml" not in page
        ids = re.findall(r'id="([^"]+)"', page)
        assert len(ids) == len(set(ids)), "element ids are unique across the inline charts"


def test_without_matplotlib_the_summary_is_tables(hand, tmp_path, monkeypatch):
    monkeypatch.setattr(plots, "available", lambda: False)
    target = tmp_path / "page.html"
    write_page(hand, target, "no charts")
    text = target.read_text(encoding="utf-8")
    assert "<svg" not in text and "pip install 'factwire[plot]'" in text and "<td>gz:acme</td>" in text


def test_same_records_same_page(hand, tmp_path):
    first, second = tmp_path / "1.html", tmp_path / "2.html"
    write_page(hand, first, "t")
    write_page(hand, second, "t")
    assert first.read_bytes() == second.read_bytes()


def test_show_command_reads_records(tmp_path):
    target = tmp_path / "page.html"
    result = CliRunner().invoke(app, ["show", "--records", str(HAND), "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert "factwire: 3 articles -> " in result.output and target.exists()


@pytest.mark.parametrize("args", [[], ["articles", "--records", str(HAND)], ["--records", str(HAND), "-o", str(HAND)]])
def test_show_command_refuses_bad_arguments_before_work(args, tmp_path):
    result = CliRunner().invoke(app, ["show", *args] + ([] if "-o" in args else ["-o", str(tmp_path / "p.html")]))
    assert result.exit_code == 2 and len(result.output.strip().splitlines()) == 1
    assert not (tmp_path / "p.html").exists()


def test_show_leaves_its_own_page_out_of_the_articles_it_reads(tmp_path):
    news = tmp_path / "news"
    news.mkdir()
    (news / "a.txt").write_text("Acme hires\n\nAcme Corp. said it would hire 50 people.\nSource: Wire\n",
                                encoding="utf-8")
    target = news / "page.html"
    for _ in range(2):  # the second run finds the first run's page in the folder it reads
        result = CliRunner().invoke(app, ["show", str(news), "-o", str(target)])
        assert result.exit_code == 0, result.output
    assert "factwire: 1 articles -> " in result.output
    assert f"left out {target}" in result.output
    assert target.read_text(encoding="utf-8").count('class="article"') == 1
