"""The village choropleth: a ``go.Choroplethmap`` whose geometry is a URL and whose colours are classes.

The figure is drawn once per district with the GeoJSON referenced by URL (fetched and cached by the
browser). Everything after that — indicator, period, kecamatan, classification — changes only the
trace's values, sent as a ``Patch``. ``uirevision`` keeps the user's pan and zoom until the
kecamatan changes, which is the one change that should move the view.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from dash import Patch
from plotly.colors import sample_colorscale

from dashboard.core.aggregate import Measure, Statistic, village_table
from dashboard.core.classify import NO_DATA, Classification, Scheme, classify
from dashboard.core.indicators import Kind, get_indicator
from dashboard.core.plausibility import Flag
from dashboard.figures.labels import label_text
from dashboard.geo import Bounds, view_for_bounds
from dashboard.i18n import fmt_int, fmt_number, fmt_percent, t

__all__ = [
    "FLAGGED_COLOUR",
    "NO_DATA_COLOUR",
    "MapValues",
    "base_figure",
    "legend_entries",
    "map_values",
    "values_patch",
]

NO_DATA_COLOUR = "#d4d4d4"
BORDER_COLOUR = "#ffffff"
UNRELIABLE_COLOUR = "#1f1f1f"  # a thick dark outline: too few children measured to trust the rate
FLAGGED_COLOUR = "#d6008f"  # a magenta outline: a plausibility flag (see dashboard.core.plausibility)
_TRANSPARENT = [[0.0, "rgba(0,0,0,0)"], [1.0, "rgba(0,0,0,0)"]]
# Outcomes: darker red is worse. Coverage: darker blue is higher coverage.
_PALETTES = {Kind.OUTCOME: "YlOrRd", Kind.COVERAGE: "YlGnBu"}
HOVER_TEMPLATE = "<b>%{customdata[0]}</b><br>%{customdata[1]}<br>%{customdata[2]}<extra></extra>"


@dataclass(frozen=True)
class MapValues:
    """Everything the trace needs besides geometry, for one choice of measure/period/kecamatan."""

    locations: list[str]
    z: list[int]  # 0 = no data, 1..k = class
    customdata: list[list[str]]
    colours: list[str]  # per class, lowest first
    classification: Classification
    values: dict[str, float]  # code -> shown value, for the profile and tests
    view_centre: dict[str, float]
    view_zoom: float
    unreliable: list[str] = field(default_factory=list)  # codes whose rate rests on too few children
    flagged: list[str] = field(default_factory=list)  # codes whose value carries a plausibility flag

    @property
    def colorscale(self) -> list[list[float | str]]:
        """A stepped scale: z = 0 is the no-data grey, z = i is class i's colour."""
        steps = [NO_DATA_COLOUR, *self.colours]
        n = len(steps)
        scale: list[list[float | str]] = []
        for index, colour in enumerate(steps):
            scale.append([index / n, colour])
            scale.append([(index + 1) / n, colour])
        return scale


def class_colours(kind: Kind, k: int) -> list[str]:
    if k <= 0:
        return []
    positions = [0.5] if k == 1 else list(np.linspace(0.12, 1.0, k))
    return list(sample_colorscale(_PALETTES[kind], positions))


def _value_line(measure: Measure, numerator: float, denominator: float, rate: float, lang: str) -> str:
    if measure.statistic == Statistic.COUNT:
        return fmt_int(numerator, lang)
    if np.isnan(rate):
        return t("hover.no_data", lang)
    return f"{fmt_percent(rate, lang)} ({fmt_int(numerator, lang)}/{fmt_int(denominator, lang)})"


def map_values(
    villages: pd.DataFrame,
    observations: pd.DataFrame,
    measure: Measure,
    period: str,
    scheme: Scheme | str,
    k: int,
    lang: str,
    bounds: Bounds,
    min_measured: int = 0,
    flags: Mapping[str, tuple[Flag, ...]] | None = None,
) -> MapValues:
    """Class, hover text and colour of every village in ``villages`` (already filtered to the view).

    For a prevalence (an outcome rate over children measured), villages with data but fewer than
    ``min_measured`` children measured are listed in ``unreliable``: outlined on the map and marked
    in the hover text, because a rate from a handful of children swings widely by chance. Villages in
    ``flags`` (code -> plausibility flags on the shown value) are listed in ``flagged``, outlined in
    magenta and their hover names the reasons.
    """
    flags = flags or {}
    table = village_table(observations, measure.indicator, period).reindex(villages["code"])
    column = "numerator" if measure.statistic == Statistic.COUNT else "rate"
    shown = table[column].astype(float)
    if measure.statistic == Statistic.COUNT:
        shown = shown.where(table["denominator"].notna() | table["numerator"].notna())
    classification = classify([None if np.isnan(v) else v for v in shown], scheme, k)
    is_rate_of_measured = measure.statistic != Statistic.COUNT and get_indicator(measure.indicator).kind is Kind.OUTCOME
    few = pd.Series(False, index=shown.index)
    if is_rate_of_measured:
        few = (table["denominator"].astype(float) < min_measured) & shown.notna()
    customdata = []
    for code, (name, kecamatan), numerator, denominator, rate, value, unreliable in zip(
        villages["code"].astype(str),
        zip(villages["name"], villages["kecamatan_name"], strict=True),
        table["numerator"],
        table["denominator"],
        table["rate"],
        shown,
        few,
        strict=True,
    ):
        line = t("hover.no_data", lang) if np.isnan(value) else _value_line(measure, numerator, denominator, rate, lang)
        if unreliable:
            line += "<br>" + t("hover.unreliable", lang, n=min_measured)
        if code in flags:
            reasons = ", ".join(t(f"flag.{flag}.label", lang) for flag in flags[code])
            line += "<br>" + t("hover.flagged", lang, reasons=reasons)
        customdata.append([label_text(name), t("hover.kecamatan", lang, name=label_text(kecamatan)), line])
    centre, zoom = view_for_bounds(bounds)
    shown_codes = {str(code) for code, v in zip(villages["code"], shown, strict=True) if not np.isnan(v)}
    return MapValues(
        locations=[str(code) for code in villages["code"]],
        z=[0 if c == NO_DATA else c + 1 for c in classification.classes],
        customdata=customdata,
        colours=class_colours(get_indicator(measure.indicator).kind, classification.k),
        classification=classification,
        values={str(code): float(v) for code, v in zip(villages["code"], shown, strict=True) if not np.isnan(v)},
        view_centre=centre,
        view_zoom=zoom,
        unreliable=[str(code) for code, flag in zip(villages["code"], few, strict=True) if flag],
        flagged=[str(code) for code in villages["code"] if str(code) in flags and str(code) in shown_codes],
    )


