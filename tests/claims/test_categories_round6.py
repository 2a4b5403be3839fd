"""Reading rules generalised in round 6 (issue 11), from the categories of the misses (not from their sentences):
a scale word after a figure ends a sentence, a body named with a country's possessive is that country's, an EU member
state's monthly record in euros, a trade figure with no period of its own continues the period of the figure before
it, 'it' after a preposition stands for the country named last, and a frame naming only the partner takes the
country of the figure before it. Made-up sentences and made-up figures on FakeEvidence."""

from __future__ import annotations

import pandas as pd
import pytest

from multipolar.claims import check_text
from multipolar.claims.fake_evidence import FakeEvidence
from multipolar.claims.pack_evidence import _monthly_value
from multipolar.claims.reading.sentence import Context, Reading
from multipolar.claims.reading.sentences import sentences


def _claims(text, evidence, date="2021-12-01"):
    return [(c.type, c.verdict, c.to_dict()["parsed"]) for c in check_text(text, date, evidence=evidence)]


# --- a scale word after a figure ends the sentence ----------------------------------------------------------------

@pytest.mark.parametrize("text, count", [
    ("Exports reached $3.1bn. In 2019 they fell.", 2),
    ("The loan was EUR 40 mln. Then it grew.", 2),
    ("Imports were 12 bln. Mr. Smith said so.", 2),
    ("Mr. Smith met Dr. Jones in Baku.", 1),  # abbreviations still do not end a sentence
])
def test_a_scale_word_after_a_figure_ends_the_sentence(text, count):
    assert len(sentences(text)) == count


# --- a body named with a country's possessive is that country's ---------------------------------------------------

@pytest.mark.parametrize("text, code", [
    ("According to Tajikistan's National Statistical Committee, exports rose.", "TJK"),
    ("Data of Uzbekistan's National Statistical Committee show a fall.", "UZB"),
    ("The National Statistical Committee reported a rise.", "KGZ"),  # no possessive: the body's usual state
])
def test_a_body_with_a_possessive_belongs_to_the_country_named(text, code):
    r = Reading(sentences(text)[0], Context())
    assert r.reporter is not None and r.reporter.codes == [code]


# --- an EU member state's monthly record is in euros --------------------------------------------------------------

def _rows(usd, published, units):
    return pd.DataFrame({"value_usd": usd, "value_published": published, "unit_published": units})


@pytest.mark.parametrize("rows, expected", [
    (_rows([None, None], [1.0, 2.0], ["EUR", "EUR"]), ("value_published", "EUR")),   # euros only: euros
    (_rows([1.1, 2.2], [1.0, 2.0], ["EUR", "EUR"]), ("value_usd", "USD")),            # converted: dollars
    (_rows([None, None], [1.0, 2.0], ["EUR", "GBP"]), ("value_usd", "USD")),          # two currencies: neither summed
])
def test_a_monthly_record_without_dollars_is_read_in_the_currency_published(rows, expected):
    assert _monthly_value(rows, "value_usd", "USD") == expected


# --- a figure with no period continues the period of the figure before it ------------------------------------------

# France's (made-up) monthly exports in euros: 10 m a month in 2020, 12 m in 2021 (Jan-Sep 2021 = 108 m, +20%).
MONTHLY = {("FRA", partner, "export", "eurostat_comext"): {**{(2020, m): 10e6 for m in range(1, 13)},
                                                           **{(2021, m): 12e6 for m in range(1, 10)}}
           for partner in ("UZB", "KAZ", "GEO")}
MONTHLY_EV = FakeEvidence(monthly=MONTHLY)


