"""Round 10 of the trade readers and judges, one family of phrasings per rule, each shown with made-up sentences and
made-up figures stated here (so each verdict follows from the numbers in the test, not from a pack): 'a year earlier'
after a stated year; a bare flow continuing a clause (', exports rose N%'); 'at $A (from $B)'; 'rose N% from YEAR to
$X'; 'nearly N%' of a growth rate; the parties of 'their countries' trade' and of an ambassador's 'bilateral trade';
the possessive party first; an estimate that only partly fits never lowers an official figure that supports."""

from __future__ import annotations

import pytest

from multipolar.claims import check_text
from multipolar.claims.fake_evidence import FakeEvidence
from multipolar.claims.judging import tolerances as tol


def of_type(result, kind):
    return [v for v in result if v.type == kind]


def summary(result):
    return [(v.type, v.text, v.verdict, v.reason[:120]) for v in result]


# --- "a year earlier" after a stated year is the year before it, whatever the article's date ----------------------

WORLD = FakeEvidence(trade={  # made-up: turnover +20%, exports +50%, imports +5% (a flow read as another disagrees)
    ("KGZ", "WLD", "turnover", "imf_dots"): {2021: 10.0e9, 2022: 12.0e9},
    ("KGZ", "WLD", "export", "imf_dots"): {2021: 2.0e9, 2022: 3.0e9},
    ("KGZ", "WLD", "import", "imf_dots"): {2021: 8.0e9, 2022: 8.4e9},
})


@pytest.mark.parametrize("date", [None, "2024-05-01"])
def test_a_year_earlier_after_a_stated_year_is_the_year_before(date):
    text = ("Kyrgyzstan's foreign trade expanded 20% in 2022 to $12 billion, compared with $10 billion of total "
            "turnover a year earlier.")
    result = check_text(text, date, evidence=WORLD)
    levels = {v.claim.payload.value: v for v in of_type(result, "level")}
    earlier = levels[10.0e9].claim.payload
    assert (earlier.year, earlier.flow) == (2021, "turnover"), summary(result)
    assert levels[12.0e9].claim.payload.year == 2022
    assert all(v.verdict == "supported" for v in result), summary(result)


# --- ", exports rose N% to $X and imports rose M%": each flow its own, in the clause's country and year -------------

def test_a_bare_flow_after_a_comma_continues_the_frame_with_its_own_flow():
    text = ("Kyrgyzstan's foreign trade grew 20% in 2022 to $12 billion, exports rose 50% to $3 billion and imports "
            "rose 5% to $8.4 billion.")
    result = check_text(text, "2023-06-01", evidence=WORLD)
    flows = sorted((v.claim.payload.flow, v.type) for v in result)
    assert flows == sorted([("turnover", "change"), ("turnover", "level"), ("export", "change"), ("export", "level"),
                            ("import", "change"), ("import", "level")]), summary(result)
    assert all(v.verdict == "supported" for v in result), summary(result)


def test_a_bare_flow_without_a_verb_of_change_is_not_a_new_clause():
    # "exports to X" names its own partner: a frame of its own, never the world frame's flow
    result = check_text("Kyrgyzstan's foreign trade reached $12 billion in 2022, exports to Turkey were small.",
                        "2023-06-01", evidence=WORLD)
    assert [v.claim.payload.flow for v in of_type(result, "level")] == ["turnover"], summary(result)


# --- "with A's imports at $X (from $Y)": X of the comparison's later year, Y of its base --------------------------

PAIR = FakeEvidence(trade={  # made-up: Kazakhstan's trade with Turkey, its exports far from its turnover
    ("KAZ", "TUR", "turnover", "imf_dots"): {2022: 6.0e9, 2023: 6.6e9},
    ("KAZ", "TUR", "export", "imf_dots"): {2022: 2.0e9, 2023: 2.2e9},
})


def test_an_amount_and_its_earlier_value_in_brackets_take_the_comparison_s_years():
    text = ("Kazakhstan-Turkey trade rose 10% to $6.6 billion in 2023 from $6 billion in 2022, with Kazakhstan's "
            "exports to Turkey at $2.2 billion (from $2 billion).")
    result = check_text(text, "2024-04-01", evidence=PAIR)
    years = {(v.claim.payload.flow, v.claim.payload.value): v.claim.payload.year for v in of_type(result, "level")}
    assert years == {("turnover", 6.6e9): 2023, ("turnover", 6.0e9): 2022, ("export", 2.2e9): 2023,
                     ("export", 2.0e9): 2022}, summary(result)
    assert all(v.verdict == "supported" for v in result), summary(result)


