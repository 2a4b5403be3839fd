"""Evidence from the data pack for the security, diplomacy and finance kinds: arms shares (arms_share) and a
supplier's deliveries to its buyers, UN agreement, development finance (finance_commitments, and every recipient
AidData lists), GDP and population. Mixed into PackEvidence (it provides indicator(), load(), _memo(),
pack_countries() and problems)."""

from __future__ import annotations

import pandas as pd

from ..errors import MultipolarError


class Dimensions:
    """The security, diplomacy and finance half of PackEvidence."""

    def rerouting_growth(self, products: str) -> pd.DataFrame:
        """The rerouting_growth indicator (EU exports of a product set per partner, same months a year earlier)."""
        return self.indicator("rerouting_growth", products=products)

    def arms(self, country: str, window: int) -> pd.DataFrame:
        """arms_share rows of the country's suppliers (SIPRI TIV) over a window of years ending in each year."""
        return self.indicator("arms_share", country=country, window=window)

    def arms_exports(self, supplier: str, window: int) -> pd.DataFrame:
        """The supplier's deliveries to each buyer (SIPRI TIV) over a window of years ending in each year, in
        arms_share's columns (country = the supplier, partner = the buyer); empty when the pack does not keep all of
        the supplier's deliveries (a pack built before it kept the whole register held them for its own states)."""
        def build():
            countries = self.pack_countries()
            if not self.arms_whole() and countries is not None and supplier not in countries:
                self.problems.add(f"the pack keeps {supplier}'s arms deliveries to its own states only")
                return pd.DataFrame()
            table = self.load("arms_transfers")
            if table.empty:
                return table
            return windowed_deliveries(table, supplier, window)
        return self._memo(("arms_exports", supplier, window), build)

    def arms_world(self, side: str, window: int) -> pd.DataFrame:
        """Every state's arms exports (side 'exports') or imports ('imports') over a window of years ending in each
        year, against the world's total (country, year, source, partner_value = the state's TIV, total_value = all
        states', window, window_years); empty when the pack keeps the register for its own states only."""
        def build():
            if not self.arms_whole():
                return pd.DataFrame()
            table = self.load("arms_transfers")
            return world_totals(table, "supplier" if side == "exports" else "recipient", window)
        return self._memo(("arms_world", side, window), build)

    def arms_whole(self) -> bool:
        """Whether the pack's arms_transfers holds every supplier-recipient-year aggregate of SIPRI's register."""
        def read():
            try:
                from ..store import read_manifest

                entry = read_manifest(self.pack).get("tables", {}).get("arms_transfers", {})
            except (MultipolarError, OSError, ValueError):
                return False
            return "all rows kept" in entry.get("derivation", "")
        return self._memo(("arms_whole",), read)

    def monthly_partners(self, country: str, flow: str) -> pd.DataFrame:
        """A country's monthly trade with every partner it lists (trade_monthly, US dollars): source, partner, year,
        month, value (a turnover sums exports and imports)."""
        def build():
            if not self.has_table("trade_monthly"):
                return pd.DataFrame()
            frame = self.load("trade_monthly", country=country)
            if frame.empty:
                return frame
            frame = frame[(frame["reporter"] == country) & frame["value_usd"].notna()]
            if flow != "turnover":
                frame = frame[frame["flow"] == flow]
            sums = frame.groupby(["source", "partner", "period"], as_index=False)["value_usd"].sum()
            return pd.DataFrame({"source": sums["source"], "partner": sums["partner"],
                                 "year": sums["period"].str[:4].astype(int), "month": sums["period"].str[5:7].astype(int),
                                 "value": sums["value_usd"]})
        return self._memo(("monthly_partners", country, flow), build)

    def alliances(self, country: str) -> pd.DataFrame:
        """alliance_ties rows of a country (ATOP obligations with each partner per year, to 2018)."""
        return self.indicator("alliance_ties", country=country)

    def un_agreement(self, country: str) -> pd.DataFrame:
        """un_agreement rows (partner CHN or RUS, per year and source)."""
        return self.indicator("un_agreement", country=country)

    def macro(self, country: str) -> pd.DataFrame:
        """The macro table's rows (GDP in current US dollars, population) of a country."""
        return self.load("macro", country=country)

    def finance(self, country: str | None, amount: str, flow_class: str | None = None) -> pd.DataFrame:
        """finance_commitments rows (lender = partner) for a recipient or every pack recipient; amount 'nominal'
        (face value) or 'adjusted' (AidData's adjusted amounts); one flow class ('ODA-like', 'OOF-like') or all."""
        return self.indicator("finance_commitments", country=country, amount=amount, flow_class=flow_class)

    def finance_all(self, amount: str, flow_class: str | None = None) -> pd.DataFrame:
        """Commitments to every recipient AidData lists (the pack keeps them all, not only its own states), in
        finance_commitments' columns: for ranks among all recipients."""
        def build():
            frame = self.load("development_finance")
            if frame.empty:
                return frame
            if flow_class:
                frame = frame[frame["flow_class"] == flow_class]
            column = "commitments_usd" if amount == "nominal" else "commitments_adj_usd"
            sums = frame.groupby(["recipient", "lender", "year", "source"], as_index=False)[column].sum()
            return sums.rename(columns={"recipient": "country", "lender": "partner", column: "value"})
        return self._memo(("finance_all", amount, flow_class), build)


def windowed_deliveries(table: pd.DataFrame, supplier: str, window: int) -> pd.DataFrame:
    """A supplier's deliveries (arms_transfers rows) summed per buyer over `window` years ending in each year of the
    register, with the year's total over all buyers (arms_share's columns; rows only where the total is positive)."""
    first, last = int(table["year"].min()), int(table["year"].max())
    rows = table[table["supplier"] == supplier].groupby(["recipient", "year"])["tiv"].sum()
    out = []
    for end in range(first, last + 1):
        inside = rows[(rows.index.get_level_values("year") > end - window) &
                      (rows.index.get_level_values("year") <= end)]
        per = inside.groupby(level="recipient").sum()
        total = float(per.sum())
        if total <= 0:
            continue
        for buyer, value in per.items():
            out.append({"country": supplier, "partner": buyer, "year": end, "source": "sipri_at",
                        "value": float(value) / total, "partner_value": float(value), "total_value": total,
                        "window": window, "window_years": end - max(first, end - window + 1) + 1})
    return pd.DataFrame(out)


def world_totals(table: pd.DataFrame, by: str, window: int) -> pd.DataFrame:
    """Each state's deliveries (by 'supplier': exports, 'recipient': imports) summed over `window` years ending in
    each year of the register, with the world's total over the same years (rows where the state's sum is positive)."""
    if table.empty:
        return pd.DataFrame()
    first, last = int(table["year"].min()), int(table["year"].max())
    per_year = table.groupby([by, "year"])["tiv"].sum().unstack(fill_value=0.0)
    out = []
    for end in range(first, last + 1):
        inside = [y for y in per_year.columns if end - window < int(y) <= end]
        sums = per_year[inside].sum(axis=1).round(6)
        total = float(sums.sum())
        for country, value in sums[sums > 0].items():
            out.append({"country": country, "year": end, "source": "sipri_at", "partner_value": float(value),
                        "total_value": total, "window": window,
                        "window_years": end - max(first, end - window + 1) + 1})
    return pd.DataFrame(out)
