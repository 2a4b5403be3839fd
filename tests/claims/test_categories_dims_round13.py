"""Dims round 13: general rules for the kinds of phrasing behind batch 12's non-trade misses, on made-up data
(FakeEvidence; every expected value is worked out in the comment beside it from the made-up rows):

- arms: a list of further suppliers (or buyers) after a first share, the verb left out ('A supplied 60% of X's arms
  imports, B 25% and C 10%', '40% of A's deliveries went to X, with Y next at 30%'): each state judged on its own
  share, a hedge counting only for the figure it stands before;
- UN votes: 'N delegations were in favour, M against and K abstained' (a bare count before 'abstained' once another
  count was given); 'the N states that lined up with X were A, B and C' (each named state cast X's vote; N the
  states besides X that did); a count alone right after the vote was named ('There were 58 abstentions.'); a
  Security Council vote or veto (unverifiable: only the Assembly's roll calls are held);
- declarations: a paraphrase listing notions ('members should guard against A, B and C') judged notion by notion;
  'only A and B restated their backing for X, leaving C the sole member not to endorse it'; a sentence naming a
  declaration and what it says in any other words is never left out (unverifiable when its text is not held)."""

from __future__ import annotations

import pytest

from multipolar.claims import check_text
from multipolar.claims.fake_evidence import FakeEvidence
from multipolar.claims.judging.texts import listed_notions
from multipolar.claims.reading.votes import tally_in


def _rows(country, end, values: dict):
    total = sum(values.values())
    return [{"country": country, "partner": p, "year": end, "source": "sipri_at", "value": v / total,
             "partner_value": v, "total_value": total, "window": 5, "window_years": 5} for p, v in values.items()]


# Mongolia's arms imports 2015-2019 (made up): Russia 600, China 250, Turkey 100, Korea 50 TIV of 1,000 ->
# Russia 60%, China 25%, Turkey 10%, Korea 5%.
# Russia's deliveries 2015-2019 (made up): India 400, China 300, Mongolia 200, Egypt 100 TIV of 1,000 -> 40/30/20/10%.
ARMS = FakeEvidence(arms=_rows("MNG", 2019, {"RUS": 600, "CHN": 250, "TUR": 100, "KOR": 50}),
                    arms_exports=_rows("RUS", 2019, {"IND": 400, "CHN": 300, "MNG": 200, "EGY": 100}))


def arms(text):
    return [(v.claim.parsed["supplier"], v.claim.parsed["recipient"], v.verdict)
            for v in check_text(text, "2020-03-10", evidence=ARMS) if v.type == "arms"]


@pytest.mark.parametrize("text, expected", [
    ("Russia supplied 60% of Mongolia's arms imports in 2015-2019, China 25% and Turkey 10%.",
     [(["RUS"], ["MNG"], "supported"), (["CHN"], ["MNG"], "supported"), (["TUR"], ["MNG"], "supported")]),
    # China 25% recorded: 40% is far outside; Turkey's 10 right
    ("Per SIPRI, Russia provided 60 per cent of Mongolia's arms imports in 2015-2019, China 40 per cent and "
     "Turkey 10 per cent.",
     [(["RUS"], ["MNG"], "supported"), (["CHN"], ["MNG"], "contradicted"), (["TUR"], ["MNG"], "supported")]),
    # another wording: 'with ... at', then 'and' (South Korea 5% recorded; 5 right)
    ("Russia accounted for 60% of Mongolia's arms imports in 2015-2019, with China at 25% and South Korea 5%.",
     [(["RUS"], ["MNG"], "supported"), (["CHN"], ["MNG"], "supported"), (["KOR"], ["MNG"], "supported")]),
])
def test_further_suppliers_with_their_shares(text, expected):
    assert arms(text) == expected