@pytest.mark.parametrize("text", [
    "French exports to Uzbekistan rose 20% in January-September this year. French exports to Kazakhstan reached €108 "
    "million.",
    "In the first nine months of 2021 France's exports to Uzbekistan grew by 20%. Its exports to Georgia came to "
    "€108 million.",
    "France's exports to Uzbekistan rose 20% in January-September 2021. Officials met in Paris. Over the same nine "
    "months France's exports to Kazakhstan reached €108 million.",
])
def test_a_figure_without_a_period_continues_the_period_before_it(text):
    found = _claims(text, MONTHLY_EV)
    last = found[-1]
    assert last[0] == "level" and last[2]["months"] == [1, 9] and last[2]["year"] == 2021
    assert last[1] == "supported"  # 9 x 12 m summed like with like, never a full year


def test_a_period_is_not_carried_past_a_sentence_without_figures():
    text = ("France's exports to Uzbekistan rose 20% in January-September 2021. Officials met in Paris. France's "
            "exports to Kazakhstan reached €108 million.")
    last = _claims(text, MONTHLY_EV)[-1]
    assert "months" not in last[2] and "partial" not in last[2]


# --- 'it' after a preposition: the country named last ---------------------------------------------------------------

TRADE = {("MNG", "CHN", "import", "national_mn"): {2020: 5.0e9},
         ("MNG", "CHN", "export", "national_mn"): {2020: 7.0e9, 2021: 14.0e9}}
TRADE_EV = FakeEvidence(trade=TRADE)


@pytest.mark.parametrize("text", [
    "In 2020 Mongolia bought $5 billion of goods from China and exported $7 billion to it.",
    "In 2020 Mongolia imported $5 billion from China and sold $7 billion to it.",
    "In 2020 Mongolia imported $5 billion from China, and shipped $7 billion to it.",
])
def test_it_after_a_preposition_is_the_country_named_last(text):
    levels = [(p["flow"], p["partner"], v) for t, v, p in _claims(text, TRADE_EV) if t == "level"]
    assert levels == [("import", ["CHN"], "supported"), ("export", ["CHN"], "supported")]


def test_it_after_a_preposition_with_no_country_before_is_not_read():
    r = Reading(sentences("Exports to it rose.")[0], Context())
    assert not r.mentions


# --- a frame naming only the partner takes the country of the figure before it --------------------------------------

@pytest.mark.parametrize("text, flow", [
    ("Mongolia's exports to China doubled in 2021.\n\nImports from China fell 5% in 2020.", "import"),
    ("Mongolian exports to China doubled in 2021.\n\nExports to China reached $14 billion in 2021.", "export"),
    ("Mongolia's exports to China doubled in 2021.\n\nShipments to China reached $14 billion in 2021.", "export"),
])
def test_a_frame_naming_only_the_partner_continues_the_country_before(text, flow):
    found = _claims(text, TRADE_EV)
    assert found[-1][2]["country"] == ["MNG"] and found[-1][2]["flow"] == flow


# --- a transitive verb of change before the frame, its rate after it ----------------------------------------------

GROWTH = {("MNG", "CHN", "export", "national_mn"): {2020: 10.0e9, 2021: 12.5e9},
          ("MNG", "CHN", "import", "national_mn"): {2020: 6.0e9, 2021: 4.0e9}}
GROWTH_EV = FakeEvidence(trade=GROWTH)


@pytest.mark.parametrize("text, expected", [
    ("In 2021 Mongolia increased its exports to China by 25%.", (25.0, "supported")),
    ("Mongolia boosted exports to China by more than 20 percent in 2021.", (20.0, "supported")),
    ("In 2021 Mongolia cut its imports from China by a modest 5%.", None),  # no rate right after 'by': not read
    ("Mongolia reduced its imports from China by 10% in 2021.", (-10.0, "contradicted")),  # -33%, far beyond
])
def test_a_transitive_verb_of_change_takes_the_rate_after_the_frame(text, expected):
    # dated after 2021 ended: a figure for the article's own year is never judged on annual data (round 11)
    changes = [(p["value"], v) for t, v, p in _claims(text, GROWTH_EV, "2022-03-01") if t == "change"]
    assert changes == ([expected] if expected else [])


