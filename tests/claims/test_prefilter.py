"""The readers' regex gates (claims/reading/prefilter.py) never hide a match: the case folding is the regex engine's,
every gated pattern of the claims package matches no corpus sentence its gate closes on, and reading the whole test
corpus with gates on and off gives the same claims and unchecked passages."""

from __future__ import annotations

import csv
import datetime as dt
import importlib
import pkgutil
import re
import sys
from pathlib import Path

import pytest

import multipolar.claims as claims_package
from multipolar.claims.check import read_text
from multipolar.claims.reading import prefilter
from multipolar.claims.reading.sentence import Context, Reading
from multipolar.claims.reading.sentences import sentences, triggers

HERE = Path(__file__).parent


def _corpus() -> list[tuple[str, dt.date | None]]:
    """Every sentence of the labelled CSVs (tests/claims/labelled*/**.csv, their text column) and every whole text of
    tests/claims/texts, with its date."""
    out = []
    paths = sorted(HERE.glob("labelled*.csv")) + sorted(HERE.glob("labelled*/**/*.csv"))
    for path in paths:
        with open(path, newline="", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                text = row.get("text") or row.get("sentence") or ""
                date = row.get("date") or ""
                out.append((text, dt.date.fromisoformat(date) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", date) else None))
    for path in sorted((HERE / "texts").glob("*.txt")):
        out.append((path.read_text(encoding="utf-8"), None))
    return [(t, d) for t, d in out if t.strip()]


CORPUS = _corpus()


def _claims_patterns() -> list[re.Pattern]:
    for info in pkgutil.walk_packages(claims_package.__path__, claims_package.__name__ + "."):
        importlib.import_module(info.name)
    found = {}
    for name, module in list(sys.modules.items()):
        if name.startswith("multipolar.claims") and module is not None:
            for value in vars(module).values():
                items = value if isinstance(value, (list, tuple)) else [value]
                for item in items:
                    item = item[0] if isinstance(item, tuple) and item else item
                    if isinstance(item, re.Pattern) and isinstance(item.pattern, str):
                        found[id(item)] = item
    return list(found.values())


def test_fold_is_the_engines_case_folding():
    """Every character the engine takes for an ASCII character under re.IGNORECASE folds to that character."""
    for code in range(0x110000):
        if 0xD800 <= code <= 0xDFFF:
            continue
        ch = chr(code)
        if ch.isascii():
            continue
        for ascii_char in {ch.lower(), ch.upper(), ch.casefold()} | set("iks"):
            for a in ascii_char:
                if a.isascii() and re.fullmatch(re.escape(a), ch, re.IGNORECASE):
                    assert prefilter.fold(ch) == a.lower(), (hex(code), a)
    assert prefilter.fold("İSTANBUL Trade") == "istanbul trade"


def test_required_strings():
    assert prefilter.required(re.compile(r"\b(?:trade|turnover)\s+with")) == frozenset({"with"})
    assert prefilter.required(re.compile(r"[Ss]ummit")) == frozenset({"summit"})
    assert prefilter.required(re.compile(r"(?:exports?|imports?)\b", re.I)) == frozenset({"export", "import"})
    assert prefilter.required(re.compile(r"a?\d+")) is None
    assert prefilter.required(re.compile(r"(?!trade)\w+")) is None
    prefilter.WARMUP, warmup = 0, prefilter.WARMUP
    try:
        assert not prefilter.may_match(re.compile("TRADE", re.I), "no such word")
    finally:
        prefilter.WARMUP = warmup
    assert prefilter.may_match(re.compile("trade", re.I), "TRADE")


def test_no_gated_pattern_matches_where_its_gate_is_closed():
    """Each compiled pattern of the claims package, on each corpus sentence and its masked text."""
    patterns = [p for p in _claims_patterns() if prefilter.required(p)]
    assert len(patterns) > 100
    texts = []
    for text, _ in CORPUS:
        ctx = Context()
        for s in sentences(text):
            r = Reading(s, ctx, triggers(s.text))
            texts += [s.text, r.masked]
    hidden = []
    for p in patterns:
        strings = prefilter.required(p)
        for t in texts:
            folded = prefilter.fold(t)
            if not any(s in folded for s in strings) and p.search(t):
                hidden.append((p.pattern[:60], t[:80]))
    assert not hidden


def _read(text, date):
    claims, unchecked = read_text(text, date)
    return [(c.type, c.span, c.text, repr(c.payload)) for c in claims], [(u.span, u.text, u.reason) for u in unchecked]


@pytest.mark.parametrize("chunk", range(4))
def test_gated_reading_equals_ungated(chunk, monkeypatch):
    items = CORPUS[chunk::4]
    monkeypatch.setattr(prefilter, "WARMUP", 0)  # every gate from the first try
    gated = [_read(t, d) for t, d in items]
    monkeypatch.setattr(prefilter, "ENABLED", False)
    ungated = [_read(t, d) for t, d in items]
    assert len(items) > 50
    for (text, _), a, b in zip(items, gated, ungated):
        assert a == b, text[:120]
