"""The page in a real headless Chromium: hostile article text shows as text, and nothing from it runs.

Needs Debian's chromium (`apt-get install -y chromium`); skipped without it.
An injected script would change `document.title`, an injected image would be
an <img> element: the DOM Chromium dumps after running the page says neither
happened, and that the text is there, as text.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from pipeline.extraction import extract_folder
from pipeline.records import Article
from pipeline.show.page import write_page

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
HAND = Path(__file__).parents[1] / "data" / "tables" / "hand_records.jsonl"
HOSTILE = ("Evil Corp fined over web form\n2011-04-25\n\n"
           "Evil Corp said the strings <script>alert(1)</script> and \"><img src=x onerror=alert(1)> were typed into "
           "its order form, with <script>document.title='pwned'</script> and "
           "\"><img src=x onerror=\"document.title='pwned by img'\"> too. "
           "Evil Corp paid $5 million to settle on Monday, "
           "and the regulator said 1,200 customers were affected.\n"
           "Source: Hand Wire\n")

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists() or shutil.which(CHROMIUM) is None,
                                reason=f"{CHROMIUM} is absent (apt-get install -y chromium)")


def chromium(page: Path, tmp_path: Path, *args: str) -> str:
    profile = tmp_path / "profile"
    result = subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "--virtual-time-budget=3000", *args,
                             page.as_uri()], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def dom_facts(dom: str) -> tuple[str, int, int, str]:
    """Title, <img> and <script> element counts, and the text content of the DOM Chromium dumped."""
    import lxml.html

    tree = lxml.html.document_fromstring(dom)
    return (tree.findtext(".//title"), len(tree.xpath("//img")), len(tree.xpath("//script")),
            tree.text_content())


def test_hostile_text_extracted_from_a_folder_shows_as_text(tmp_path, nlp):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "evil.txt").write_text(HOSTILE, encoding="utf-8")
    page = tmp_path / "page.html"
    assert write_page(extract_folder(folder), page, "factwire test page").articles == 1
    title, images, scripts, text = dom_facts(chromium(page, tmp_path, "--dump-dom"))
    assert title == "factwire test page", "an injected script ran"
    assert images == 0 and scripts == 1
    for written in ("<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "document.title='pwned'"):
        assert written in text
    shot = tmp_path / "page.png"
    chromium(page, tmp_path, "--window-size=1200,1600", f"--screenshot={shot}")
    assert shot.stat().st_size > 10_000


def test_hostile_names_titles_and_sources_of_records_show_as_text(tmp_path):
    articles = [Article.model_validate_json(line) for line in HAND.read_text(encoding="utf-8").splitlines()]
    page = tmp_path / "page.html"
    write_page(articles, page, "records page")
    title, images, scripts, text = dom_facts(chromium(page, tmp_path, "--dump-dom"))
    assert (title, images, scripts) == ("records page", 0, 1)
    for written in ('Evil <b>Corp</b> fined "><img src=x onerror=alert(1)>', "<i>Wire</i>",
                    'Evil Corp "><img src=x onerror=alert(1)>', "odd/<evil>.txt#1"):
        assert written in text