# --- a measure the macro table holds next to a figure, whatever the construction ----------------------------------

MACRO = [{"country": c, "year": y, "gdp_usd": g, "population": n, "source": "worldbank_wdi"}
         for c, y, g, n in (("MNG", 2021, 16.0e9, 3.3e6), ("ARM", 2021, 14.0e9, 2.8e6))]
MACRO_EV = FakeEvidence(macro=MACRO)


@pytest.mark.parametrize("text, expected", [
    ("Mongolia, with some 3.3 million inhabitants, borders China.", ("MNG", "population", "supported")),
    ("Armenia, a nation of about 2.8 million people, is small.", ("ARM", "population", "supported")),
    ("Armenia, the smallest state in the South Caucasus, has a population of 5 million.",
     ("ARM", "population", "contradicted")),
    ("Mongolia is a large country in Asia, with a GDP per capita of $4,850 in 2021.", ("MNG", "gdp per capita",
                                                                                       "supported")),
    ("Mongolia's economy, worth $16 billion in 2021, depends on mining.", ("MNG", "gdp", "supported")),
])
def test_a_measure_next_to_a_figure_is_read_about_the_sentence_state(text, expected):
    found = [(p["country"][0], p["measure"], v) for t, v, p in _claims(text, MACRO_EV, "2022-06-01") if t == "macro"]
    assert found == [expected]


def test_a_gdp_figure_in_a_trade_sentence_is_not_a_trade_amount():
    found = _claims("In 2021 Mongolia's exports to China were $12.5 billion, about three quarters of the country's "
                    "GDP of $16 billion.", FakeEvidence(trade=GROWTH, macro=MACRO))
    assert [(t, p.get("measure")) for t, v, p in found if t in ("level", "macro")] == [("level", None),
                                                                                      ("macro", "gdp")]


# --- a count or a forecast no reader explained: detected, unverifiable, with the reason ----------------------------

@pytest.mark.parametrize("text, unit", [
    ("Last spring Japan sent 40 rescue workers to Mongolia.", "count"),
    ("The ministry said 1,250 trucks crossed from Kazakhstan into China each week.", "count"),
    ("An official said trade between Mongolia and Japan could reach $3-4bn by 2030.", "forecast"),
])
def test_a_count_or_a_forecast_is_detected_and_unverifiable(text, unit):
    found = _claims(text, FakeEvidence())
    assert [(t, v, p["unit"]) for t, v, p in found] == [("other", "unverifiable", unit)]


@pytest.mark.parametrize("text", [
    "On 14 May the five Central Asian presidents met in Astana.",   # a day of a month, a number word
    "In 2019 Mongolia and Japan signed a memorandum.",               # a year is no count
    "Trade rose 12 percent, officials in Mongolia said.",            # a percentage is not a count
])
def test_dates_years_and_percentages_are_not_counts(text):
    assert not [p for t, v, p in _claims(text, FakeEvidence()) if p.get("unit") == "count"]


# --- the role named after 'as' following a membership verb --------------------------------------------------------

ROLES = [{"organization": "SCO", "country": "MNG", "role": "observer", "start": "2004-06-17", "end": None},
         {"organization": "SCO", "country": "NPL", "role": "dialogue_partner", "start": "2015-07-10", "end": None},
         {"organization": "SCO", "country": "KAZ", "role": "member", "start": "2001-06-15", "end": None}]
ROLES_EV = FakeEvidence(memberships=ROLES)


@pytest.mark.parametrize("text, role, verdict", [
    ("Mongolia was admitted as an SCO observer in 2004.", "observer", "supported"),
    ("Nepal joined the SCO as a dialogue partner in 2015.", "dialogue partner", "supported"),
    ("Mongolia was admitted as a full member of the SCO in 2004.", None, "contradicted"),  # it is an observer
    ("Mongolia was accepted as an observer of the SCO in 2004.", "observer", "supported"),
    ("Nepal was inducted as a dialogue partner of the SCO in 2016.", "dialogue partner", "contradicted"),  # 2015
])
def test_the_role_after_as_decides_the_membership_read(text, role, verdict):
    found = [(p.get("role"), v) for t, v, p in _claims(text, ROLES_EV, "2020-01-01") if t == "membership"]
    assert found == [(role, verdict)]