@pytest.mark.parametrize("text, expected", [
    # India 40% of Russia's deliveries; China next at 30%
    ("Roughly 40% of Russia's arms deliveries in 2015-2019 went to India, with China next at 30%.",
     [(["RUS"], ["IND"], "supported"), (["RUS"], ["CHN"], "supported")]),
    # 'roughly' hedges 41% only: China's unhedged 33% misses 30% (outside 33 +- 3% and within the further 10% band)
    ("Roughly 41% of Russia's arms deliveries in 2015-2019 went to India, with China next at 33%.",
     [(["RUS"], ["IND"], "supported"), (["RUS"], ["CHN"], "partly supported")]),
    # Egypt 10% recorded, 25% claimed: contradicted
    ("About 40 percent of Russia's arms exports in 2015-2019 went to India, with Egypt next at 25 percent.",
     [(["RUS"], ["IND"], "supported"), (["RUS"], ["EGY"], "contradicted")]),
])
def test_further_buyers_with_their_shares_each_with_its_own_hedge(text, expected):
    assert arms(text) == expected


def test_a_list_without_shares_is_not_read_as_shares():
    # 'Russia supplied 60% ..., China and Turkey the rest': no share for China or Turkey
    assert arms("Russia supplied 60% of Mongolia's arms imports in 2015-2019, China and Turkey the rest.") == \
        [(["RUS"], ["MNG"], "supported")]


ROLL_CALLS = [{"rcid": 301, "session": 71, "year": 2017, "date": "2017-03-20", "unres": "A/RES/71/900",
               "short": "Territorial integrity of Zetaland : resolution", "descr": None,
               "yes": 90, "no": 4, "abstain": 50}]
# 'no' voters recorded: Russia and three others (Armenia, Belarus, Tajikistan) -> 3 besides Russia
VOTES = [{"rcid": 301, "country": c, "vote": v} for c, v in
         (("RUS", 3), ("ARM", 3), ("BLR", 3), ("TJK", 3), ("KAZ", 2), ("GEO", 1))]


def votes(text, date="2017-03-21"):
    ev = FakeEvidence(roll_calls=ROLL_CALLS, votes=VOTES)
    return [(v.claim.parsed.get("relation"), v.verdict) for v in check_text(text, date, evidence=ev)
            if v.type == "votes"]


@pytest.mark.parametrize("text, tally", [
    ("100 delegations were in favour, 11 against and 58 abstained", {"yes": 100, "no": 11, "abstain": 58}),
    ("In 2019, 120 governments voted in favour, 9 were against while 40 abstained",
     {"yes": 120, "no": 9, "abstain": 40}),
    ("The motion got 12 votes; 58 abstained", {}),  # a bare 'abstained' count alone is not a tally
])
def test_counts_written_with_were_and_a_bare_abstained(text, tally):
    assert tally_in(text) == tally


@pytest.mark.parametrize("text, expected", [
    ("In the Assembly vote on the territorial integrity of Zetaland, 90 delegations were in favour, 4 against and "
     "50 abstained; the three states that lined up with Russia were Armenia, Belarus and Tajikistan.",
     "supported"),
    # Kazakhstan abstained (2), Russia voted no (3): wrong for Kazakhstan, right for Armenia
    ("In the General Assembly vote on the territorial integrity of Zetaland, Armenia and Kazakhstan sided with Russia.",
     "partly supported"),
    # Georgia voted yes: not Russia's vote
    ("On the resolution on the territorial integrity of Zetaland, the states that voted with Russia were Georgia.",
     "contradicted"),
    # the count: 3 states besides Russia voted no, not 7
    ("In the Assembly vote on the territorial integrity of Zetaland the seven states that sided with Russia were "
     "Armenia, Belarus and Tajikistan.", "partly supported"),
])
def test_states_that_lined_up_with_another(text, expected):
    assert votes(text) == [("vote", expected)]


def test_a_count_right_after_the_vote_was_named_is_of_that_vote():
    text = ("The General Assembly adopted the resolution on the territorial integrity of Zetaland by 90 votes to 4. "
            "There were 50 abstentions.")
    assert votes(text) == [("tally", "supported"), ("tally", "supported")]
    wrong = text.replace("There were 50", "There were 80")
    assert votes(wrong)[-1] == ("tally", "contradicted")  # 50 recorded