def test_an_earlier_value_in_brackets_without_a_stated_base_is_unverifiable():
    result = check_text("Kazakhstan's exports to Turkey stood at $2.2 billion (from $1 billion).", "2024-04-01",
                        evidence=PAIR)
    bracketed = [v for v in of_type(result, "level") if v.claim.payload.value == 1.0e9]
    assert len(bracketed) == 1 and bracketed[0].verdict == "unverifiable", summary(result)
    assert "brackets" in bracketed[0].reason


# --- "rose N% from YEAR to $X": YEAR is the base, the end the last full year before the article --------------------

MNG_TUR = FakeEvidence(trade={("MNG", "TUR", "turnover", "imf_dots"): {2019: 0.6e9, 2020: 0.8e9, 2021: 1.0e9}})


def test_from_a_year_to_an_amount_is_a_change_since_that_year():
    text = "Mongolia's trade with Turkey rose by 25% from 2020 to $1 billion."
    result = check_text(text, "2022-05-01", evidence=MNG_TUR)
    change = of_type(result, "change")[0]
    assert (change.claim.payload.base_year, change.claim.payload.since) == (2020, True), summary(result)
    assert change.verdict == "supported", change.reason  # 2020 → 2021: +25%; 2019 → 2020 (+33%) was read before


def test_from_a_year_to_a_year_stays_a_range():
    result = check_text("Mongolia's trade with Turkey rose 67% from 2019 to 2021.", "2022-05-01", evidence=MNG_TUR)
    p = of_type(result, "change")[0].claim.payload
    assert (p.base_year, p.year) == (2019, 2021), summary(result)


def test_a_second_reported_clause_keeps_its_own_period():
    text = ("The minister said that Mongolia's trade with Turkey rose by 25% from 2020 to $1 billion, and that it "
            "expanded a further 9% in the first half of 2022.")
    result = check_text(text, "2022-09-01", evidence=MNG_TUR)
    first = of_type(result, "change")[0].claim.payload
    assert first.base_year == 2020 and not first.partial and first.year != 2022, summary(result)


# --- "nearly N%" of a growth rate: 3 pp below, or 10% of the rate when that is more --------------------------------

@pytest.mark.parametrize("claimed, low", [(50.0, 45.0), (40.0, 36.0), (10.0, 7.0), (-20.0, None)])
def test_nearly_a_rate_accepts_ten_percent_of_it_when_that_is_wider(claimed, low):
    lo, hi = tol.interval(claimed, "nearly", kind="growth", half_unit=0.5)
    if low is None:  # a fall is hedged by its size: "nearly -20%" is -18% to -20%
        assert (lo, hi) == pytest.approx((-20.5, -17.0))
        return
    assert lo == pytest.approx(low) and hi == pytest.approx(claimed + 0.5)
    assert tol.judge(claimed, (low + claimed) / 2, "nearly", kind="growth", half_unit=0.5).verdict == "supported"
    assert tol.judge(claimed, claimed + 2, "nearly", kind="growth", half_unit=0.5).verdict != "supported"


# --- the parties of "their countries' trade" and of an official's "bilateral trade" -------------------------------

KGZ_TUR = {("KGZ", "TUR", "turnover", "imf_dots"): {2018: 1.0e9, 2019: 1.2e9}}


@pytest.mark.parametrize("claimed, verdict", [("2.5 times", "contradicted"), ("1.2 times", "supported")])
def test_their_countries_trade_is_the_pair_the_sentence_named(claimed, verdict):
    text = (f"The presidents of Kyrgyzstan and Turkey said on the phone their two countries' trade had grown "
            f"{claimed} in the previous year.")
    result = check_text(text, "2020-02-10", evidence=FakeEvidence(trade=KGZ_TUR))
    found = of_type(result, "multiple")
    assert len(found) == 1, summary(result)
    p = found[0].claim.payload
    assert {*p.country, *p.partner} == {"KGZ", "TUR"} and (p.base_year, p.year) == (2018, 2019)
    assert found[0].verdict == verdict, found[0].reason