# --- a time that opens the sentence is every clause's; a share's bracketed amount and its gapped partners ----------

SHARES = {("MNG", "CHN", "turnover", "national_mn"): {2021: (0.60, 9.0e9, 15.0e9)},
          ("MNG", "RUS", "turnover", "national_mn"): {2021: (0.10, 1.5e9, 15.0e9)}}
SHARE_TRADE = {("MNG", "CHN", "turnover", "national_mn"): {2021: 9.0e9},
               ("MNG", "RUS", "turnover", "national_mn"): {2021: 1.5e9}}
SHARE_EV = FakeEvidence(shares=SHARES, trade=SHARE_TRADE)


@pytest.mark.parametrize("text", [
    "In the first half of 2021, Mongolia's trade with the world (its statistics say) came to $7 billion.",
    "During the first half of 2021 China accounted for 60% ($4.5bn) of Mongolia's trade.",
    "In January-June 2021, Russia accounted for 10% of Mongolia's trade (about $0.8bn) and China for 60%.",
    "China accounted for 60% ($4.5bn) of Mongolia's trade in January-June 2021.",  # an amount in brackets is no break
])
def test_a_time_opening_the_sentence_is_the_period_of_every_figure_in_it(text):
    found = _claims(text, SHARE_EV)
    assert found and all(p.get("months") == [1, 6] for t, v, p in found if t in ("share", "level"))
    assert all(v == "unverifiable" for t, v, p in found if t in ("share", "level"))  # never a full year


@pytest.mark.parametrize("text, expected", [
    ("In 2021 China accounted for 60% ($9bn) of Mongolia's trade.",
     [("share", "CHN", "supported"), ("level", "CHN", "supported")]),
    ("In 2021 China accounted for 60% ($9bn) of Mongolia's trade, and Russia for 10% ($1.5bn).",
     [("share", "CHN", "supported"), ("level", "CHN", "supported"), ("share", "RUS", "supported"),
      ("level", "RUS", "supported")]),
    ("In 2021 China made up 60% of Mongolia's trade and Russia 20%.",
     [("share", "CHN", "supported"), ("share", "RUS", "contradicted")]),
])
def test_a_share_carries_its_bracketed_amount_and_its_gapped_partners(text, expected):
    found = [(t, p["partner"][0], v) for t, v, p in _claims(text, SHARE_EV, "2022-06-01") if t in ("share", "level")]
    assert found == expected


# --- a declaration's reporting verbs, and its collective subject in the sentences after it -------------------------

DECL_TEXT = ("The member states note the importance of implementing the programme on digital literacy. They express "
             "their deep concern about the spread of locust swarms in the region and welcome the opening of the "
             "river port.")
DECL_EV = FakeEvidence(declarations={2019: (DECL_TEXT, "https://example.org/decl")},
                       summits=[{"year": 2019, "date": "2019-06-14", "host_city": "Bishkek", "host_country": "KGZ"}])


@pytest.mark.parametrize("text, expected", [
    ("In the Bishkek Declaration of 2019 the leaders noted the importance of carrying out the programme on digital "
     "literacy.", ["supported"]),
    ("The leaders signed the Bishkek Declaration in 2019. The leaders expressed their concern about the spread "
     "of locust swarms.", ["supported"]),
    ("The leaders signed the Bishkek Declaration in 2019. The leaders welcomed the opening of the river port.",
     ["supported"]),
    ("The leaders signed the Bishkek Declaration in 2019. The member states condemned the tariffs on walnut exports.",
     ["contradicted"]),
])
def test_a_declaration_s_reporting_verbs_and_its_collective_subject(text, expected):
    assert [v for t, v, p in _claims(text, DECL_EV, "2019-06-20") if t == "declaration"] == expected


