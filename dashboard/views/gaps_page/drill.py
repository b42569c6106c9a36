"""The gaps page's drill-down: district → kecamatan → desa, its breadcrumb and scope, and the page for a scope."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import dash_bootstrap_components as dbc
import pandas as pd
from dash import dcc, html, no_update
from dash.exceptions import PreventUpdate

from dashboard.core.aggregate import number_or_none
from dashboard.core.completeness import completeness_of
from dashboard.core.indicators import CATALOGUE, STUNTING, Counted
from dashboard.core.periods import period_label
from dashboard.core.plausibility import flags_for
from dashboard.figures.map_tiers import MAP_PROPS, MapDraw, outputs
from dashboard.i18n import fmt_int, fmt_percent, t
from dashboard.ids import ID
from dashboard.services import Services
from dashboard.views.gaps_page.convergence import convergence_lines
from dashboard.views.gaps_page.export import matrix_download
from dashboard.views.gaps_page.figures import gaps_map
from dashboard.views.gaps_page.matrix import matrix_view
from dashboard.views.gaps_page.model import scope_codes, scope_figures
from dashboard.views.gaps_page.profile import village_profile
from dashboard.views.gaps_page.titles import map_heading

__all__ = [
    "GapsControls",
    "breadcrumb",
    "completeness_line",
    "drilled",
    "map_draw",
    "recoloured",
    "redrawn",
    "scope_view",
]


def breadcrumb(services: Services, district: str, drill: dict[str, Any], lang: str) -> Any:
    names = {d.code: d.name for d in services.source.districts()}
    villages = services.source.villages(district)
    items: list[Any] = [
        dbc.Button(names.get(district, district), id=ID.GAPS_CRUMB_DISTRICT, color="link", size="sm", className="p-0")
    ]
    kecamatan, village = drill.get("kecamatan"), drill.get("village")
    if kecamatan:
        name = villages.loc[villages["kecamatan_code"] == kecamatan, "kecamatan_name"].iloc[0]
        items += [
            html.Span(" › "),
            dbc.Button(
                t("gaps.crumb.kecamatan", lang, name=name),
                id=ID.GAPS_CRUMB_KECAMATAN,
                color="link",
                size="sm",
                className="p-0",
            ),
        ]
    else:
        items.append(html.Span(dbc.Button(id=ID.GAPS_CRUMB_KECAMATAN, style={"display": "none"})))
    if village:
        name = villages.loc[villages["code"].astype(str) == village, "name"].iloc[0]
        items += [html.Span(" › "), html.Span(name, className="fw-semibold")]
    kecamatan_options = villages[["kecamatan_code", "kecamatan_name"]].drop_duplicates().sort_values("kecamatan_code")
    chooser = dcc.Dropdown(
        id=ID.GAPS_KECAMATAN,
        value=kecamatan,
        placeholder=t("gaps.crumb.choose", lang),
        style={"minWidth": "16rem"},
        options=[{"label": n, "value": c} for c, n in kecamatan_options.itertuples(index=False)],
    )
    label = dbc.Label(t("gaps.crumb.label", lang), html_for=ID.GAPS_KECAMATAN, className="small mb-0")
    return html.Div(
        [
            html.Div(items, className="d-flex align-items-center gap-1", id=ID.GAPS_CRUMBS),
            html.Div([label, chooser], className="d-flex align-items-center gap-2"),
        ],
        className="d-flex align-items-center gap-3 flex-wrap",
    )


def _counts(sums: pd.DataFrame, key: str, lang: str) -> str:
    numerator, denominator = (float(x) for x in sums.loc[key, ["numerator", "denominator"]].to_numpy())
    return f"{fmt_int(numerator, lang)}/{fmt_int(denominator, lang)}"


def completeness_line(observations: pd.DataFrame, codes: list[str], period: str, minimum: float, lang: str) -> html.Div:
    """``267 dari 272 desa melapor`` (stunting) beside the scope's figures; a warning when below ``minimum``."""
    found = completeness_of(observations, period, codes, STUNTING)
    text = t(
        "gaps.completeness", lang, reporting=fmt_int(found.reporting, lang), villages=fmt_int(found.villages, lang),
        indicator=CATALOGUE[STUNTING].label(lang), period=period_label(period, lang),
    )  # fmt: skip
    parts: list[Any] = [html.Span(text)]
    if not found.complete(minimum):
        parts.append(
            html.Div(t("gaps.completeness.incomplete", lang, minimum=fmt_int(minimum, lang)), className="incomplete")
        )
    return html.Div(parts, className="small completeness", id=ID.GAPS_COMPLETENESS)


