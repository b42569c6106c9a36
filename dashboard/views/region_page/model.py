"""What the region page shows for a province or all Indonesia: figures per kabupaten/kota (or province) in fixed
bands, the villages' own figures for the map's closer zooms, and the change between two periods.

Figures come from :mod:`dashboard.data.levels`: imported at the level (``imported``), summed from villages (``sum``)
or survey estimates (``estimate``). One origin colours a map at a time and the others are named beside it; they are
never added. The store answers for every region, so this module keeps only what the reader may read
(:func:`readable_code`), decided on the server for each row.

Bands are fixed, not drawn from the data, so that a kabupaten and a village, this year and last year, in two
provinces, read alike: prevalence of stunting in WHO/UNICEF's public-health thresholds (de Onis et al. 2019,
*Public Health Nutrition* 22(1): < 2.5 very low, 2.5–< 10 low, 10–< 20 medium, 20–< 30 high, ≥ 30 % very high);
coverage in fifths of 0–100 %.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from dashboard.auth.roles import Actor, Role, covers
from dashboard.components import encode_classes
from dashboard.core.change import newcombe_interval
from dashboard.core.codes import Level
from dashboard.core.indicators import Direction, Kind, get_indicator
from dashboard.core.levels import Origin
from dashboard.data.levels import estimates_at, known_regions, level_figure, observations_at
from dashboard.figures.map import class_colours, hex_colour
from dashboard.i18n import fmt_number, fmt_percent, t
from dashboard.services import Services

__all__ = [
    "NATIONAL",
    "RegionFigures",
    "band_classes",
    "bands",
    "change_table",
    "is_demo_region",
    "is_district",
    "levels_for",
    "periods_of",
    "readable_code",
    "region_figures",
    "region_options",
]

NATIONAL = "id"  # the region value of all Indonesia
DEMO_PROVINCE = "99"  # the fictional demo district's province (see dashboard.data.source)
PREVALENCE_EDGES = (2.5, 10.0, 20.0, 30.0)  # WHO/UNICEF public-health thresholds, %
COVERAGE_EDGES = (20.0, 40.0, 60.0, 80.0)
MINUS = "\u2212"  # a negative change written with a true minus sign, as the main page writes it


def readable_code(actor: Actor, code: str, demo: set[str]) -> bool:
    """Whether ``actor`` may read figures of region ``code`` (a province ``PP``, kabupaten ``PP.KK`` or below).

    The demo's province and districts: anyone signed in. Otherwise the actor's areas (:func:`covers`): a
    province's own figure needs the province in the areas; a kabupaten's, the kabupaten or its province.
    """
    if code == DEMO_PROVINCE or code[:5] in demo:
        return not actor.is_anonymous
    return covers(actor, code)


def is_demo_region(region: str) -> bool:
    """Whether ``region`` is the fictional demo district's province (every figure in it is made up)."""
    return region == DEMO_PROVINCE


def is_district(region: str) -> bool:
    """Whether ``region`` is a kabupaten/kota (``PP.KK``), drawn by kecamatan or puskesmas, not a province."""
    return len(region) == 5


def levels_for(region: str) -> list[str]:
    """The units a region's map can fill: kabupaten/kota for a province or Indonesia; kecamatan or puskesmas
    areas for a kabupaten/kota."""
    return ["kecamatan", "puskesmas"] if is_district(region) else [str(Level.KABUPATEN)]


def region_options(services: Services, actor: Actor, lang: str) -> list[dict[str, str]]:
    """Indonesia (for a reader of every province), each province the reader may read, then each kabupaten/kota
    the reader may read (by kecamatan or puskesmas), by name."""
    store = services.store
    if store is None:
        return []
    demo = {district.code for district in services.source.districts() if district.is_demo}
    regions = services.cached("region.known", "", lambda: known_regions(store))
    provinces = regions[regions["level"] == str(Level.PROVINSI)]
    readable = [(code, name) for code, name in zip(provinces["code"], provinces["name"], strict=True)
                if readable_code(actor, str(code), demo)]  # fmt: skip
    options = [
        {"label": t("region.demo", lang) if code == DEMO_PROVINCE else str(name), "value": str(code)}
        for code, name in readable
    ]
    real = [code for code, _ in readable if code != DEMO_PROVINCE]
    every = len(provinces[provinces["code"] != DEMO_PROVINCE])
    # All Indonesia for a reader of every province the data holds (one province alone is its own map).
    if real and len(real) == every and (every > 1 or actor.role is Role.ADMIN):
        options.insert(0, {"label": t("region.national", lang), "value": NATIONAL})
    for district in services.source.districts():  # scoped to the reader's areas (and the demo)
        label = district.name
        options.append({"label": f"{label} · {t('demo.badge', lang)}" if district.is_demo else label,
                        "value": district.code})  # fmt: skip
    return options