def test_a_collective_subject_with_no_declaration_named_before_is_not_read():
    assert not [t for t, v, p in _claims("The member states welcomed the opening of the river port.", DECL_EV,
                                         "2019-06-20") if t == "declaration"]


# --- a partner among a country's first few partners ---------------------------------------------------------------

GROUP_RANKS = [{"country": "MNG", "partner": p, "year": 2021, "flow": f, "source": "national_mn", "value": i + 1,
                "partner_value": 10.0e9 / (i + 1), "n_partners": 8}
               for f in ("turnover", "export")
               for i, p in enumerate(("CHN", "RUS", "KOR", "JPN", "DEU", "USA", "KAZ", "TUR"))]
GROUP_EV = FakeEvidence(ranks=GROUP_RANKS)


@pytest.mark.parametrize("text, within, verdict", [
    ("In 2021 Japan was one of Mongolia's main trading partners.", 5, "supported"),        # 4th
    ("In 2021 Turkey remained one of Mongolia's main trading partners.", 5, "contradicted"),  # 8th
    ("In 2021 South Korea was among Mongolia's three largest export markets.", 3, "supported"),   # 3rd
    ("In 2021 Germany was among the top three trading partners of Mongolia.", 3, "contradicted"),  # 5th
])
def test_a_partner_among_the_first_few(text, within, verdict):
    found = [(p["within"], v) for t, v, p in _claims(text, GROUP_EV, "2022-06-01") if t == "rank"]
    assert found == [(within, verdict)]


# --- an earlier amount after a rank's amount ------------------------------------------------------------------------

UPFROM_RANKS = [{"country": "MNG", "partner": p, "year": 2021, "flow": "turnover", "source": "national_mn",
                 "value": i + 1, "partner_value": v, "n_partners": 2} for i, (p, v) in enumerate((("CHN", 9e9),
                                                                                                  ("RUS", 2e9)))]
UPFROM_TRADE = {("MNG", "CHN", "turnover", "national_mn"): {2020: 8.0e9, 2021: 9.0e9}}


@pytest.mark.parametrize("text, expected", [
    ("China was Mongolia's main trading partner in 2021 with $9 billion of trade, up from $8 billion in 2020.",
     [(2021, "supported"), (2020, "supported")]),
    ("China remained Mongolia's largest trading partner in 2021, with $9 billion, up from $6 billion in 2020.",
     [(2021, "supported"), (2020, "contradicted")]),
    ("China was Mongolia's top trading partner in 2021 with $9 billion, down from $10 billion in 2020.",
     [(2021, "supported"), (2020, "contradicted")]),
])
def test_an_earlier_amount_after_a_rank_s_amount_is_that_year_s(text, expected):
    found = _claims(text, FakeEvidence(ranks=UPFROM_RANKS, trade=UPFROM_TRADE), "2022-06-01")
    assert [(p["year"], v) for t, v, p in found if t == "level"] == expected


# --- a summit's ordinal by any name of the council of heads of state -------------------------------------------------

ORD_SUMMITS = [{"year": y, "date": f"{y}-06-15", "host_city": c, "host_country": k}
               for y, c, k in ((2001, "Shanghai", "CHN"), (2002, "Saint Petersburg", "RUS"), (2003, "Moscow", "RUS"),
                               (2004, "Tashkent", "UZB"))]
ORD_EV = FakeEvidence(summits=ORD_SUMMITS)