def test_an_ambassador_s_bilateral_trade_is_his_state_s_with_the_host():
    text = "Turkey's ambassador to Kyrgyzstan said bilateral trade reached $1.2 billion in 2019."
    result = check_text(text, "2020-06-01", evidence=FakeEvidence(trade=KGZ_TUR))
    found = of_type(result, "level")
    assert len(found) == 1, summary(result)
    p = found[0].claim.payload
    assert {*p.country, *p.partner} == {"KGZ", "TUR"} and "TUR" in p.reporter


# --- "B is A's main partner and their bilateral trade ...": A's trade with B, A's own figures first ----------------

BOTH = FakeEvidence(trade={  # made-up: the two sides' own figures differ by 25%
    ("UZB", "TUR", "turnover", "imf_dots"): {2019: 2.5e9},
    ("TUR", "UZB", "turnover", "imf_dots"): {2019: 2.0e9},
})


@pytest.mark.parametrize("text, first", [
    ("Turkey is Uzbekistan's main trading partner in Asia and their bilateral trade reached $2.5 billion in 2019.",
     "UZB"),
    ("Uzbekistan is Turkey's largest export market in the region, and bilateral trade reached $2 billion in 2019.",
     "TUR"),
])
def test_the_party_whose_partner_is_named_is_the_first(text, first):
    found = of_type(check_text(text, "2020-06-01", evidence=BOTH), "level")
    assert len(found) == 1
    assert list(found[0].claim.payload.country) == [first]
    assert found[0].verdict == "supported", found[0].reason


# --- an estimate that only partly fits never lowers a claim an official figure supports ---------------------------

RUS_CHN = {("RUS", "CHN", "turnover", "imf_dots"): {2022: 180.0e9}, ("CHN", "RUS", "turnover", "imf_dots"): {2022: 190.0e9}}


@pytest.mark.parametrize("estimated, verdict", [({2022}, "supported"), (set(), "partly supported")])
def test_an_estimate_close_but_outside_does_not_lower_an_official_support(estimated, verdict):
    evidence = FakeEvidence(trade=RUS_CHN, estimates={("RUS", "CHN", "turnover", "imf_dots"): estimated})
    found = of_type(check_text("Russia's trade with China reached $191 billion in 2022.", "2023-06-01",
                               evidence=evidence), "level")
    assert found[0].verdict == verdict, found[0].reason
    assert "190.00 bn" in found[0].reason  # the official figure that supports it is named either way


# --- "A's goods trade" with no partner is A's trade with the world --------------------------------------------------

def test_goods_trade_without_a_partner_is_with_the_world():
    evidence = FakeEvidence(trade={("GEO", "WLD", "turnover", "imf_dots"): {2021: 14.0e9}})
    found = of_type(check_text("Georgia's goods trade came to $14 billion in 2021.", "2022-06-01",
                               evidence=evidence), "level")
    assert len(found) == 1 and list(found[0].claim.payload.partner) == ["WLD"]
    assert found[0].verdict == "supported", found[0].reason


# --- ranks: "calls B A's largest partner", "had also been", a year in brackets after the rank ----------------------

def _ranks(year):
    # made-up: Kyrgyzstan's partners, ranked by value, with a clear first
    rows = [("CHN", 1, 5.0e9), ("RUS", 2, 3.0e9), ("KAZ", 3, 1.5e9), ("TUR", 4, 0.8e9)]
    return [{"country": "KGZ", "partner": p, "year": year, "flow": "turnover", "source": "imf_dots", "value": k,
             "n_partners": 4, "partner_value": v, "quality": None} for p, k, v in rows]


RANKS = FakeEvidence(ranks=_ranks(2020),
                     trade={("KGZ", "CHN", "turnover", "imf_dots"): {2020: 5.0e9}})


@pytest.mark.parametrize("text, verdict", [
    ("The report calls China Kyrgyzstan's largest trading partner in 2020.", "supported"),
    ("The report calls Russia Kyrgyzstan's largest trading partner in 2020.", "contradicted"),
    ("Russia had also been Kyrgyzstan's second-largest trading partner in 2020.", "supported"),
    ("Turkey has long been Kyrgyzstan's main trading partner in 2020.", "contradicted"),
    ("A survey described Russia as Kyrgyzstan's second-largest trading partner in 2020.", "supported"),
    ("The minister dubbed Kazakhstan Kyrgyzstan's biggest trading partner in 2020.", "contradicted"),
])
def test_a_rank_said_with_calls_or_a_perfect_tense_is_read(text, verdict):
    found = of_type(check_text(text, "2021-06-01", evidence=RANKS), "rank")
    assert [v.verdict for v in found] == [verdict], summary(check_text(text, "2021-06-01", evidence=RANKS))


