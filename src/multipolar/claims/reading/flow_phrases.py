"""Trade frames said with a verb of movement rather than a flow noun: 'products worth $40 million entered A from B'
(A's imports from B), 'goods worth $N came into A from B', 'imports arrived in A from B'. frames.py reads them with
its own patterns (the frame starts at the goods word, so the amount after it is the frame's); and the verbs that make
a bare flow after a comma or a semicolon a clause continuing the frame before it."""

from __future__ import annotations

from .sentence import EL

# Verbs after a bare flow that make it a clause of its own (", exports climbed 12%", "; imports fell").
FLOW_VERBS = r"(?:rose|fell|grew|increased|decreased|declined|dropped|jumped|climbed|surged|soared|slumped|plunged|" \
             r"shrank|expanded|contracted|slipped|edged\s+(?:up|down)|reached|totalled|totaled|amounted|were|was|stood)"
# Anything but a mention or a sentence end between the goods word and the verb ("worth some $40 million").
_BETWEEN = r"(?:(?!⟨)(?:[^.;:]|\.(?=\d))){0,50}?"
MOVEMENT_FRAMES: list[tuple[str, str]] = [
    (rf"\b(?:goods|products|merchandise|imports|shipments|cargo(?:es)?)\s+{_BETWEEN}\b(?:came|come|comes|flowed|flow|"
     rf"arrived|entered|were\s+(?:imported|brought|delivered))\s+(?:in(?:to)?\s+|to\s+)?(?:the\s+)?(?P<a>{EL})\s+from\s+"
     rf"(?:the\s+)?(?P<b>{EL})", "import"),
]

# "Goods worth $N were exported to B by A": the amount before a passive verb is the frame's.
PASSIVE_LEAD = r"(?:\b(?:goods|products|merchandise)\s+worth\s+(?:[^.;⟨]|\.(?=\d)){1,40}?\s+(?:were|was|had\s+been)\s+)?"
