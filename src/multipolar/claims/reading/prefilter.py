"""Cheap gates in front of regular expressions: the literal words a pattern cannot match without, derived from the
pattern itself (its parse tree), so that a pattern is tried only on a text that holds one of them.

    if may_match(PATTERN, text): ...       # or: for m in finditer(PATTERN, text): ...

`required(pattern)` is a set of lower-case ASCII strings of which every match of the pattern contains one (or None:
no such set found); `fold(text)` is the text lower-cased as the regex engine's case-insensitive matching folds it, so
that a string in the set is in `fold(text)` whenever the pattern can match text, with or without re.IGNORECASE.
A gate never hides a match (tests/claims/test_prefilter.py runs the readers with gates on and off over the test
corpus); `ENABLED = False` turns every gate open.
"""

from __future__ import annotations

import re
from re import _constants as C, _parser

ENABLED = True

# The most strings a gate tests (more would cost about what the regex costs).
MAX_STRINGS = 16
# Non-ASCII characters the regex engine's case-insensitive matching takes for an ASCII letter: ı (dotless i), ſ (long
# s); İ lower-cases to 'i' + a combining dot, dropped (dropping a character never hides an ASCII string).
_FOLD = str.maketrans({"ı": "i", "ſ": "s", "\u0307": None})

_REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", C.MAX_REPEAT))


def fold(text: str) -> str:
    """text as the gates compare it: lower case, the case-insensitive twins of ASCII letters made ASCII."""
    low = text.lower()
    return low if low.isascii() else low.translate(_FOLD)


def required(pattern: re.Pattern) -> frozenset[str] | None:
    """Strings of which every match of pattern holds one (lower case), or None when none can be told."""
    if not isinstance(pattern.pattern, str):
        return None
    try:
        tree = _parser.parse(pattern.pattern, pattern.flags)
    except Exception:  # an engine whose parser differs: no gate
        return None
    found = _sequence(list(tree))
    if not found or not all(found):
        return None
    return frozenset(s for s in found if not any(t != s and t in s for t in found))  # 'import' serves 'imports'


def _char(op, av) -> str | None:
    """The one ASCII character (lower case) an item matches in any case, else None."""
    if op is C.LITERAL:
        ch = chr(av)
        return ch.lower() if ch.isascii() else None
    if op is C.IN:
        chars = set()
        for sub_op, sub_av in av:
            if sub_op is not C.LITERAL or not chr(sub_av).isascii():
                return None
            chars.add(chr(sub_av).lower())
        return chars.pop() if len(chars) == 1 else None
    return None


def _best(candidates: list[frozenset[str]]) -> frozenset[str] | None:
    """The most selective of several sets a match must each meet: the longest shortest string, then the fewest."""
    good = [c for c in candidates if c and len(c) <= MAX_STRINGS]
    if not good:
        return None
    return max(good, key=lambda c: (min(len(s) for s in c), -len(c)))


def _sequence(items: list) -> frozenset[str] | None:
    candidates: list[frozenset[str]] = []
    run = ""
    for op, av in items:
        ch = _char(op, av)
        if ch is not None:
            run += ch
            continue
        if run:
            candidates.append(frozenset([run]))
            run = ""
        sub = _item(op, av)
        if sub is not None:
            candidates.append(sub)
    if run:
        candidates.append(frozenset([run]))
    return _best(candidates)


def _item(op, av) -> frozenset[str] | None:
    if op is C.SUBPATTERN:
        return _sequence(list(av[-1]))
    if op is C.BRANCH:
        out: set[str] = set()
        for branch in av[1]:
            sub = _sequence(list(branch))
            if sub is None:
                return None
            out |= sub
        return frozenset(out) if len(out) <= MAX_STRINGS else None
    if op in _REPEATS:
        low, _, body = av
        return _sequence(list(body)) if low >= 1 else None
    if op is C.ASSERT:  # a lookaround that must hold: its text is in the string too
        direction, body = av
        return _sequence(list(body))
    if op is getattr(C, "ATOMIC_GROUP", None):
        return _sequence(list(av))
    return None  # anything else (classes, anchors, negative lookarounds, backreferences) asks for no string


# Tries of a pattern before its gate is derived.
WARMUP = 64
_UNSET = object()
_GATES: dict[int, list] = {}  # id(pattern): [pattern, tries, its strings] (the id: a Pattern hashes its whole code)
_FOLDED: dict[str, str] = {}


def may_match(pattern: re.Pattern, text: str) -> bool:
    """False only when pattern cannot match text (it lacks every string the pattern requires). A pattern's gate is
    derived at its WARMUP + 1st try (deriving costs ~0.5 ms a pattern: a short text is read without gates)."""
    if not ENABLED:
        return True
    entry = _GATES.get(id(pattern))
    if entry is None or entry[0] is not pattern:
        if len(_GATES) > 4096:  # patterns compiled on the fly: never an unbounded memo
            _GATES.clear()
        entry = _GATES[id(pattern)] = [pattern, 0, _UNSET]
    if entry[2] is _UNSET:
        entry[1] += 1
        if entry[1] <= WARMUP:
            return True
        entry[2] = required(pattern)
    strings = entry[2]
    if strings is None:
        return True
    folded = _FOLDED.get(text)
    if folded is None:
        if len(_FOLDED) > 256:  # (the readers also pass slices of the sentence: a small memo kept losing it)
            _FOLDED.clear()
        folded = _FOLDED[text] = fold(text)
    for s in strings:
        if s in folded:
            return True
    return False


def finditer(pattern: re.Pattern, text: str, *args):
    """pattern.finditer(text, ...), nothing when the gate says it cannot match."""
    return pattern.finditer(text, *args) if may_match(pattern, text) else iter(())


def search(pattern: re.Pattern, text: str, *args):
    """pattern.search(text, ...), None when the gate says it cannot match."""
    return pattern.search(text, *args) if may_match(pattern, text) else None
