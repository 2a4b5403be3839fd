"""The one result object and its JSON (CLI, API, Python alike), the sentences not checked, the calls that reproduce a
verdict, the safety rule (contradicted only on matching figures), the as-of date, and the kinds' registry."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import multipolar
from multipolar.claims import CheckResult, check_text
from multipolar.claims.fake_evidence import FakeEvidence
from multipolar.claims.registry import kinds
from multipolar.claims.render import to_markdown

CLAIMS_DIR = Path(multipolar.__file__).parent / "claims"
KAZ_CHN = {("KAZ", "CHN", "turnover", "national_kz"): {2022: 24.0e9, 2023: 30.0e9}}


def test_the_json_shape_is_date_claims_unchecked_summary():
    text = "Kazakhstan's trade with China reached $30 billion in 2023. Officials met in Astana and Beijing. " \
           "The bridge cost $2 million."
    result = check_text(text, "2024-05-01", evidence=FakeEvidence(trade=KAZ_CHN))
    doc = result.to_dict()
    assert list(doc) == ["date", "claims", "unchecked", "summary"] and doc["date"] == "2024-05-01"
    claim = doc["claims"][0]
    assert set(claim) == {"text", "span", "type", "parsed", "verdict", "observed", "arithmetic", "reason",
                          "reproduce"}
    assert text[claim["span"][0]:claim["span"][1]] == claim["text"]
    assert claim["reproduce"][0] == {
        "cli": "multipolar indicator trade_value --country KAZ --partner CHN --flow turnover --source national_kz "
               "--years 2023",
        "python": "multipolar.indicator('trade_value', country='KAZ', partner='CHN', flow='turnover', "
                  "source='national_kz', years='2023')"}
    assert doc["summary"] == {"supported": 1, "partly supported": 0, "contradicted": 0, "unverifiable": 1,
                              "unchecked": 0}
    json.dumps(doc)


def test_sentences_with_figures_rank_words_country_pairs_or_institutions_are_listed_as_not_checked():
    text = ("China and Russia held talks. Kazakhstan sold 3 million tonnes of wheat. "
            "The SCO has a secretariat in Beijing and members meet yearly. It rained all week.")
    result = check_text(text, evidence=FakeEvidence())
    assert result.claims == []
    reasons = {u.text: u.reason for u in result.unchecked}
    assert set(reasons) == {"China and Russia held talks.", "Kazakhstan sold 3 million tonnes of wheat.",
                            "The SCO has a secretariat in Beijing and members meet yearly."}
    for u in result.unchecked:
        assert text[u.span[0]:u.span[1]] == u.text and u.reason.startswith("not checked:")
    assert "3 million" in reasons["Kazakhstan sold 3 million tonnes of wheat."]
    markdown = to_markdown(result)
    assert "## Not checked" in markdown and "China and Russia held talks." in markdown


def test_a_figure_outside_every_claim_of_its_sentence_is_listed_too():
    text = "Kazakhstan's trade with China reached $30 billion in 2023; the new pipeline carries 10 billion cubic " \
           "metres a year."
    result = check_text(text, "2024-05-01", evidence=FakeEvidence(trade=KAZ_CHN))
    assert [v.type for v in result] == ["level"]
    assert len(result.unchecked) == 1 and "'10 billion'" in result.unchecked[0].reason
    assert result.unchecked[0].text == "the new pipeline carries 10 billion cubic metres a year."


@pytest.mark.parametrize("text, trade, why", [
    # the text cites Chinese customs; only Kazakhstan's figures are held, and they disagree
    ("Kazakhstan's trade with China reached $40 billion in 2023, according to Chinese customs.",
     KAZ_CHN, "not the source the text cites"),
    # exports of Kazakhstan, known only from China's record of its imports (the partner's mirror)
    ("Kazakhstan's exports to China reached $40 billion in 2023.",
     {("CHN", "KAZ", "import", "imf_dots"): {2023: 15.0e9}}, "partner's record"),
])
def test_contradicted_only_on_matching_figures(text, trade, why):
    v = check_text(text, "2024-05-01", evidence=FakeEvidence(trade=trade)).claims[0]
    assert v.verdict == "unverifiable" and why in v.reason


def test_flagged_values_cannot_contradict_on_their_own_but_matching_ones_can():
    flagged = FakeEvidence(trade=KAZ_CHN, quality={("KAZ", "CHN", "turnover", "national_kz"):
                                                                 {2023: "partial_year:9m"}})
    v = check_text("Kazakhstan's trade with China reached $40 billion in 2023.", "2024-05-01",
                   evidence=flagged).claims[0]
    assert v.verdict == "unverifiable" and "9 months of the year only" in v.reason
    v = check_text("Kazakhstan's trade with China reached $40 billion in 2023.", "2024-05-01",
                   evidence=FakeEvidence(trade=KAZ_CHN)).claims[0]
    assert v.verdict == "contradicted"


def test_a_partial_year_is_compared_with_the_same_months_or_not_at_all():
    monthly = {("RUS", "KAZ", "export", "russia_fcs_monthly"):
               {**{(2020, m): 1.0e9 for m in range(1, 13)}, **{(2021, m): 1.25e9 for m in range(1, 13)}}}
    evidence = FakeEvidence(trade={("RUS", "KAZ", "export", "russia_fcs"): {2020: 12e9, 2021: 15e9}},
                            monthly=monthly)
    v = check_text("In the first nine months of 2021, Russia's exports to Kazakhstan rose 25%.",
                   evidence=evidence).claims[0]
    assert v.verdict == "supported" and "same months" in v.reason
    v = check_text("In January-November 2023, Russia's exports to Kazakhstan rose 25%.", evidence=evidence).claims[0]
    assert v.verdict == "unverifiable"
    v = check_text("India-Russia trade reached $65 billion in fiscal 2023-24.", evidence=evidence).claims[0]
    assert v.verdict == "unverifiable" and "fiscal" in v.reason


TEXT_WITH_DATES = "Belarus is the latest new member of the SCO. Last Thursday the summit in Astana ended. Trade " \
                  "with China rose last year."


@pytest.mark.parametrize("date", ["1800-01-01", "2100-12-31", "2024-02-29"])
def test_the_ends_of_the_valid_range_never_overflow(date):
    json.dumps(check_text(TEXT_WITH_DATES, date, evidence=FakeEvidence()).to_dict())


@pytest.mark.parametrize("date", ["9999-12-31", "0001-01-01", "2024-13-45"])
def test_dates_outside_the_range_are_usage_errors_naming_it(date):
    from multipolar.errors import UsageError

    with pytest.raises(UsageError, match="1800-01-01 to 2100-12-31"):
        check_text(TEXT_WITH_DATES, date, evidence=FakeEvidence())


def test_no_verdict_code_reads_the_clock():
    for path in CLAIMS_DIR.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        for call in ("date.today(", "datetime.now(", "datetime.today(", "time.time("):
            assert call not in source, f"{path.name} calls {call}"


def test_every_kind_is_registered_with_a_frozen_payload_examples_and_docs():
    docs = (CLAIMS_DIR.parents[2] / "docs" / "claims.md").read_text(encoding="utf-8")
    names = [k.name for k in kinds()]
    assert {"level", "change", "multiple", "share", "rank", "comparison", "crossover", "ratio", "gap", "arms", "votes",
            "finance", "membership", "founding", "summit", "declaration", "quote", "other"} <= set(names)
    for kind in kinds():
        assert dataclasses.is_dataclass(kind.payload) and kind.payload.__dataclass_params__.frozen, kind.name
        assert kind.examples and f"`{kind.name}`" in docs, kind.name


def test_every_kinds_examples_are_read_as_that_kind():
    from multipolar.claims import parse_claims

    for kind in kinds():
        for example in kind.examples:
            assert kind.name in {c.type for c in parse_claims(example)}, (kind.name, example)


def test_claims_modules_are_small_and_the_old_phase_modules_are_gone():
    assert not (CLAIMS_DIR / "parse.py").exists() and not (CLAIMS_DIR / "verdict.py").exists()
    for path in CLAIMS_DIR.rglob("*.py"):
        assert len(path.read_text(encoding="utf-8").splitlines()) <= 420, path.name


def test_the_facade_the_cli_and_the_api_give_the_same_json(claims_pack):
    from multipolar.cli import app

    text = "Iran joined the SCO in 2023."
    result = multipolar.check(text, "2024-07-11", pack=claims_pack)
    assert isinstance(result, CheckResult)
    cli = CliRunner().invoke(app, ["check", "-", "--format", "json", "--date", "2024-07-11", "--pack", claims_pack],
                             input=text)
    assert cli.exit_code == 0, cli.output
    assert json.loads(cli.output) == result.to_dict()


def test_source_identity_is_declared_on_every_trade_source(claims_pack):
    from multipolar.sources import identity
    from multipolar.store import load

    for source in sorted(set(load("trade_flows", pack=claims_pack)["source"])):
        ident = identity(source)
        assert ident is not None and ident.label and ident.role == "own", source


def test_as_of_without_a_date_is_the_records_end_not_today():
    evidence = FakeEvidence(memberships=[{"organization": "SCO", "country": "CHN", "role": "member",
                                          "start": "2001-06-15", "end": None}])
    from multipolar.claims.check import resolve_as_of

    assert resolve_as_of(None, evidence).day == dt.date(2001, 6, 15)