def scope_view(services: Services, district: str, drill: dict[str, Any], period: str, lang: str) -> Any:
    """The scope's figures (district, or the kecamatan chosen) from summed counts, with villages reporting each.

    Each sum is over the villages that reported the indicator, so the table says how many did, and how
    many of those values carry a plausibility flag (left in the sum, marked).
    """
    villages = services.source.villages(district)
    codes = scope_codes(villages, drill.get("kecamatan"))
    observations = services.source.observations(district)
    sums = scope_figures(observations, period, codes)
    flags = services.flags(district)
    inside = set(codes)
    rows = []
    for key in CATALOGUE:
        if key not in sums.index or CATALOGUE[key].counted is Counted.VILLAGE:  # a yes/no fact: counted below
            continue
        reporting = completeness_of(observations, period, codes, key).reporting
        marked = [c for c in flags_for(flags, key, period) if c in inside]
        rows.append(
            html.Tr(
                [
                    html.Td(CATALOGUE[key].label(lang)),
                    html.Td(fmt_percent(number_or_none(sums.at[key, "rate"]), lang)),
                    html.Td(_counts(sums, key, lang), className="small text-muted"),
                    html.Td(f"{fmt_int(reporting, lang)}/{fmt_int(len(codes), lang)}", className="small text-muted"),
                    html.Td(t("gaps.flag.in_scope", lang, n=len(marked)) if marked else "", className="small flagged"),
                ]
            )
        )
    title = t("gaps.scope.kecamatan" if drill.get("kecamatan") else "gaps.scope.district", lang, n=len(codes))
    table = dbc.Table(html.Tbody(rows), size="sm", className="scope-table", id=ID.GAPS_SCOPE_TABLE)
    minimum = services.settings.min_completeness
    return html.Div(
        [
            html.H3(title, className="h6 mt-2"),
            completeness_line(observations, codes, period, minimum, lang),
            table,
            convergence_lines(services, district, codes, lang),
        ]
    )


def drilled(
    trigger: object,
    clicked: str | None,
    kecamatan: str | None,
    _d: int | None,
    _k: int | None,
    current: dict[str, Any] | None,
) -> dict[str, Any]:
    """The drill state after a click on the map (``clicked``: the village's code), the kecamatan chooser, a
    breadcrumb or the district (``trigger``).

    ``_d`` and ``_k`` are the breadcrumb buttons' clicks: none when a breadcrumb was only drawn again.
    """
    current = dict(current or {})
    if trigger == ID.GAPS_DISTRICT or (trigger == ID.GAPS_CRUMB_DISTRICT and _d):
        return {"kecamatan": None, "village": None}
    if trigger == ID.GAPS_CRUMB_KECAMATAN:
        if not _k:  # the breadcrumb was drawn again, not clicked
            raise PreventUpdate
        return {**current, "village": None}
    if trigger == ID.GAPS_CRUMB_DISTRICT:
        raise PreventUpdate
    if trigger == ID.GAPS_KECAMATAN:
        if kecamatan == current.get("kecamatan"):
            raise PreventUpdate
        return {"kecamatan": kecamatan, "village": None}
    if not clicked:
        raise PreventUpdate
    code = str(clicked)
    return {"kecamatan": code[:8], "village": code}


@dataclass(frozen=True)
class GapsControls:
    """The controls as the maps and the matrix read them, before they become their ``state``."""

    period: str | None
    view: str
    indicator: str | None
    target: float | None
    axis: str
    change_indicator: str
    before: str | None


