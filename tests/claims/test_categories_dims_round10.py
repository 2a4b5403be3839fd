"""Dimension readers and rules of round 10 (general constructions, made-up sentences and figures on a FakeEvidence):
a joining date written as a day without its year never takes another event's day; the subject of a coordinated
departure ('A, B and C took part until 1999 but chose not to renew') is its own clause's list of states; a return
dated by a range ('came back in 2006-2012') starts in the range's first year; a summit ordinal in a sentence naming
only another organization is not the SCO's; a bare 'its exports' after arms exports is no trade share; a share of a
supplier's exports going to buyers listed with their shares in brackets, and a supplier's main buyers listed after
'the main buyers of <supplier> arms'."""

from __future__ import annotations

import pytest

from multipolar.claims import check_text
from multipolar.claims.fake_evidence import FakeEvidence

MEMBERS = [
    *({"organization": "EAEU", "country": c, "role": "member", "start": "2015-01-01", "end": None}
      for c in ("RUS", "KAZ", "BLR")),
    {"organization": "EAEU", "country": "ARM", "role": "member", "start": "2015-01-02", "end": None},
    *({"organization": "CSTO", "country": c, "role": "member", "start": "1992-05-15", "end": None}
      for c in ("RUS", "KAZ")),
    *({"organization": "CSTO", "country": c, "role": "member", "start": "1993-12-24", "end": "1999-04-20"}
      for c in ("GEO", "AZE")),
    {"organization": "CSTO", "country": "UZB", "role": "member", "start": "1992-05-15", "end": "1999-04-20"},
    {"organization": "CSTO", "country": "UZB", "role": "member", "start": "2006-06-23", "end": "2012-06-28"},
]
SUMMITS = [{"year": y, "date": d, "host_city": c, "host_country": k} for y, d, c, k in (
    (2019, "2019-06-14", "Bishkek", "KGZ"), (2024, "2024-07-04", "Astana", "KAZ"))]
EVIDENCE = FakeEvidence(memberships=MEMBERS, summits=SUMMITS)


def members(text, date=None):
    return [(v.claim.parsed.get("relation"), v.claim.parsed.get("country"), v.claim.parsed.get("year"),
             v.claim.parsed.get("day"), v.verdict) for v in check_text(text, date, evidence=EVIDENCE)
            if v.type == "membership"]


# --- a day without its year --------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, date, expected", [
    # the day written after the verb is the claim's, in the article's year; the later event's day is not
    ("Armenia joined the EAEU on 2 January, twenty-four hours after its founders had launched the bloc on 1 "
     "January 2015.", "2015-01-05", ("joined", ["ARM"], 2015, 2, "supported")),
    ("Armenia became a full member of the EAEU on January 2, a day after the treaty took effect on 1 January 2015.",
     "2015-01-03", ("joined", ["ARM"], 2015, 2, "supported")),
    # a wrong day is still a contradiction (same organization, state and role)
    ("Armenia became a member of the EAEU on 9 January, after the union began on 1 January 2015.",
     "2015-02-01", ("joined", ["ARM"], 2015, 9, "contradicted")),
    # a day later in the calendar than the article's is last year's
    ("Armenia became a full member of the EAEU on 2 January.", "2015-12-30", ("joined", ["ARM"], 2015, 2,
                                                                              "supported")),
    ("Armenia became a full member of the EAEU on 2 January.", "2016-01-01", ("joined", ["ARM"], 2015, 2,
                                                                              "supported")),
])
def test_a_day_without_its_year_is_the_claims_own(text, date, expected):
    assert members(text, date)[:1] == [expected]


def test_a_day_without_its_year_and_no_article_date_keeps_only_the_year():
    got = members("Armenia became a full member of the EAEU on 2 January, once its three founders had started "
                  "the union on 1 January 2015.")
    assert got[:1] == [("joined", ["ARM"], 2015, None, "supported")]


