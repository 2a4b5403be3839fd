"""The data's own flags on a value (the indicators' `quality` column: estimate, imputed, partial_year:9m,
preliminary, coverage:60%, source_switch, implausible), in words for verdicts, and which of them forbid calling a
claim contradicted on that value alone."""

from __future__ import annotations

# Flags (their prefix before ':') under which a value cannot contradict a claim on its own: it is not the full,
# reported figure of the period the claim is about.
WEAK_FLAGS = ("estimate", "imputed", "partial_year", "preliminary", "coverage", "source_switch", "implausible",
              "partial_window", "carried_forward")


def flags(quality: str | None) -> list[str]:
    """'estimate; partial_year:9m' → ['estimate', 'partial_year:9m']."""
    return [f.strip() for f in (quality or "").split(";") if f.strip()]


def readable(quality: str | None) -> list[str]:
    """Each flag in words (multipolar.indicators.quality.flag_text; a flag outside its vocabulary as it is)."""
    from ...indicators.quality import flag_text

    out = []
    for flag in flags(quality):
        try:
            out.append(flag_text(flag))
        except ValueError:  # not in the vocabulary: shown as written
            out.append(flag)
    return out


def weak(quality: str | None) -> list[str]:
    """The flags of a value that keep it from contradicting a claim on its own."""
    return [f for f in flags(quality) if f.split(":", 1)[0] in WEAK_FLAGS]
