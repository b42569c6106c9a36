"""The planning page's maps: the selection on the villages, and two lists compared (map and names)."""

from __future__ import annotations

import math
from typing import Any

import pandas as pd
import plotly.graph_objects as go
from dash import dcc, html

from dashboard.core.scoring import Light
from dashboard.data.scenarios import compare
from dashboard.figures.labels import label_text
from dashboard.figures.map import FLAGGED_COLOUR
from dashboard.geo import bounds_of, view_for_bounds
from dashboard.i18n import fmt_number, fmt_percent, t
from dashboard.ids import ID
from dashboard.services import Services
from dashboard.views.lokus_page.model import LokusResult

__all__ = [
    "ADDED_COLOUR",
    "COMPARE_COLOURS",
    "LIGHT_COLOURS",
    "SELECTED_COLOUR",
    "comparison_figure",
    "comparison_view",
    "light_legend",
    "selection_figure",
]

SELECTED_COLOUR, ADDED_COLOUR = "#8b0000", "#6a1b9a"
COMPARE_COLOURS = {"added": "#1b7837", "removed": "#b2182b", "kept": "#2166ac"}
# The traffic-light matrix's classes in priority order, then the villages it cannot place: flagged (a light grey,
# outlined in the main map's magenta, FLAGGED_COLOUR) and no data (grey).
LIGHT_COLOURS = {
    Light.RED: "#d7191c",
    Light.ORANGE: "#fd8d3c",
    Light.YELLOW: "#fed976",
    Light.GREEN: "#1a9641",
    Light.FLAGGED: "#e0e0e0",
    Light.GREY: "#bdbdbd",
}


def _geojson_url(services: Services, district: str) -> str:
    """The villages' GeoJSON URL, by ``lokus_page.services_url``.

    Looked up on the package when called (the package imports this module, so not at import time): the package's
    name stays the one to replace where no app is serving to resolve the URL against, as in the page's tests.
    """
    from dashboard.views import lokus_page

    return lokus_page.services_url(services, district)


def _light_scale() -> list[list[float | str]]:
    """A discrete colour scale: class i of the five (``z`` = i) in its own colour."""
    scale: list[list[float | str]] = []
    for i, colour in enumerate(LIGHT_COLOURS.values()):
        scale += [[i / len(LIGHT_COLOURS), colour], [(i + 1) / len(LIGHT_COLOURS), colour]]
    return scale


def _light_meanings(result: LokusResult, lang: str) -> dict[str, str]:
    """What each class means, with the thresholds in use ("prevalensi ≥ 14,0% dan ≥ 5 balita stunting")."""
    prevalence, stunted = result.thresholds or (float("nan"), float("nan"))
    cut = fmt_number(stunted if math.isfinite(stunted) else None, lang, 0 if float(stunted).is_integer() else 1)
    values = {"prevalence": fmt_percent(prevalence, lang, 1), "stunted": cut}
    return {str(light): t(f"lokus.light.meaning.{light}", lang, **values) for light in LIGHT_COLOURS}


def light_legend(result: LokusResult, lang: str) -> Any:
    """The map's classes with the traffic-light method: each colour, its name, how many villages it holds and
    what it means. *ditandai* (flagged values left out) is listed only when some village is in it, *tanpa data*
    always: it counts only the villages without a value."""
    counts = result.table["light"].value_counts()
    meanings = _light_meanings(result, lang)
    entries = [
        html.Span(
            [
                html.Span(
                    className="legend-swatch" + (" legend-flagged" if light is Light.FLAGGED else ""),
                    style={"background": colour},
                ),
                t(f"lokus.light.{light}", lang),
                html.Span(f"({int(counts.get(str(light), 0))})", className="legend-count"),
                html.Span(meanings[str(light)], className="legend-meaning"),
            ],
            className="legend-entry",
        )
        for light, colour in LIGHT_COLOURS.items()
        if light is not Light.FLAGGED or counts.get(str(light), 0)
    ]
    return html.Div(
        [html.Span(t("lokus.map.legend.light", lang), className="legend-title"), *entries],
        id=ID.LOKUS_LEGEND,
        className="legend lokus-legend",
    )


