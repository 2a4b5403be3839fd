"""Dimension readers and rules of round 9 (general constructions, made-up sentences; expected figures computed here
from the raw files in the shared data, never from the code under test): arms shares listed per supplier in brackets
after the recipient's imports; a change between two windows stated per state ('fell by N% for A and M% for B');
'in the same period' taking the window the sentence named before it; a period phrase never spanning another state and
its share; capitals of the pack's Caucasus states as actors; finance verbs ('put', 'sank', 'funnelled' ... into);
the nearest tally among a subject's yearly roll calls; 'human' (as in 'human rights') never naming a vote alone."""

from __future__ import annotations

import gzip
import io

import pandas as pd
import pytest

from multipolar.claims import check_text
from multipolar.claims.judging import tolerances as tol


@pytest.fixture(scope="module")
def sipri(data_dir):
    lines = (data_dir / "sipri_arms_transfers" / "trade_2023.csv").read_text(encoding="utf-8",
                                                                             errors="replace").splitlines()
    head = next(i for i, line in enumerate(lines) if line.startswith("SIPRI AT Database ID"))
    d = pd.read_csv(io.StringIO("\n".join(lines[head:])))
    d["tiv"] = pd.to_numeric(d["TIV delivery values"], errors="coerce").fillna(0.0)
    d["y"] = pd.to_numeric(d["Delivery year"], errors="coerce")
    return d


def _share(d, supplier, recipient, first, last):
    rows = d[(d["Recipient"] == recipient) & d["y"].between(first, last)]
    return 100 * rows.loc[rows["Supplier"] == supplier, "tiv"].sum() / rows["tiv"].sum()


def _change(d, recipient, w1, w2):
    total = [d[(d["Recipient"] == recipient) & d["y"].between(*w)]["tiv"].sum() for w in (w1, w2)]
    return 100 * (total[1] / total[0] - 1)


def _arms(text, date="2024-06-01"):
    return [(v.claim.parsed.get("supplier"), v.claim.parsed.get("recipient"), v.claim.parsed.get("relation"),
             v.verdict) for v in check_text(text, date) if v.type == "arms"]


# --- suppliers listed with their shares in brackets ---------------------------------------------------------------
@pytest.mark.parametrize("template", [
    "A SIPRI fact sheet places Azerbaijan among the larger arms buyers of 2017-2021, with its purchases coming "
    "mainly from Israel ({ISR}%), Russia ({RUS}%) and Belarus ({BLR}%).",
    "In 2017-2021 Azerbaijan's arms imports came from Israel ({ISR}%), Russia ({RUS}%) and Belarus ({BLR}%).",
    "Over 2017-2021 the weapons acquisitions of Azerbaijan originated chiefly from Israel ({ISR}%), Russia ({RUS}%) "
    "and Belarus ({BLR}%), SIPRI says.",
])
def test_suppliers_listed_with_shares_in_brackets(sipri, template):
    shares = {c: round(_share(sipri, n, "Azerbaijan", 2017, 2021)) for c, n in
              (("ISR", "Israel"), ("RUS", "Russia"), ("BLR", "Belarus"))}
    # each rounded share is within its unhedged tolerance of the raw one (checked here, not assumed)
    for c, n in (("ISR", "Israel"), ("RUS", "Russia"), ("BLR", "Belarus")):
        assert tol.judge(shares[c], _share(sipri, n, "Azerbaijan", 2017, 2021), None, half_unit=0.5).verdict \
            == "supported"
    got = _arms(template.format(**shares))
    assert got == [([c], ["AZE"], "share", "supported") for c in ("ISR", "RUS", "BLR")]


def test_a_bracketed_share_far_from_the_register_is_contradicted_and_a_non_arms_list_is_not_read(sipri):
    wrong = round(_share(sipri, "Russia", "Azerbaijan", 2017, 2021)) + 30
    got = _arms(f"In 2017-2021 Azerbaijan's weapons imports came from Russia ({wrong}%) and Israel (10%).")
    assert got[0] == (["RUS"], ["AZE"], "share", "contradicted")
    # the same list about goods is no arms claim
    assert _arms("In 2021 Azerbaijan's imports came from Russia (18%) and Turkey (15%).") == []


# --- a change between two windows, stated per state ---------------------------------------------------------------
@pytest.mark.parametrize("template", [
    "Comparing 2010-14 with 2015-19, arms imports fell by {IND} percent for India and by {PAK} percent for Pakistan.",
    "From 2010-2014 to 2015-2019, weapons imports dropped {IND}% in India and {PAK}% in Pakistan, SIPRI found.",
    "SIPRI compared 2010-14 with 2015-19: major arms imports declined by {IND}% for India, and {PAK}% for Pakistan.",
])
def test_a_change_between_windows_stated_per_state(sipri, template):
    falls = {c: round(-_change(sipri, n, (2010, 2014), (2015, 2019))) for c, n in (("IND", "India"), ("PAK", "Pakistan"))}
    assert all(v > 0 for v in falls.values())  # both fell in the raw register
    got = _arms(template.format(**falls))
    assert got == [(["WLD"], ["IND"], "change", "supported"), (["WLD"], ["PAK"], "change", "supported")]


