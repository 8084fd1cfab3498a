"""The date finder: DATE entities to ISO values, relative ones read against the article the Doc belongs to."""

import spacy
from spacy.tokens import Span

from pipeline.inputs.formats import SourceArticle
from pipeline.nlp.base import DateHit
from pipeline.nlp.dates import _day_of_time


def dates(nlp, text, published=None):
    doc = nlp.make_doc(text)
    doc._.article = SourceArticle.of_text(text, published=published)
    doc = nlp(doc)
    return [(s.text, s._.date) for s in doc.spans["dates"]]


def test_relative_dates_need_the_articles_date(nlp):
    text = "Sales rose last year and fell on Wednesday, the company said in March 2019."
    assert dates(nlp, text) == [("March 2019", DateHit("2019-03", "month"))]
    assert dates(nlp, text, published="2004-11-19") == [("last year", DateHit("2003", "year")),
                                                        ("Wednesday", DateHit("2004-11-17", "day")),
                                                        ("March 2019", DateHit("2019-03", "month"))]


def test_a_year_range_gives_both_years_and_a_long_expression_its_calendar_date(nlp):
    found = dates(nlp, "Output will grow between 2024 and 2028. Profit for the six months ended Sept. 30, 2023 rose.")
    assert [(text, hit.value) for text, hit in found] == [("2024", "2024"), ("2028", "2028"), ("Sept. 30, 2023", "2023-09-30")]


def test_a_text_on_its_own_has_no_article(nlp):
    doc = nlp("It closed on Friday.")
    assert doc._.article is None and list(doc.spans["dates"]) == []


def values(nlp, text, published):
    return [(span, hit.value) for span, hit in dates(nlp, text, published)]


def test_the_tense_of_the_clause_decides_the_year_of_a_month(nlp):
    assert values(nlp, "The chief executive was fired in August.", "2013-03-05") == [("August", "2012-08")]
    assert values(nlp, "The new plant will open in August.", "2013-03-05") == [("August", "2013-08")]


def test_a_planned_weekday_lies_ahead(nlp):
    text = "The team planned to leave Nairobi on Thursday. Talks are set to resume Monday. She arrived Friday."
    assert values(nlp, text, "1998-09-30") == [("Thursday", "1998-10-01"), ("Monday", "1998-10-05"),
                                               ("Friday", "1998-09-25")]


def test_a_year_earlier_is_the_period_under_discussion_one_year_back(nlp):
    text = ("Net income rose to $5 million in the third quarter from $4 million a year earlier. "
            "In the year-ago quarter, sales were flat.")
    assert values(nlp, text, "1989-11-02") == [("the third quarter", "1989-Q3"), ("a year earlier", "1988-Q3"),
                                               ("the year-ago quarter", "1988-Q3")]


def test_a_period_ended_at_a_date_gives_the_date_and_a_range_both_ends(nlp):
    text = "Profit fell in the quarter to Dec. 31. It bought 254,200 shares from Sept. 14 to Thursday."
    assert values(nlp, text, "2013-03-05") == [("Dec. 31", "2012-12-31"), ("Sept. 14", "2012-09-14"),
                                               ("Thursday", "2013-02-28")]


def test_months_joined_before_one_year_all_take_that_year(nlp):
    """The model may split "August and September of 2004" or end a date on "and" ("between March and"): each month
    is a date of the year written last, not of the year the tense would give it."""
    text = "It bought the firms in August and September of 2004. The plant will close between March and May 2025."
    assert values(nlp, text, "2006-01-20") == [("August", "2004-08"), ("September of 2004", "2004-09"),
                                               ("March", "2025-03"), ("May 2025", "2025-05")]
    assert values(nlp, "Talks were held on April 24 and 25, 2023.", "2024-01-10") == [
        ("April 24", "2023-04-24"), ("25, 2023", "2023-04-25")]


def test_a_list_of_years_gives_each_year(nlp):
    assert values(nlp, "Sales rose in 1994, 1995 and 1997.", "1998-02-01") == [
        ("1994", "1994"), ("1995", "1995"), ("1997", "1997")]


def test_a_season_of_two_years_gives_both(nlp):
    assert values(nlp, "The league grew in the 1957-58 season.", None) == [("1957", "1957"), ("58", "1958")]