@pytest.mark.parametrize("text, verdict", [
    ("The 4th meeting of the SCO Heads of State took place in June 2004.", "supported"),
    ("The 2003 summit in Moscow was the third SCO Heads of State Council meeting.", "supported"),
    ("The 2nd SCO Council of Heads of State meeting took place in Moscow in 2003.", "contradicted"),
    ("Moscow hosted the SCO summit in 2003, the third meeting of the SCO Heads of State.", "supported"),  # apposition
    ("The leaders met in 2004, the 5th SCO Heads of State summit.", "contradicted"),
])
def test_a_summit_s_ordinal_by_any_name_of_the_council(text, verdict):
    found = [v for t, v, p in _claims(text, ORD_EV, "2005-01-01") if t == "summit" and p.get("relation") == "ordinal"]
    assert found == [verdict]


# --- states listed in a role without a count; a count with its states after a colon; 'it' for the organization -----

LIST_MEMBERS = [*({"organization": "SCO", "country": c, "role": "member", "start": "2001-06-15", "end": None}
                  for c in ("CHN", "RUS", "KAZ", "KGZ", "TJK", "UZB")),
                {"organization": "SCO", "country": "MNG", "role": "observer", "start": "2004-06-17", "end": None},
                {"organization": "SCO", "country": "AFG", "role": "observer", "start": "2012-06-07", "end": None},
                {"organization": "SCO", "country": "NPL", "role": "dialogue_partner", "start": "2015-07-10",
                 "end": None}]
LIST_EV = FakeEvidence(memberships=LIST_MEMBERS)


@pytest.mark.parametrize("text, expected", [
    ("The SCO met in June. Mongolia and Afghanistan are observer states.", [("observer", "supported")]),
    ("Nepal and Mongolia are the SCO's dialogue partners.", [("dialogue partner", "partly supported")]),
    ("The SCO was set up in 2001. It has six members: China, Russia, Kazakhstan, Kyrgyzstan, Tajikistan and "
     "Uzbekistan.", [("count", "supported")]),
    ("The SCO has seven members: China, Russia, Kazakhstan, Kyrgyzstan, Tajikistan, Mongolia and Uzbekistan.",
     [("count", "partly supported")]),
])
def test_states_in_a_role_and_a_count_with_its_states_after_a_colon(text, expected):
    found = [(p["relation"], v) for t, v, p in _claims(text, LIST_EV, "2020-01-01") if t == "membership"]
    assert found == expected


# --- a supplier's arms deliveries to the world; a product named inside a trade verb's phrase -----------------------

def _arms_rows(country, end, window, values):
    total = sum(values.values())
    return [{"country": country, "partner": p, "year": end, "source": "sipri_at", "value": v / total,
             "partner_value": v, "total_value": total, "window": window, "window_years": window}
            for p, v in values.items()]


# Russia's (made-up) deliveries 2014-2018: 6,000 million TIV to five buyers.
WORLD_ARMS = FakeEvidence(arms_exports=_arms_rows("RUS", 2018, 5, {"IND": 2500, "CHN": 1400, "DZA": 1000,
                                                                   "EGY": 600, "MNG": 500}))


@pytest.mark.parametrize("text, verdict", [
    ("From 2014 to 2018 Russia exported some $6 billion worth of weapons around the world.", "supported"),
    ("Russia's arms exports totalled $6.1 billion in 2014-2018.", "supported"),
    ("From 2014 to 2018 Russia sold $9 billion of arms worldwide.", "contradicted"),
])
def test_a_supplier_s_deliveries_to_the_world(text, verdict):
    found = [(p["recipient"], v) for t, v, p in _claims(text, WORLD_ARMS, "2019-06-01") if t == "arms"]
    assert found == [(["WLD"], verdict)]


@pytest.mark.parametrize("text, goods", [
    ("In 2021 Mongolia sold $2 billion of coal to China.", "coal"),
    ("In 2021 Mongolia exported $3 billion worth of copper ore to China.", "copper ore"),
    ("In 2021 Mongolia exported $12.5 billion worth of goods to China.", None),  # all goods: the totals
])
def test_a_product_named_inside_a_trade_verb_s_phrase(text, goods):
    levels = [(p.get("goods"), v) for t, v, p in _claims(text, GROWTH_EV, "2022-06-01") if t == "level"]
    assert levels == [(goods, "unverifiable" if goods else "supported")]


