"""The dashboard: `create_app(pack=None)` → a FastAPI app (country pages, explorer, crossover, claim checker, /api/)."""

from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