def test_a_per_state_change_with_one_window_only_is_not_read_as_a_change():
    assert [g for g in _arms("In 2015-19 arms imports fell by 30 percent for India.") if g[2] == "change"] == []


# --- 'in the same period', and a period that never spans another state's share ---------------------------------
@pytest.mark.parametrize("template", [
    "Israel supplied {ISR}% of Azerbaijan's arms imports in 2016-2020, while in the same period {RUS_ARM}% of Armenia's weapons imports "
    "came from Russia.",
    "In 2016-2020 Azerbaijan bought {ISR}% of its weapons from Israel; over the same period Russia supplied {RUS_ARM}% "
    "of Armenia's arms imports.",
    "Azerbaijan got {ISR}% of its arms imports from Israel in 2016-2020, and Russia accounted for {RUS_ARM}% of "
    "Armenia's arms imports during that period.",
])
def test_the_same_period_is_the_window_the_sentence_named_before(sipri, template):
    figures = {"ISR": round(_share(sipri, "Israel", "Azerbaijan", 2016, 2020)),
               "RUS_ARM": round(_share(sipri, "Russia", "Armenia", 2016, 2020))}
    # the register's latest window differs enough that judging on it would contradict the Armenian share
    assert abs(_share(sipri, "Russia", "Armenia", 2019, 2023) - figures["RUS_ARM"]) > 5
    got = _arms(template.format(**figures))
    assert got == [(["ISR"], ["AZE"], "share", "supported"), (["RUS"], ["ARM"], "share", "supported")]


@pytest.mark.parametrize("template", [
    "Azerbaijan bought {ISR}% of its weapons from Israel and {RUS}% from Russia in 2016-2020.",
    "Baku bought {ISR}% of its weapons from Israel and {RUS}% from Russia in 2016-2020.",
    "In 2016-2020 Azerbaijan imported {ISR}% of its arms from Israel and {RUS}% from Russia.",
])
def test_two_suppliers_shares_each_with_its_supplier(sipri, template):
    isr, rus = _share(sipri, "Israel", "Azerbaijan", 2016, 2020), _share(sipri, "Russia", "Azerbaijan", 2016, 2020)
    got = _arms(template.format(ISR=round(isr), RUS=round(rus)))
    # the first share is Israel's (it was read as Russia's: a wrong "contradicted"); never contradicted
    assert [(s, r, rel) for s, r, rel, _ in got] == [(["ISR"], ["AZE"], "share"), (["RUS"], ["AZE"], "share")]
    assert got[0][3] == "supported" and "contradicted" not in [v for *_, v in got]


# --- finance: other verbs of committing money ---------------------------------------------------------------------
@pytest.fixture(scope="module")
def aiddata(data_dir):
    d = pd.read_csv(data_dir / "aiddata_chinese_finance" / "cow_gcdf.csv")
    d["total"] = d[["oof_adj", "oda_adj", "vof_adj"]].sum(axis=1)
    return d


@pytest.mark.parametrize("template, codes", [
    ("AidData's figures show China has put ${CA:.0f} billion of development finance into Central Asia between 2000 "
     "and 2021, ${UZB:.0f} billion of it going to Uzbekistan.", ("CA5", "UZB")),
    ("Between 2000 and 2021 China sank some ${KAZ:.0f} billion of loans into Kazakhstan.", ("KAZ",)),
    ("Beijing funnelled about ${TKM:.0f} billion in development finance to Turkmenistan between 2000 and 2021.",
     ("TKM",)),
])
def test_finance_verbs_of_putting_money_into_a_recipient(aiddata, template, codes):
    cow = {"KAZ": 705, "KGZ": 703, "TJK": 702, "TKM": 701, "UZB": 704}
    years = aiddata["year"].between(2000, 2021)
    amounts = {c: aiddata[(aiddata["ccode"] == k) & years]["total"].sum() / 1e9 for c, k in cow.items()}
    amounts["CA"] = sum(amounts[c] for c in cow)
    text = template.format(**amounts)
    got = [(v.claim.parsed["recipient"], v.verdict) for v in check_text(text, "2024-06-01") if v.type == "finance"]
    assert got == [([c], "supported") for c in codes]


