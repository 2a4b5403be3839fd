"""Round 12 of the trade readers: one fact, many phrasings. Each table states one fact in the ways reporting varies
it (active/passive, nominal, relative clauses, fronted periods, 'according to' first or last, hedges, units, percent
forms, 'last year', pronouns, China and Russia in one sentence) and asserts the same claim and verdict for all.
Expected figures are read here from the raw files in ../shared/data, never from the code under test:
  national_stats/kazakhstan/kz_foreign_trade_by_country_<year>.xls, sheet '<year>' (thousand USD; columns:
  turnover, share, exports, share, imports, share), rows 'Всего' (total), 'Китай' (China), 'Россия' (Russia);
  eurostat_totals/eu_exports_to_kazakhstan_monthly.csv (Germany's rows, months summed);
  national_stats/armenia/armenia_data.csv (rows 'Russia...', timeperiod 1-12 or 'Year')."""

from __future__ import annotations

import csv
import re

import pytest

from multipolar.claims import check_text
from multipolar.claims.reading.numbers import amounts, percent_at


MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
DATE = "2024-06-01"  # "last year" = 2023


def germany_to_kazakhstan(data_dir) -> dict[int, float]:
    """Germany's exports to Kazakhstan per full calendar year (EUR), its monthly Comext rows summed."""
    per: dict[int, dict[int, float]] = {}
    with open(data_dir / "eurostat_totals" / "eu_exports_to_kazakhstan_monthly.csv", newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["REPORTER"].startswith("Germany") and row["VALUE_IN_EUR"].strip():
                found = re.search(r"([A-Za-z]{3})[a-z]*\.?\s+((?:19|20)\d\d)$", row["PERIOD"])  # "...Aug. 2024"
                per.setdefault(int(found.group(2)), {})[MONTHS.index(found.group(1).lower()) + 1] = \
                    float(row["VALUE_IN_EUR"])
    return {y: sum(m.values()) for y, m in per.items() if len(m) == 12}


def kz(data_dir, year: int, partner: str) -> dict[str, float]:
    """Kazakhstan's row for a partner ('Китай', 'Россия', 'Всего') in its own annual file, in USD."""
    import xlrd

    folder = data_dir / "national_stats" / "kazakhstan"
    books = [xlrd.open_workbook(str(folder / f"kz_foreign_trade_by_country_{y}.xls")) for y in (year, year + 1)
             if (folder / f"kz_foreign_trade_by_country_{y}.xls").exists()]
    sheet = next(b.sheet_by_name(n) for b in books for n in (str(year), f"12_{year}")  # 2021: in 2022's file
                 if n in b.sheet_names())
    for i in range(sheet.nrows):
        row = sheet.row_values(i)
        if isinstance(row[0], str) and row[0].strip() == partner:
            return {"turnover": row[1] * 1e3, "export": row[3] * 1e3, "import": row[5] * 1e3}
    raise KeyError(partner)


def of_type(result, kind):
    return [v for v in result if v.type == kind]


def show(result):
    return [(v.type, v.verdict, v.claim.parsed, v.reason[:160]) for v in result] + \
        [("unchecked", u.reason[:120]) for u in result.unchecked]


# --- level: Germany's exports to Kazakhstan in 2023, in euros (Comext: 12 months summed, EUR 3.218 bn) -------------

@pytest.mark.parametrize("template", [
    "German exports to Kazakhstan reached €{bn} billion in 2023.",
    "In 2023, Germany exported goods worth €{bn} billion to Kazakhstan.",                       # fronted period
    "Germany's exports to Kazakhstan, worth €{bn} billion in 2023, grew.",                      # nominal
    "Germany's exports to Kazakhstan, which reached roughly €{bn}bn in 2023, are mostly machinery.",  # relative clause
    "According to Eurostat, Germany's exports to Kazakhstan were about {bn} billion euros in 2023.",
    "Germany's exports to Kazakhstan came to EUR {bn} billion in 2023, according to Eurostat.",
    "Goods worth some €{bn} billion were exported to Kazakhstan by Germany in 2023.",            # passive
    "Germany's exports to Kazakhstan came to nearly EUR{bn} billion last year.",                 # last year, EUR
    "Germany is a big supplier. Its exports to Kazakhstan were €{bn} billion in 2023.",          # pronoun
])
def test_one_level_many_phrasings(claims_pack, data_dir, template):
    value = germany_to_kazakhstan(data_dir)[2023]
    result = check_text(template.format(bn=f"{value / 1e9:.2f}"), DATE, pack=claims_pack)
    (level,) = of_type(result, "level")
    p = level.claim.payload
    assert (p.country, p.partner, p.flow, p.unit, p.year) == (("DEU",), ("KAZ",), "export", "EUR", 2023), show(result)
    assert level.verdict == "supported", show(result)


def test_the_mirror_phrasing_in_euros_is_unverifiable_with_its_reason(claims_pack, data_dir):
    # Kazakhstan's imports from Germany in euros: no euro series is Kazakhstan's; never dropped, never contradicted
    value = germany_to_kazakhstan(data_dir)[2023]
    text = f"Kazakhstan imported goods worth EUR {value / 1e9:.2f} bn from Germany in 2023, according to Eurostat."
    (level,) = of_type(check_text(text, DATE, pack=claims_pack), "level")
    assert level.verdict == "unverifiable" and "euros" in level.reason


# --- share: China's share of Kazakhstan's exports in 2023 (18.53%: 14,666,158 / 79,138,755 thousand USD) --------

@pytest.mark.parametrize("template", [
    "China took {pct}% of Kazakhstan's exports in 2023.",
    "China took {pct} per cent of Kazakhstan's exports in 2023.",
    "China's share of Kazakhstan's exports was {pct} pc in 2023.",
    "In 2023, {pct} percent of Kazakhstan's exports went to China.",
    "According to Kazakhstan's Bureau of National Statistics, China took {pct} per cent of the country's exports "
    "last year.",
    "Kazakhstan is a big exporter. China took {pct}% of its exports in 2023.",
    "China took {pct}% of Kazakhstan's exports in 2023, Kazakhstan's statistics bureau said.",
])
def test_one_share_many_phrasings(claims_pack, data_dir, template):
    row, total = kz(data_dir, 2023, "Китай"), kz(data_dir, 2023, "Всего")
    pct = row["export"] / total["export"] * 100
    result = check_text(template.format(pct=f"{pct:.1f}"), DATE, pack=claims_pack)
    (share,) = of_type(result, "share")
    p = share.claim.payload
    assert (p.country, p.partner, p.flow, p.year) == (("KAZ",), ("CHN",), "export", 2023), show(result)
    assert share.verdict == "supported", show(result)


@pytest.mark.parametrize("phrase, value", [("a quarter of", 0.25), ("a third of", 1 / 3), ("half of", 0.5),
                                           ("two-thirds of", 2 / 3), ("one-fifth of", 0.2)])
def test_fraction_words_are_hedged_shares(phrase, value):
    found = percent_at(f"China took {phrase} its exports.", 0, 40)
    assert found is not None and abs(found.value - value) < 1e-9 and found.hedge == "about"


@pytest.mark.parametrize("text, partner, flow, expected", [
    # 27.89% of imports from Russia (16,847,034 / 60,412,283): "more than a quarter" holds
    ("Russia supplied more than a quarter of Kazakhstan's imports in 2023.", "RUS", "import", "supported"),
    # 18.53% of exports to China: "nearly a fifth" holds
    ("Nearly a fifth of Kazakhstan's exports went to China in 2023.", "CHN", "export", "supported"),
    # 27.89% is far from "half": the matching reporter, flow and year disagree
    ("Half of Kazakhstan's imports came from Russia in 2023.", "RUS", "import", "contradicted"),
])
def test_a_fraction_word_share_is_judged_like_a_hedged_percentage(claims_pack, text, partner, flow, expected):
    (share,) = of_type(check_text(text, DATE, pack=claims_pack), "share")
    assert (share.claim.payload.partner, share.claim.payload.flow) == ((partner,), flow)
    assert share.verdict == expected, share.reason


@pytest.mark.parametrize("text", ["Exports rose 12 pc.", "Exports rose 12 per  cent.", "Exports rose 12 percent."])
def test_every_percent_form_is_read(text):
    assert percent_at(text, 0, len(text)).value == pytest.approx(0.12)


# --- change: Kazakhstan's exports to China, 2023 over 2022 (14,666,158 / 13,060,205 - 1 = +12.3%) ----------------

@pytest.mark.parametrize("template", [
    "Kazakhstan's exports to China rose {pct}% in 2023.",
    "In 2023, Kazakhstan's exports to China grew by {pct} per cent.",
    "Kazakhstan's exports to China were up {pct} pc last year.",
    "Kazakhstan's exports to China, which rose {pct} percent in 2023, are mostly metals.",
    "According to Kazakh statistics, exports to China increased {pct}% in 2023.",
    "Kazakhstan is a big exporter. In 2023, its exports to China rose {pct}%.",
    "Kazakhstan's exports to Russia rose {ru}% in 2023, while those to China rose {pct}%.",   # China and Russia
])
def test_one_change_many_phrasings(claims_pack, data_dir, template):
    chn = kz(data_dir, 2023, "Китай")["export"] / kz(data_dir, 2022, "Китай")["export"] * 100 - 100
    rus = kz(data_dir, 2023, "Россия")["export"] / kz(data_dir, 2022, "Россия")["export"] * 100 - 100
    result = check_text(template.format(pct=f"{chn:.1f}", ru=f"{rus:.1f}"), DATE, pack=claims_pack)
    found = [v for v in of_type(result, "change") if v.claim.payload.partner == ("CHN",)]
    assert len(found) == 1, show(result)
    p = found[0].claim.payload
    assert (p.country, p.flow, p.year, p.base_year) == (("KAZ",), "export", 2023, 2022), show(result)
    assert found[0].verdict == "supported", show(result)


# --- balance: Kazakhstan-Russia 2023 (exports 10,207,416 - imports 16,847,034 thousand USD = -$6.64 bn) ----------

@pytest.mark.parametrize("template", [
    "Kazakhstan's trade deficit with Russia was ${bn} billion in 2023.",
    "In 2023, Kazakhstan ran a deficit of about ${bn} bn in its trade with Russia.",
    "Kazakhstan's imports from Russia exceeded its exports to Russia by ${bn} billion in 2023.",
    "Kazakhstan's trade deficit with Russia reached US${bn} billion last year.",
])
def test_one_balance_many_phrasings(claims_pack, data_dir, template):
    row = kz(data_dir, 2023, "Россия")
    deficit = row["import"] - row["export"]
    result = check_text(template.format(bn=f"{deficit / 1e9:.1f}"), DATE, pack=claims_pack)
    (balance,) = of_type(result, "balance")
    p = balance.claim.payload
    assert (p.country, p.partner, p.year, p.value < 0) == (("KAZ",), ("RUS",), 2023, True), show(result)
    assert balance.verdict == "supported", show(result)
    assert not of_type(result, "level"), show(result)  # the difference is never read as a level of trade


# --- comparison with a difference: China minus Russia in Kazakhstan's 2023 turnover (30.06 - 27.05 = $3.0 bn) ------

@pytest.mark.parametrize("template, leader", [
    ("Kazakhstan's trade with China exceeded its trade with Russia in 2023.", "CHN"),
    ("Kazakhstan's trade with China exceeded its trade with Russia by ${bn} billion in 2023.", "CHN"),
    ("Kazakhstan's 2023 trade with Russia lagged its trade with China by about ${bn} billion.", "CHN"),
    ("Kazakhstan traded more with China than with Russia in 2023, according to the Bureau of National Statistics.",
     "CHN"),
])
def test_one_comparison_many_phrasings(claims_pack, data_dir, template, leader):
    gap = kz(data_dir, 2023, "Китай")["turnover"] - kz(data_dir, 2023, "Россия")["turnover"]
    result = check_text(template.format(bn=f"{gap / 1e9:.1f}"), DATE, pack=claims_pack)
    (comparison,) = of_type(result, "comparison")
    assert comparison.claim.payload.leader == (leader,) and comparison.claim.payload.year == 2023, show(result)
    assert comparison.verdict == "supported", show(result)
    assert not of_type(result, "level"), show(result)


def test_a_wrong_difference_is_contradicted_on_the_same_figures(claims_pack, data_dir):
    gap = kz(data_dir, 2023, "Китай")["turnover"] - kz(data_dir, 2023, "Россия")["turnover"]
    text = f"Kazakhstan's trade with China exceeded its trade with Russia by ${gap * 3 / 1e9:.0f} billion in 2023."
    (comparison,) = of_type(check_text(text, DATE, pack=claims_pack), "comparison")
    assert comparison.verdict == "contradicted", comparison.reason


def test_a_difference_is_never_an_amount_of_trade():
    assert [a.value for a in amounts("A's trade with B exceeded its trade with C by $3 billion.")] == [3e9]
    result = check_text("Kazakhstan's trade with China was $3 billion larger than its trade with Russia in 2023.",
                        DATE)
    assert not of_type(result, "level"), show(result)


# --- rank and crossover: China first in Kazakhstan's 2023 turnover (30.06 > 27.05 bn), Russia first in 2022 --------

@pytest.mark.parametrize("text", [
    "China was Kazakhstan's largest trading partner in 2023.",
    "In 2023, China overtook Russia as Kazakhstan's largest trading partner.",
    "In 2023 China replaced Russia as Kazakhstan's biggest trade partner.",
    "China became Kazakhstan's top trading partner last year, according to Kazakh statistics.",
])
def test_one_rank_many_phrasings(claims_pack, data_dir, text):
    assert kz(data_dir, 2023, "Китай")["turnover"] > kz(data_dir, 2023, "Россия")["turnover"]
    assert kz(data_dir, 2022, "Россия")["turnover"] > kz(data_dir, 2022, "Китай")["turnover"]
    result = check_text(text, DATE, pack=claims_pack)
    judged = [v for v in result if v.type in ("rank", "comparison", "crossover")]
    assert judged and all(v.verdict == "supported" for v in judged), show(result)
    assert any(v.claim.payload.year == 2023 for v in judged), show(result)


# --- every year of a window ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    # exports to China (thousand USD): 2021 9,77x,xxx < 10 bn; 2022 13,060,205; 2023 14,666,158
    ("Kazakhstan's exports to China have exceeded $9 billion every year since 2021.", "supported"),
    ("Kazakhstan's exports to China were above $12 billion each year since 2022.", "supported"),
    ("Kazakhstan's exports to China have exceeded $14 billion each year since 2021.", "contradicted"),
    ("Kazakhstan's exports to China were over $9 billion every year for the past three years.", "supported"),
])
def test_every_year_of_a_window_is_checked(claims_pack, data_dir, text, expected):
    years = {y: kz(data_dir, y, "Китай")["export"] for y in (2021, 2022, 2023)}
    assert 9e9 < years[2021] < 10e9 < 12e9 < years[2022] < 14e9 < years[2023]
    (level,) = of_type(check_text(text, DATE, pack=claims_pack), "level")
    assert level.claim.payload.every_year and level.claim.payload.every_year[1] == 2023
    assert level.verdict == expected, level.reason


