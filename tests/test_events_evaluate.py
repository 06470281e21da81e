"""Scoring events against gold: the gold format, matching levels, thresholds."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rift.errors import EvalError
from rift.events.evaluate import (
    EvalEvent,
    check_thresholds,
    errors,
    gold_from_row,
    in_annotated_sentences,
    load_gold,
    load_predictions,
    prediction_from_row,
    score_events,
)


def ev(source, target, category="ASSAULT", sign=-1, year=1969, doc=None, end=None, start=None, stop=None):
    return EvalEvent(doc, source, target, category, sign, year, end, None, None, start, stop)


def test_events_evaluate_gold_row_defaults_and_reciprocal():
    (g,) = gold_from_row({"source": "CHN", "target": "SUN", "category": "accuse", "year": 1963}, "x")
    assert g.category == "ACCUSE" and g.sign == -1  # the sign of the category's score
    both = gold_from_row({"source": "CHN", "target": "SUN", "category": "AGREE", "year": None, "reciprocal": True}, "x")
    assert {(e.source, e.target) for e in both} == {("CHN", "SUN"), ("SUN", "CHN")} and both[0].sign == 1


@pytest.mark.parametrize(
    "row,message",
    [
        ({"target": "SUN", "category": "AID"}, "source"),
        ({"source": "CHN", "target": "SUN", "category": "BOMB"}, "unknown category"),
        ({"source": "CHN", "target": "SUN", "category": "AID", "sign": 2}, "sign"),
        ({"source": "CHN", "target": "SUN", "category": "AID", "year": "1960"}, "year"),
    ],
)
def test_events_evaluate_gold_errors_are_designed(row, message):
    with pytest.raises(EvalError, match=message):
        gold_from_row(row, "gold.jsonl:3")


def test_events_evaluate_levels():
    gold = [ev("CHN", "SUN", "ASSAULT", -1, 1969), ev("SUN", "CHN", "AID", 1, 1950), ev("CHN", "IND", "ASSAULT", -1, None)]
    pred = [ev("CHN", "SUN", "ACCUSE", -1, 1969), ev("SUN", "CHN", "AID", 1, 1951), ev("CHN", "IND", "ASSAULT", -1, 1962), ev("USA", "CHN")]
    s = score_events(gold, pred)
    assert s.level("dyad").matched == 3
    assert s.level("dyad+sign").matched == 3
    assert s.level("dyad+sign+year").matched == 2  # 1950 != 1951; an undated gold event matches any year
    assert s.level("dyad+category").matched == 2
    assert s.level("dyad+sign+year").precision == pytest.approx(2 / 4)
    assert s.level("dyad+sign+year").recall == pytest.approx(2 / 3)
    assert s.dated_recall.gold == 2 and s.dated_recall.matched == 1
    assert s.level("source").matched == 3 and s.level("category").matched == 3  # bags: the stray ASSAULT counts


def test_events_evaluate_many_to_one_precision_counts_repeated_mentions():
    gold = [ev("CHN", "SUN", "ACCUSE", -1, 1963)]
    pred = [ev("CHN", "SUN", "ACCUSE", -1, 1963), ev("CHN", "SUN", "ACCUSE", -1, 1963), ev("CHN", "SUN", "ACCUSE", -1, 1964)]
    lv = score_events(gold, pred).level("dyad+sign+year")
    assert lv.matched == 1 and lv.precision == pytest.approx(1 / 3)  # one to one
    assert lv.supported == 2 and lv.precision_any == pytest.approx(2 / 3)  # the 1964 one is backed by no gold event
    assert score_events(gold, []).level("dyad").precision_any == 0.0


def test_events_evaluate_year_span_predictions_match_inside():
    assert score_events([ev("A", "B", year=1962)], [ev("A", "B", year=1960, end=1964)]).level("dyad+sign+year").matched == 1


def test_events_evaluate_matching_is_maximal_not_greedy():
    gold = [ev("A", "B", year=None), ev("A", "B", year=1960)]
    pred = [ev("A", "B", year=1960), ev("A", "B", year=1970)]
    assert score_events(gold, pred).level("dyad+sign+year").matched == 2


def test_events_evaluate_documents_and_aliases():
    gold = [ev("A", "B", doc="d1"), ev("A", "B", doc="d2")]
    pred = [ev("A", "B", doc="id1"), ev("A", "B", doc="other")]
    s = score_events(gold, pred, doc_aliases={"d1": "id1"})
    assert s.level("dyad").matched == 1 and s.level("dyad").predicted == 1  # documents not in the gold are left out
    assert s.n_docs == 2


def test_events_evaluate_scope_sentences():
    gold = [ev("A", "B", doc="d", start=0, stop=50)]
    inside, outside = ev("A", "B", doc="d", start=10, stop=40), ev("C", "D", doc="d", start=60, stop=90)
    assert in_annotated_sentences(gold, [inside, outside]) == [inside]
    assert score_events(gold, [inside, outside], scope="sentences").level("dyad").precision == 1.0


def test_events_evaluate_errors_lists_misses_and_false_alarms():
    missed, extra = errors([ev("A", "B"), ev("C", "D")], [ev("A", "B"), ev("E", "F")])
    assert [(m.source, m.target) for m in missed] == [("C", "D")] and [(x.source, x.target) for x in extra] == [("E", "F")]


def test_events_evaluate_thresholds():
    s = score_events([ev("A", "B")], [ev("A", "B"), ev("X", "Y")])
    check_thresholds(s, min_recall=1.0)
    with pytest.raises(EvalError, match="precision 0.500 < 0.9"):
        check_thresholds(s, min_precision=0.9)


def test_events_evaluate_reads_files(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text('# a comment\n{"source": "CHN", "target": "SUN", "category": "ACCUSE", "year": 1963}\n\n', encoding="utf-8")
    pred = tmp_path / "events.jsonl"
    row = {"doc": "d", "source": "CHN", "target": "SUN", "category": "ACCUSE", "intensity": -2.0, "date": {"value": "1963-09", "start": "1963-09-01", "end": "1963-09-30"}, "start": 0, "end": 10}
    pred.write_text(json.dumps(row) + "\n", encoding="utf-8")
    assert len(load_gold(gold)) == 1
    (p,) = load_predictions(tmp_path)  # a run folder works too
    assert (p.year, p.year_end, p.sign) == (1963, 1963, -1)
    with pytest.raises(EvalError, match="no such gold"):
        load_gold(tmp_path / "missing.jsonl")
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n", encoding="utf-8")
    with pytest.raises(EvalError, match="bad.jsonl:1"):
        load_gold(bad)


def test_events_evaluate_prediction_without_date():
    p = prediction_from_row({"source": "A", "target": "B", "category": "AID", "intensity": 10, "date": None})
    assert p.year is None and p.sign == 1


EVENTS = st.builds(
    lambda s, t, c, g, y: ev(s, t, c, g, y),
    st.sampled_from(["CHN", "SUN", "USA", "IND"]),
    st.sampled_from(["CHN", "SUN", "USA", "IND"]),
    st.sampled_from(["AID", "ASSAULT", "ACCUSE"]),
    st.sampled_from([-1, 0, 1]),
    st.one_of(st.none(), st.integers(1950, 1970)),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(EVENTS, min_size=1, max_size=12))
def test_events_evaluate_gold_against_itself_is_perfect(gold):
    s = score_events(gold, list(gold))
    for lv in s.levels:
        assert lv.precision == 1.0 and lv.recall == 1.0


@settings(max_examples=60, deadline=None)
@given(st.lists(EVENTS, min_size=1, max_size=10), st.lists(EVENTS, max_size=10))
def test_events_evaluate_stricter_levels_match_fewer(gold, pred):
    s = score_events(gold, pred)
    m = {lv.level: lv.matched for lv in s.levels}
    assert m["dyad+sign+year"] <= m["dyad+sign"] <= m["dyad"]
    assert m["dyad+category+year"] <= m["dyad+category"] <= m["dyad"]
    assert all(lv.matched <= min(lv.gold, lv.predicted) for lv in s.levels)