# --- a coordinated departure and a return dated by a range -------------------------------------------------------
def test_a_coordinated_departure_is_its_clauses_states_and_a_return_starts_with_its_range():
    got = members("Russia and Kazakhstan stayed in the CSTO; Azerbaijan, Georgia and Uzbekistan were parties to the "
                  "pact until 1999 but decided not to renew, and Uzbekistan came back briefly in 2006-2012.")
    assert ("left", ["AZE", "GEO", "UZB"], 1999, None, "supported") in got
    assert ("rejoined", ["UZB"], 2006, None, "supported") in got
    assert not [g for g in got if g[1] == ["RUS"]]


def test_a_return_dated_by_a_wrong_range_is_contradicted():
    got = members("Georgia and Azerbaijan left the CSTO in 1999, and Uzbekistan came back in 2008-2012.")
    assert ("rejoined", ["UZB"], 2008, None, "contradicted") in got


def test_a_departure_in_a_clause_without_a_state_takes_no_state_of_an_earlier_clause():
    got = members("Russia and Kazakhstan founded the alliance; in 1999 the treaty's others chose not to renew.")
    assert not [g for g in got if g[0] == "left"]


# --- another organization's summit ------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Following the bloc's 16th summit in Kazan, its chair said Cuba and Bolivia would become BRICS partners "
    "on 1 January 2025.",
    "The bloc held its 9th summit in 2024, where the EAEU leaders signed a customs code.",
])
def test_an_ordinal_in_a_sentence_naming_another_organization_is_not_the_scos(text):
    assert not [v for v in check_text(text, "2023-09-01", evidence=EVIDENCE) if v.type == "summit"]


def test_an_ordinal_in_a_sentence_naming_the_sco_is_still_read():
    got = [v.verdict for v in check_text("The bloc's 19th summit took place in Bishkek in 2019, the SCO said.",
                                         "2019-07-01", evidence=FakeEvidence(summits=[
                                             {"year": 2001 + i, "date": f"{2001 + i}-06-15", "host_city": "Bishkek",
                                              "host_country": "KGZ"} for i in range(19)]))
           if v.type == "summit"]
    assert got == ["supported"]


# --- the supplier's arms exports ----------------------------------------------------------------------------------
def _rows(country, end, window, values: dict, table="arms_exports"):
    total = sum(values.values())
    return [{"country": country, "partner": p, "year": end, "source": "sipri_at", "value": v / total,
            "partner_value": v, "total_value": total, "window": window, "window_years": window}
            for p, v in values.items()]


# Russia's deliveries 2019-2023: India 3,600, China 1,900, Egypt 800, five others 700 each and Serbia 200 TIV (10,000);
# one year, 2023: India 1,000 of 2,000.
OTHERS = {"DZA": 700, "VNM": 700, "MMR": 700, "IRN": 700, "UGA": 700, "SRB": 200}
ARMS = FakeEvidence(arms_exports=_rows("RUS", 2023, 5, {"IND": 3600, "CHN": 1900, "EGY": 800, **OTHERS})
                    + _rows("RUS", 2023, 1, {"IND": 1000, "CHN": 1000}),
                    trade={("RUS", "IND", "export", "imf_imts"): {2023: 1e9}})


def arms(text, date="2024-06-01"):
    return [(v.type, v.claim.parsed.get("recipient"), v.claim.parsed.get("relation"), v.verdict)
            for v in check_text(text, date, evidence=ARMS)]


@pytest.mark.parametrize("text, expected", [
    # 63% together, 36% / 19% / 8% each: the window is the range named for the arms exports, not a year of an
    # intervening clause
    ("Over 2019-2023 Russian weapons sales shrank; it had fewer clients by 2023, and some 60% of its exports were "
     "delivered to India (36%), China (19%) and Egypt (8%).",
     [("arms", ["IND", "CHN", "EGY"], "share", "supported"), ("arms", ["IND"], "share", "supported"),
      ("arms", ["CHN"], "share", "supported"), ("arms", ["EGY"], "share", "supported")]),
    ("In 2019-2023, 62% of Russia's weapons deliveries went to India (36%), China (30%) and Egypt (8%).",
     [("arms", ["IND", "CHN", "EGY"], "share", "supported"), ("arms", ["IND"], "share", "supported"),
      ("arms", ["CHN"], "share", "contradicted"), ("arms", ["EGY"], "share", "supported")]),
])
def test_a_share_of_a_suppliers_exports_going_to_buyers_listed_with_their_shares(text, expected):
    assert arms(text) == expected


