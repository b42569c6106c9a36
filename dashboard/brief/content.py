"""What the one-page brief says, gathered from the figures every other surface shows and worded once.

:func:`brief_content` reads the district through :class:`~dashboard.services.Services` (so the actor's areas are
checked) and returns a :class:`BriefContent` of ready strings, table rows and map specifications; the page
(:mod:`dashboard.brief.page`) only lays them out. No figure is computed here that a page computes elsewhere: the
district's and each kecamatan's numbers are :meth:`Services.headline`, village rows are the map's
:func:`~dashboard.figures.map.map_values` (same classes, same colours, same reliability rule), and the lokus list is
the stored scenario.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime

import geopandas as gpd
import pandas as pd

from dashboard.core.aggregate import Measure, Statistic, number_or_none, total, village_table
from dashboard.core.headline import Headline
from dashboard.core.indicators import STUNTING
from dashboard.core.localtime import format_date
from dashboard.core.periods import period_label
from dashboard.core.prevalence import is_reliable
from dashboard.data.annex import hand_added, lokus_map_spec, source_line
from dashboard.data.scenarios import Scenario
from dashboard.data.source import District
from dashboard.figures.class_map import class_map_spec
from dashboard.figures.headline import change_text, completeness_text, interval_text
from dashboard.figures.map import map_values
from dashboard.figures.static_map import MapSpec
from dashboard.geo import bounds_of
from dashboard.i18n import fmt_int, fmt_percent, t
from dashboard.services import Services

__all__ = ["BriefContent", "BriefError", "Fact", "LokusList", "TrendPoint", "brief_content"]

TOP = 5  # rows in each ranking


class BriefError(Exception):
    """Nothing to brief on (unknown district, no data for the period); ``key``/``params`` word it (i18n), ``status``
    is the HTTP status a download route answers with."""

    status = 404

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


@dataclass(frozen=True)
class Fact:
    """One line of part a: a label, the figure as printed, and smaller lines under it."""

    label: str
    value: str
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class TrendPoint:
    period: str
    label: str
    rate: float | None
    complete: bool


@dataclass(frozen=True)
class LokusList:
    """Part d: the year's final list, or the latest draft (``draft``), or nothing (``rows`` empty)."""

    heading: str
    draft: bool
    rows: tuple[tuple[str, ...], ...]  # no, desa, kecamatan, prevalensi, jumlah stunting
    note: str


@dataclass(frozen=True)
class BriefContent:
    lang: str
    district: District
    period: str
    title: str
    subtitle: str
    demo_mark: str  # "data contoh (fiktif)" for the demo, else ""
    facts: tuple[Fact, ...]
    national_target: float | None
    own_target: float | None
    trend: tuple[TrendPoint, ...]
    prevalence_map: MapSpec
    lokus_map: MapSpec | None
    kecamatan_rows: tuple[tuple[str, ...], ...]
    stunted_rows: tuple[tuple[str, ...], ...]
    rate_rows: tuple[tuple[str, ...], ...]
    marks_note: str
    lokus: LokusList
    source: str
    created: str


def _district(services: Services, code: str) -> District:
    found = {d.code: d for d in services.source.districts()}
    if code not in found:
        raise BriefError("brief.unknown_district", code=code, known=", ".join(found) or "-")
    return found[code]


def _own_target(services: Services, district: str, year: int, lang: str) -> tuple[float | None, str]:
    """The district's own target for ``year`` (else its latest earlier one) and its wording."""
    if services.publications is None:
        return None, t("brief.target.own.none", lang)
    known = [target for target in services.publications.targets(district) if target.year <= year]
    if not known:
        return None, t("brief.target.own.none", lang)
    target = known[-1]
    text = t("brief.target.own", lang, year=target.year, value=fmt_percent(target.target, lang), source=target.source)
    return target.target, text


def _facts(headline: Headline, own_text: str, lang: str) -> tuple[Fact, ...]:
    change = change_text(headline.change, lang)
    measured = t(
        "kpi.measured.reporting",
        lang,
        measured=fmt_int(headline.denominator, lang),
        reporting=fmt_int(headline.completeness.reporting, lang),
    )
    completeness = completeness_text(headline, lang)
    if not headline.complete:
        completeness += f" [{t('completeness.incomplete', lang)}]"
    return (
        Fact(
            t("kpi.prevalence", lang),
            fmt_percent(headline.rate, lang),
            tuple(x for x in (interval_text(headline, lang), measured) if x),
        ),
        Fact(
            t("kpi.stunted", lang),
            fmt_int(headline.numerator, lang),
            (t("kpi.sum.reporting", lang, reporting=fmt_int(headline.completeness.reporting, lang)),),
        ),
        Fact(t("brief.change", lang), change.value or "—", tuple(change.lines[:2] + change.lines[-1:])),
        Fact(t("brief.completeness", lang), fmt_percent(_completeness_share(headline), lang, 0), (completeness,)),
        Fact(
            t("brief.targets", lang),
            t("brief.target.national", lang, value=fmt_percent(headline.target, lang, 0)),
            (own_text,),
        ),
    )