# --- a year held by month only ------------------------------------------------------------------------------------

def armenia_months(data_dir, year: int) -> dict:
    with open(data_dir / "national_stats" / "armenia" / "armenia_data.csv", newline="", encoding="utf-8") as fh:
        return {row["timeperiod"]: row["export"] for row in csv.DictReader(fh)
                if row["country"].startswith("Russia") and row["year"] == str(year)}


def test_a_year_with_some_months_only_names_the_months_missing(claims_pack, data_dir):
    months = armenia_months(data_dir, 2023)
    assert {k for k in months if k != "Year"} == {"1"}  # January only
    (level,) = of_type(check_text("Armenia's exports to Russia reached $3.4 billion in 2023.", DATE,
                                  pack=claims_pack), "level")
    assert level.verdict == "unverifiable"
    assert "missing: February" in level.reason and "December" in level.reason


# --- China and Russia in one share sentence: the second partner with its verb left out or repeated -----------------

@pytest.mark.parametrize("template", [
    "China took {c}% of Kazakhstan's exports in 2023 and Russia {r}%.",
    "China took {c}% of Kazakhstan's exports in 2023, and Russia took {r}%.",
    "China accounted for {c}% of Kazakhstan's exports, and Russia for {r}% in 2023.",
])
def test_china_and_russia_shares_in_one_sentence(claims_pack, data_dir, template):
    total = kz(data_dir, 2023, "Всего")["export"]  # 18.53% and 12.90% of exports
    c, r = (kz(data_dir, 2023, p)["export"] / total * 100 for p in ("Китай", "Россия"))
    result = check_text(template.format(c=f"{c:.1f}", r=f"{r:.1f}"), DATE, pack=claims_pack)
    shares = {v.claim.payload.partner: v for v in of_type(result, "share")}
    assert set(shares) == {("CHN",), ("RUS",)}, show(result)
    assert all(v.verdict == "supported" and v.claim.payload.year == 2023 for v in shares.values()), show(result)
    assert not result.unchecked, show(result)


