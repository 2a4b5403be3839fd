"""Regex fragments for shares and ranks that several kinds read ('76%', 'a third', 'the bulk of', 'the second-largest'),
and the grammar words for arms, votes and finance."""

from __future__ import annotations

import re

# A percentage sign as written: "%", "percent", "per cent", "pc".
PERCENT_SIGN = r"(?:%|percent\b|per\s+cent\b|pc\b)"
HEDGE_WORDS = r"(?:more than|over|nearly|almost|about|around|roughly|some|just over|just under|less than|at least|" \
              r"close to|well over|upwards of)"
# A share as written: a percentage, a fraction, or words for a large part.
SHARE = rf"(?:{HEDGE_WORDS}\s+)?(?:\d+(?:\.\d+)?\s?{PERCENT_SIGN}|(?:a|one|two|three)[- ](?:half|third|" \
        rf"thirds|quarter|quarters|fifth|tenth)|half|the\s+(?:vast\s+|overwhelming\s+)?(?:bulk|majority)|most|" \
        rf"the\s+lion['’]s\s+share|(?:almost|nearly|virtually|practically)\s+all|all|more\s+than\s+half|over\s+half)"
# Rank words: 'main', 'largest', 'second-largest', 'top', 'No. 1'.
ORDINAL_WORDS = r"(?:second|third|fourth|fifth|2nd|3rd|4th|5th)"
RANK = rf"(?P<rk>{ORDINAL_WORDS}[- ](?:largest|biggest|main|most important)|main|largest|biggest|top|leading|" \
       rf"principal|primary|dominant|key|number[- ]one|No\.\s?1|{ORDINAL_WORDS})"
_ARMS_GOODS = r"(?:imported\s+|major\s+|conventional\s+|major\s+conventional\s+)?(?:arms|weapons?|weaponry|military\s+" \
              r"(?:equipment|hardware|supplies|imports)|defen[cs]e\s+(?:equipment|imports|purchases|hardware))"
# The goods, or the imports named before them ("imports of major arms", "purchases of weapons")
ARMS = rf"(?:(?:imports|purchases|acquisitions)\s+of\s+)?{_ARMS_GOODS}"
ARMS_FLOW = r"(?:\s+(?:imports|purchases|acquisitions|deliveries|supplies|transfers|procurement))?"
# Arms imports named in a sentence: a later bare "imports" in it are the same (an arms claim, not a trade share)
ARMS_IMPORTS = rf"(?i:\b{_ARMS_GOODS}\s+(?:imports|purchases|acquisitions)\b|\b(?:imports|purchases|acquisitions)\s+of\s+" \
               rf"{_ARMS_GOODS}|\bdefen[cs]e\s+imports\b)"
# ... and arms exports or sales named before a bare "exports" ("A's arms exports fell ...; half of its exports went to B")
ARMS_EXPORTS = rf"(?i:\b{ARMS}\s+(?:exports|sales|deliveries)\b)"
SUPPLIER = r"(?:supplier|exporter|provider|source|seller|vendor)s?"
# Words sizing a share before it ("a meagre 0.5%", "a whopping 40%"): the share itself is the figure after them.
SIZE_WORDS = r"(?:whopping|mere|hefty|massive|modest|staggering|sizeable|sizable|meagre|meager|paltry|tiny|small|" \
             r"slim|scant|measly|negligible|marginal|significant|substantial|considerable|large|huge|big|solid|healthy)"
# The verb of a share in an 'of which' clause ("of which B accounted for 12%").
OF_WHICH_VERB = r"(?:accounted|accounts|account|made\s+up|makes\s+up|represented|represents|took|takes|constituted)"


def arms_total(text: str, partner: list, flow: str) -> bool:
    """A state's bare total imports (exports) in a sentence calling it an arms importer (exporter): arms transfers."""
    return partner == ["WLD"] and flow in ("import", "export") and bool(re.search(
        rf"\b(?:arms|weapons?)\s+{flow}(?:er|s)\b", text, re.IGNORECASE))
