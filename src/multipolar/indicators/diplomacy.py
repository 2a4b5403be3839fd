"""Diplomacy indicators: agreement in UN General Assembly votes and the cooperation/conflict balance in event data."""

from __future__ import annotations

from ..countries import POWERS
from ..errors import invalid_choice
from ..lazy import ibis
from . import quality as Q
from .registry import Param, register

# Source label of agreement computed here from the roll calls.
COMPUTED = "unvotes_computed"
# Label of the published Bailey-Strezhnev-Voeten agreement scores, whatever id the pack gives their source.
PUBLISHED = "bsv_idealpoints"
# Raw source ids of the un_agreement table that are the BSV ideal-point file.
PUBLISHED_IDS = ("unga_ideal_points", "bsv_idealpoints", "bsv", "idealpoints")
# Offset from UNGA session number to the calendar year it opens in (session 74 = 2019), as BSV date sessions.
SESSION_YEAR_OFFSET = 1945
# Vote codes of un_votes.
VOTE_CODES = {1: "yes", 2: "abstain", 3: "no"}


def _published_label(source):
    return ibis.ifelse(source.isin(list(PUBLISHED_IDS)), PUBLISHED, source)


def _un_labels(ctx):
    labels = []
    if ctx.has("un_votes") and ctx.has("un_roll_calls"):
        labels.append(COMPUTED)
    if ctx.has("un_agreement"):
        labels += sorted({PUBLISHED if s in PUBLISHED_IDS else s for s in ctx.sources_of("un_agreement")})
    return labels


def computed_agreement(ctx, partners):
    """Agreement of each country with each partner per session, from the roll calls: identical votes / votes both
    cast (yes, abstain and no are three distinct answers; absences are not votes)."""
    partners = sorted(set(partners))

    def build():
        votes = ctx.table("un_votes", "un_agreement")
        calls = ctx.table("un_roll_calls", "un_agreement")
        p = votes.filter(votes.country.isin(partners))
        p = p.select(p_rcid=p.rcid, partner=p.country, p_vote=p.vote, p_source=p.source)
        j = votes.inner_join(p, [votes.rcid == p.p_rcid, votes.source == p.p_source])
        j = j.filter(j.country != j.partner)
        c = calls.select(c_rcid=calls.rcid, c_source=calls.source, session=calls.session.cast("int32"))
        j = j.inner_join(c, [j.rcid == c.c_rcid, j.source == c.c_source])
        agg = j.group_by("country", "partner", "session").aggregate(
            agree=(j.vote == j.p_vote).cast("int32").sum(), n_votes=j.rcid.count().cast("int32"))
        return agg.select(agg.country, agg.partner, year=(agg.session + SESSION_YEAR_OFFSET).cast("int32"),
                          session=agg.session, source=ibis.literal(COMPUTED),
                          value=agg.agree.cast("float64") / agg.n_votes, n_votes=agg.n_votes)

    return ctx.memo(f"un_computed:{','.join(partners)}", build)


def published_agreement(ctx):
    """The published agreement with China and with Russia (un_agreement), as rows per partner."""
    def build():
        ua = ctx.table("un_agreement", "un_agreement")
        parts = []
        for partner, column in (("CHN", "agree_chn"), ("RUS", "agree_rus")):
            t = ua.filter(ua[column].notnull(), ua.country != partner)
            parts.append(t.select(country=t.country, partner=ibis.literal(partner), year=t.year.cast("int32"),
                                  session=t.session.cast("int32"), source=_published_label(t.source),
                                  value=t[column].cast("float64"), n_votes=t.n_votes.cast("int32")))
        return ibis.union(*parts, distinct=False)

    return ctx.memo("un_published", build)