def _state(services: Services, district: str, controls: GapsControls, drill_state: dict[str, Any]) -> dict[str, Any]:
    """What the map and the matrix read: the controls, the kecamatan drilled into and the district's name."""
    target = controls.target
    return {
        "period": controls.period,
        "view": controls.view,
        "indicator": controls.indicator,
        "axis": controls.axis,
        "before": controls.before,
        "change_indicator": controls.change_indicator,
        "target": None if target is None else float(target),
        "kecamatan": drill_state.get("kecamatan"),
        "district_name": {d.code: d.name for d in services.source.districts()}.get(district, district),
    }


def _shown(services: Services, district: str, drill_state: dict[str, Any]) -> pd.DataFrame:
    villages = services.source.villages(district)
    if drill_state.get("kecamatan"):
        return villages[villages["kecamatan_code"] == drill_state["kecamatan"]]
    return villages


def map_draw(
    services: Services, district: str, controls: GapsControls, drill_state: dict[str, Any] | None, lang: str
) -> MapDraw:
    """The map of the view chosen, for the district or the kecamatan drilled into
    (:func:`~dashboard.views.gaps_page.figures.gaps_map`)."""
    drill_state = drill_state or {}
    state = _state(services, district, controls, drill_state)
    return gaps_map(services, district, _shown(services, district, drill_state), state, lang)


def map_title(
    services: Services, district: str, controls: GapsControls, drill_state: dict[str, Any] | None, lang: str
) -> str:
    """The map's title for the controls and the kecamatan drilled into (:func:`~.titles.map_heading`)."""
    if not district or not controls.period:
        raise PreventUpdate
    return map_heading(services, district, _state(services, district, controls, drill_state or {}), lang)


def matrix_file(
    services: Services, district: str, controls: GapsControls, drill_state: dict[str, Any] | None, lang: str
) -> dict[str, Any]:
    """The matrix of the villages shown as a CSV download (:func:`~.export.matrix_download`)."""
    if not district or not controls.period:
        raise PreventUpdate
    drill_state = drill_state or {}
    codes = _shown(services, district, drill_state)["code"].astype(str).tolist()
    return matrix_download(services, district, codes, _state(services, district, controls, drill_state), lang)


def recoloured(
    services: Services, district: str, controls: GapsControls, drill_state: dict[str, Any] | None,
    drawn: dict[str, Any] | None, lang: str,
) -> tuple[Any, ...]:  # fmt: skip
    """The map's props (:data:`~dashboard.figures.map_tiers.MAP_PROPS`) that changed since ``drawn`` (the keys of
    what the page shows), the legend when the colours changed, and the new keys: a new view,
    service, target or axis sends class bytes and the legend; a new period the hover texts too; a kecamatan
    the view; a new district the geometry's URL and codes. Nothing changed: nothing is sent."""
    if not district or not controls.period:
        raise PreventUpdate
    draw = map_draw(services, district, controls, drill_state, lang)
    changes = draw.changes(drawn)
    if not changes:
        raise PreventUpdate
    return (*outputs(changes, MAP_PROPS, no_update), changes.get("legend", no_update), draw.keys())


def redrawn(
    services: Services, district: str, controls: GapsControls, drill_state: dict[str, Any] | None, lang: str
) -> tuple[Any, ...]:
    """Matrix (figure and legend), breadcrumb, scope figures and profile for the district, drilled down as chosen
    (the map has a callback of its own: :func:`recoloured`)."""
    period = controls.period
    if not district or not period:
        raise PreventUpdate
    drill_state = drill_state or {}
    shown = _shown(services, district, drill_state)
    state = _state(services, district, controls, drill_state)
    matrix = matrix_view(services, district, shown["code"].astype(str).tolist(), state, lang)
    village = drill_state.get("village")
    profile = (
        village_profile(services, district, village, period, lang)
        if village
        else html.P(t("gaps.profile.hint", lang), className="text-muted")
    )
    return (
        matrix.figure,
        matrix.legend,
        breadcrumb(services, district, drill_state, lang),
        scope_view(services, district, drill_state, period, lang),
        profile,
    )
