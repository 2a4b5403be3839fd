"""The claim checker: text → claims of registered kinds (claims/kinds/) → judged through one Evidence → one result.

    check_text(text, date=None, pack=None) -> CheckResult   (.to_dict(): the JSON of CLI, API and Python alike)
    parse_claims(text, date=None) -> list[Claim]            read_input(data: bytes, origin=...) -> str
"""

from __future__ import annotations

import datetime as dt

from .. import regex_cache
from ..errors import ClaimError
from .model import VERDICTS, AsOf, Call, CheckResult, Claim, Observation, Unchecked, Verdict

__all__ = ["check_text", "parse_claims", "read_input", "parse_date", "statement_verdict", "CheckResult", "Verdict",
           "Claim", "Observation", "Unchecked", "Call", "AsOf", "VERDICTS", "CLAIM_TYPES", "MAX_BYTES"]

# The readers' ~1,000 patterns are rebuilt from their stored programs instead of compiled afresh in every process.
regex_cache.install()

# Largest input the checker reads (2 MB: a long report; more is almost certainly not an article).
MAX_BYTES = 2_000_000


def __getattr__(attr):
    if attr == "CLAIM_TYPES":  # every registered kind, in reading order
        from .registry import kinds

        return tuple(k.name for k in kinds())
    raise AttributeError(attr)


def parse_date(date) -> dt.date | None:
    """None (no date) or a date within the valid range (multipolar.dates.parse_as_of: a UsageError otherwise)."""
    from ..dates import parse_as_of

    if date is None or date == "":
        return None
    return parse_as_of(date)


def parse_claims(text: str, date=None) -> list[Claim]:
    """The typed claims of a text, without checking them (no data needed)."""
    from .check import read_text

    _check_text_type(text)
    return read_text(text, parse_date(date))[0]


def check_text(text: str, date=None, *, pack=None, evidence=None, progress=None, memo=None) -> CheckResult:
    """Every checkable claim in text with its verdict, the observed figures, their sources, the reason and the calls
    that reproduce them; and every sentence with checkable content that gave no claim (`unchecked`).

    date: the article's date ('YYYY-MM-DD' or a date) for 'last year', 'last Thursday' and 'now'; pack: a data
    pack folder (default $MULTIPOLAR_PACK_DIR or the shipped pack); evidence: another Evidence (tests); progress:
    a callback (step, done, total) told how far the reading and the judging are (the CLI's progress bar); memo: a
    mapping kept between calls with the same evidence, in which identical claims (same kind, words, reading and
    as-of) are judged once (the API's; each call has its own otherwise). An empty text gives an empty result.
    """
    from .check import check

    _check_text_type(text)
    if evidence is None:
        from .pack_evidence import PackEvidence

        evidence = PackEvidence(pack)
    return check(text, parse_date(date), evidence, progress=progress, memo=memo)


def statement_verdict(verdicts) -> str:
    """One verdict for a statement from its claims' verdicts (see judging/common.py)."""
    from .judging.common import statement_verdict as combine

    return combine(list(verdicts))


def read_input(data: bytes, *, origin: str = "<input>") -> str:
    """Bytes given to the checker as text: a ClaimError for binary, non-UTF-8 or oversized input."""
    if len(data) > MAX_BYTES:
        raise ClaimError(f"input is {len(data):,} bytes; the checker reads at most {MAX_BYTES:,} (split the text)",
                         file=origin)
    if b"\x00" in data:
        raise ClaimError("input looks binary (it contains NUL bytes); give a UTF-8 text file", file=origin)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ClaimError(f"input is not UTF-8 (invalid byte at offset {exc.start}); convert it, e.g. "
                         "iconv -f latin1 -t utf-8", file=origin) from None
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
    if text and controls / len(text) > 0.01:
        raise ClaimError("input looks binary (control characters); give a UTF-8 text file", file=origin)
    return text


def _check_text_type(text) -> None:
    if not isinstance(text, str):
        raise ClaimError(f"text must be a str, not {type(text).__name__} (decode bytes with read_input())")
