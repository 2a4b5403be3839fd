"""The data's own flags on a value (the indicators' `quality` column: estimate, imputed, partial_year:9m,
preliminary, coverage:60%, source_switch, implausible), in words for verdicts, and which of them forbid calling a
claim contradicted on that value alone."""

from __future__ import annotations

# Flags (their prefix before ':') under which a value cannot contradict a claim on its own: it is not the full,
# reported figure of the period the claim is about.
WEAK_FLAGS = ("estimate", "imputed", "partial_year", "preliminary", "coverage", "source_switch", "implausible")
# Words for flags when the indicators' vocabulary module is not available.
_FALLBACK_TEXT = {"estimate": "an estimate", "imputed": "imputed", "preliminary": "preliminary",
                  "source_switch": "the source view changes here", "implausible": "implausible against the partner's "
                  "own statistics"}


def flags(quality: str | None) -> list[str]:
    """'estimate; partial_year:9m' → ['estimate', 'partial_year:9m']."""
    return [f.strip() for f in (quality or "").split(";") if f.strip()]


def readable(quality: str | None) -> list[str]:
    """Each flag in words, from multipolar.indicators.quality when it defines them."""
    out = []
    describe = _describer()
    for flag in flags(quality):
        text = None
        if describe is not None:
            try:
                text = describe(flag)
            except Exception:  # an unknown flag is shown as it is
                text = None
        if not text:
            head, _, arg = flag.partition(":")
            if head == "partial_year":
                text = f"partial year ({arg})"
            elif head == "coverage":
                text = f"partners listed cover {arg} of the total"
            else:
                text = _FALLBACK_TEXT.get(head, flag)
        out.append(text)
    return out


def weak(quality: str | None) -> list[str]:
    """The flags of a value that keep it from contradicting a claim on its own."""
    return [f for f in flags(quality) if f.split(":", 1)[0] in WEAK_FLAGS]


def _describer():
    try:
        from ...indicators import quality as vocabulary
    except ImportError:
        return None
    for attr in ("describe", "readable", "flag_text", "text"):
        func = getattr(vocabulary, attr, None)
        if callable(func):
            return func
    return None