def test_a_year_in_brackets_is_the_year_of_its_clause():
    text = "China had long been Kyrgyzstan's leading trading partner a year earlier (2020), with trade of $5 billion."
    result = check_text(text, None, evidence=RANKS)
    assert [(v.type, v.claim.payload.year) for v in result] == [("rank", 2020), ("level", 2020)], summary(result)
    assert all(v.verdict == "supported" for v in result), summary(result)


# --- a named reporter's figures missing: another state's figure only close to the claim does not decide -----------

RUS_BLR = FakeEvidence(trade={("RUS", "BLR", "turnover", "imf_dots"): {2020: 30.0e9, 2021: 38.0e9}})


@pytest.mark.parametrize("text, verdict", [
    ("Belarusian statistics put trade between Russia and Belarus at $40 billion last year.", "unverifiable"),
    ("Trade between Russia and Belarus came to $40 billion last year.", "partly supported"),  # nobody named: Russia's
    ("Belarusian statistics put trade between Russia and Belarus at $38 billion last year.", "supported"),
])
def test_another_reporter_s_close_figure_does_not_decide(text, verdict):
    found = of_type(check_text(text, "2022-06-01", evidence=RUS_BLR), "level")
    assert found[0].verdict == verdict, found[0].reason
    if verdict == "unverifiable":
        assert "not the source the text cites" in found[0].reason


# --- monthly figures: one month's amount, imports by origin or consignment, goods that 'came into' a state ---------

MONTHLY = FakeEvidence(monthly={  # made-up: one office counting a state's imports two ways, far apart
    ("ARM", "IRN", "import", "national_am"): {(2023, m): 2.0e6 for m in range(1, 13)},
    ("ARM", "IRN", "import", "national_am_origin"): {(2023, m): 10.0e6 + m * 1e6 for m in range(1, 13)},
})


@pytest.mark.parametrize("text, verdict", [
    ("Armenia's imports from Iran were $11 million in January 2023.", "supported"),           # origin: 11.0
    ("Armenia's imports from Iran came to $15 million in May 2023.", "supported"),            # origin: 15.0
    ("Armenia's imports from Iran were $2 million in March 2023.", "supported"),              # consignment: 2.0
    ("Armenia's imports from Iran were $40 million in March 2023.", "contradicted"),          # neither
    ("Armenia's imports from Iran by country of consignment were $13 million in March 2023.", "contradicted"),
])
def test_a_month_s_amount_is_that_month_on_either_count_unless_one_is_named(text, verdict):
    found = of_type(check_text(text, "2024-03-01", evidence=MONTHLY), "level")
    assert len(found) == 1 and found[0].claim.payload.months[0] == found[0].claim.payload.months[1]
    assert found[0].verdict == verdict, found[0].reason


def test_months_listed_after_a_period_are_each_their_month():
    text = ("Goods worth about $65 million came into Armenia from Iran in January-May 2023: $11 million in January, "
            "$12 million in February, $13 million in March, $14 million in April and $15 million in May.")
    result = check_text(text, None, evidence=MONTHLY)
    months = [tuple(v.claim.payload.months) for v in of_type(result, "level")]
    assert months == [(1, 5), (1, 1), (2, 2), (3, 3), (4, 4), (5, 5)], summary(result)
    assert all(v.claim.payload.flow == "import" and v.claim.payload.year == 2023 for v in result)
    assert all(v.verdict == "supported" for v in result), summary(result)


def test_a_month_without_any_year_is_unresolved():
    found = of_type(check_text("Armenia's imports from Iran were $11 million in January.", "2024-03-01",
                               evidence=MONTHLY), "level")
    assert found[0].verdict == "unverifiable" and "not stated" in found[0].reason, found[0].reason


def test_a_figure_by_the_end_of_a_month_is_not_that_month_alone():
    found = of_type(check_text("Armenia's imports from Iran reached $11 million by the end of January 2023.",
                               "2024-03-01", evidence=MONTHLY), "level")
    assert not found[0].claim.payload.months, found[0].claim.payload


# --- "grew another N%", "the first three quarters" ----------------------------------------------------------------