# --- votes: the nearest tally; 'human rights' alone names no vote ---------------------------------------------------
@pytest.fixture(scope="module")
def roll_calls(data_dir):
    """The raw roll calls with their tallies counted over every recorded vote of the raw votes file."""
    with gzip.open(data_dir / "unga_votes" / "un_roll_calls.csv.gz", "rt", encoding="utf-8") as f:
        calls = pd.read_csv(f)
    with gzip.open(data_dir / "unga_votes" / "un_votes.csv.gz", "rt", encoding="utf-8") as f:
        votes = pd.read_csv(f, usecols=["rcid", "vote"])
    tally = pd.crosstab(votes["rcid"], votes["vote"]).reindex(columns=["yes", "no", "abstain"], fill_value=0)
    return calls.join(tally, on="rcid").fillna({"yes": 0, "no": 0, "abstain": 0})


def _crimea(roll_calls):
    text = (roll_calls["short"].fillna("") + " " + roll_calls["descr"].fillna("")).str.lower()
    rows = roll_calls[text.str.contains("crimea") & text.str.contains("human rights")]
    return rows.sort_values("date")


@pytest.mark.parametrize("template", [
    "The Assembly adopted the resolution on human rights in Crimea with {yes} votes in favour, {no} against and {abstain} "
    "abstentions; Belarus voted no.",
    "By {yes} to {no}, with {abstain} abstentions, the UN General Assembly carried the resolution on human rights "
    "in Crimea; Belarus voted against it.",
    "Belarus voted against the resolution on human rights in Crimea, which passed {yes}-{no} with {abstain} "
    "abstentions.",
])
def test_the_nearest_of_several_tallies_within_two_votes_names_the_roll_call(roll_calls, template):
    rows = _crimea(roll_calls)
    # two yearly resolutions whose tallies are within 2 votes of each other on every count
    pairs = [(a, b) for (_, a), (_, b) in zip(rows.iterrows(), rows.iloc[1:].iterrows())
             if all(abs(int(a[k]) - int(b[k])) <= 2 for k in ("yes", "no", "abstain"))]
    assert pairs, "the raw roll calls hold two such yearly votes"
    _, later = pairs[0]
    text = template.format(yes=int(later["yes"]), no=int(later["no"]), abstain=int(later["abstain"]))
    got = [v for v in check_text(text, "2020-06-01") if v.type == "votes"]
    assert got and all(str(later["unres"]).split("/")[-1] in v.reason for v in got), [v.reason for v in got]


def test_human_rights_alone_does_not_name_another_subject_s_vote(roll_calls):
    """A tally a few votes off a roll call on another state's human rights is not that vote (it was matched on the one
    shared word 'human': a wrong 'partly supported')."""
    other = roll_calls[roll_calls["short"].fillna("").str.contains("human rights in Cuba", case=False)
                       | roll_calls["descr"].fillna("").str.contains("human rights in Cuba", case=False)]
    assert not other.empty
    row = other.iloc[0]
    text = (f"The Assembly adopted the human rights resolution on Russian-occupied Crimea by {int(row['yes']) + 2} "
            f"votes to {int(row['no']) - 2} with {int(row['abstain']) + 2} abstentions; Belarus voted against.")
    got = [v for v in check_text(text, "2021-12-20") if v.type == "votes"]
    assert got and all("Cuba" not in v.reason for v in got)
    assert all(v.verdict != "contradicted" for v in got)


# --- memberships: a departure in the perfect without a date; a pronoun after a list of remaining members ----------
@pytest.fixture(scope="module")
def registry():
    from importlib.resources import files

    d = pd.read_csv(files("multipolar") / "registry" / "memberships.csv")
    d["start"], d["end"] = pd.to_datetime(d["start"]), pd.to_datetime(d["end"])
    return d


def _end(registry, org, country):
    return registry[(registry["organization"] == org) & (registry["country"] == country)]["end"].dropna().max()


def _memberships(text, date):
    return [(v.claim.parsed["relation"], v.claim.parsed["country"], v.verdict) for v in check_text(text, date)
            if v.type == "membership"]


def test_a_departure_in_the_perfect_without_a_date_is_judged_by_the_article_date(registry):
    left = _end(registry, "CIS", "GEO")
    text = "Georgia has quit the CIS, leaving Armenia, Azerbaijan and Moldova in the grouping."
    after = (left + pd.Timedelta(days=7)).date().isoformat()
    assert _memberships(text, after) == [("left", ["GEO"], "supported")]
    # years later it still has left; a year before the registry's date it had not
    assert _memberships(text, (left + pd.Timedelta(days=3 * 365)).date().isoformat()) == [
        ("left", ["GEO"], "supported")]
    assert _memberships(text, (left - pd.Timedelta(days=365)).date().isoformat())[0][2] != "supported"


