"""The library API on the real model."""

from pipeline import Article, extract, extract_folder


def test_extract_returns_a_validated_article_with_offsets_into_the_input(nlp):
    text = "Toyota Motor Corp. will invest $2.5 billion in three factories, it said on March 31, 2018."
    article = extract(text)
    assert isinstance(article, Article) and article.text == text
    assert [(m.amount, m.currency) for m in article.money] == [("2500000000", "USD")]
    assert [(c.value, c.item) for c in article.counts] == [(3, "factory")]
    assert [d.value for d in article.dates] == ["2018-03-31"]
    assert [o.name for o in article.organizations] == ["Toyota"]
    for fact in [*article.money, *article.counts, *article.dates]:
        assert text[fact.start:fact.end] == fact.text


def test_extract_folder_ids_are_relative_paths(nlp, tmp_path):
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text("Apple sold 5 million phones.\n", encoding="utf-8")
    skipped = []
    articles = list(extract_folder(tmp_path, on_skip=skipped.append))
    assert [a.id for a in articles] == ["news/a.txt#1"] and skipped == []


def test_relative_dates_use_a_dateline(nlp):
    article = extract("Kmart buys Sears\n2004-11-17\n\nKmart announced the deal on Wednesday.")
    assert article.published == "2004-11-17"
    assert [d.value for d in article.dates] == ["2004-11-17"]


def test_long_article_is_processed_in_pieces_with_offsets_kept(nlp):
    paragraph = "Nike said it will cut 500 jobs and pay $14.4 million to Adidas in March 2019.\n\n"
    text = paragraph * 40
    saved = nlp.max_length
    nlp.max_length = 1000
    try:
        article = extract(text)
    finally:
        nlp.max_length = saved
    assert article.text == text
    assert len(article.money) == 40 and len(article.counts) == 40 and len(article.dates) == 40
    assert {(m.amount, m.currency) for m in article.money} == {("14400000", "USD")}
    assert article.money[-1].start > len(text) - len(paragraph)
    assert {o.name for o in article.organizations} == {"Nike", "Adidas"}


def test_shared_currency_forms_follow_the_country_named(nlp):
    swedish = extract("Swedish retailer Lindex shares rose to 116 Kroner in Stockholm.")
    assert [(m.amount, m.currency, m.currency_basis) for m in swedish.money] == [("116", "SEK", "context")]
    pakistani = extract("Lucky Cement posted a profit of Rs 9.8 billion, the Karachi-based company said.")
    assert [(m.currency, m.currency_basis) for m in pakistani.money] == [("PKR", "context")]
    canadian = extract("The Toronto-based bank earned $2 billion in Canada.")  # a bare $ stays USD
    assert [(m.currency, m.currency_basis) for m in canadian.money] == [("USD", "default")]
    stated = extract("The Auckland company raised $80 million (NZD) at $5 a share.")
    assert [(m.currency, m.currency_basis, m.per_unit) for m in stated.money] == [("NZD", "explicit", None),
                                                                                 ("USD", "default", "share")]


def test_a_count_after_to_is_not_the_end_of_a_money_range(nlp):
    article = extract("ADNOC awarded contracts worth $8.2 billion to two consortia.")
    assert [(m.amount, m.relation) for m in article.money] == [("8200000000", None)]
    assert [(c.value, c.item) for c in article.counts] == [(2, "consortium")]


def test_approximate_and_elliptical_counts(nlp):
    article = extract("Dozens of shops closed. The chain now runs 140 stores, up from 120 a year earlier.")
    assert [(c.value, c.item, c.qualifier) for c in article.counts] == [(12, "shop", "at least"), (140, "store", None),
                                                                       (120, "store", None)]


def test_part_of_the_year_uses_the_dateline(nlp):
    article = extract("Oil prices\n2008-11-28\n\nPrices have fallen since the beginning of the year.")
    assert [d.value for d in article.dates] == ["2008"]


def test_source_lines_in_a_single_text_are_metadata(nlp, seed_file):
    article = extract(seed_file.read_text(encoding="utf-8"))
    mentions = [m.text for org in article.organizations for m in org.mentions]
    assert article.source == "WWD.com"
    assert not any("Xinhuanet" in m or "WWD" in m for m in mentions)


def test_a_release_dateline_gives_no_facts_and_keeps_the_first_organization(nlp):
    text = ("Acme Robotics Reports Results\n\nSAN FRANCISCO--(BUSINESS WIRE)--May 2, 2024--Acme Robotics, Inc. today "
            "reported revenue of $42 million for the quarter, up from $30 million last year.")
    article = extract(text)
    assert (article.published, article.source) == ("2024-05-02", "Business Wire")
    body = text.index("\n\n")
    first = min((m for org in article.organizations for m in org.mentions if m.start > body), key=lambda m: m.start)
    assert first.text == "Acme Robotics, Inc." and text[first.start - 2:first.start] == "--"
    assert ("last year", "2023") in [(d.text, d.value) for d in article.dates]  # read against the dateline's date
    assert all(d.start > first.start for d in article.dates)  # the dateline's own date is metadata


def test_published_is_given_for_articles_without_a_date(nlp, tmp_path):
    (tmp_path / "a.txt").write_text("Acme said profit rose last year.\n", encoding="utf-8")
    from pipeline.inputs.formats import ReadOptions
    [undated] = extract_folder(tmp_path)
    [dated] = extract_folder(tmp_path, options=ReadOptions(published="2024-05-01"))
    assert undated.dates == [] and [d.value for d in dated.dates] == ["2023"] and dated.published == "2024-05-01"
