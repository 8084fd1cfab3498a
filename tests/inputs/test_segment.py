import pytest

from pipeline.inputs.segment import describe_header, split_articles


def test_seed_layout_gives_two_articles(seed_file):
    text = seed_file.read_text(encoding="utf-8")
    articles = split_articles(text)
    assert [(a.header.title, a.header.source) for a in articles] == [
        ("Alibaba helps in catching 1,953 counterfeiting suspects", "Xinhuanet.com"),
        ("Richemont joins Alibaba’s anti-counterfeiting alliance", "WWD.com"),
    ]
    assert text[articles[1].start:articles[1].end].endswith("visiting abroad.")


def test_headline_and_date_line_give_title_and_published():
    text = ("Harbor Foods to buy Greenline for US$2 billion\n2019-06-04\n\n"
            "Harbor Foods Inc. said on Tuesday it would buy the grocer Greenline.\n")
    [article] = split_articles(text)
    assert (article.header.title, article.header.published, article.header.source) == ("Harbor Foods to buy Greenline for US$2 billion",
                                                                  "2019-06-04", None)
    start, end = article.header.metadata_ranges[0]
    assert text[article.start:][start:end] == "2019-06-04"


def test_plain_paragraph_has_no_title():
    header = describe_header("Shares of Toyota rose 3% on Monday after the company said it sold 2 million cars.")
    assert header.title is None and header.published is None


def test_trailing_text_after_last_source_is_an_article():
    text = "One\n\nBody one.\nSource: A.com\n\nTwo\n\nBody two."
    assert [a.header.source for a in split_articles(text)] == ["A.com", None]


def test_blank_text_has_no_article():
    assert split_articles("\n \n") == []


def test_credit_lines_are_metadata_and_close_articles_with_their_source():
    raw = ("Editor: Zhang Min\nAlibaba helps police\n\nAlibaba Group said it hired 200 staff.\nEditor: Zhang Min\n"
           "Source: Xinhuanet\nEditor: Liu Wei\n\nRichemont joins alliance\n\nRichemont said 30 brands joined.\n"
           "Source: WWD.com")
    first, second = split_articles(raw)
    assert (first.header.title, first.header.source, second.header.title, second.header.source) == (
        "Alibaba helps police", "Xinhuanet", "Richemont joins alliance", "WWD.com")
    body = raw[first.start:first.end]
    assert [body[s:e] for s, e in first.header.metadata_ranges] == ["Editor: Zhang Min", "Editor: Zhang Min"]
    assert "Liu Wei" not in raw[second.start:second.end]


@pytest.mark.parametrize(("opening", "published", "source", "body_starts"), [
    ("HONG KONG, June 12, 2024 (Reuters) - ", "2024-06-12", "Reuters", "Huarun Land"),
    ("AUSTIN, Texas, Sept. 9, 2024 /PRNewswire/ -- ", "2024-09-09", "PRNewswire", "Huarun Land"),
    ("SAN FRANCISCO--(BUSINESS WIRE)--May 2, 2024--", "2024-05-02", "Business Wire", "Huarun Land"),
    ("NAIROBI, Kenya (AP) _ ", None, "AP", "Huarun Land"),
    ("BEIJING, June 5 (Xinhua) -- ", None, "Xinhua", "Huarun Land"),
    ("NEW DELHI: ", None, None, "Huarun Land"),
])
def test_datelines_give_date_and_source_and_end_where_the_body_begins(opening, published, source, body_starts):
    text = f"Huarun to Sell Assets\n\n{opening}Huarun Land said on Tuesday it would sell its malls for $2 billion."
    [article] = split_articles(text)
    header = article.header
    assert (header.title, header.published, header.source) == ("Huarun to Sell Assets", published, source)
    [(start, end)] = header.metadata_ranges
    assert text[start:end] == opening and text[end:].startswith(body_starts)


def test_a_wire_dateline_on_a_line_of_its_own_gives_no_facts():
    text = "Huarun to Sell Malls\n\nSHENZHEN, May 7 (Xinhua) --\n\nHuarun Land said it would sell four malls."
    header = describe_header(text)
    assert (header.title, header.source) == ("Huarun to Sell Malls", "Xinhua")
    assert [text[s:e] for s, e in header.metadata_ranges] == ["SHENZHEN, May 7 (Xinhua) --"]


def test_a_dateline_on_its_own_line_under_a_headline_ending_in_a_full_stop():
    text = "EU rejects German call to boycott British lamb .\nLONDON 1996-08-22\nThe European Commission said on Thursday .\n"
    header = describe_header(text)
    assert (header.title, header.published) == ("EU rejects German call to boycott British lamb .", "1996-08-22")
    assert [text[s:e] for s, e in header.metadata_ranges] == ["LONDON 1996-08-22"]


def test_a_byline_is_a_credit_not_the_title():
    text = "Pennington & Bell to Shut 22 Stores\nBy Business Reporter\nThursday 11 July 2024\n\nPennington & Bell said it would."
    header = describe_header(text)
    assert (header.title, header.published) == ("Pennington & Bell to Shut 22 Stores", "2024-07-11")
    assert [text[s:e] for s, e in header.metadata_ranges] == ["By Business Reporter", "Thursday 11 July 2024"]