@pytest.mark.parametrize("text", [
    "Earlier this month Russia blocked a council resolution on Zetaland with its veto.",
    "In 2017 China vetoed a Security Council draft on Zetaland.",
    "The United States cast its veto in the Security Council on the Zetaland text.",
])
def test_a_security_council_vote_is_unverifiable(text):
    got = [(v.verdict, v.reason) for v in check_text(text, "2017-03-21", evidence=FakeEvidence(
        roll_calls=ROLL_CALLS, votes=VOTES)) if v.type == "votes"]
    assert [v for v, _ in got] == ["unverifiable"] and "Security Council" in got[0][1]


# A made-up 2019 declaration (Bishkek): BRI support by Kazakhstan, Kyrgyzstan and Russia (China's initiative);
# the notions xenophobia, aggressive nationalism, racial discrimination and religious intolerance.
_TEXT = ("The Republic of Kazakhstan, the Kyrgyz Republic and the Russian Federation, reaffirming their support for "
         "China's Belt and Road Initiative, note the joint work. The Member States consider it important to prevent "
         "the spread of religious intolerance, aggressive nationalism, ethnic and racial discrimination and "
         "xenophobia. " + "The Member States will continue to strengthen cooperation against terrorism. " * 30)
_SCO = [{"organization": "SCO", "country": c, "role": "member", "start": "2001-06-15", "end": None}
        for c in ("CHN", "KAZ", "KGZ", "RUS")] + \
    [{"organization": "SCO", "country": "IND", "role": "member", "start": "2017-06-09", "end": None},
     {"organization": "SCO", "country": "IRN", "role": "member", "start": "2019-06-14", "end": None}]
_SUMMITS = [{"year": 2019, "date": "2019-06-14", "host_city": "Bishkek", "host_country": "KGZ"},
            {"year": 2018, "date": "2018-06-10", "host_city": "Qingdao", "host_country": "CHN"}]


def declared(text, date="2019-07-01"):
    ev = FakeEvidence(memberships=_SCO, summits=_SUMMITS, declarations={2019: (_TEXT, "https://example.org")})
    return [(v.type, v.claim.parsed.get("relation"), v.verdict) for v in check_text(text, date, evidence=ev)
            if v.type in ("endorsement", "declaration")]


def test_listed_notions_are_the_list_s_items():
    assert listed_notions("members should guard against xenophobia, racial discrimination and religious intolerance "
                          "spreading") == ["xenophobia", "racial discrimination", "religious intolerance"]
    assert listed_notions("terrorism, separatism and extremism") == ["terrorism", "separatism", "extremism"]
    assert listed_notions("a more representative, multipolar world order") == []


@pytest.mark.parametrize("text, expected", [
    ("The Bishkek Declaration says member states should guard against xenophobia, racial discrimination and "
     "religious intolerance spreading.", "supported"),
    # 'radical' for the text's 'aggressive' nationalism: the same notion worded otherwise
    ("The Bishkek Declaration urges members to fight radical nationalism, xenophobia and religious intolerance.",
     "supported"),
    # cyber piracy is not in the text: partly, never contradicted on a paraphrase
    ("The Bishkek Declaration says the members must resist xenophobia, racial discrimination and cyber piracy.",
     "partly supported"),
])
def test_a_paraphrase_listing_notions_is_judged_notion_by_notion(text, expected):
    assert declared(text) == [("declaration", None, expected)]


@pytest.mark.parametrize("text, expected", [
    ("In the Bishkek Declaration only Kazakhstan, Kyrgyzstan and Russia restated their backing for China's Belt and "
     "Road Initiative, leaving India the sole SCO member not to endorse it.",
     [("endorsement", "only endorsed", "supported"), ("endorsement", "only not", "supported")]),
    # Russia backs it as well: 'only Kazakhstan and Kyrgyzstan' is partly right
    ("In the Bishkek Declaration only Kazakhstan and Kyrgyzstan reiterated their support for the Belt and Road "
     "Initiative.", [("endorsement", "only endorsed", "partly supported")]),
    # Kazakhstan backs it: not the only one that did not
    ("In the Bishkek Declaration, Russia renewed its support for the Belt and Road Initiative, leaving Kazakhstan the "
     "only member not to back it.", [("endorsement", "endorsed", "supported"), ("endorsement", "only not",
                                                                                "contradicted")]),
])
def test_restated_backing_and_the_sole_member_left(text, expected):
    # Iran, admitted on the summit's day (2019-06-14), was not yet a member when the declaration was signed
    assert declared(text) == expected