def test_halves_are_written_as_halves(nlp):
    assert dates(nlp, "Deliveries start in the first half of 2024.") == [("the first half of 2024",
                                                                          DateHit("2024-H1", "half"))]


def test_clock_times_and_recurrences_are_not_dates(nlp):
    text = "The blast came at 10:35 a.m. (0735 GMT) Friday. Flights depart each Thursday from August 6."
    assert [span for span, _ in values(nlp, text, "1998-08-08")] == ["Friday", "August 6"]


def test_the_day_of_a_time_of_day_is_a_date(nlp):
    assert values(nlp, "Police arrested him on Sunday night.", "1998-03-24") == [("Sunday night", "1998-03-22")]


def test_a_relative_date_in_a_title_is_part_of_the_name(nlp):
    text = 'This is VOA Today. James Baker, speaking on "This Week," said talks begin today.'
    assert values(nlp, text, "1998-03-31") == [("today", "1998-03-31")]


def test_the_quarter_a_story_reports_is_what_a_year_earlier_refers_to(nlp):
    text = ("Third-quarter profit rose 10%. Assets as of Sept. 30 were $2 billion. "
            "Revenue rose to $9 million from $7 million a year earlier.")
    assert values(nlp, text, "1989-10-26")[-1] == ("a year earlier", "1988-Q3")


def test_holidays_the_model_calls_events_and_the_day_inside_a_time(nlp):
    assert values(nlp, "Elian was found on Thanksgiving Day clinging to an inner tube.", "2000-01-07") == [
        ("Thanksgiving Day", "1999-11-25")]
    assert values(nlp, "He was arrested in the early hours of Thursday morning.", "1999-10-08") == [
        ("Thursday morning", "1999-10-07")]


def test_fiscal_years_and_deadlines(nlp):
    text = ("Profit rose in FY24 and in FY'23. The closures would be completed by January. "
            "The deal was extended to Nov. 16. Output will rise over the next year.")
    assert values(nlp, text, "2024-07-11") == [("FY24", "2024"), ("FY'23", "2023"), ("January", "2025-01"),
                                               ("Nov. 16", "2024-11-16")]


def test_a_headline_quarter_and_the_year_ago_comparison(nlp):
    text = ("Orvane Reports Second Quarter 2023 Results\n\nOrvane said sales were $80 million, against $70 million "
            "in the second quarter of 2022. Its loss narrowed from $9 million a year ago.")
    assert values(nlp, text, "2023-08-03") == [("Second Quarter 2023", "2023-Q2"),
                                               ("the second quarter of 2022", "2022-Q2"), ("a year ago", "2022-Q2")]


def test_a_planned_quarter_is_not_the_one_reported(nlp):
    text = ("The bank said the closures would be completed in the third quarter. Profit for 2023 was $5 million, "
            "down from $6 million a year earlier.")
    assert values(nlp, text, "2024-03-05") == [("the third quarter", "2024-Q3"), ("2023", "2023"),
                                               ("a year earlier", "2022")]


def test_a_relative_clause_on_a_year_gives_its_month_that_year(nlp):
    text = "The group expects higher sales for fiscal 2025, which ends in June."
    assert values(nlp, text, "2024-11-20") == [("fiscal 2025", "2025"), ("June", "2025-06")]


def test_a_duration_before_a_date_leaves_the_date(nlp):
    assert values(nlp, "She said she waited six months last year for the payment.", "2024-05-07") == [
        ("last year", "2023")]


def test_a_count_word_at_one_end_of_a_duration_is_no_month(nlp):
    assert values(nlp, "Repairs usually take between three to five days, the garage said.", "2011-06-14") == []


def test_as_soon_as_or_as_early_as_puts_a_weekday_ahead(nlp):
    text = "The ferry could sail as early as Saturday, officials said. Talks may resume as soon as Thursday."
    assert values(nlp, text, "2016-05-11") == [("Saturday", "2016-05-14"), ("Thursday", "2016-05-12")]


def test_a_weekday_or_holiday_the_model_leaves_untagged_is_still_a_date(nlp):
    found = values(nlp, "Rescuers reached the village Friday. The mill burned down last Easter.", "2009-07-08")
    assert found == [("Friday", "2009-07-03"), ("last Easter", "2009-04-12")]
    assert values(nlp, "Shoppers queued for hours on Black Friday. She read A Christmas Carol aloud.",
                  "2009-12-01") == []


