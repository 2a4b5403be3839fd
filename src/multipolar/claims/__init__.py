"""The claim checker: text → claim candidates → typed claims → indicator queries → verdicts with evidence.

    check_text(text, date=None) -> list[Verdict]      read_input(data: bytes, origin=...) -> str
"""

from __future__ import annotations

import contextlib
import datetime as dt

from ..errors import ClaimError
from .model import CLAIM_TYPES, VERDICTS, Claim, Observation, Verdict

__all__ = ["check_text", "parse_claims", "read_input", "parse_date", "Verdict", "Claim", "Observation", "VERDICTS",
           "CLAIM_TYPES", "MAX_BYTES"]

# Largest input the checker reads (2 MB: a long report; more is almost certainly not an article).
MAX_BYTES = 2_000_000


def parse_date(date) -> dt.date | None:
    """None (no date) or a date within the valid range (multipolar.dates.parse_as_of: a UsageError otherwise)."""
    from ..dates import parse_as_of

    if date is None or date == "":
        return None
    return parse_as_of(date)


def parse_claims(text: str, date=None) -> list[Claim]:
    """The typed claims of a text, without checking them (no data needed)."""
    from .parse import parse

    _check_text_type(text)
    return parse(text, parse_date(date))


def check_text(text: str, date=None, *, pack=None) -> list[Verdict]:
    """Every checkable claim in text with its verdict, the observed figures, their sources and the reason.

    date: the article's date ('YYYY-MM-DD' or a date) for 'last year', 'last Thursday' and 'now'; pack: a data
    pack folder (default $MULTIPOLAR_PACK_DIR or the shipped pack). An empty text gives an empty list.
    """
    from .evidence import Evidence
    from .verdict import evaluate

    day = parse_date(date)
    claims = parse_claims(text, day)
    evidence = Evidence(pack)
    # Several claims share the indicators' tables: compute them once (one claim runs faster without).
    with evidence.batch() if len(claims) > 1 else contextlib.nullcontext():
        return [evaluate(claim, evidence, day) for claim in claims]


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