def _level_tables(services: Services, level: Level | str, within: str | None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Every count and estimate of ``level`` under ``within``, kept until the data changes (the reader's areas are
    applied by the caller)."""
    store = services.store
    assert store is not None
    key = f"{level}|{within or NATIONAL}"
    counts = services.cached("region.counts", key, lambda: observations_at(store, level, within))
    estimates = services.cached("region.estimates", key, lambda: estimates_at(store, level, within))
    return counts, estimates


def periods_of(services: Services, level: Level | str, within: str | None, indicator: str) -> list[str]:
    """The periods with a figure of ``indicator`` at ``level`` under ``within``, oldest first."""
    counts, estimates = _level_tables(services, level, within)
    if within is None:  # all Indonesia leaves the fictional demo out (region_figures)
        counts = counts[~counts["code"].astype(str).str.startswith(DEMO_PROVINCE)]
        estimates = estimates[~estimates["code"].astype(str).str.startswith(DEMO_PROVINCE)]
    found = set(counts.loc[counts["indicator"] == indicator, "period"]) | set(
        estimates.loc[estimates["indicator"] == indicator, "period"]
    )
    return sorted(str(p) for p in found)


def indicators_of(services: Services, level: Level | str, within: str | None) -> list[str]:
    counts, estimates = _level_tables(services, level, within)
    return sorted(set(counts["indicator"]) | set(estimates["indicator"]))


def region_figures(
    services: Services, actor: Actor, level: Level | str, within: str | None, indicator: str, period: str
) -> pd.DataFrame:
    """:func:`~dashboard.data.levels.level_figure` for the regions ``actor`` may read (see the module docstring);
    a district's puskesmas figures for its readers."""
    store = services.store
    if store is None or not period:
        return pd.DataFrame(columns=["code", "name", "numerator", "denominator", "value", "lower", "upper", "origin"])
    key = f"{level}|{within or NATIONAL}|{indicator}|{period}"
    figures = services.cached("region.figure", key, lambda: level_figure(store, level, within, indicator, period))
    demo = {district.code for district in services.source.districts() if district.is_demo}
    if within is None:  # all Indonesia: the fictional demo lies in no real province
        figures = figures[~figures["code"].astype(str).str.startswith(DEMO_PROVINCE)]
    if str(level) == "puskesmas":  # a puskesmas code is not a region code: its district decides
        keep = [readable_code(actor, str(within), demo)] * len(figures)
    else:
        keep = [readable_code(actor, str(code), demo) for code in figures["code"]]
    return figures[np.array(keep, dtype=bool)].reset_index(drop=True)


def bands(indicator: str) -> tuple[float, ...]:
    """The upper edges (%, exclusive) of the fixed classes for ``indicator`` (module docstring)."""
    return PREVALENCE_EDGES if get_indicator(indicator).kind is Kind.OUTCOME else COVERAGE_EDGES


def band_classes(values: pd.Series | np.ndarray, edges: tuple[float, ...]) -> list[int | None]:
    """Class 0..len(edges) of each percentage (a value equal to an edge falls in the class above it), None for
    NaN.

    >>> band_classes(np.array([1.0, 2.5, 29.9, 30.0, np.nan]), PREVALENCE_EDGES)
    [0, 1, 3, 4, None]
    """
    array = np.asarray(values, dtype=float)
    found = np.digitize(array, edges, right=False)
    return [None if np.isnan(v) else int(c) for v, c in zip(array, found, strict=True)]


def band_labels(indicator: str, lang: str) -> list[str]:
    edges = bands(indicator)
    shown = [fmt_number(edge, lang, 1 if edge % 1 else 0) for edge in edges]
    labels = [f"< {shown[0]}%"]
    labels += [f"{low}–< {high}%" for low, high in itertools.pairwise(shown)]
    labels.append(f"≥ {shown[-1]}%")
    if get_indicator(indicator).kind is Kind.OUTCOME:
        names = [t(f"region.band.{i}", lang) for i in range(len(labels))]
        labels = [f"{label} ({name})" for label, name in zip(labels, names, strict=True)]
    return labels


def band_colours(indicator: str) -> list[str]:
    item = get_indicator(indicator)
    colours = [hex_colour(c) for c in class_colours(item.kind, len(bands(indicator)) + 1)]
    return colours


@dataclass(frozen=True)
class RegionFigures:
    """One map's worth: units coloured (codes and base64 classes), their hover texts and the page's table."""

    codes: list[str]
    classes: str
    hover: dict[str, str]
    rows: list[dict[str, Any]]


def map_figures(figures: pd.DataFrame, origin: str, indicator: str, lang: str) -> RegionFigures:
    """The regions of one ``origin`` as map classes, hover texts and table rows (highest value first)."""
    chosen = figures[figures["origin"] == origin].sort_values("value", ascending=False, kind="stable")
    classes = band_classes(chosen["value"], bands(indicator))
    hover = {}
    rows = []
    numbers = chosen[["value", "lower", "upper", "numerator", "denominator"]].to_numpy(dtype=float)
    for code, name, (value, lower, upper, numerator, denominator) in zip(
        chosen["code"].astype(str), chosen["name"].astype(str), numbers, strict=True
    ):
        shown = fmt_percent(value, lang) if np.isfinite(value) else t("region.no_value", lang)
        interval = cell = ""
        if np.isfinite(lower) and np.isfinite(upper):
            cell = f"{fmt_percent(lower, lang)}–{fmt_percent(upper, lang)}"
            interval = t("region.interval", lang, low=fmt_percent(lower, lang), high=fmt_percent(upper, lang))
        counts = ""
        if np.isfinite(denominator):
            counts = t("region.counts", lang, numerator=fmt_number(numerator, lang, 0),
                       denominator=fmt_number(denominator, lang, 0))  # fmt: skip
        hover[code] = "\n".join(part for part in (name, f"{shown} {interval}".strip(), counts) if part)
        rows.append({"code": code, "name": name, "value": shown, "interval": interval, "interval_cell": cell,
                     "counts": counts})  # fmt: skip
    return RegionFigures([str(c) for c in chosen["code"]], encode_classes(classes), hover, rows)


def change_table(
    now: pd.DataFrame, before: pd.DataFrame, origin: str, indicator: str, lang: str
) -> list[dict[str, str]]:
    """Per region of one ``origin``: the value in both periods and the change in percentage points, with its 95%
    interval and whether it is more than sampling explains (Newcombe's hybrid score interval for counts; for
    survey estimates the difference only, as their intervals come from different designs)."""
    a = now[now["origin"] == origin].set_index("code")
    b = before[before["origin"] == origin].set_index("code")
    codes = [code for code in a.index if code in b.index]
    better = get_indicator(indicator).direction
    rows = []
    changes: dict[str, float] = {}
    for code in codes:
        x, y = a.loc[code], b.loc[code]
        change = float(x["value"]) - float(y["value"])
        changes[str(code)] = change
        verdict = ""
        interval = ""
        if pd.notna(x["denominator"]) and pd.notna(y["denominator"]):
            difference, low, high = newcombe_interval(
                y["numerator"], y["denominator"], x["numerator"], x["denominator"]
            )
            if np.isfinite(low) and np.isfinite(high):
                interval = t("region.interval.pp", lang, low=fmt_number(100 * float(low), lang),
                             high=fmt_number(100 * float(high), lang)).replace("-", MINUS)  # fmt: skip
                if low > 0 or high < 0:
                    improved = (float(difference) < 0) == (better is Direction.LOWER_IS_BETTER)
                    verdict = t("region.change.better" if improved else "region.change.worse", lang)
                else:
                    verdict = t("region.change.unclear", lang)
        rows.append({"code": str(code), "name": str(x["name"]), "before": fmt_percent(float(y["value"]), lang),
                     "now": fmt_percent(float(x["value"]), lang),
                     "change": f"{'+' if change > 0 else ''}{fmt_number(change, lang)} {t('region.pp', lang)}".replace(
                         "-", MINUS),

                     "interval": interval, "verdict": verdict})  # fmt: skip
    rows.sort(key=lambda row: changes[row["code"]])  # largest fall first (the change itself, not its text)
    return rows


def origins_present(figures: pd.DataFrame) -> list[str]:
    """The origins that have a figure, in the order a page offers them: imported, sum, estimate."""
    found = set(figures["origin"])
    return [str(origin) for origin in (Origin.IMPORTED, Origin.SUM, Origin.ESTIMATE) if str(origin) in found]