def test_bare_exports_after_arms_exports_are_no_trade_share():
    got = arms("Russia's arms exports fell in 2019-2023, and half of its exports went to India in 2023.")
    assert not [g for g in got if g[0] == "share"]
    # without arms named, the same words are a trade share
    assert [g[0] for g in arms("Half of Russia's exports went to India in 2023.")] == ["share"]


@pytest.mark.parametrize("text, expected", [
    ("The leading buyers of Russian weapons over 2019-2023 were India with 36%, China with 19% and Egypt with 8%, "
     "and Russia sold weapons to 30 countries.",
     [("arms", ["IND"], "rank", "supported"), ("arms", ["CHN"], "rank", "supported"),
      ("arms", ["EGY"], "rank", "supported"), ("arms", ["IND"], "share", "supported"),
      ("arms", ["CHN"], "share", "supported"), ("arms", ["EGY"], "share", "supported")]),
    ("The top buyers of Russian weapons in 2019-2023 were China with 19% and India with 36%.",
     [("arms", ["CHN"], "rank", "contradicted"), ("arms", ["IND"], "rank", "contradicted"),
      ("arms", ["CHN"], "share", "supported"), ("arms", ["IND"], "share", "supported")]),
])
def test_the_main_buyers_of_a_suppliers_arms_listed_with_their_shares(text, expected):
    got = [g for g in arms(text) if g[0] == "arms"]
    assert got == expected


# --- a summit ordinal with a relative clause dating it -----------------------------------------------------------
COUNCIL = FakeEvidence(summits=[{"year": 2001 + i, "date": f"{2001 + i}-06-15", "host_city": "Bishkek",
                                 "host_country": "KGZ"} for i in range(20)])


@pytest.mark.parametrize("text, expected", [
    ("Officials reviewed the 19th meeting of the Heads of State Council of the SCO, which took place in Bishkek "
     "on 15 June 2019 and closed the 2018-2019 chairmanship.", ["supported"]),
    ("Officials reviewed the 12th meeting of the Heads of State Council of the SCO, which was held on 15 June 2019 "
     "and closed the 2018-2019 chairmanship.", ["contradicted"]),
])
def test_a_summit_ordinal_dated_by_a_relative_clause(text, expected):
    got = [v.verdict for v in check_text(text, "2019-07-01", evidence=COUNCIL) if v.type == "summit"
           and v.claim.parsed.get("relation") == "ordinal"]
    assert got == expected


# --- votes: tallies as 'N members backed', states 'among the N states voting against', a side against a state -----
ROLL = FakeEvidence(
    roll_calls=[{"rcid": 7, "session": 70, "year": 2016, "date": "2016-03-01", "unres": "A/RES/70/900",
                 "short": "Sovereignty of the Zeta republic : resolution", "descr": "Sovereignty of Zeta",
                 "yes": 90, "no": 12, "abstain": 50},
                {"rcid": 8, "session": 70, "year": 2016, "date": "2016-05-01", "unres": "A/RES/70/901",
                 "short": "Sovereignty of the Zeta republic : resolution", "descr": "Sovereignty of Zeta",
                 "yes": 60, "no": 30, "abstain": 70}],
    votes=[{"rcid": 7, "country": c, "vote": v} for c, v in (("ARM", 3), ("BLR", 3), ("KAZ", 2), ("AZE", 1),
                                                             ("CHN", 2))]
    + [{"rcid": 8, "country": c, "vote": v} for c, v in (("ARM", 1), ("BLR", 1), ("KAZ", 1), ("AZE", 3),
                                                         ("CHN", 1))])


