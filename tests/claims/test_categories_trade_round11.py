"""Round 11 of the trade readers and judges, one family of phrasings per rule, each shown with made-up sentences and
made-up figures stated here (so each verdict follows from the numbers in the test, not from a pack): a twelve-month
span of one year ('January-December') is that calendar year; a figure for the year the article was written in cannot
be the full year's, so it is never judged on annual data; a round figure named as a mark ('crossing the $N mark') is a
bound taken from the verb before it, never the total itself."""

from __future__ import annotations

import pytest

from multipolar.claims import check_text
from multipolar.claims.fake_evidence import FakeEvidence
from multipolar.claims.reading.numbers import amounts
from multipolar.claims.reading.times import find_times


def of_type(result, kind):
    return [v for v in result if v.type == kind]


def summary(result):
    return [(v.type, v.text, v.verdict, v.reason[:140]) for v in result]


PAIR = FakeEvidence(trade={  # made-up Kazakhstan-Mongolia figures, one source
    ("KAZ", "MNG", "export", "imf_dots"): {2019: 300e6, 2020: 400e6, 2021: 500e6},
    ("KAZ", "MNG", "import", "imf_dots"): {2019: 100e6, 2020: 100e6, 2021: 120e6},
    ("KAZ", "MNG", "turnover", "imf_dots"): {2019: 400e6, 2020: 500e6, 2021: 620e6},
})


# --- "January-December 2020": all twelve months, the calendar year ---------------------------------------------------

@pytest.mark.parametrize("span", ["January-December 2020", "January to December 2020", "the first twelve months of 2020",
                                  "Jan-Dec 2020"])
def test_a_twelve_month_span_is_the_calendar_year(span):
    times = [t for t in find_times(f"Exports were $400 million in {span}.") if t.year]
    assert [(t.kind, t.year) for t in times] == [("year", 2020)], times


@pytest.mark.parametrize("span,months", [("January-November 2020", (1, 11)), ("February-December 2020", (2, 12)),
                                         ("the first eleven months of 2020", (1, 11))])
def test_a_shorter_span_stays_partial(span, months):
    times = [t for t in find_times(f"Exports were $400 million in {span}.") if t.year]
    assert [(t.kind, t.months) for t in times] == [("partial", months)], times


def test_a_twelve_month_figure_is_judged_on_the_annual_data():
    result = check_text("Kazakhstan exported $400 million of goods to Mongolia in January-December 2020.",
                        "2021-03-01", evidence=PAIR)
    assert [v.verdict for v in of_type(result, "level")] == ["supported"], summary(result)
    wrong = check_text("Kazakhstan exported $250 million of goods to Mongolia in January-December 2020.",
                       "2021-03-01", evidence=PAIR)
    assert [v.verdict for v in of_type(wrong, "level")] == ["contradicted"], summary(wrong)


# --- a figure for the article's own year: only part of that year, months not stated ---------------------------------

@pytest.mark.parametrize("text", [
    "Kazakhstan's exports to Mongolia reached $250 million in 2021.",
    "Kazakhstan's exports to Mongolia rose 10% in 2021.",
    "Trade between Kazakhstan and Mongolia grew to $300 million in 2021, up 40% from 2020.",
])
def test_a_figure_for_the_year_not_yet_over_is_unverifiable(text):
    result = check_text(text, "2021-11-20", evidence=PAIR)  # figures far below the full year's: never contradicted
    judged = [v for v in result if v.type in ("level", "change")]
    assert judged and all(v.verdict == "unverifiable" for v in judged), summary(result)
    assert all("before 2021 ended" in v.reason for v in judged), summary(result)


def test_the_same_figure_after_the_year_ended_is_judged():
    result = check_text("Kazakhstan's exports to Mongolia reached $500 million in 2021.", "2022-02-10", evidence=PAIR)
    assert [v.verdict for v in of_type(result, "level")] == ["supported"], summary(result)
    early = check_text("Kazakhstan's exports to Mongolia reached $250 million in 2021.", "2022-02-10", evidence=PAIR)
    assert [v.verdict for v in of_type(early, "level")] == ["contradicted"], summary(early)


def test_an_earlier_year_in_an_article_of_a_later_year_is_still_judged():
    result = check_text("Kazakhstan's exports to Mongolia reached $400 million in 2020.", "2021-06-01", evidence=PAIR)
    assert [v.verdict for v in of_type(result, "level")] == ["supported"], summary(result)


# --- "passing the $N mark": a bound, its direction from the verb ------------------------------------------------------

@pytest.mark.parametrize("phrase,hedge", [
    ("passing the $100 billion mark", "more than"), ("crossed the $100 billion threshold", "more than"),
    ("broke through the $100 billion barrier", "more than"), ("topping the $100 billion milestone", "more than"),
    ("approaching the $100 billion mark", "nearly"), ("fell below the $100 billion mark", "less than"),
    ("reached the $100 billion mark", "at least"),
])
def test_a_figure_named_as_a_mark_takes_the_verbs_bound(phrase, hedge):
    found = amounts(f"In 2021 the two countries' trade grew fast, {phrase}.")
    assert [(a.value, a.hedge) for a in found] == [(100e9, hedge)]


def test_a_figure_not_named_as_a_mark_keeps_its_own_hedge():
    assert [a.hedge for a in amounts("Trade passed $100 billion, a record.")] == ["more than"]
    assert [a.hedge for a in amounts("Trade was $100 billion, a mark of growth.")] == [None]


def test_a_total_above_a_mark_it_passed_is_not_contradicted():
    text = ("Kazakhstan-Mongolia trade reached $620 million in 2021, passing the $500 million mark for the first "
            "time.")
    result = check_text(text, "2022-03-01", evidence=PAIR)
    levels = of_type(result, "level")
    assert levels and all(v.verdict == "supported" for v in levels), summary(result)


def test_a_mark_the_total_has_not_reached_is_contradicted_only_beyond_tolerance():
    result = check_text("Kazakhstan-Mongolia trade passed the $1 billion mark in 2021.", "2022-03-01", evidence=PAIR)
    assert [v.verdict for v in of_type(result, "level")] == ["contradicted"], summary(result)
    near = check_text("Kazakhstan-Mongolia trade was approaching the $640 million mark in 2021.", "2022-03-01",
                      evidence=PAIR)
    assert [v.verdict for v in of_type(near, "level")] != ["contradicted"], summary(near)
