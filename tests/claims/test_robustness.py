"""The detector and parser never crash: arbitrary text and unicode (hypothesis), odd inputs, bad bytes, the CLI."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from multipolar.claims import CLAIM_TYPES, MAX_BYTES, parse_claims, read_input
from multipolar.claims.reading.sentences import is_candidate, sentences
from multipolar.cli import app
from multipolar.errors import ClaimError, UsageError

# Words that steer random text into the parser's patterns (entities, figures, hedges, periods).
VOCAB = ["China", "Russia's", "Kazakhstan", "the five Central Asian states", "SCO", "SCO members", "trade", "with",
         "exports", "to", "imports", "from", "between", "and", "rose", "fell", "doubled", "nearly", "tripled",
         "more than", "$240 billion", "21.3 percent", "26.3%", "since", "2020", "in 2023", "last year", "joined",
         "is the main trading partner of", "makes up", "of their total foreign trade", "lagged", "consistently",
         "the summit in Astana", "concluded last Thursday", "“quoted words in a declaration here”", "Declaration",
         "the 13th session of the Heads of State Council in 2013", "has never joined", ",", ".", "(", ")", "It",
         "four of which are", "first half of", "US$", "bn", "yuan", "—", "\n", "’s", "Sino-", "overtaking"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_arbitrary_unicode_never_crashes(text):
    for s in sentences(text):
        assert text[s.start:s.end] == s.text
    is_candidate(text)
    for claim in parse_claims(text, "2024-07-10"):
        assert text[claim.span[0]:claim.span[1]] == claim.text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(VOCAB), max_size=40), st.sampled_from([None, "2024-07-10", "2019-01-01"]))
def test_claim_like_word_salad_never_crashes(words, date):
    text = " ".join(words)
    for claim in parse_claims(text, date):
        assert text[claim.span[0]:claim.span[1]] == claim.text
        assert claim.type in CLAIM_TYPES


def test_long_input_is_parsed_in_reasonable_time():
    import time

    text = open_seed_like() * 40  # about 300 kB
    start = time.perf_counter()
    parse_claims(text, "2024-07-10")
    assert time.perf_counter() - start < 60


def open_seed_like() -> str:
    return ("China’s trade with Russia has more than doubled since 2020, from $108 billion to $240 billion. "
            "Belarus is the latest new member, before that, Iran joined in 2023. " * 20)


@pytest.mark.parametrize("data, message", [
    (b"\x00\x01\x02binary", "binary"),
    (b"caf\xe9 latin-1", "not UTF-8"),
    (b"x" * (MAX_BYTES + 1), "at most"),
    ("\x01\x02\x03\x04 controls everywhere".encode() * 3, "binary"),
])
def test_bad_bytes_raise_one_line_claim_errors(data, message):
    with pytest.raises(ClaimError, match=message):
        read_input(data, origin="t.txt")


def test_utf8_with_bom_and_empty_input_are_read():
    assert read_input("\ufeffChina".encode("utf-8")) == "China"
    assert read_input(b"") == ""


def test_parse_rejects_non_text():
    with pytest.raises(ClaimError):
        parse_claims(b"bytes")  # type: ignore[arg-type]


def test_cli_reports_bad_input_in_one_line(tmp_path):
    runner = CliRunner()
    binary = tmp_path / "x.bin"
    binary.write_bytes(b"\x00\x00abc")
    result = runner.invoke(app, ["check", str(binary)])
    assert result.exit_code != 0
    assert isinstance(result.exception, ClaimError) and "binary" in str(result.exception)
    result = runner.invoke(app, ["check", str(tmp_path / "missing.txt")])
    assert isinstance(result.exception, ClaimError) and "not found" in str(result.exception)
    result = runner.invoke(app, ["check", "-", "--date", "2024-13-45"], input="text")
    # A date is a usage error (multipolar.dates.parse_as_of, exit 2), the same in CLI, API and Python.
    assert isinstance(result.exception, UsageError) and "date" in str(result.exception)


def test_cli_empty_stdin_gives_a_clean_empty_result():
    runner = CliRunner()
    result = runner.invoke(app, ["check", "-", "--format", "json"], input="")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    assert doc["claims"] == [] and doc["summary"]["supported"] == 0
    result = runner.invoke(app, ["check", "-"], input="Nothing checkable here.")
    assert result.exit_code == 0 and "No checkable claims" in result.output


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(VOCAB), min_size=3, max_size=30), st.sampled_from([None, "2024-07-10"]))
def test_checking_word_salad_against_the_data_never_crashes(claims_pack, words, date):
    from multipolar.claims import check_text

    result = check_text(" ".join(words), date, pack=claims_pack)
    for v in result:
        assert v.verdict in ("supported", "partly supported", "contradicted", "unverifiable")
        assert v.reason
    json.dumps(result.to_dict())
