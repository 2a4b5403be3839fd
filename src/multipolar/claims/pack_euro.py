"""Evidence in euros from the pack's Eurostat Comext rows: the EU's own figures (EU27 annual exports; imports and
turnover from the member states' monthly figures summed) and a member state's own rows. Full calendar years only."""

from __future__ import annotations

import pandas as pd

from ..countries import eu27

from .evidence import Series
from .judging.sources import identity
from .model import Call
from .reading.entities import name


class EuroFigures:
    """A mixin of PackEvidence: needs its load, has_table and monthly_series."""

    def eurostat_series(self, country: str, partner: str, flow: str) -> list[Series]:
        """The EU's own figures (Eurostat Comext, euros as published) when the claim's country is the EU: EU27 annual
        exports to every partner; imports and turnover from the member states' monthly figures summed, full years
        only."""
        if country != "EUU" and partner != "EUU":
            # only a state that reports to Eurostat (an EU member, or the UK before 2021) has rows of its own there:
            # for any other pair no table is read (a check of a text about Central Asia reads none)
            if country not in eu27() and country != "GBR":
                return []
            return self._member_eur_series(country, partner, flow)
        if country != "EUU" or partner == "EUU":
            return []
        out = []
        annual = self.load("trade_flows", country="EUU", partner=partner, source="eurostat_comext")
        if flow == "export" and not annual.empty:
            s = self._eur_series(country, partner, flow, "eurostat_comext")
            for row in annual[annual["flow"] == "export"].itertuples(index=False):
                if pd.notna(row.value_published):
                    s.values[int(row.year)] = float(row.value_published)
            s.call = Call.load("trade_flows", country="EUU", partner=partner, source="eurostat_comext")
            out.append(s) if s.values else None
        monthly = self.monthly_series(country, partner, flow)
        for m in monthly:
            s = self._eur_series(country, partner, flow, "eurostat_comext_monthly")
            s.label = f"{m.label}, calendar years summed"
            for year in sorted({y for y, _ in m.values}):
                months = [m.values[(year, k)] for k in range(1, 13) if (year, k) in m.values]
                if len(months) == 12:
                    s.values[year] = float(sum(months))
            s.call = m.call
            if s.values and not (flow == "export" and out):
                out.append(s)
        return out

    def _member_eur_series(self, country: str, partner: str, flow: str) -> list[Series]:
        """An EU member state's own figures in euros (its Comext rows, the months of a calendar year summed; full
        years only): 'German exports to Kazakhstan were EUR 2.8 billion'. Turnover is exports plus imports, only
        for years both flows hold all 12 months."""
        if not self.has_table("trade_flows"):
            return []
        frame = self.load("trade_flows", country=country, partner=partner, source="eurostat_comext_monthly")
        if frame.empty:
            return []
        full = frame[(frame["months"] == 12) & frame["value_published"].notna()]
        per = full.groupby(["year", "flow"])["value_published"].sum().unstack("flow")
        flows = ("export", "import") if flow == "turnover" else (flow,)
        if any(f not in per.columns for f in flows):
            return []
        s = self._eur_series(country, partner, flow, "eurostat_comext_monthly")
        s.reporter = country
        s.label = f"Eurostat Comext, {name(country)}'s own rows (monthly figures summed)"
        for year, row in per.iterrows():
            if all(pd.notna(row[f]) for f in flows):
                s.values[int(year)] = float(sum(row[f] for f in flows))
        s.call = Call.load("trade_flows", country=country, partner=partner, source="eurostat_comext_monthly")
        return [s] if s.values else []

    def _eur_series(self, country, partner, flow, source) -> Series:
        ident = identity(source)
        return Series(source, ident.label if ident else source, "EUU", country, partner, flow, "own",
                      trust=ident.trust if ident else 70, unit="EUR")