def test_another_rate_in_the_first_three_quarters_is_a_partial_year_change():
    text = "Mongolia's trade with Turkey expanded a further 6.4 percent in the first three quarters of 2021."
    found = of_type(check_text(text, "2021-12-01", evidence=MNG_TUR), "change")
    assert len(found) == 1
    p = found[0].claim.payload
    assert (p.value, tuple(p.months), p.year) == (6.4, (1, 9), 2021), p
    assert found[0].verdict == "unverifiable", found[0].reason  # no monthly figures: never the annual ones


# --- a deficit no party owns, in a sentence about one pair ---------------------------------------------------------

DEFICIT = FakeEvidence(trade={  # made-up: Kazakhstan exports 2, imports 7 from Turkey in 2023 (its deficit: 5)
    ("KAZ", "TUR", "export", "imf_dots"): {2023: 2.0e9}, ("KAZ", "TUR", "import", "imf_dots"): {2023: 7.0e9},
})


@pytest.mark.parametrize("text, verdict", [
    ("Kazakhstan's imports from Turkey reached $7 billion in 2023, with a trade deficit of $5 billion.", "supported"),
    ("Turkey's exports to Kazakhstan reached $7 billion in 2023, with a trade deficit of $5 billion.", "supported"),
    ("Kazakhstan's imports from Turkey reached $7 billion in 2023, with a trade deficit of $9 billion.", "contradicted"),
    ("Kazakhstan's imports from Turkey reached $7 billion in 2023, with a trade surplus of $5 billion.", "supported"),
])
def test_a_bare_deficit_is_the_size_of_the_pair_s_imbalance(text, verdict):
    found = of_type(check_text(text, "2024-06-01", evidence=DEFICIT), "balance")
    assert len(found) == 1 and found[0].claim.payload.year == 2023
    assert found[0].verdict == verdict, found[0].reason


def test_a_bare_deficit_in_a_sentence_about_two_pairs_is_not_read():
    text = ("Kazakhstan's imports from Turkey reached $7 billion in 2023 and its exports to Iran $1 billion, with a "
            "trade deficit of $5 billion.")
    assert not of_type(check_text(text, "2024-06-01", evidence=DEFICIT), "balance")


def test_a_balance_for_part_of_a_year_is_never_judged_on_the_year():
    text = "Kazakhstan's trade deficit with Turkey was $9 billion in January-June 2023."
    found = of_type(check_text(text, "2024-06-01", evidence=DEFICIT), "balance")
    assert found[0].verdict == "unverifiable" and "calendar years" in found[0].reason, found[0].reason


# --- "...; exports grew N% to $X and imports M% to $Y": both continue the clause before the semicolon --------------

HALF = FakeEvidence(monthly={  # made-up monthly totals: January-June 2023 against January-June 2022
    ("KGZ", "WLD", flow, "national_kg"): {**{(2022, m): v22 / 6 for m in range(1, 7)},
                                          **{(2023, m): v23 / 6 for m in range(1, 7)}}
    for flow, v22, v23 in (("turnover", 5.0e9, 6.0e9), ("export", 1.0e9, 1.5e9), ("import", 4.0e9, 4.5e9))})


def test_flows_after_a_semicolon_continue_the_period_of_the_clause_before():
    text = ("Kyrgyzstan's foreign trade reached $6 billion in January-June 2023, up 20% year on year; exports "
            "climbed 50% to $1.5 billion and imports 12.5% to $4.5 billion.")
    result = check_text(text, "2023-08-01", evidence=HALF)
    read = sorted((v.type, v.claim.payload.flow, tuple(v.claim.payload.months or ())) for v in result)
    assert ("level", "export", (1, 6)) in read and ("level", "import", (1, 6)) in read, summary(result)
    assert all(v.verdict == "supported" for v in result), summary(result)


@pytest.mark.parametrize("verb, imports_rate, verdict", [
    ("grew", "12.5", "supported"), ("grew", "30", "contradicted"), ("fell", "12.5", "contradicted"),
])
def test_a_rate_whose_verb_is_left_out_takes_the_direction_before_it(verb, imports_rate, verdict):
    text = (f"In January-June 2023 Kyrgyzstan's exports {verb} 50% to $1.5 billion and imports {imports_rate}% to "
            f"$4.5 billion.")
    changes = of_type(check_text(text, "2023-08-01", evidence=HALF), "change")
    gapped = [v for v in changes if v.claim.payload.flow == "import"]
    assert len(gapped) == 1, [(v.text, v.claim.payload) for v in changes]
    sign = 1 if verb == "grew" else -1
    assert gapped[0].claim.payload.value == sign * float(imports_rate)
    assert tuple(gapped[0].claim.payload.months) == (1, 6)
    assert gapped[0].verdict == verdict, gapped[0].reason