# --- a role in the present tense with no article date: a role held before is not contradicted ------------------------

CHANGED = FakeEvidence(memberships=[
    {"organization": "SCO", "country": "NPL", "role": "dialogue_partner", "start": "2015-07-10", "end": "2020-06-01"},
    {"organization": "SCO", "country": "NPL", "role": "observer", "start": "2020-06-01", "end": None},
    {"organization": "SCO", "country": "MNG", "role": "observer", "start": "2004-06-17", "end": None}])


@pytest.mark.parametrize("text, date, verdict", [
    ("Nepal is a dialogue partner of the SCO.", None, "unverifiable"),        # true until 2020; the date is unknown
    ("Nepal is a dialogue partner of the SCO.", "2018-01-01", "supported"),    # dated: as of the article
    ("Nepal is a dialogue partner of the SCO.", "2021-01-01", "contradicted"),
    ("Mongolia is a dialogue partner of the SCO.", None, "contradicted"),     # never one
])
def test_a_present_role_without_an_article_date(text, date, verdict):
    assert [v for t, v, p in _claims(text, CHANGED, date) if t == "membership"] == [verdict]


# --- a partner-only frame in an article about one country: that country ------------------------------------------

TOPIC_EV = FakeEvidence(trade={("MNG", "RUS", "turnover", "national_mn"): {2020: 1.0e9, 2021: 1.5e9}})


@pytest.mark.parametrize("text, country", [
    ("Mongolia is vast. Mongolia borders Russia. Mongolia mines coal.\n\nTrade with Russia rose 50% in 2021.", "MNG"),
    ("Mongolia is vast. Mongolia mines coal.\n\nTurnover with Russia grew by half in 2021.", "MNG"),
    ("Mongolia is vast. Japan is rich. China is big.\n\nTrade with Russia rose 50% in 2021.", None),  # no clear topic
])
def test_a_partner_only_frame_takes_the_text_s_clear_topic(text, country):
    found = [p["country"] for t, v, p in _claims(text, TOPIC_EV, "2022-06-01") if t == "change"]
    assert found == ([[country]] if country else [])


# --- a conversion in brackets after an amount in another currency is the text's arithmetic, not a record ----------

@pytest.mark.parametrize("text, units", [
    ("In 2021 Mongolia's exports to China were 80 billion yuan ($12.5 billion).", ["CNY"]),
    ("In 2021 Mongolia's exports to China reached 1 trillion rubles (about $12.5 billion).", ["RUB"]),
    ("In 2021 Mongolia's exports to China were $12.5 billion (€10.6 billion).", ["USD"]),
])
def test_a_conversion_in_brackets_is_not_a_second_figure(text, units):
    assert [p["unit"] for t, v, p in _claims(text, GROWTH_EV, "2022-06-01") if t == "level"] == units


# --- a percentage in brackets is an aside within its clause -----------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Mongolia's exports to China rose by $2.5 billion (+25%) between 2020 and 2021.", (2020, 2021, "supported")),
    ("Mongolia's imports from China fell by $2 billion (-33%) between 2020 and 2021.", (2020, 2021, "supported")),
    ("Mongolia's imports from China fell by $3 billion (-50%) between 2020 and 2021.", (2020, 2021, "contradicted")),
])
def test_a_percentage_in_brackets_keeps_the_clause_s_period(text, expected):
    found = [(p.get("base_year"), p.get("year"), v) for t, v, p in _claims(text, GROWTH_EV, "2022-06-01")
             if t == "change"]
    assert found[:1] == [expected]


# --- a share of a product's trade is read, and unverifiable (the data hold all-goods totals) -----------------------

