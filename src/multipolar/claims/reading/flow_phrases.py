"""Trade frames said with a verb of movement rather than a flow noun: 'goods worth $76 million came into A from B'
(A's imports from B), 'products worth $N entered A from B', 'imports arrived in A from B'. frames.py reads them with
its own patterns (the frame starts at the goods word, so the amount after it is the frame's)."""

from __future__ import annotations

from .sentence import EL

# Anything but a mention or a sentence end between the goods word and the verb ("worth about $76 million").
_BETWEEN = r"(?:(?!⟨)(?:[^.;:]|\.(?=\d))){0,50}?"
MOVEMENT_FRAMES: list[tuple[str, str]] = [
    (rf"\b(?:goods|products|merchandise|imports|shipments|cargo(?:es)?)\s+{_BETWEEN}\b(?:came|come|comes|flowed|flow|"
     rf"arrived|entered|were\s+(?:imported|brought|delivered))\s+(?:in(?:to)?\s+|to\s+)?(?:the\s+)?(?P<a>{EL})\s+from\s+"
     rf"(?:the\s+)?(?P<b>{EL})", "import"),
]
