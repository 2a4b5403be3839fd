"""Judging helpers shared by the claim kinds: tolerances, source choice, target years, trade-series judging, the
lead rule, and the verdict's wording."""