def votes(text):
    return [(v.claim.parsed.get("country"), v.claim.parsed.get("vote"), v.verdict)
            for v in check_text(text, evidence=ROLL) if v.type == "votes"]


def test_a_tally_said_as_members_backing_the_text_identifies_the_roll_call():
    got = votes("On the resolution on Zeta's sovereignty Kazakhstan abstained, as 90 members backed the text and "
                "12 opposed it.")
    assert got == [(["KAZ"], "abstain", "supported")]
    # the other roll call's tally: Kazakhstan voted yes there
    got = votes("On the resolution on Zeta's sovereignty Kazakhstan abstained, as 60 members backed the text and "
                "30 opposed it.")
    assert got == [(["KAZ"], "abstain", "contradicted")]


def test_voting_against_a_state_is_not_a_vote_against_the_resolution():
    got = votes("On the resolution on Zeta's sovereignty, as 90 members backed the text and 12 opposed it, "
                "Azerbaijan voted against Moscow while China also abstained.")
    assert got == [(["CHN"], "abstain", "supported")]
    # against a state's resolution is against the resolution
    got = votes("On the resolution on Zeta's sovereignty, as 90 members backed the text and 12 opposed it, Armenia "
                "voted against Georgia's resolution while Azerbaijan voted against Moscow.")
    assert got == [(["ARM"], "no", "supported")]


@pytest.mark.parametrize("phrase, vote", [
    ("were among the 12 states voting against", "no"),
    ("were among the 50 abstainers", "abstain"),
    ("were among the 90 countries voting in favour", "no"),
])
def test_states_among_the_n_states_voting_a_way(phrase, vote):
    text = f"In the General Assembly vote on Zeta's sovereignty, passed 90-12 with 50 abstentions, Armenia and " \
           f"Belarus {phrase}."
    got = votes(text)
    expected = "supported" if phrase.endswith("against") else "contradicted"
    assert got == [(["ARM", "BLR"], "yes" if "favour" in phrase else vote, expected)]


# --- arms changes and shares in more constructions ---------------------------------------------------------------
def _imports(country, end, values: dict):
    return _rows(country, end, 5, values, "arms")


# Mongolia: 800 TIV in 2014-2018 (Russia 500 = 62.5%), 1,000 in 2019-2023 (Russia 700 = 70%): +25%.
# Georgia: 100 in 2014-2018, 70 in 2019-2023: -30%. Russia's deliveries: 6,000 → 3,500 TIV (-41.7%); buyers in
# 2019-2023: India 1,800, China 1,100, Egypt 300, Algeria 200, Mongolia 100; in 2014-2018 Algeria led.
WINDOWS = FakeEvidence(
    arms=(_imports("MNG", 2018, {"RUS": 500, "CHN": 300}) + _imports("MNG", 2023, {"RUS": 700, "CHN": 300})
          + _imports("GEO", 2018, {"TUR": 60, "FRA": 40}) + _imports("GEO", 2023, {"TUR": 40, "FRA": 30})),
    arms_exports=(_rows("RUS", 2018, 5, {"DZA": 2500, "IND": 1400, "CHN": 1000, "EGY": 600, "MNG": 500})
                  + _rows("RUS", 2023, 5, {"IND": 1800, "CHN": 1100, "EGY": 300, "DZA": 200, "MNG": 100})))


def windows(text):
    return [(v.claim.parsed.get("supplier"), v.claim.parsed.get("recipient"), v.claim.parsed.get("relation"),
             v.verdict) for v in check_text(text, "2024-06-01", evidence=WINDOWS) if v.type == "arms"]