@register("un_agreement", dimension="diplomacy", title="Agreement with a partner in UN General Assembly votes",
          unit="share of votes (0-1)",
          definition=f"""Share of the UNGA roll calls of a session on which the country voted as the partner did.
          '{COMPUTED}': computed here from the roll calls: identical votes / roll calls both voted on, yes,
          abstain and no being three distinct answers, absences not counted (this reproduces the published scores
          exactly for e.g. Kazakhstan-China in sessions 70 and 74). '{PUBLISHED}': the agreement scores published
          with the Bailey-Strezhnev-Voeten ideal points (China and Russia only; n_votes = the country's votes in
          the session). year = session + {SESSION_YEAR_OFFSET} (the year the session opens). Sessions where
          n_votes < min_votes are left out (the latest session is partial for some states).""",
          inputs=("un_votes", "un_roll_calls", "un_agreement"),
          sources=f"'{COMPUTED}' (from the unvotes roll calls, to session 74 / 2019); '{PUBLISHED}' (published "
                  "scores, to session 78 / 2023).",
          labels=_un_labels, params=(Param("min_votes", 10, "least number of votes for a session to count", int),),
          columns=("country", "partner", "year", "session", "source", "value", "n_votes", "quality"),
          # computed agreement covers China, Russia and the partners asked for: the whole output has the powers'
          whole=lambda q: set(q.partner or ()) <= set(POWERS))
def un_agreement(ctx, q):
    parts = []
    if ctx.has("un_votes") and ctx.has("un_roll_calls"):
        parts.append(computed_agreement(ctx, set(POWERS) | set(q.partner or [])))
    if ctx.has("un_agreement"):
        parts.append(published_agreement(ctx))
    if not parts:
        ctx.table("un_votes", "un_agreement")  # raises: neither input is present
    out = ibis.union(*parts, distinct=False) if len(parts) > 1 else parts[0]
    out = out.filter(out.n_votes >= q.get("min_votes"))
    return out.mutate(quality=ibis.literal(""))


@register("un_agreement_check", dimension="diplomacy", title="Computed UNGA agreement against the published scores",
          unit="share of votes (0-1)",
          definition=f"""For each country, partner (China, Russia) and session present in both: value = agreement
          computed from the roll calls ('{COMPUTED}'), published = the BSV published score, difference = value -
          published. Small differences come from roll calls added or recoded between the two releases.""",
          inputs=("un_votes", "un_roll_calls", "un_agreement"), sources=f"'{COMPUTED}' checked against "
          f"'{PUBLISHED}'.", labels=lambda ctx: [COMPUTED] if _un_labels(ctx) else [],
          columns=("country", "partner", "year", "session", "source", "value", "published", "difference",
                   "n_votes", "n_votes_published", "quality"))
def un_agreement_check(ctx, q):
    c = computed_agreement(ctx, POWERS)
    p = published_agreement(ctx)
    p = p.filter(p.source == PUBLISHED)
    p = p.select(p_country=p.country, p_partner=p.partner, p_session=p.session, published=p.value,
                 n_votes_published=p.n_votes)
    j = c.inner_join(p, [c.country == p.p_country, c.partner == p.p_partner, c.session == p.p_session])
    return j.select(j.country, j.partner, j.year, j.session, j.source, j.value, j.published,
                    difference=j.value - j.published, n_votes=j.n_votes, n_votes_published=j.n_votes_published,
                    quality=ibis.literal(""))


# A source's family: its id up to the first "_" ('gdelt' for gdelt_annual and gdelt_monthly).
FAMILY = r"^([^_]+)"


def _months_covered(ev):
    """(family, year, months): how many calendar months of the year a source family's month rows cover (any
    pair), e.g. GDELT's 2024 = 2 (January-February). A year a family has only annual rows for is taken as whole."""
    m = ev.filter(ev.period.length() == 7)
    m = m.select(m_family=m.source.re_extract(FAMILY, 1), m_year=m.period.substr(0, 4).cast("int32"),
                 month=m.period.substr(5, 2))
    return m.group_by("m_family", "m_year").aggregate(m_months=m.month.nunique().cast("int16"))


