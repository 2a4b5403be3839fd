"""The checker's mechanics for long texts and servers: identical claims judged once (within a check, or across checks
sharing a memo) with the same verdicts as judged one by one, and the JSON written claim by claim with the very
characters of to_json. Figures are made up (FakeEvidence), so every verdict follows from this file."""

from __future__ import annotations

import io

from multipolar.claims import check_text
from multipolar.claims.fake_evidence import FakeEvidence
from multipolar.claims.model import CheckResult
from multipolar.claims.registry import KINDS, Kind, get_kind
from multipolar.claims.render import to_json, write_json

TRADE = {("KAZ", "CHN", "turnover", "national_kz"): {2022: 24.0e9, 2023: 30.0e9}}
SENTENCE = "Kazakhstan's trade with China reached $30 billion in 2023."
OTHER = "Kazakhstan's trade with China reached $40 billion in 2023."
TEXT = f"{SENTENCE}\n\n{OTHER} The weather was fine.\n\n{SENTENCE}\n\nThe SCO has 42 members, said a man.\n"


def _counting(monkeypatch, kind: str) -> list:
    """Count the calls of one kind's judge."""
    calls = []
    original = get_kind(kind)

    def judge(claim, evidence, as_of):
        calls.append(claim.text)
        return original.judge(claim, evidence, as_of)
    monkeypatch.setitem(KINDS, kind, Kind(original.name, original.payload, original.read, judge, original.order,
                                          original.title, original.examples))
    return calls


def test_identical_claims_are_judged_once_with_the_same_verdict(monkeypatch):
    alone = check_text(SENTENCE, "2024-05-01", evidence=FakeEvidence(trade=TRADE))
    assert [v.verdict for v in alone] == ["supported"]
    calls = _counting(monkeypatch, "level")
    result = check_text(TEXT, "2024-05-01", evidence=FakeEvidence(trade=TRADE))
    levels = [v for v in result if v.type == "level"]
    assert [v.verdict for v in levels] == ["supported", "contradicted", "supported"]
    first, second, third = levels
    assert calls == [first.text, second.text]  # the repeated sentence's claim was not judged again
    assert first.claim.span != third.claim.span and third.claim.span[0] == TEXT.rindex(SENTENCE)
    a, b = first.to_dict(), third.to_dict()
    assert a.pop("span") != b.pop("span")
    assert a == b == {k: v for k, v in alone[0].to_dict().items() if k != "span"}
    assert first.observed is not third.observed  # each verdict its own lists


def test_a_shared_memo_carries_verdicts_across_checks_but_not_across_dates(monkeypatch):
    calls = _counting(monkeypatch, "level")
    evidence, memo = FakeEvidence(trade=TRADE), {}
    one = check_text(SENTENCE, "2024-05-01", evidence=evidence, memo=memo).to_dict()
    two = check_text("Intro. " + SENTENCE, "2024-05-01", evidence=evidence, memo=memo).to_dict()
    assert len(calls) == 1 and calls[0] == one["claims"][0]["text"]
    assert one["claims"][0]["verdict"] == two["claims"][0]["verdict"] == "supported"
    assert two["claims"][0]["span"][0] == one["claims"][0]["span"][0] + len("Intro. ")
    check_text(SENTENCE, "2025-05-01", evidence=evidence, memo=memo)  # another as-of: judged again
    assert len(calls) == 2 and calls[1] == calls[0]


def test_json_written_claim_by_claim_is_to_json():
    for text, date in [(TEXT, "2024-05-01"), (TEXT, None), ("Nothing to check.", None), ("", None)]:
        result = check_text(text, date, evidence=FakeEvidence(trade=TRADE))
        out = io.StringIO()
        write_json(result, out)
        assert out.getvalue() == to_json(result) + "\n"
    out = io.StringIO()
    write_json(CheckResult(date=None), out)
    assert out.getvalue() == to_json(CheckResult(date=None)) + "\n"


def test_a_text_beginning_like_one_read_before_goes_on_from_its_remembered_state(monkeypatch):
    import multipolar.claims.check as check_module

    read = []
    original = check_module.Reading

    def counting(sentence, ctx, found):
        read.append(sentence.text)
        return original(sentence, ctx, found)
    monkeypatch.setattr(check_module, "Reading", counting)
    intro = "Kazakhstan is a big country. The weather in Astana was fine."
    first = f"{intro} {SENTENCE}"
    second = f"{intro} Its trade with China reached $40 billion in 2023."
    evidence, memo = FakeEvidence(trade=TRADE), {}
    check_text(first, "2024-05-01", evidence=evidence, memo=memo)
    read.clear()
    remembered = check_text(second, "2024-05-01", evidence=evidence, memo=memo).to_dict()
    assert read == ["Its trade with China reached $40 billion in 2023."]  # the two sentences before: not read again
    read.clear()
    fresh = check_text(second, "2024-05-01", evidence=FakeEvidence(trade=TRADE)).to_dict()
    assert len(read) == 3
    assert remembered == fresh and fresh["claims"][0]["verdict"] == "contradicted"
    assert fresh["claims"][0]["parsed"]["country"] == ["KAZ"]  # "Its": the subject the remembered state carried
    read.clear()
    check_text(second, "2024-05-02", evidence=evidence, memo=memo)  # another date: read from the start
    assert len(read) == 3