# --- multiple and ratio: exports to China 2023 over 2020 (14,666,158 / 9,420,579 = x1.56); China over Russia in the
# 2023 turnover (30,055,390 / 27,054,450 = x1.11) -------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Kazakhstan's exports to China grew 1.5 times between 2020 and 2023.",
    "Kazakhstan's exports to China rose 1.56-fold from 2020 to 2023.",
    "Kazakhstan's exports to China in 2023 were 1.5 times their 2020 level.",
    "In 2023, Kazakhstan's exports to China were one and a half times higher than in 2020.",
])
def test_one_multiple_many_phrasings(claims_pack, data_dir, text):
    ratio = kz(data_dir, 2023, "Китай")["export"] / kz(data_dir, 2020, "Китай")["export"]
    assert 1.5 < ratio < 1.6
    (multiple,) = of_type(check_text(text, DATE, pack=claims_pack), "multiple")
    p = multiple.claim.payload
    assert (p.country, p.partner, p.year, p.base_year) == (("KAZ",), ("CHN",), 2023, 2020)
    assert multiple.verdict == "supported", multiple.reason


@pytest.mark.parametrize("text", [
    "Kazakhstan's trade with China was 1.1 times its trade with Russia in 2023.",
])
def test_a_ratio_of_two_partners(claims_pack, data_dir, text):
    ratio = kz(data_dir, 2023, "Китай")["turnover"] / kz(data_dir, 2023, "Россия")["turnover"]
    assert 1.05 < ratio < 1.15
    (found,) = of_type(check_text(text, DATE, pack=claims_pack), "ratio")
    assert found.verdict == "supported", found.reason


def test_a_decimal_ratio_of_one_pair_s_flows_is_listed_whole():
    result = check_text("Kazakhstan's imports from Russia were 1.65 times its exports to Russia in 2023.", DATE)
    assert any("'1.65 times'" in u.reason for u in result.unchecked), show(result)
