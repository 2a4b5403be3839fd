"""Round 9 of the trade readers and judges, one family of phrasings per rule, each shown with made-up sentences:
an EU member state's own figures in euros; the year after 'N% on/above/below YEAR' is the base of the change; a
change's end value with its own year ('doubled to EUR N in YEAR'); hyphenated partial periods ('first-quarter');
statistics offices named in other words; a deficit said without its partner; a ranking of estimates never
contradicts. Figures on the pack come from the raw files in ../shared/data (summed here with the csv module)."""

from __future__ import annotations

import csv
import re
from collections import defaultdict

import pytest

from multipolar.claims import check_text
from multipolar.claims.fake_evidence import FakeEvidence

MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def eurostat_years(data_dir, partner_file: str, reporter_prefix: str) -> dict[int, float]:
    """A member state's exports to a partner per calendar year (EUR), full years only, from the raw Comext CSV."""
    per: dict[int, dict[int, float]] = defaultdict(dict)
    with open(data_dir / "eurostat_totals" / partner_file, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if not row["REPORTER"].startswith(reporter_prefix) or not row["VALUE_IN_EUR"].strip():
                continue
            period = row["PERIOD"]
            year = int(re.findall(r"(?:19|20)\d\d", period)[-1])
            month = MONTHS.index(re.search(r"([A-Za-z]{3})[a-z]*\.?\s+(?:19|20)\d\d", period).group(1).lower()) + 1
            per[year][month] = per[year].get(month, 0.0) + float(row["VALUE_IN_EUR"])
    return {y: sum(m.values()) for y, m in per.items() if len(m) == 12}


def of_type(result, kind):
    return [v for v in result if v.type == kind]


# --- an EU member state's own figures in euros (its Comext rows, months summed) -------------------------------------

@pytest.mark.parametrize("file, prefix, template", [
    ("eu_exports_to_uzbekistan_monthly.csv", "France", "French exports to Uzbekistan reached {bn} billion euros in {y}."),
    ("eu_exports_to_armenia_monthly.csv", "Italy", "Italy's exports to Armenia came to EUR {bn} billion in {y}."),
    ("eu_exports_to_georgia_monthly.csv", "Germany", "In {y} Germany's exports to Georgia amounted to €{bn} billion."),
])
def test_a_member_state_s_exports_in_euros_are_its_own_comext_rows(claims_pack, data_dir, file, prefix, template):
    years = eurostat_years(data_dir, file, prefix)
    year = 2022
    text = template.format(bn=f"{years[year] / 1e9:.2f}", y=year)
    found = of_type(check_text(text, "2023-09-01", pack=claims_pack), "level")
    assert len(found) == 1, text
    assert found[0].claim.payload.unit == "EUR"
    assert found[0].verdict == "supported", found[0].reason
    # the same sentence 20% higher is outside every band: contradicted on the state's own rows
    wrong = template.format(bn=f"{years[year] * 1.2 / 1e9:.2f}", y=year)
    assert of_type(check_text(wrong, "2023-09-01", pack=claims_pack), "level")[0].verdict == "contradicted"


# --- the year after "N% on / above / below YEAR" is the base of the change, not its period -------------------------

@pytest.mark.parametrize("template", [
    "German exports to Kazakhstan were {bn} billion euros in 2023, a rise of {pct}% on 2022.",
    "German exports to Kazakhstan reached {bn} billion euros in 2023, {pct}% above 2022.",
    "In 2023 German exports to Kazakhstan grew to {bn} billion euros, up {pct} percent on the 2022 level.",
])
def test_a_year_after_a_rate_is_its_base(claims_pack, data_dir, template):
    years = eurostat_years(data_dir, "eu_exports_to_kazakhstan_monthly.csv", "Germany")
    pct = (years[2023] / years[2022] - 1) * 100
    text = template.format(bn=f"{years[2023] / 1e9:.2f}", pct=f"{pct:.1f}")
    result = check_text(text, "2024-06-01", pack=claims_pack)
    changes = of_type(result, "change")
    assert len(changes) == 1, [(v.type, v.claim.payload) for v in result]
    p = changes[0].claim.payload
    assert (p.year, p.base_year) == (2023, 2022)
    assert changes[0].verdict == "supported", changes[0].reason
    assert all(v.verdict != "contradicted" for v in result), [(v.type, v.reason) for v in result]


def test_a_rate_below_a_stated_year_is_a_fall(claims_pack, data_dir):
    years = eurostat_years(data_dir, "eu_exports_to_russia_monthly.csv", "Italy")
    pct = (1 - years[2022] / years[2021]) * 100
    text = f"Italy's exports to Russia in 2022 were {pct:.0f}% below 2021."
    changes = of_type(check_text(text, "2023-06-01", pack=claims_pack), "change")
    assert len(changes) == 1
    p = changes[0].claim.payload
    assert (p.year, p.base_year, p.value) == (2022, 2021, -round(pct))
    assert changes[0].verdict == "supported", changes[0].reason


# --- a change's end value with its own year: the change is that year's ---------------------------------------------

@pytest.mark.parametrize("template, kind", [
    ("Germany's exports to Kazakhstan, worth {a} billion euros in 2021, doubled to {b} billion euros in 2022.",
     "multiple"),
    ("German exports to Kazakhstan, {a} billion euros in 2021, grew {pct}% to {b} billion euros in 2022.", "change"),
    ("From {a} billion euros in 2021, German exports to Kazakhstan nearly doubled to {b} billion euros in 2022.",
     "multiple"),
])
def test_the_end_value_s_year_is_the_change_s(claims_pack, data_dir, template, kind):
    years = eurostat_years(data_dir, "eu_exports_to_kazakhstan_monthly.csv", "Germany")
    ratio = years[2022] / years[2021]  # x1.94 in the raw rows: "doubled" (x2 +-10%) and "nearly doubled" hold
    text = template.format(a=f"{years[2021] / 1e9:.2f}", b=f"{years[2022] / 1e9:.2f}", pct=f"{(ratio - 1) * 100:.0f}")
    result = check_text(text, "2023-06-01", pack=claims_pack)
    found = of_type(result, kind)
    assert len(found) == 1, [(v.type, v.claim.payload) for v in result]
    assert (found[0].claim.payload.year, found[0].claim.payload.base_year) == (2022, 2021)
    assert found[0].verdict == "supported", found[0].reason


# --- hyphenated partial periods are partial periods (never compared with a full year) ------------------------------

EV = FakeEvidence(trade={  # made-up annual figures: a quarter's amount would be far below them
    ("TJK", "CHN", "turnover", "national_tj"): {2022: 2.0e9, 2023: 2.4e9},
    ("TJK", "CHN", "export", "national_tj"): {2022: 0.2e9, 2023: 0.3e9},
})


@pytest.mark.parametrize("text, months", [
    ("Tajikistan's first-quarter 2023 trade with China came to $0.5 billion.", (1, 3)),
    ("In the first-half 2023 period, Tajikistan's trade with China was $1.1 billion.", (1, 6)),
    ("Tajikistan's exports to China in the third-quarter of 2023 were $0.06 billion.", (7, 9)),
    ("Tajikistan's trade with China reached $1.7 billion in the first nine-month period of 2023.", (1, 9)),
])
def test_a_hyphenated_partial_period_is_never_a_full_year(text, months):
    found = of_type(check_text(text, "2024-03-01", evidence=EV), "level")
    assert len(found) == 1
    p = found[0].claim.payload
    assert p.partial and tuple(p.months) == months and p.year == 2023
    assert found[0].verdict == "unverifiable", found[0].reason  # no monthly figures held: never the annual ones


# --- a statistics office named in other words is that state's reporter --------------------------------------------

@pytest.mark.parametrize("text, code", [
    ("The Tajik National Statistics Agency put trade with China at $2.4 billion in 2023.", "TJK"),
    ("Uzbekistan's State Statistics Committee said exports to Russia rose 10% in 2023.", "UZB"),
    ("According to the Kazakh national statistical bureau, trade with Russia reached $27 billion in 2023.", "KAZ"),
])
def test_a_statistics_office_in_other_words_names_its_state(text, code):
    found = [v for v in check_text(text, "2024-03-01", evidence=EV) if v.type in ("level", "change")]
    assert found and all(code in v.claim.payload.reporter for v in found), [v.claim.payload for v in found]


# --- a deficit said without its partner is a balance with the sentence's partner ----------------------------------

def gacc_india(data_dir, year: int) -> tuple[float, float]:
    """China's exports to and imports from India (GACC, as the press reported them) from the raw headline file."""
    flows = {}
    with open(data_dir / "press_headline_figures" / "headline_figures.csv", newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["reporter_source"] == "GACC (China customs)" and (row["country_a"], row["country_b"]) == \
                    ("China", "India") and row["year"] == str(year):
                flows[row["flow"]] = float(row["value_usd"])
    return flows["exports_a_to_b"], flows["imports_a_from_b"]


@pytest.mark.parametrize("template", [
    "Per Chinese customs, India-China trade was ${t:.2f} billion in 2021, with India's deficit at ${d:.2f} billion.",
    "Chinese customs data put China-India trade at ${t:.1f} billion in 2021; India's trade deficit was about ${d:.0f} "
    "billion.",
    "In 2021 India's trade with China came to ${t:.2f} billion by Chinese figures, India's deficit exceeding ${f:.0f} "
    "billion.",
])
def test_a_deficit_without_its_partner_is_the_pair_s_balance(claims_pack, data_dir, template):
    exports, imports = gacc_india(data_dir, 2021)  # China's side: India's deficit = China's exports - imports
    deficit = exports - imports
    text = template.format(t=(exports + imports) / 1e9, d=deficit / 1e9, f=deficit // 1e10 * 10)
    result = check_text(text, "2022-06-01", pack=claims_pack)
    balances = of_type(result, "balance")
    assert len(balances) == 1, [(v.type, v.claim.payload) for v in result]
    p = balances[0].claim.payload
    assert (p.country, p.partner, p.year, p.value < 0) == (("IND",), ("CHN",), 2021, True)
    assert balances[0].verdict == "supported", balances[0].reason
    assert not any(v.type == "level" and abs(v.claim.payload.value - deficit) < 5e9 for v in result)


# --- a ranking of estimates may support a rank, never contradict it -----------------------------------------------

def _ranks(quality):
    # made-up: Kyrgyzstan's partners in 2023, ranked by value, every row flagged as the quality says
    rows = [("CHN", 1, 5.0e9), ("RUS", 2, 3.0e9), ("KAZ", 3, 1.5e9), ("TUR", 4, 0.8e9), ("UZB", 5, 0.7e9)]
    return [{"country": "KGZ", "partner": p, "year": 2023, "flow": "turnover", "source": "imf_dots", "value": k,
             "n_partners": 5, "partner_value": v, "quality": quality} for p, k, v in rows]


@pytest.mark.parametrize("text", [
    "Turkey was Kyrgyzstan's third-largest trading partner in 2023.",
    "In 2023 Kazakhstan ranked fifth among Kyrgyzstan's trade partners.",
    "Russia was Kyrgyzstan's number-one trading partner in 2023.",
])
def test_a_ranking_of_estimates_never_contradicts(text):
    flagged = FakeEvidence(ranks=_ranks("estimate"))
    firm = FakeEvidence(ranks=_ranks(None))
    assert [v.verdict for v in of_type(check_text(text, "2024-06-01", evidence=firm), "rank")] == ["contradicted"]
    found = of_type(check_text(text, "2024-06-01", evidence=flagged), "rank")
    assert [v.verdict for v in found] == ["unverifiable"], found[0].reason
    assert "estimate" in found[0].reason


def test_a_ranking_of_estimates_may_support():
    found = of_type(check_text("China was Kyrgyzstan's largest trading partner in 2023.", "2024-06-01",
                               evidence=FakeEvidence(ranks=_ranks("estimate"))), "rank")
    assert [v.verdict for v in found] == ["supported"], found[0].reason