def selection_figure(services: Services, district: str, result: LokusResult, lang: str) -> go.Figure:
    """Scores in light reds, the chosen villages dark (added by hand in purple); geometry by URL.

    With the traffic-light method the villages are coloured by class (:data:`LIGHT_COLOURS`) and the chosen
    ones are outlined, not filled, so their class stays visible. The chosen villages are always trace 1.
    """
    villages = services.source.villages(district)
    url = _geojson_url(services, district)
    table = result.table.set_index("code")
    unranked = t("lokus.map.unranked", lang)
    hover = [
        f"<b>{label_text(desa)}</b><br>{label_text(kecamatan)}<br>"
        f"{unranked if pd.isna(rank) else f'#{int(rank)}'} · {label_text(reason or '')}"
        for desa, kecamatan, rank, reason in result.table[["desa", "kecamatan", "rank", "alasan"]].to_numpy().tolist()
    ]
    centre, zoom = view_for_bounds(bounds_of(villages))
    lights = result.table["light"] if "light" in result.table.columns else pd.Series(dtype=object)
    by_light = bool(len(lights)) and bool(lights.notna().all())
    if by_light:
        order = {str(light): i for i, light in enumerate(LIGHT_COLOURS)}
        z, zmax, scale = lights.map(order), len(LIGHT_COLOURS) - 1, _light_scale()
    else:
        z, zmax, scale = result.table["skor"].fillna(0.0), 100, [[0.0, "#fff5f0"], [1.0, "#fb6a4a"]]
    base = go.Choroplethmap(
        geojson=url,
        locations=result.table["code"],
        z=z,
        zmin=0,
        zmax=zmax,
        colorscale=scale,
        showscale=False,
        text=hover,
        hovertemplate="%{text}<extra></extra>",
        marker={"line": {"color": "#ffffff", "width": 0.6}},
    )
    added = set(table.index[table["status"] == "added"])
    fill = [SELECTED_COLOUR, ADDED_COLOUR] if not by_light else ["rgba(0,0,0,0)", "rgba(0,0,0,0)"]
    chosen = go.Choroplethmap(
        geojson=url,
        locations=result.selected,
        z=[1 if c in added else 0 for c in result.selected],
        zmin=0,
        zmax=1,
        colorscale=[[0.0, fill[0]], [0.5, fill[0]], [0.5, fill[1]], [1.0, fill[1]]],
        showscale=False,
        marker={"line": {"color": "#000000", "width": 3 if by_light else 1.6}},
        hoverinfo="skip",
    )
    traces = [base, chosen]
    if by_light:  # trace 2: the flagged villages outlined in magenta, as the main map marks a flagged value
        flagged = result.table.loc[lights == Light.FLAGGED, "code"].tolist()
        traces.append(
            go.Choroplethmap(
                geojson=url,
                locations=flagged,
                z=[0] * len(flagged),
                colorscale=[[0.0, "rgba(0,0,0,0)"], [1.0, "rgba(0,0,0,0)"]],
                showscale=False,
                marker={"line": {"color": FLAGGED_COLOUR, "width": 2.6}},
                hoverinfo="skip",
            )
        )
    figure = go.Figure(traces)
    figure.update_layout(
        map={"style": services.settings.map_style, "center": centre, "zoom": zoom},
        margin={"l": 0, "r": 0, "t": 0, "b": 0},
        uirevision=district,
        paper_bgcolor="#ffffff",
    )
    return figure


def comparison_figure(services: Services, district: str, before: list[str], after: list[str]) -> go.Figure:
    villages = services.source.villages(district)
    url = _geojson_url(services, district)
    diff = compare(before, after)
    codes = [*diff.added, *diff.removed, *diff.kept]
    kinds = ["added"] * len(diff.added) + ["removed"] * len(diff.removed) + ["kept"] * len(diff.kept)
    z = [{"added": 0, "removed": 1, "kept": 2}[k] for k in kinds]
    scale = []
    for i, kind in enumerate(("added", "removed", "kept")):
        scale += [[i / 3, COMPARE_COLOURS[kind]], [(i + 1) / 3, COMPARE_COLOURS[kind]]]
    centre, zoom = view_for_bounds(bounds_of(villages))
    outline = go.Choroplethmap(
        geojson=url,
        locations=villages["code"].astype(str),
        z=[0] * len(villages),
        showscale=False,
        colorscale=[[0, "#f0f0f0"], [1, "#f0f0f0"]],
        marker={"line": {"color": "#ffffff", "width": 0.5}},
        hoverinfo="skip",
    )
    trace = go.Choroplethmap(
        geojson=url,
        locations=codes,
        z=z,
        zmin=0,
        zmax=3,
        colorscale=scale,
        showscale=False,
        text=kinds,
        hovertemplate="%{location}: %{text}<extra></extra>",
    )
    figure = go.Figure([outline, trace])
    figure.update_layout(
        map={"style": services.settings.map_style, "center": centre, "zoom": zoom},
        margin={"l": 0, "r": 0, "t": 0, "b": 0},
    )
    return figure


def comparison_view(services: Services, district: str, before: list[str], after: list[str], lang: str) -> Any:
    """Two lists compared: a map (added green, removed red, kept blue) and the three lists by village name."""
    diff = compare(before, after)
    villages = services.source.villages(district)
    names = dict(zip(villages["code"].astype(str), villages["name"].astype(str), strict=True))
    parts = []
    for kind, listed in (("added", diff.added), ("removed", diff.removed), ("kept", diff.kept)):
        parts.append(
            html.Div(
                [
                    html.Strong(
                        t(f"lokus.compare.{kind}", lang, n=len(listed)), style={"color": COMPARE_COLOURS[kind]}
                    ),
                    html.Span(": " + (", ".join(names.get(c, c) for c in listed) or "-")),
                ],
                className=f"small compare-{kind}",
            )
        )
    return html.Div(
        [
            dcc.Graph(
                figure=comparison_figure(services, district, before, after),
                id=ID.LOKUS_COMPARE_MAP,
                config={"displayModeBar": False},
                style={"height": "260px"},
            ),
            html.P(t("lokus.compare.legend", lang), className="small text-muted mb-1"),
            *parts,
        ]
    )