@pytest.mark.parametrize("text, expected", [
    ("Arms imports by Georgia and Mongolia shrank by 30 percent and 25 percent respectively between 2014-18 and "
     "2019-23.", [(["WLD"], ["GEO"], "change", "supported"), (["WLD"], ["MNG"], "change", "contradicted")]),
    ("Georgia's and Mongolia's arms imports fell by 30% and 10%, respectively, from 2014-2018 to 2019-2023.",
     [(["WLD"], ["GEO"], "change", "supported"), (["WLD"], ["MNG"], "change", "contradicted")]),
])
def test_changes_stated_respectively(text, expected):
    assert [g for g in windows(text) if g[2] == "change"] == expected


@pytest.mark.parametrize("text, verdict", [
    # an apposition with a figure of its own between the flow and its verb; the window compared with comes after
    ("Russia's arms exports, second in the world in 2019-23, fell by 42 percent compared with 2014-2018.",
     "supported"),
    ("Russia's arms exports, second in the world in 2019-23, fell by 20 percent compared with 2014-2018.",
     "contradicted"),
    # a comparison names its subject's window first: the window it is compared with is the five years before
    ("Russia's weapons exports in 2019-2023 were 42% lower than in the five years before.", "supported"),
    # a relative clause between the state and its verb
    ("Mongolia, which the institute counts among modest buyers over 2019-23, increased its weapons imports by 25 "
     "per cent.", "supported"),
])
def test_a_change_with_an_apposition_or_a_relative_clause(text, verdict):
    got = [g for g in windows(text) if g[2] == "change"]
    assert [g[3] for g in got] == [verdict]


def test_a_share_of_what_it_imported_after_an_apposition():
    got = windows("Mongolia raised its arms imports by 25 per cent in 2019-23, with Russia, still its principal "
                  "supplier, providing 70 per cent of what it imported.")
    assert (["RUS"], ["MNG"], "share", "supported") in got
    # the same words about goods are no arms claim
    assert not [g for g in windows("Mongolia's trade grew in 2023, with Russia, still its main partner, providing "
                                   "70 per cent of what it imported.") if g[2] == "share"]


def test_a_suppliers_share_of_bare_imports_once_arms_imports_were_named():
    got = windows("Mongolia's arms imports rose by 25 percent between 2014-18 and 2019-23, with the Russian share "
                  "of Mongolia's imports going from 62.5 percent in 2014-18 to just 70 percent in 2019-23.")
    assert [g for g in got if g[2] == "share"] == [(["RUS"], ["MNG"], "share", "supported")] * 2
    assert not [g for g in windows("Mongolia's trade grew, with the Russian share of Mongolia's imports at 30 "
                                   "percent in 2019.") if g[2] == "share"]


@pytest.mark.parametrize("order, verdicts", [
    ("India, China and Egypt", ["supported"] * 3),
    # the earlier window's order (Algeria first): wrong in the later window
    ("Algeria, India and China", ["contradicted"] * 3),
])
def test_its_largest_customers_after_a_change_of_arms_exports_take_the_later_window(order, verdicts):
    got = windows(f"Russia's arms exports fell by 42 percent in 2019-2023 compared with 2014-2018, SIPRI said, and "
                  f"its largest customers were {order}.")
    ranks = [g for g in got if g[2] == "rank"]
    assert [g[3] for g in ranks] == verdicts
    assert not [g for g in windows(f"Russia's trade fell in 2023, and its largest customers were {order}.")
                if g[2] == "rank"]


def test_a_buyers_purchases_worth_a_share_of_a_suppliers_arms_exports():
    # Mongolia took 100 of Russia's 3,500 TIV in 2019-2023 (2.9%)
    text = "Mongolia's purchases, among them 20 helicopters, were worth {} percent, by value, of all Russian arms " \
           "exports in 2019-2023."
    assert [g for g in windows(text.format(3)) if g[2] == "share"] == [(["RUS"], ["MNG"], "share", "supported")]
    assert [g for g in windows(text.format(14)) if g[2] == "share"] == [(["RUS"], ["MNG"], "share", "contradicted")]