def test_today_and_tonight_inside_a_time_are_the_article_day_unless_a_clock_time_goes_with_them(nlp):
    found = values(nlp, "The mayor will speak later today. The vote is not until tonight.", "2012-02-20")
    assert found == [("later today", "2012-02-20"), ("tonight", "2012-02-20")]
    blank = spacy.blank("en")("They met at 16:00 UTC today and again later today.")
    clock, later = Span(blank, 3, 6, label="TIME"), Span(blank, 8, 10, label="TIME")
    assert _day_of_time(clock) is None and _day_of_time(later).group() == "later today"


def test_the_latest_period_of_a_results_story_and_a_quarter_the_model_calls_an_ordinal(nlp):
    text = "Tarnell earned $3 million in the third quarter. Revenue in the latest period rose 4%."
    assert values(nlp, text, "2015-11-04") == [("the third quarter", "2015-Q3"), ("the latest period", "2015-Q3")]
    assert values(nlp, "After a sluggish first quarter, orders picked up.", "2015-11-04") == [
        ("first quarter", "2015-Q1")]


def test_this_or_last_before_a_period_the_model_tagged_alone(nlp):
    assert values(nlp, "Voters will choose a mayor in this year's election.", "2007-04-02") == [("this year", "2007")]


def test_a_deadline_date_lies_where_it_is_nearest_whatever_the_clause_tense(nlp):
    assert values(nlp, "The regulator gave no reason for the March 9 deadline.", "2006-03-01") == [
        ("March 9", "2006-03-09")]


def test_a_participle_clause_takes_its_tense(nlp):
    text = ("Copper prices have swung widely, climbing to a peak in May from a low in February. "
            "Lawyers will contest the verdict, handed down Monday by the jury.")
    assert values(nlp, text, "2003-11-12") == [("May", "2003-05"), ("February", "2003-02"), ("Monday", "2003-11-10")]


def test_today_as_nowadays_is_no_date(nlp):
    text = "The band's songs still speak to today's teenagers. Planners must build for the workers of tomorrow."
    assert values(nlp, text, "2018-06-01") == []
    assert values(nlp, "Today's vote was close.", "2018-06-01") == [("Today", "2018-06-01")]


def test_putting_off_until_a_day_or_planning_in_the_present_looks_ahead(nlp):
    text = "The council postponed until Thursday its vote on the budget. On Friday, the union plans to hold a rally."
    assert values(nlp, text, "2010-09-21") == [("Thursday", "2010-09-23"), ("Friday", "2010-09-24")]


def test_a_record_set_on_a_day_is_past_and_a_day_set_as_a_deadline_is_the_nearest(nlp):
    """"set" plans only with "for" or "to": a record "set on Aug. 6" was set; a day "set as the deadline" is where
    deadlines lie, the nearest one."""
    assert values(nlp, "The index is 3% below its record high set on Aug. 6.", "1998-02-06") == [
        ("Aug. 6", "1997-08-06")]
    assert values(nlp, "Dunkin has set Nov. 10 as the deadline for the receipt of bids.", "1989-11-02") == [
        ("Nov. 10", "1989-11-10")]


def test_a_meeting_set_for_a_place_in_a_month_is_to_come(nlp):
    """A participle of setting with "for" schedules, though the month's own preposition is "in"."""
    assert values(nlp, "Ministers prepared for a trade summit set for Geneva in May.", "2003-03-20") == [
        ("May", "2003-05")]


def test_a_weekday_inside_words_the_normalizer_cannot_read_is_still_the_weekday(nlp):
    assert values(nlp, "During the day Friday, the boy played in the yard.", "2000-01-07") == [("Friday", "2000-01-07")]
    assert values(nlp, "Family Day falls on the third Monday of every February.", "2008-02-18") == []  # a recurrence


def test_a_date_after_at_least_or_no_later_than_is_read(nlp):
    assert values(nlp, "She will wait until at least Tuesday, August 2nd, to claim her win.", "2005-07-30") == [
        ("Tuesday, August 2nd", "2005-08-02")]


def test_a_month_opening_a_name_is_no_date(nlp):
    assert values(nlp, "Protesters gathered at the annual March for Life on Capitol Hill.", "1999-01-22") == []
    assert values(nlp, "Sales rose in March for the group.", "1999-05-22") == [("March", "1999-03")]
