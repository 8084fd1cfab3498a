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