def _completeness_share(headline: Headline) -> float | None:
    """Children measured of target children where targets are known, else villages reporting (percent)."""
    done = headline.completeness
    return done.measured_share if done.measured_share is not None else done.share


def _trend(
    services: Services, district: str, observations: pd.DataFrame, codes: pd.Index, lang: str
) -> tuple[TrendPoint, ...]:
    """The district's prevalence in every period with stunting data: summed counts over the reporting villages
    (:func:`~dashboard.core.aggregate.total`, the sum the headline makes), complete as the period picker says."""
    points = []
    for done in services.completeness(district):
        stunted, measured = total(observations, STUNTING, done.period, codes)
        if measured > 0:
            complete = done.complete(services.settings.min_completeness)
            points.append(TrendPoint(done.period, period_label(done.period, lang), 100 * stunted / measured, complete))
    return tuple(points)


def _kecamatan_rows(table: pd.DataFrame, villages: pd.DataFrame, lang: str) -> tuple[tuple[str, ...], ...]:
    """Kecamatan by prevalence, highest first: rank, name, prevalence, stunted, measured. Summed counts of the
    kecamatan's villages (the sum its headline makes, tested against :meth:`Services.headline`)."""
    kecamatan = villages.set_index(villages["code"].astype(str))[["kecamatan_code", "kecamatan_name"]]
    counts = table[["numerator", "denominator"]].join(kecamatan, how="inner")
    sums = counts.groupby(["kecamatan_code", "kecamatan_name"])[["numerator", "denominator"]].sum()
    sums = sums[sums["denominator"] > 0]
    sums["rate"] = 100.0 * sums["numerator"] / sums["denominator"]
    ranked = sums.sort_values(["rate", "numerator"], ascending=False).head(TOP).reset_index()
    return tuple(
        (
            str(rank),
            str(row.kecamatan_name),
            fmt_percent(number_or_none(row.rate), lang),
            fmt_int(number_or_none(row.numerator), lang),
            fmt_int(number_or_none(row.denominator), lang),
        )
        for rank, row in enumerate(ranked.itertuples(index=False), start=1)
    )


def _village_rows(
    table: pd.DataFrame, names: pd.DataFrame, unreliable: set[str], flagged: set[str], by: str, lang: str
) -> tuple[tuple[str, ...], ...]:
    """The ``TOP`` villages by ``by`` (``numerator`` or ``rate``): desa (kecamatan), prevalence, stunted/measured."""
    ranked = table.dropna(subset=[by]).sort_values([by, "numerator"], ascending=False).head(TOP)
    rows = []
    for code, row in ranked.iterrows():
        mark = ("†" if str(code) in unreliable else "") + ("⚠" if str(code) in flagged else "")
        desa = str(names.at[code, "name"]) + mark
        rows.append(
            (
                desa,
                str(names.at[code, "kecamatan_name"]),
                fmt_percent(row["rate"], lang),
                f"{fmt_int(row['numerator'], lang)}/{fmt_int(row['denominator'], lang)}",
            )
        )
    return tuple(rows)


def _prevalence_map(
    services: Services, villages: gpd.GeoDataFrame, observations: pd.DataFrame, period: str, source: str, lang: str
) -> MapSpec:
    """The main page's prevalence classes (same scheme, k and colours), circles for the number stunted."""
    measure = Measure(STUNTING, Statistic.RATE)
    minimum = services.settings.min_measured
    values = map_values(villages, observations, measure, period, "quantiles", 5, lang, bounds_of(villages), minimum)
    spec = class_map_spec(
        villages,
        values,
        measure,
        lang,
        legend_title=t("brief.map.legend", lang),
        title=t("brief.map.title", lang, period=period_label(period, lang)),
        source=source,
        min_measured=minimum,
    )
    stunted = village_table(observations, STUNTING, period)["numerator"].dropna()
    circles = {str(code): float(value) for code, value in stunted.items()}
    return replace(spec, circles=circles, circle_title=t("brief.map.circles", lang))


