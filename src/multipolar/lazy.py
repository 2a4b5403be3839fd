"""Modules imported on first use, so that `multipolar --help`, an option error or a cached read never pay for Ibis.

`from ..lazy import ibis` gives an object that imports Ibis the first time one of its attributes is read
(`ibis.literal(...)`) and from then on is a thin forwarder to the module. Indicator modules register themselves at
import time without touching Ibis; building an expression imports it.
"""

from __future__ import annotations

import importlib
from types import ModuleType


class LazyModule:
    """A stand-in for a module that imports it when an attribute is first read."""

    def __init__(self, name: str):
        self.__name = name
        self.__module: ModuleType | None = None

    def __load(self) -> ModuleType:
        if self.__module is None:
            self.__module = importlib.import_module(self.__name)
        return self.__module

    def __getattr__(self, attr: str):
        return getattr(self.__load(), attr)

    def __repr__(self) -> str:
        state = "loaded" if self.__module is not None else "not loaded yet"
        return f"<lazy module {self.__name!r} ({state})>"


# Ibis: every indicator module's expressions; imported when the first expression is built.
ibis = LazyModule("ibis")
# pandas, NumPy and Arrow: what indicator frames are made of; a cached read for the terminal needs none of them.
pandas = LazyModule("pandas")
numpy = LazyModule("numpy")
pyarrow = LazyModule("pyarrow")
