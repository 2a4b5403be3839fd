"""Figures attached to the years and partners co-mentioned in one sentence (made-up sentences): each rate written
with its own year is that year's change ("after growth of 10% in 2018 and 15% in 2019"), the rates that continue
it take their own years, and a year after the rate wins over the sentence's other times."""

from __future__ import annotations

import pytest

from multipolar.claims import parse_claims


def changes(text):
    return [(c.parsed["value"], c.parsed["year"], c.parsed["base_year"]) for c in parse_claims(text, "2021-01-01")
            if c.type == "change"]


@pytest.mark.parametrize("text, expected", [
    ("Tajikistan's trade with China reached $1.9 billion in 2019, after growth of 10% in 2018 and 15% in 2019.",
     [(10.0, 2018, 2017), (15.0, 2019, 2018)]),
    ("Kyrgyzstan's exports to Russia rose 8% in 2016, 11% in 2017 and 4% in 2018.",
     [(8.0, 2016, 2015), (11.0, 2017, 2016), (4.0, 2018, 2017)]),
    ("Mongolia's trade with China fell by 5% in 2015 and 3% in 2016, before recovering in 2017.",
     [(-5.0, 2015, 2014), (-3.0, 2016, 2015)]),
    ("In 2019 Uzbekistan's trade with Russia hit a record, having risen 20% in 2018.", [(20.0, 2018, 2017)]),
])
def test_each_rate_takes_the_year_written_after_it(text, expected):
    assert changes(text) == expected


def _parsed(text, kind):
    return [c.parsed for c in parse_claims(text, "2021-01-01") if c.type == kind]


@pytest.mark.parametrize("text, second, amount", [
    ("China became Kyrgyzstan's main trading partner in 2018 with $5 billion of trade, while Russia came second with "
     "$2 billion.", "RUS", 2e9),
    ("In 2017 Russia was Tajikistan's largest trading partner, and Kazakhstan came second with $0.8 billion.", "KAZ",
     0.8e9),
    ("China was Mongolia's top export market in 2016, while Switzerland ranked second.", "CHE", None),
])
def test_the_partner_placed_second_is_ranked_in_the_same_frame_with_its_own_figure(text, second, amount):
    ranks = _parsed(text, "rank")
    first = ranks[0]
    assert [(x["partner"], x["value"], x["country"], x["year"]) for x in ranks[1:]] == \
        [([second], 2, first["country"], first["year"])]
    levels = [x for x in _parsed(text, "level") if x["partner"] == [second]]
    assert [x["value"] for x in levels] == ([amount] if amount else [])
    assert all(c["leader"] != c["laggard"] for c in _parsed(text, "comparison"))