# --- finance: 'puts ... at $N', a bare peak year after the total -------------------------------------------------
def _finance(country, year, value, adjusted=None):
    adjusted = value if adjusted is None else adjusted
    return [{"country": country, "partner": "CHN", "year": year, "source": "aiddata_gcdf3", "value": v / 2,
             "amount": amount, "flow_class": c} for amount, v in (("nominal", value), ("adjusted", adjusted))
            for c in ("ODA-like", "OOF-like")]


# Laos 2010-2014: 1, 3, 2, 1, 1 bn a year (8 bn in all; the peak in 2011).
FINANCE = FakeEvidence(finance=[r for y, v in zip(range(2010, 2015), (1e9, 3e9, 2e9, 1e9, 1e9))
                                for r in _finance("LAO", y, v)])


def finance(text):
    return [(v.claim.parsed.get("relation"), v.verdict) for v in check_text(text, "2024-01-01", evidence=FINANCE)
            if v.type == "finance"]


@pytest.mark.parametrize("text, expected", [
    ("AidData puts China's development finance commitments to Laos over 2010-2014 at $8 billion.",
     [("total", "supported")]),
    ("The report puts Chinese lending to Laos in 2010-2014 at $12 billion.", [("total", "contradicted")]),
    ("AidData puts China's development finance commitments to Laos over 2010-2014 at $8 billion; 2011 was the "
     "peak year at $3 billion.", [("total", "supported"), ("peak year", "supported")]),
    ("AidData puts China's development finance commitments to Laos over 2010-2014 at $8 billion; 2013 was the "
     "peak year.", [("total", "supported"), ("peak year", "contradicted")]),
])
def test_a_total_put_at_an_amount_and_a_bare_peak_year_after_it(text, expected):
    assert finance(text) == expected


def test_a_bare_peak_year_without_a_total_before_it_is_not_a_finance_claim():
    assert finance("Exports grew fast; 2011 was the peak year at $3 billion.") == []


def test_a_second_suppliers_share_with_the_noun_left_out_after_the_possessive():
    # Mongolia 2019-2023: Russia 700 of 1,000 (70%); Georgia: Turkey 40 of 70 (57%)
    got = windows("In 2019-23 Russia supplied 70% of Mongolia's weapons, while Turkey accounted for {}% of "
                  "Georgia's.".format(57))
    assert got == [(["RUS"], ["MNG"], "share", "supported"), (["TUR"], ["GEO"], "share", "supported")]
    got = windows("In 2019-23 Russia supplied 70% of Mongolia's weapons, while Turkey accounted for 90% of Georgia's.")
    assert got[1] == (["TUR"], ["GEO"], "share", "contradicted")
    # no possessive: not read as a share of arms imports
    assert len(windows("In 2019-23 Russia supplied 70% of Mongolia's weapons, while Turkey accounted for 57% of "
                       "Georgia.")) == 1


# --- endorsements: a summit's declaration named by its city, the BRI acronym, 'every member except' ---------------
BISHKEK = ("Uzbekistan, Russia, Kyrgyzstan and Kazakhstan confirm that they back China's Belt and Road Initiative "
           "and will work on its implementation. "
           + "The Member States will continue to strengthen cooperation. " * 30)
SCO_MEMBERS = [{"organization": "SCO", "country": c, "role": "member", "start": "2001-06-15", "end": None}
               for c in ("CHN", "KAZ", "KGZ", "RUS", "UZB")] + \
    [{"organization": "SCO", "country": "IND", "role": "member", "start": "2017-06-09", "end": None}]
DECLARATIONS = FakeEvidence(memberships=SCO_MEMBERS, summits=SUMMITS + [
    {"year": 2018, "date": "2018-06-10", "host_city": "Qingdao", "host_country": "CHN"}],
    declarations={2019: (BISHKEK, "https://example.org/2019"), 2018: (BISHKEK, "https://example.org/2018")})
DECLARATIONS.tables["declaration_texts"] = [
    {**row, "document": "information report" if row["year"] == 2018 else "declaration"}
    for row in DECLARATIONS.tables["declaration_texts"]]


