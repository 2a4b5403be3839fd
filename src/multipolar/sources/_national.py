"""Provenance shared by the national statistics offices' parsers (national_kz, _kg, _uz, _am, _ge)."""

from __future__ import annotations

# The copy of the offices' tables came from this repository snapshot (see national_stats/PROVENANCE.txt).
REPOSITORY_URL = ("https://github.com/mary-lev/eu-export-sanctions/tree/"
                  "4b6a5dfc864ab3352104974a4516458fd7347b38/data")
# What PROVENANCE.txt says about reuse terms, repeated in every national ORIGIN.
LICENCE = ("Tables of a national statistics office, published on its website; the office's reuse terms were NOT "
           "re-verified (national_stats/PROVENANCE.txt). The source repository's own licence is ambiguous "
           "(Apache-2.0 file, MIT in README) and covers its code only. Cite the office for each figure.")
# Retrieval of the copy: the repository commit named in PROVENANCE.txt.
RETRIEVED = "2025-01-09 (github.com/mary-lev/eu-export-sanctions commit 4b6a5dfc864ab3352104974a4516458fd7347b38)"