def test_a_declaration_sentence_is_never_left_out():
    text = "The Qingdao Declaration calls a settlement in Zetaland one of the key factors for security."
    got = declared(text, "2018-07-01")
    assert got and all(v == "unverifiable" for _, _, v in got)  # the 2018 text is not held
    got = declared("The Qingdao Declaration pledges to build a shared future for the region.", "2018-07-01")
    assert [v for _, _, v in got] == ["unverifiable"]


# Mongolia's arms imports (made up): 2010-2014 Russia 500 + China 300 = 800 TIV; 2015-2019 1,000 TIV -> +25%.
CHANGES = FakeEvidence(arms=_rows("MNG", 2014, {"RUS": 500, "CHN": 300})
                       + _rows("MNG", 2019, {"RUS": 600, "CHN": 250, "TUR": 100, "KOR": 50}))


def changes(text):
    return [(v.type, v.claim.parsed.get("relation"), v.verdict)
            for v in check_text(text, "2020-03-10", evidence=CHANGES) if v.type in ("arms", "change")]


@pytest.mark.parametrize("text, expected", [
    # 'its imports' in a sentence calling Mongolia an arms importer: its arms imports (+25% recorded)
    ("Mongolia stayed the region's top arms importer, although between 2010-2014 and 2015-2019 its imports rose by "
     "25%.", "supported"),
    # the window named after the change: compared with the one before it (SIPRI's convention)
    ("Mongolia's imports rose by 60%; it was the third-largest arms importer in Asia in 2015-2019.", "contradicted"),
    # transitive, after arms imports were named
    ("Russia's arms imports fell in 2015-2019, while Mongolia raised its imports by 25%.", "supported"),
])
def test_bare_imports_of_a_state_called_an_arms_importer_are_arms(text, expected):
    assert ("arms", "change", expected) in changes(text)
    assert not [k for k, _, _ in changes(text) if k == "change"]  # never a trade change of all goods


def test_bare_imports_without_arms_named_stay_trade():
    assert [k for k, _, _ in changes("Mongolia's imports rose by 25% in 2019.")] == ["change"]


# Mongolia (made up): 2010-2014 Russia 500, China 300, Turkey 100; 2015-2019 Russia 600, Turkey 300, China 100 TIV.
SWAP = FakeEvidence(arms=_rows("MNG", 2014, {"RUS": 500, "CHN": 300, "TUR": 100})
                    + _rows("MNG", 2019, {"RUS": 600, "TUR": 300, "CHN": 100}))


@pytest.mark.parametrize("text, expected", [
    # Turkey 2nd in 2015-2019, China 2nd in 2010-2014
    ("In 2015-2019 Turkey displaced China as Mongolia's second-largest arms supplier.", ["supported", "supported"]),
    ("Mongolia's arms imports grew in 2015-2019, and Turkey overtook China to become Mongolia's second-largest arms "
     "supplier after Russia.", ["supported", "supported"]),
    # China 3rd in 2015-2019, Turkey 3rd in 2010-2014
    ("In 2015-2019 China replaced Turkey as Mongolia's second-largest weapons supplier.",
     ["contradicted", "contradicted"]),
])
def test_one_supplier_displacing_another_is_two_ranks_one_per_window(text, expected):
    got = [v for v in check_text(text, "2020-03-10", evidence=SWAP) if v.type == "arms"]
    assert [v.claim.parsed["relation"] for v in got] == ["rank", "rank"]
    assert [v.verdict for v in got] == expected
