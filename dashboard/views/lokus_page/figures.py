"""The planning page's maps: the selection on the villages, and two lists compared (map and names)."""

from __future__ import annotations

from typing import Any

import plotly.graph_objects as go
from dash import dcc, html

from dashboard.data.scenarios import compare
from dashboard.figures.labels import label_text
from dashboard.geo import bounds_of, view_for_bounds
from dashboard.i18n import t
from dashboard.ids import ID
from dashboard.services import Services
from dashboard.views.lokus_page.model import LokusResult

__all__ = [
    "ADDED_COLOUR",
    "COMPARE_COLOURS",
    "SELECTED_COLOUR",
    "comparison_figure",
    "comparison_view",
    "selection_figure",
]

SELECTED_COLOUR, ADDED_COLOUR = "#8b0000", "#6a1b9a"
COMPARE_COLOURS = {"added": "#1b7837", "removed": "#b2182b", "kept": "#2166ac"}


def _geojson_url(services: Services, district: str) -> str:
    """The villages' GeoJSON URL, by ``lokus_page.services_url``.

    Looked up on the package when called (the package imports this module, so not at import time): the package's
    name stays the one to replace where no app is serving to resolve the URL against, as in the page's tests.
    """
    from dashboard.views import lokus_page

    return lokus_page.services_url(services, district)


def selection_figure(services: Services, district: str, result: LokusResult, lang: str) -> go.Figure:
    """Scores in light reds, the chosen villages dark (added by hand in purple); geometry by URL."""
    villages = services.source.villages(district)
    url = _geojson_url(services, district)
    table = result.table.set_index("code")
    hover = [
        f"<b>{label_text(desa)}</b><br>{label_text(kecamatan)}<br>#{rank} · {label_text(reason or '')}"
        for desa, kecamatan, rank, reason in result.table[["desa", "kecamatan", "rank", "alasan"]].to_numpy().tolist()
    ]
    centre, zoom = view_for_bounds(bounds_of(villages))
    base = go.Choroplethmap(
        geojson=url,
        locations=result.table["code"],
        z=result.table["skor"].fillna(0.0),
        zmin=0,
        zmax=100,
        colorscale=[[0.0, "#fff5f0"], [1.0, "#fb6a4a"]],
        showscale=False,
        text=hover,
        hovertemplate="%{text}<extra></extra>",
        marker={"line": {"color": "#ffffff", "width": 0.6}},
    )
    added = set(table.index[table["status"] == "added"])
    chosen = go.Choroplethmap(
        geojson=url,
        locations=result.selected,
        z=[1 if c in added else 0 for c in result.selected],
        zmin=0,
        zmax=1,
        colorscale=[[0.0, SELECTED_COLOUR], [0.5, SELECTED_COLOUR], [0.5, ADDED_COLOUR], [1.0, ADDED_COLOUR]],
        showscale=False,
        marker={"line": {"color": "#000000", "width": 1.6}},
        hoverinfo="skip",
    )
    figure = go.Figure([base, chosen])
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
