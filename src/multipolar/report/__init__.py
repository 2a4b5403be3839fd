"""The self-contained HTML report: `build_report(out=..., region=..., lang=..., progress=...)` → its path."""

from __future__ import annotations

from .build import FORMATS, build_report, render, to_pdf, to_png
from .data import LANGS, REGIONS, ReportData, Service, gather

__all__ = ["build_report", "render", "to_pdf", "to_png", "gather", "ReportData", "Service", "FORMATS", "REGIONS",
           "LANGS"]