def test_a_share_after_a_flow_is_not_a_gapped_rate():
    text = "In January-June 2023 Kyrgyzstan's exports grew 50% to $1.5 billion, and imports 20% of the total."
    changes = of_type(check_text(text, "2023-08-01", evidence=HALF), "change")
    assert [v.claim.payload.flow for v in changes] == ["export"], [(v.text, v.claim.payload) for v in changes]


def test_a_when_clause_after_the_base_year_stays_in_the_base_year():
    text = ("Kazakhstan-Turkey trade rose 10% to $6.6 billion in 2023 from $6 billion in 2022, when Kazakhstan's "
            "exports to Turkey were $2 billion.")
    result = check_text(text, "2024-04-01", evidence=PAIR)
    exports = [v for v in of_type(result, "level") if v.claim.payload.flow == "export"]
    assert [v.claim.payload.year for v in exports] == [2022], summary(result)
    assert exports[0].verdict == "supported", exports[0].reason


def test_a_bare_deficit_narrowed_by_an_amount_is_not_its_size():
    text = "Kazakhstan's imports from Turkey reached $7 billion in 2023, and the trade deficit narrowed by $1 billion."
    assert not of_type(check_text(text, "2024-06-01", evidence=DEFICIT), "balance")


# --- "the two countries' trade", "both sides' trade"; both states' officials named: either's figures are the text's --

TWO_SIDES = FakeEvidence(trade={  # made-up: the two sides' own records of 2023 disagree by 20%
    ("KGZ", "TUR", "turnover", "imf_dots"): {2022: 1.0e9, 2023: 1.2e9},
    ("TUR", "KGZ", "turnover", "imf_dots"): {2022: 1.0e9, 2023: 1.0e9},
})


@pytest.mark.parametrize("text", [
    "Officials in Kyrgyzstan and Turkey said the two countries' trade turnover grew 20% in 2023.",
    "Kyrgyzstan and Turkey are close partners, and both sides' trade grew 20% in 2023.",
])
def test_the_two_countries_trade_is_the_pair_named(text):
    found = of_type(check_text(text, "2024-06-01", evidence=TWO_SIDES), "change")
    assert len(found) == 1 and {*found[0].claim.payload.country, *found[0].claim.payload.partner} == {"KGZ", "TUR"}


def test_when_both_states_officials_speak_either_s_figures_may_decide():
    text = "The Kyrgyz president and the Turkish president said trade between Turkey and Kyrgyzstan grew 20% in 2023."
    found = of_type(check_text(text, "2024-06-01", evidence=TWO_SIDES), "change")
    assert set(found[0].claim.payload.reporter) == {"KGZ", "TUR"}
    assert found[0].verdict == "supported", found[0].reason  # Kyrgyzstan's own +20%, Turkey's flat


def test_from_to_amounts_take_the_one_year_the_clause_states_and_the_year_before():
    text = "In 2023, Kazakhstan's exports to Turkey rose to $2.2 billion from $2 billion a year earlier."
    result = check_text(text, "2030-01-01", evidence=PAIR)  # a late article: no fallback to the latest year
    years = {v.claim.payload.value: v.claim.payload.year for v in of_type(result, "level")}
    assert years == {2.2e9: 2023, 2.0e9: 2022}, summary(result)
    assert all(v.verdict == "supported" for v in result), summary(result)


def test_without_a_stated_year_the_amount_a_year_earlier_is_of_the_year_before_the_other():
    evidence = FakeEvidence(trade={("KAZ", "TUR", "export", "imf_dots"): {2021: 2.0e9, 2022: 2.2e9}})
    text = "Kazakhstan's exports to Turkey climbed to $2.2 billion, against $2 billion a year earlier."
    result = check_text(text, "2023-05-01", evidence=evidence)
    years = {v.claim.payload.value: v.claim.payload.year for v in of_type(result, "level")}
    assert years == {2.2e9: 2022, 2.0e9: 2021}, summary(result)
    assert all(v.verdict == "supported" for v in result), summary(result)
