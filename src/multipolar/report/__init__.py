"""The self-contained HTML report: `build_report(out=..., region=..., lang=..., progress=...)` → its path.

gathering.py reads the library (the only module here that does), selection.py picks and words rows (pure), charts.py
draws figure dicts, build.py renders the sections (templates/sections/) into one file.
"""

from __future__ import annotations

import importlib

# Names of this package and the module defining each: imported on first use, so that seedcheck.py (the seed
# article's check, which `multipolar report` starts first thing) is importable without pandas.
_NAMES = {"FORMATS": "build", "SECTIONS": "build", "Section": "build", "build_report": "build", "render": "build",
          "to_pdf": "build", "to_png": "build", "LANGS": "gathering", "REGIONS": "gathering",
          "ReportData": "gathering", "gather": "gathering"}


def __getattr__(name: str):
    if name not in _NAMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f".{_NAMES[name]}", __name__), name)


__all__ = ["build_report", "render", "to_pdf", "to_png", "gather", "ReportData", "FORMATS", "REGIONS", "LANGS",
           "SECTIONS", "Section"]
