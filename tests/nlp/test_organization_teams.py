"""Sports clubs named by their city (issue 13): organizations in results and match reports, places elsewhere.

Texts written for these tests; each checks one rule and could fail if the rule went. The rule tests read the
team positions of a blank English pipeline; the others run the real model."""

import pytest
import spacy

from pipeline.nlp.organizations.teams import RESULT, is_sports, sports_words, team_slots


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


def slots(blank, text):
    doc = blank(text)
    return [(doc[s:e].text, kind == RESULT) for s, e, kind in team_slots(doc, sports_words())]


def orgs(nlp, text):
    return [e.text for e in nlp(text).ents if e.label_ == "ORG"]


def test_names_before_scores_in_a_results_line_and_a_standings_row_are_team_positions(blank):
    text = "Hartford 4 BOSTON 2\nWest Riding 10 7 2 1 20 8 23\n"
    assert slots(blank, text) == [("Hartford", True), ("BOSTON", True), ("West Riding", True)]


def test_names_beside_a_match_verb_are_team_positions(blank):
    text = "Bristol beat Plymouth on Saturday.\nExeter drew 1-1 with Swindon."
    assert slots(blank, text) == [("Bristol", False), ("Plymouth", False), ("Exeter", False), ("Swindon", False)]


def test_a_score_followed_by_words_of_a_sentence_is_no_result(blank):
    assert slots(blank, "Euro 96 absentee Nicolas Ouedec scored .\nLeeds 22 points , Hull 4 .\n") == [
        ("Leeds", True), ("Hull", True)]


def test_a_name_inside_parentheses_or_before_a_year_is_no_team_position(blank):
    text = "Bristol 3 ( Hughes 2 ) Plymouth 1\nLEEDS 2024-03-02\n"
    assert slots(blank, text) == [("Bristol", True), ("Plymouth", True)]


def test_a_headline_in_capitals_stops_a_name_at_the_verb(blank):
    assert slots(blank, "SOCCER - LEEDS BEAT HULL IN CUP .") == [("LEEDS", False), ("HULL", False)]


def test_a_sports_article_needs_several_match_words(nlp):
    text = "Leeds 4 Hull 2\n"
    assert orgs(nlp, text + "The league match ended after halftime goals.") == ["Leeds", "Hull"]
    assert orgs(nlp, text + "Sales in Leeds rose 4 percent; the company beat forecasts.") == []


def test_a_bare_results_table_with_two_match_words_is_a_sports_article():
    words = sports_words()
    assert is_sports(2, words, 4) and is_sports(3, words, 0)
    assert not is_sports(2, words, 1) and not is_sports(1, words, 8)


def test_the_second_team_of_an_at_fixture_is_the_venue(blank):
    assert slots(blank, "DURHAM AT SALFORD\nLeeds v Hull\n") == [("DURHAM", False), ("Leeds", False), ("Hull", False)]


def test_clubs_named_by_their_city_in_a_results_table_are_organizations(nlp):
    text = ("SOCCER - ENGLISH LEAGUE RESULTS .\nLONDON 2024-03-02\nResults of English league soccer matches on "
            "Saturday :\nLeeds 2 Portsmouth 1\nNorwich 0 Sheffield 3\nStandings after Saturday 's matches :\n"
            "Sheffield 10 7 2 1 20 8 23\nLeeds 10 6 3 1 18 9 21\n")
    found = orgs(nlp, text)
    assert {"Leeds", "Portsmouth", "Norwich", "Sheffield"} <= set(found)
    assert found.count("Sheffield") == 2 and found.count("Leeds") == 2
    assert "LONDON" not in found


def test_clubs_in_a_match_report_are_organizations_at_every_mention(nlp):
    text = ("Bristol beat Plymouth 2-1 in the league cup on Saturday, with both goals after halftime. "
            "The victory lifts Bristol to third in the division, while Plymouth stay bottom of the league.")
    assert orgs(nlp, text) == ["Bristol", "Plymouth", "Bristol", "Plymouth"]


def test_a_city_outside_a_sports_article_stays_a_place(nlp):
    text = "Flooding hit Leeds on Saturday.\nLeeds 4 , Portsmouth 2 : the flood warnings issued by Sunday.\n"
    assert orgs(nlp, text) == []


def test_national_teams_are_written_as_their_country_and_stay_places(nlp):
    text = ("Portugal beat Estonia 3-1 ( halftime 2-0 ) in a friendly soccer international on Sunday .\n"
            "The league match drew 3,000 spectators.")
    assert orgs(nlp, text) == []


def test_players_and_venues_in_a_scorecard_stay_what_they_are(nlp):
    text = ("Results of county cricket matches on Friday :\nTaunton : Kent beat Sussex by 20 runs .\n"
            "Kent 301 ( R. Hughes 88 ) , Sussex 281 .\nBowling : Whitmore 8-0-41-2 , Abbott 6-1-22-0 .\n"
            "Kent take the lead in the championship with the victory .\n")
    found = orgs(nlp, text)
    assert found.count("Kent") == 3 and found.count("Sussex") == 2
    assert not {"Taunton", "Hughes", "R. Hughes", "Whitmore", "Abbott"} & set(found)


def test_a_club_before_a_squad_noun_is_an_organization(nlp):
    text = ("Exeter captain Tom Ridley scored twice as the league leaders won 3-0 at halftime "
            "in the cup match against Swindon on Saturday.")
    assert "Exeter" in orgs(nlp, text)


def test_names_listed_with_a_team_are_teams_and_a_comma_alone_makes_no_list(nlp):
    text = ("Bristol beat Plymouth 2-1 in the league on Saturday , with both goals after halftime .\n"
            "Title rivals Exeter , Swindon and Bristol all won their matches .\n"
            "At the Ashton Gate , Bristol captain Tom Ridley praised the team .\n")
    found = orgs(nlp, text)
    assert {"Exeter", "Swindon"} <= set(found)
    assert not {"Ashton Gate", "the Ashton Gate"} & set(found)


def test_a_team_after_match_against_is_a_team(blank):
    assert ("Swindon", False) in slots(blank, "Exeter won their match against Swindon .")


def test_a_capital_v_in_a_name_and_was_before_to_are_no_match_words(blank):
    text = "Leeds v Hull .\nThe league cup match went to the King George V ground .\nIt was connected to HD TV .\n"
    assert slots(blank, text) == [("Leeds", False), ("Hull", False)]