@pytest.mark.parametrize("text, goods, verdict", [
    ("Half of Mongolia's coal exports in 2021 were shipped to China.", "coal", "unverifiable"),
    ("About 90% of Mongolia's copper and gold exports go to China.", "copper and gold", "unverifiable"),
    ("60% of Mongolia's exports in 2021 went to China.", None, "supported"),   # all goods: checked
])
def test_a_share_of_a_product_s_trade(text, goods, verdict):
    ev = FakeEvidence(shares={("MNG", "CHN", "export", "national_mn"): {2021: (0.60, 7.5e9, 12.5e9)}})
    found = [(p.get("goods"), v) for t, v, p in _claims(text, ev, "2022-06-01") if t == "share"]
    assert found == [(goods, verdict)]


@pytest.mark.parametrize("text, months", [
    ("In January-June 2021 Mongolia's exports to China rose 20%. China took 60% of Mongolia's exports.", [1, 6]),
    ("Mongolia's exports to China rose 20% in the first nine months of 2021. China bought 60% of Mongolia's exports.",
     [1, 9]),
    ("Mongolia's exports to China rose 20% in 2021. China took 60% of Mongolia's exports.", None),  # a year: 2021
])
def test_a_share_without_a_period_continues_the_figure_before(text, months):
    ev = FakeEvidence(shares={("MNG", "CHN", "export", "national_mn"): {2021: (0.60, 7.5e9, 12.5e9)}},
                      trade=GROWTH)
    share = [(p.get("months"), p.get("year"), v) for t, v, p in _claims(text, ev, "2022-06-01") if t == "share"]
    assert share == [(months, 2021, "unverifiable" if months else "supported")]


@pytest.mark.parametrize("text, who, verdict", [
    ("Mongolia and Armenia contribute some $30 billion to the world economy.", ["MNG", "ARM"], "supported"),
    ("Together Mongolia and Armenia add about $60 billion to global GDP.", ["MNG", "ARM"], "contradicted"),
    ("Mongolia contributes $16 billion to the world's GDP.", ["MNG"], "supported"),
])
def test_a_contribution_to_the_world_s_gdp_is_the_states_gdp(text, who, verdict):
    found = [(p["country"], v) for t, v, p in _claims(text, MACRO_EV, "2022-06-01") if t == "macro"]
    assert found == [(who, verdict)]


@pytest.mark.parametrize("text, goods", [
    ("In 2021 copper concentrate made up 30% ($3.75bn) of Mongolia's exports to China.", "copper concentrate"),
    ("In 2021 coking coal accounted for 40% of Mongolia's exports to China.", "coking coal"),
    ("In 2021 60% of Mongolia's exports went to China.", None),  # the partner's share: checked
])
def test_a_product_making_up_part_of_a_flow_is_not_the_partner_s_share(text, goods):
    ev = FakeEvidence(shares={("MNG", "CHN", "export", "national_mn"): {2021: (0.60, 7.5e9, 12.5e9)}}, trade=GROWTH)
    found = [(t, p.get("goods"), v) for t, v, p in _claims(text, ev, "2022-06-01") if t in ("share", "level")]
    assert all(g == goods for _, g, _ in found) and found
    assert all(v == ("unverifiable" if goods else "supported") for _, _, v in found)


@pytest.mark.parametrize("text", [
    "In 2021 copper made up 30% ($3.75bn) of Mongolia's exports to China, coal 20% ($2.5bn).",
    "Mongolia's exports to China in 2021: copper 30% ($3.75bn), coal 20% ($2.5bn).",
    "In 2021 Mongolia's exports to China included coal, 20% ($2.5bn) of the total.",
])
def test_an_amount_in_brackets_after_a_percentage_is_never_the_frame_s_total(text):
    levels = [(p.get("goods"), v) for t, v, p in _claims(text, GROWTH_EV, "2022-06-01") if t == "level"]
    assert all(g or v == "unverifiable" for g, v in levels)  # never $2.5bn judged as all of the exports