def _scenario(services: Services, district: str, year: int) -> Scenario | None:
    """The year's final lokus list, else its latest draft (scenarios come newest first)."""
    if services.store is None:
        return None
    services.require_readable(district)  # drafts are as restricted as figures
    scenarios = services.store.scenarios(district, year)
    return next((s for s in scenarios if s.is_final), scenarios[0] if scenarios else None)


def _lokus(
    services: Services, district: str, year: int, villages: gpd.GeoDataFrame, reported: set[str], source: str, lang: str
) -> tuple[LokusList, MapSpec | None]:
    scenario = _scenario(services, district, year)
    if scenario is None:
        return LokusList(
            t("brief.lokus.title", lang, year=year), False, (), t("brief.lokus.none", lang, year=year)
        ), None
    names = villages.set_index(villages["code"].astype(str))
    rows = []
    added = hand_added(scenario.settings)
    for number, village in enumerate(scenario.villages, start=1):
        known = village.code in names.index
        desa = str(names.at[village.code, "name"]) if known else village.code
        rows.append(
            (
                str(number),
                desa + ("*" if village.code in added else ""),
                str(names.at[village.code, "kecamatan_name"]) if known else "",
                fmt_percent(village.prevalence, lang),
                fmt_int(village.stunted, lang),
            )
        )
    draft = not scenario.is_final
    heading = t("brief.lokus.title", lang, year=scenario.year) + (f" — {t('brief.lokus.draft', lang)}" if draft else "")
    note = t("brief.lokus.note", lang, name=scenario.name, period=period_label(scenario.period, lang))
    if added:
        note += " " + t("brief.lokus.added", lang)
    map_title = t("brief.lokus.map_title", lang, year=scenario.year) + (
        f" — {t('brief.lokus.draft', lang)}" if draft else ""
    )
    spec = lokus_map_spec(
        villages, [v.code for v in scenario.villages], added, reported, lang, title=map_title, source=source
    )
    return LokusList(heading, draft, tuple(rows), note), spec


def brief_content(services: Services, district_code: str, period: str | None, lang: str) -> BriefContent:
    """Everything the brief prints for the district and period (the main page's default period when ``None``).

    Raises :class:`BriefError` for an unknown district or a period without data, and
    :class:`~dashboard.auth.roles.Forbidden` outside the current actor's areas.
    """
    district = _district(services, district_code)
    headline = services.headline(district_code, period)
    if headline is None or headline.denominator == 0:
        raise BriefError("brief.no_data", code=district_code, period=period or "-")
    period = headline.period
    label = period_label(period, lang)
    demo = t("demo.badge", lang) if district.is_demo else ""
    data_source = source_line(services.store, district_code, lang)
    own, own_text = _own_target(services, district_code, int(period[:4]), lang)
    villages = services.source.villages(district_code)
    observations = services.source.observations(district_code)
    codes = pd.Index(villages["code"].astype(str))
    names = villages.set_index(codes)[["name", "kecamatan_name"]]
    table = village_table(observations, STUNTING, period)
    table = table[table.index.isin(codes)]
    minimum = services.settings.min_measured
    few = ~is_reliable(table["denominator"], minimum) & table["rate"].notna().to_numpy()
    unreliable = {str(code) for code in table.index[few]}
    flagged = {str(c) for c in headline.flags["code"]} if not headline.flags.empty else set()
    # The day as the district reads it (its own zone: a brief made at 23:00 WIB is already tomorrow in Papua).
    stamp = t("brief.created", lang, day=format_date(datetime.now(UTC), lang, district_code))
    map_source = t("brief.map.source", lang, district=district.name, period=label, created=stamp)
    reported = {str(c) for c in table.dropna(subset=["rate"]).index}
    lokus, lokus_map = _lokus(services, district_code, int(period[:4]), villages, reported, map_source, lang)
    return BriefContent(
        lang=lang,
        district=district,
        period=period,
        title=t("brief.title", lang, district=district.name, code=district.code, period=label),
        subtitle=completeness_text(headline, lang),
        demo_mark=demo,
        facts=_facts(headline, own_text, lang),
        national_target=headline.target,
        own_target=own,
        trend=_trend(services, district_code, observations, codes, lang),
        prevalence_map=_prevalence_map(services, villages, observations, period, map_source, lang),
        lokus_map=lokus_map,
        kecamatan_rows=_kecamatan_rows(table, villages, lang),
        stunted_rows=_village_rows(table, names, unreliable, flagged, "numerator", lang),
        rate_rows=_village_rows(table, names, unreliable, flagged, "rate", lang),
        marks_note=t("brief.marks", lang, n=minimum),
        lokus=lokus,
        source=data_source,
        created=stamp,
    )