def test_a_pronoun_after_the_list_of_remaining_members_is_the_sentence_subject(registry):
    first_exit = _end(registry, "CST", "UZB").year
    back = registry[(registry["organization"] == "CSTO") & (registry["country"] == "UZB")]["start"].min().year
    suspended = _end(registry, "CSTO", "UZB")
    text = (f"Uzbekistan has suspended its membership in the CSTO, leaving Russia, Armenia and Belarus in the bloc; "
            f"it had walked out once, in {first_exit}, before coming back in {back}.")
    got = _memberships(text, (suspended + pd.Timedelta(days=2)).date().isoformat())
    assert [c for _, c, _ in got] == [["UZB"]] * len(got) and len(got) >= 2, got
    assert {rel for rel, _, _ in got} >= {"left", "rejoined"} and all(v == "supported" for *_, v in got), got


# --- roles: 'observer countries', and 'attended (in their capacity) as dialogue partners' -------------------------
def _role_on(registry, org, country, day):
    day = pd.Timestamp(day)
    rows = registry[(registry["organization"] == org) & (registry["country"] == country) & (registry["start"] <= day)
                    & (registry["end"].isna() | (registry["end"] > day))]
    return set(rows["role"])


@pytest.mark.parametrize("template", [
    "At the Bishkek meeting, Mongolia and Afghanistan were the SCO's observer countries, while Nepal and Cambodia "
    "attended in their capacity as {role}.",
    "In Bishkek, Mongolia and Afghanistan were the SCO's observer nations, and Nepal and Cambodia took part as {role}.",
])
def test_roles_of_states_attending_a_meeting(registry, template):
    day = "2019-06-20"
    assert all(_role_on(registry, "SCO", c, day) == {"observer"} for c in ("MNG", "AFG"))
    assert all(_role_on(registry, "SCO", c, day) == {"dialogue_partner"} for c in ("NPL", "KHM"))
    got = _memberships(template.format(role="dialogue partners"), day)
    assert got == [("observer", ["MNG", "AFG"], "supported"), ("dialogue partner", ["NPL", "KHM"], "supported")]
    wrong = _memberships(template.format(role="observers"), day)
    assert wrong[1][:2] == ("observer", ["NPL", "KHM"]) and wrong[1][2] != "supported"


# --- an arms share of 'imports' once the sentence has named arms imports -------------------------------------------
@pytest.mark.parametrize("template", [
    "In 2014-2018 India's arms imports shrank, and Russia's share of its imports reached {RUS}%.",
    "India's weapons imports fell in 2014-2018, while Russia's share of India's imports stood at {RUS}%.",
])
def test_a_share_of_imports_after_arms_imports_were_named_is_an_arms_share(sipri, template):
    rus = round(_share(sipri, "Russia", "India", 2014, 2018))
    got = [g for g in _arms(template.format(RUS=rus)) if g[2] == "share"]
    assert got == [(["RUS"], ["IND"], "share", "supported")]
    far = [g for g in _arms(template.format(RUS=rus - 25)) if g[2] == "share"]
    assert far == [(["RUS"], ["IND"], "share", "contradicted")]


def test_a_share_of_imports_in_a_sentence_about_goods_is_no_arms_claim():
    assert _arms("In 2018 India's imports grew, and China's share of its imports reached 14%.") == []


def _calls(rows):
    """A small made-up roll-call table in the pack's columns (an edge case, not data)."""
    d = pd.DataFrame(rows, columns=["unres", "short", "yes", "no", "abstain"])
    d["rcid"], d["session"], d["year"] = range(len(d)), 70, 2015
    d["date"], d["descr"] = "2015-12-01", ""
    return d


def test_the_nearest_tally_among_votes_sharing_one_word_identifies_none():
    from multipolar.claims.judging.resolutions import find_roll_call

    calls = _calls([("A/RES/70/1", "Practices in the occupied territories", 100, 11, 58),
                    ("A/RES/70/2", "Self-determination of peoples in dependent territories", 102, 12, 57)])
    row, why = find_roll_call(calls, None, "the territorial integrity of Ukraine", None,
                              tally={"yes": 101, "no": 12, "abstain": 57})
    assert row is None and why


def test_of_yearly_votes_within_two_the_exact_then_the_nearest_named_one():
    from multipolar.claims.judging.resolutions import find_roll_call

    calls = _calls([("A/RES/70/3", "Situation of human rights in Crimea", 70, 26, 76),
                    ("A/RES/70/4", "Situation of human rights in Crimea", 72, 26, 76)])
    row, _ = find_roll_call(calls, None, "human rights in Crimea", None, tally={"yes": 72, "no": 26, "abstain": 76})
    assert row["unres"] == "A/RES/70/4"
    row, _ = find_roll_call(calls, None, "human rights in Crimea", None, tally={"yes": 69, "no": 26, "abstain": 76})
    assert row["unres"] == "A/RES/70/3"
    # equally near both: none chosen
    row, why = find_roll_call(calls, None, "human rights in Crimea", None,
                              tally={"yes": 71, "no": 26, "abstain": 76})
    assert row is None and why