def endorsements(text, date="2019-07-01"):
    return [(v.claim.parsed.get("relation"), v.verdict) for v in check_text(text, date, evidence=DECLARATIONS)
            if v.type == "endorsement"]


@pytest.mark.parametrize("text, expected", [
    ("India declined to back the BRI at the Bishkek summit, the SCO declaration shows.", [("not", "supported")]),
    ("Kazakhstan refused to endorse the BRI at the Bishkek summit, where the SCO declaration lists others.",
     [("not", "contradicted")]),
    # a city named later in the sentence (another event's) is not the summit's
    ("India declined to back the BRI at the Bishkek summit: the SCO declaration hails the forum held in Beijing in "
     "April.", [("not", "supported")]),
    ("The Bishkek Declaration shows that all SCO members except India (China and four more) reaffirmed their "
     "support for China's BRI.", [("only not", "supported")]),
    ("According to the Bishkek Declaration, all members except India and Russia expressed support for the Belt and "
     "Road Initiative.", [("only not", "contradicted")]),
])
def test_endorsements_of_a_summits_declaration(text, expected):
    assert endorsements(text) == expected


def test_a_declaration_whose_summit_left_only_another_document_is_unverifiable():
    got = [(v.verdict, v.reason) for v in check_text(
        "Under the Qingdao Declaration all SCO members except India voiced support for China's BRI.",
        "2019-01-01", evidence=DECLARATIONS) if v.type == "endorsement"]
    assert got and got[0][0] == "unverifiable" and "information report" in got[0][1]


@pytest.mark.parametrize("text", [
    "The minister said the SCO members had agreed on terms admitting Mongolia and Iran as observers.",
    "Officials said the EAEU states agreed to admit Uzbekistan as an observer.",
])
def test_an_undated_agreement_to_admit_states_is_an_unverifiable_event(text):
    got = [(v.type, v.verdict, v.claim.parsed.get("unit")) for v in check_text(text, evidence=EVIDENCE)]
    assert got == [("other", "unverifiable", "event")]


# --- two tallies in one sentence, each with its own clause's year -------------------------------------------------
TALLIES = FakeEvidence(roll_calls=[
    {"rcid": 21, "session": 62, "year": 2008, "date": "2008-05-01", "unres": "R/62/500",
     "short": "Displaced persons from the Zeta valley : resolution", "descr": "Zeta valley", "yes": 20, "no": 12,
     "abstain": 100},
    {"rcid": 22, "session": 64, "year": 2010, "date": "2010-09-01", "unres": "R/64/500",
     "short": "Displaced persons from the Zeta valley : resolution", "descr": "Zeta valley", "yes": 55, "no": 15,
     "abstain": 80}], votes=[])


@pytest.mark.parametrize("second, expected", [
    ("squeaked through 20 to 12 with 100 abstaining", ["supported", "supported"]),
    ("went through 21 to 12 with 99 abstaining", ["supported", "partly supported"]),
])
def test_two_tallies_each_with_its_clauses_year(second, expected):
    text = (f"The General Assembly resolution on displaced persons from the Zeta valley passed on 1 September by 55 "
            f"votes to 15 with 80 abstentions, whereas the earliest one of its kind, in 2008, {second}.")
    got = [(v.claim.parsed.get("year"), v.verdict) for v in check_text(text, evidence=TALLIES) if v.type == "votes"]
    assert got == [(None, expected[0]), (2008, expected[1])]


@pytest.mark.parametrize("text, verdict", [
    # the acronym is the initiative's name: found under its words, never "absent from the text"
    ("The Bishkek Declaration expressed support for China's BRI.", "supported"),
    ("The Bishkek Declaration expressed support for the OBOR initiative.", "supported"),
    ("The Bishkek Declaration called for a ban on space weapons.", "contradicted"),
])
def test_a_declaration_notion_named_by_the_belt_and_road_acronym(text, verdict):
    got = [v.verdict for v in check_text(text, "2019-07-01", evidence=DECLARATIONS) if v.type == "declaration"]
    assert got == [verdict]
