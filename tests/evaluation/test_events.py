"""Event scores: frames, roles, status and distractors, on the seed's gold events edited by hand (no model)."""

from pathlib import Path

from pipeline.evaluation.baseline import regressions, snapshot
from pipeline.evaluation.event_report import EVENTS_LABEL, event_table, events_html, events_json
from pipeline.evaluation.events import score_events
from pipeline.evaluation.spans import score_spans
from pipeline.evaluation.values import score_articles
from pipeline.gold import load_gold
from pipeline.records import Article, EventRole

SEED_GOLD = Path(__file__).resolve().parents[2] / "articles" / "gold" / "000_7262c0a3e9177b2d.jsonl"
SECOND = "000_7262c0a3e9177b2d.txt#2"


def seed():
    return {SECOND: load_gold(SEED_GOLD)[SECOND]}


def with_events(article: Article, events: list) -> Article:
    return article.model_copy(update={"events": events})


def test_the_gold_against_itself_scores_one_everywhere():
    gold = seed()
    scores = score_events(gold, gold)
    assert (scores.frames.f1, scores.roles.f1, scores.status_accuracy) == (1.0, 1.0, 1.0)
    assert set(scores.frames_by_type) == {"partnership", "enforcement"}
    assert scores.distractors == 0


def test_a_missing_core_role_makes_the_frame_wrong_and_a_missing_date_only_a_role():
    gold = seed()
    article = gold[SECOND]
    events = list(article.events)
    confiscation = events[3]
    assert confiscation.type == "enforcement"
    # the value is enforcement's core role: without it the frame is wrong (one false, one missed frame)
    events[3] = confiscation.model_copy(update={"roles": [r for r in confiscation.roles if r.role != "value"]})
    scores = score_events(gold, {SECOND: with_events(article, events)})
    assert (scores.frames.true_positives, scores.frames.false_positives, scores.frames.false_negatives) == (4, 1, 1)
    assert scores.roles.false_negatives == 1 and scores.roles.false_positives == 0
    assert "missed value=" in scores.matches[SECOND][3].describe()
    # a helper left out is a missed role, but the frame (count or value) stays right
    events[3] = confiscation.model_copy(update={"roles": [r for r in confiscation.roles if r.role != "helper"]})
    scores = score_events(gold, {SECOND: with_events(article, events)})
    assert scores.frames.f1 == 1.0 and scores.roles.recall < 1.0


def test_a_wrong_filler_is_a_false_and_a_missed_role():
    gold = seed()
    article = gold[SECOND]
    events = list(article.events)
    joins = events[0]
    events[0] = joins.model_copy(update={"roles": [joins.roles[0], EventRole(role="partner", ref="organizations/2")]})
    scores = score_events(gold, {SECOND: with_events(article, events)})
    assert scores.roles.false_positives == 1 and scores.roles.false_negatives == 1
    assert scores.frames_by_type["partnership"].false_positives == 1


def test_status_is_scored_on_paired_events_only():
    gold = seed()
    article = gold[SECOND]
    events = [e.model_copy(update={"status": "planned"}) if i == 0 else e for i, e in enumerate(article.events)]
    scores = score_events(gold, {SECOND: with_events(article, events[:-1])})
    assert scores.status == (3, 4)  # the last event is missed, so not paired
    assert scores.frames.f1 < 1.0 and scores.frames.precision == 1.0


def test_events_on_a_distractor_are_false_frames_and_gold_without_events_is_not_scored():
    gold = seed()
    article = gold[SECOND]
    distractor = Article(id="plain#1", text=article.text, organizations=article.organizations)
    predicted = {SECOND: article, "plain#1": with_events(distractor, article.events[:2])}
    scores = score_events({**gold, "plain#1": distractor}, predicted)
    assert (scores.distractors, scores.false_on_distractors) == (1, 2)
    assert scores.false_per_30_distractors == 60.0
    assert score_events({"plain#1": distractor}, {"plain#1": distractor}) is None


def test_reports_and_baselines_carry_the_event_scores():
    gold = seed()
    article = gold[SECOND]
    worse = {SECOND: with_events(article, article.events[1:])}
    for predicted in (gold, worse):
        events = score_events(gold, predicted)
        table = event_table(events)
        assert table.splitlines()[0].startswith("events") and "status accuracy" in table
        assert events_json(events)["frames"]["f1"] == events.frames.f1
    assert "event miss partnership 'joins'" in table
    page = events_html(events.matches[SECOND], article, worse[SECOND])
    assert page.count("MISSED FRAME") == 1 and "<i>member</i>: " in page

    def baseline(predicted):
        return snapshot(gold, score_articles(gold, predicted), score_spans(gold, predicted), {"gold": "seed"},
                        events=score_events(gold, predicted))

    before, after = baseline(gold), baseline(worse)
    assert before["scores"][EVENTS_LABEL]["frame_f1"] == 1.0
    fallen = regressions(before, after)
    assert any(line.startswith(f"seed: {EVENTS_LABEL} frame_f1 fell") for line in fallen)
    assert any("now event miss partnership 'joins'" in line for line in fallen)