def legend_entries(values: MapValues, measure: Measure, lang: str) -> list[tuple[str, str, str]]:
    """(colour, range text, village count text) per class, then the no-data class."""
    entries = []
    is_count = measure.statistic == Statistic.COUNT

    def show(v: float) -> str:
        return fmt_int(v, lang) if is_count else fmt_percent(v, lang)

    for colour, class_range in zip(values.colours, values.classification.ranges, strict=True):
        text = (
            show(class_range.lower)
            if class_range.lower == class_range.upper
            else (f"{show(class_range.lower)} – {show(class_range.upper)}")
        )
        entries.append((colour, text, t("legend.villages", lang, n=fmt_number(class_range.count, lang, 0))))
    entries.append(
        (
            NO_DATA_COLOUR,
            t("legend.no_data", lang),
            t("legend.villages", lang, n=values.classification.no_data),
        )
    )
    return entries


def _outline_trace(geojson_url: str, codes: list[str], colour: str, width: float) -> go.Choroplethmap:
    """Villages drawn as an outline only (transparent fill, no hover): unreliable or flagged values."""
    return go.Choroplethmap(
        geojson=geojson_url,
        locations=codes,
        z=[1] * len(codes),
        colorscale=_TRANSPARENT,
        showscale=False,
        marker={"line": {"color": colour, "width": width}},
        hoverinfo="skip",
    )


def base_figure(
    geojson_url: str,
    values: MapValues,
    uirevision: str,
    style: str = "white-bg",
    tile_url: str | None = None,
    tile_attribution: str = "",
) -> go.Figure:
    """The first draw of a district: geometry by URL, values inline, no colour bar (the legend is HTML)."""
    trace = go.Choroplethmap(
        geojson=geojson_url,
        locations=values.locations,
        z=values.z,
        customdata=values.customdata,
        colorscale=values.colorscale,
        zmin=0,
        zmax=len(values.colours) + 1,
        showscale=False,
        marker={"line": {"color": BORDER_COLOUR, "width": 0.6}, "opacity": 0.92},
        hovertemplate=HOVER_TEMPLATE,
    )
    map_layout: dict[str, object] = {"style": style, "center": values.view_centre, "zoom": values.view_zoom}
    if tile_url:
        # An operator-configured raster basemap; never a default (briefing rooms may be offline).
        map_layout["style"] = "white-bg"
        map_layout["layers"] = [
            {
                "below": "traces",
                "sourcetype": "raster",
                "source": [tile_url],
                "sourceattribution": tile_attribution,
            }
        ]
    # The same GeoJSON URL again: plotly fetches it once and reuses it for these outline-only traces.
    outline = _outline_trace(geojson_url, values.unreliable, UNRELIABLE_COLOUR, 2.2)
    flagged = _outline_trace(geojson_url, values.flagged, FLAGGED_COLOUR, 2.6)
    figure = go.Figure([trace, outline, flagged])
    figure.update_layout(
        map=map_layout,
        margin={"l": 0, "r": 0, "t": 0, "b": 0},
        uirevision=uirevision,
        paper_bgcolor="#ffffff",
        clickmode="event",
        hoverlabel={"bgcolor": "#ffffff", "font": {"size": 14}},
    )
    return figure


def values_patch(values: MapValues, uirevision: str | None = None) -> Patch:
    """Recolour without geometry; with a new ``uirevision`` the view also moves to the new bounds."""
    patch = Patch()
    patch["data"][0]["locations"] = values.locations
    patch["data"][0]["z"] = values.z
    patch["data"][0]["customdata"] = values.customdata
    patch["data"][0]["colorscale"] = values.colorscale
    patch["data"][0]["zmax"] = len(values.colours) + 1
    patch["data"][1]["locations"] = values.unreliable
    patch["data"][1]["z"] = [1] * len(values.unreliable)
    patch["data"][2]["locations"] = values.flagged
    patch["data"][2]["z"] = [1] * len(values.flagged)
    if uirevision is not None:
        patch["layout"]["uirevision"] = uirevision
        patch["layout"]["map"]["center"] = values.view_centre
        patch["layout"]["map"]["zoom"] = values.view_zoom
    return patch
