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


# --- "EU member states" together: the EU (Eurostat's extra-EU trade); never "some/other/three EU member states" ------

EU = FakeEvidence(trade={  # made-up EU exports to Kyrgyzstan in euros
    ("EUU", "KGZ", "export", "eurostat"): {2021: 400e6, 2022: 500e6},
})


@pytest.mark.parametrize("subject", ["EU member states", "The European Union's member states", "EU countries"])
def test_the_eus_member_states_together_are_the_eu(subject):
    result = check_text(f"{subject} exported 500 million euros of goods to Kyrgyzstan in 2022.", "2023-05-01",
                        evidence=EU)
    levels = of_type(result, "level")
    assert [v.claim.payload.country for v in levels] == [("EUU",)], summary(result)


@pytest.mark.parametrize("subject", ["Some EU member states", "Germany and other EU member states",
                                     "Three EU member states", "Several of the EU member states"])
def test_some_of_the_eus_member_states_are_never_the_eu(subject):
    result = check_text(f"{subject} exported 90 million euros of goods to Kyrgyzstan in 2022.", "2023-05-01",
                        evidence=EU)  # far below the EU's total: it must never contradict it
    assert all(v.verdict != "contradicted" for v in result), summary(result)
    assert all(getattr(v.claim.payload, "country", None) != ("EUU",) for v in result), summary(result)


# --- a share of part of a year (the file's 'Year' row covering fewer than twelve months) is never the year's share ----

def _armenia_months(data_dir):
    import csv

    months: dict[int, set[int]] = {}
    with open(data_dir / "national_stats" / "armenia" / "armenia_data.csv", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["timeperiod"].strip().isdigit():
                months.setdefault(int(row["year"]), set()).add(int(row["timeperiod"]))
    return months


def test_a_share_of_a_partial_year_is_not_a_full_years_share(claims_pack, data_dir):
    months = _armenia_months(data_dir)
    partial = [y for y, ms in months.items() if len(ms) < 12]
    full = [y for y, ms in months.items() if len(ms) == 12]
    assert partial and full  # the raw file holds both kinds of year
    year = max(partial)
    text = f"Trade with Russia made up more than 5% of Armenia's foreign trade in {year}."
    result = check_text(text, f"{year + 1}-06-01", pack=claims_pack)
    shares = of_type(result, "share")
    assert [v.verdict for v in shares] == ["unverifiable"], summary(result)
    assert f"months of {year} only" in shares[0].reason, summary(result)
    done = max(full)
    result = check_text(f"Trade with Russia made up more than 5% of Armenia's foreign trade in {done}.",
                        f"{done + 1}-06-01", pack=claims_pack)
    assert [v.verdict for v in of_type(result, "share")] == ["supported"], summary(result)
