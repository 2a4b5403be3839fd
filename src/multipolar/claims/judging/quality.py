"""The data's own flags on a value (the indicators' `quality` column, vocabulary in multipolar.indicators.quality),
in words for verdicts, and which of them forbid calling a claim contradicted on that value alone."""

from __future__ import annotations

from ...indicators import quality as vocabulary

# Flags (their name before ':') under which a value cannot contradict a claim on its own: it is not the full,
# reported figure of the period the claim is about.
WEAK_FLAGS = ("estimate", "imputed", "partial_year", "partial_window", "preliminary", "coverage", "source_switch",
              "implausible", "carried_forward")


def flags(quality: str | None) -> list[str]:
    """'estimate; partial_year:9m' → ['estimate', 'partial_year:9m']."""
    return vocabulary.split(quality or "")


def readable(quality: str | None) -> list[str]:
    """Each flag in words: its name, then the vocabulary's sentence ('partial year: covers 9 months of the year
    only: ...')."""
    return [f"{vocabulary.name(f).replace('_', ' ')}: {vocabulary.flag_text(f)}" for f in flags(quality)]


def weak(quality: str | None) -> list[str]:
    """The flags of a value that keep it from contradicting a claim on its own."""
    return [f for f in flags(quality) if vocabulary.name(f) in WEAK_FLAGS]
