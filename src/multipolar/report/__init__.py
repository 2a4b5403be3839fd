"""The self-contained HTML report: `build_report(out=..., region=..., lang=..., progress=...)` → its path.

gathering.py reads the library (the only module here that does), selection.py picks and words rows (pure), charts.py
draws figure dicts, build.py renders the sections (templates/sections/) into one file.
"""

from __future__ import annotations

from .build import FORMATS, SECTIONS, Section, build_report, render, to_pdf, to_png
from .gathering import LANGS, REGIONS, ReportData, gather

__all__ = ["build_report", "render", "to_pdf", "to_png", "gather", "ReportData", "FORMATS", "REGIONS", "LANGS",
           "SECTIONS", "Section"]
