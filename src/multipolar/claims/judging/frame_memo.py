"""Figures a judge derives from one of the evidence's memoised frames, derived once per frame: a long text asks the
same frame (a country's arms shares, AidData's recipients) for the same year's sums hundreds of times."""

from __future__ import annotations

import weakref

# Frames remembered at most (a frame's entry goes with it; ids of dead frames are checked, never trusted).
MOST = 4_096
_MEMO: dict[int, tuple] = {}


def per_frame(frame, key, build):
    """build() for frame and key, computed at the first call and returned again while frame lives. The caller must
    not change what it gets (give each caller its own copy of a mutable result)."""
    entry = _MEMO.get(id(frame))
    if entry is None or entry[0]() is not frame:
        if len(_MEMO) >= MOST:
            _MEMO.clear()
        entry = _MEMO[id(frame)] = (weakref.ref(frame), {})
    values = entry[1]
    if key not in values:
        values[key] = build()
    return values[key]