def event_rows(ctx, direction: str):
    """Event data per (country, partner, year, source), both orders of each pair, annual rows preferred."""
    if direction not in ("both", "from_partner", "to_partner"):
        raise invalid_choice("direction", direction, ("both", "from_partner", "to_partner"))

    def build():
        ev = ctx.table("events", "event_balance")
        e = ev.mutate(year=ev.period.substr(0, 4).cast("int32"), annual=ev.period.length() == 4,
                      a=ibis.least(ev.actor, ev.target), b=ibis.greatest(ev.actor, ev.target),
                      coop=ev.verbal_coop.fill_null(0) + ev.material_coop.fill_null(0),
                      conf=ev.verbal_conflict.fill_null(0) + ev.material_conflict.fill_null(0))
        # A source may hold a pair-year both as a year and as months: use the year, never both.
        w = ibis.window(group_by=[e.a, e.b, e.year, e.source])
        e = e.mutate(has_annual=e.annual.any().over(w))
        e = e.filter(e.annual == e.has_annual)
        sides = []
        for country, partner in ((e.a, e.b), (e.b, e.a)):
            t = e.mutate(country=country, partner=partner)
            if direction == "from_partner":
                t = t.filter(~t.directed | (t.actor == t.partner))
            elif direction == "to_partner":
                t = t.filter(~t.directed | (t.actor == t.country))
            sides.append(t.select("country", "partner", "year", "source", "directed", "period", "coop", "conf",
                                  "score"))
        t = ibis.union(*sides, distinct=False)
        countries = ctx.countries()
        if countries:
            t = t.filter(t.country.isin(countries))
        agg = t.group_by("country", "partner", "year", "source").aggregate(
            cooperation=t.coop.sum(), conflict=t.conf.sum(), score=t.score.sum(),
            directed=t.directed.any(), n_periods=t.period.nunique().cast("int32"))
        counts = agg.cooperation + agg.conflict
        value = ibis.ifelse(agg.directed, ibis.ifelse(counts > 0, (agg.cooperation - agg.conflict) / counts, None),
                            agg.score)
        cover = _months_covered(ev)
        agg = agg.left_join(cover, [agg.source.re_extract(FAMILY, 1) == cover.m_family, agg.year == cover.m_year])
        months = agg.m_months.fill_null(12).cast("int16")
        out = agg.select(agg.country, agg.partner, agg.year, agg.source, value=value.cast("float64"),
                         cooperation=agg.cooperation, conflict=agg.conflict, score=agg.score,
                         n_periods=agg.n_periods, directed=agg.directed, months=months,
                         quality=Q.expression(months=months))
        return out.filter(out.value.notnull())

    return ctx.memo(f"events:{direction}", build)


@register("event_balance", dimension="diplomacy", title="Cooperation/conflict balance in event data",
          unit="ICEWS: net cooperation share (-1..1); GDELT: summed composite score",
          definition="""Balance of cooperation over conflict between the country and the partner in the year.
          Directed event counts (ICEWS): (cooperation - conflict) / (cooperation + conflict), cooperation = verbal +
          material cooperation events, conflict = verbal + material conflict events, summed over both directions
          (direction='from_partner' or 'to_partner' keeps one). Undirected composite scores (GDELT, a
          Goldstein-based score, not event counts): the sum of the pair's score over the year. A source holding a
          pair-year both as a year and as months is read from the year row. Values compare within a source only; a
          summed score grows with the months covered. months = calendar months of the year the source (its month
          rows, any pair, for every source of the same family: gdelt_annual and gdelt_monthly) covers: GDELT's last
          year, 2024, holds 1 January to 23 February only, so its rows say months 2 and quality partial_year:2m.""",
          inputs=("events",), sources="'icews' (directed counts, 2002-2014); 'gdelt' (composite score, 2018-2024).",
          labels=lambda ctx: ctx.sources_of("events"),
          params=(Param("direction", "both", "both | from_partner | to_partner (directed sources only)", str),),
          columns=("country", "partner", "year", "source", "value", "cooperation", "conflict", "score", "n_periods",
                   "directed", "months", "quality"))
def event_balance(ctx, q):
    return event_rows(ctx, q.get("direction"))
