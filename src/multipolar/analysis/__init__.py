"""Econometric analyses fed by the indicators (pandas and pyfixest: the one layer that leaves Ibis, see
ARCHITECTURE.md): the event study of sanctions re-routing."""

from __future__ import annotations

from .event_study import ESTIMATORS, EventStudy, event_study, fit, prepare

__all__ = ["ESTIMATORS", "EventStudy", "event_study", "fit", "prepare"]
