"""The planning page's ranked grid: its columns (key ones first), its row colours explained, the add/remove bar."""

from __future__ import annotations

from typing import Any

import dash_ag_grid as dag
import dash_bootstrap_components as dbc
from dash import html

from dashboard.i18n import t
from dashboard.ids import ID
from dashboard.views.loading import loading

__all__ = ["adjust_bar", "grid_columns", "grid_legend", "ranked_grid"]

# Figures are shown as the server wrote them in the reader's language ("27,3"), sorted and filtered on the
# number: the grid's ``field`` stays the number, the ``valueFormatter`` reads the text beside it (model.grid_rows).
_NUMBER = {"type": "rightAligned", "filter": "agNumberColumnFilter"}


def _shown_as_text(field: str) -> dict[str, Any]:
    return {"valueFormatter": {"function": f"params.data ? params.data.{field}_text : ''"}, **_NUMBER}


def grid_columns(lang: str) -> list[dict[str, Any]]:
    """The grid's columns: rank and village first, then what decides (prevalence, score, light, status,
    reason) inside a 1280 px screen's grid, then the secondary ones (number stunted, kecamatan, estimate, code,
    notes) to the right. Nothing is pinned: a pinned column splits each row in two in the page (the journeys find
    a row's cells by ``.ag-row[row-index]``), and the key columns fit without it."""
    return [
        {"field": "rank", "headerName": t("lokus.grid.rank.short", lang), "headerTooltip": t("lokus.grid.rank", lang),
         "width": 62, **_NUMBER},
        {"field": "desa", "headerName": t("lokus.grid.desa", lang), "filter": True, "width": 140,
         "tooltipField": "kecamatan"},
        {"field": "flag_mark", "headerName": "⚠", "headerTooltip": t("lokus.grid.flag", lang), "width": 44,
         "tooltipField": "missing"},
        {"field": "prevalensi", "headerName": t("lokus.grid.prevalence.short", lang),
         "headerTooltip": t("lokus.grid.prevalence", lang), "width": 92, **_shown_as_text("prevalensi")},
        {"field": "skor", "headerName": t("lokus.grid.score", lang), "width": 76, **_shown_as_text("skor")},
        {"field": "light_label", "headerName": t("lokus.grid.light", lang), "width": 92, "filter": True},
        {"field": "status_label", "headerName": t("lokus.grid.status", lang), "width": 104, "filter": True},
        {"field": "alasan", "headerName": t("lokus.grid.reason", lang), "flex": 1, "minWidth": 180,
         "tooltipField": "alasan"},
        {"field": "jumlah_stunting", "headerName": t("lokus.grid.stunted.short", lang),
         "headerTooltip": t("lokus.grid.stunted", lang), "width": 96, **_shown_as_text("jumlah_stunting")},
        {"field": "kecamatan", "headerName": t("lokus.grid.kecamatan", lang), "filter": True, "width": 140},
        {"field": "prevalensi_eb", "headerName": t("lokus.grid.estimate", lang), "width": 110,
         **_shown_as_text("prevalensi_eb")},
        {"field": "code", "headerName": t("lokus.grid.code", lang), "filter": True, "width": 130},
        {"field": "missing", "headerName": t("lokus.grid.notes", lang), "headerTooltip": t("lokus.grid.missing", lang),
         "width": 260, "tooltipField": "missing"},
    ]  # fmt: skip


def ranked_grid(lang: str) -> Any:
    """The ranked villages; a click chooses the row the add and remove buttons above act on."""
    return dag.AgGrid(
        id=ID.LOKUS_GRID,
        columnDefs=grid_columns(lang),
        rowData=None,  # not [] (the grid would say "no data" before the ranking has arrived)
        # Filters stay in each header's menu; a filter button per header would cut the short headers ("S…").
        defaultColDef={"sortable": True, "resizable": True, "suppressHeaderFilterButton": True},
        dashGridOptions={
            "rowSelection": {"mode": "singleRow", "enableClickSelection": True, "checkboxes": False},
            "animateRows": False,
            "localeText": {"noRowsToShow": t("lokus.no_data", lang), "loadingOoo": t("grid.loading", lang)},
            "tooltipShowDelay": 300,
            "suppressColumnVirtualisation": True,  # 13 columns: all in the page, found by a search or a test
        },
        getRowId="params.data.code",
        rowClassRules={
            "lokus-selected": "params.data.status === 'selected'",
            "lokus-added": "params.data.status === 'added'",
            "lokus-removed": "params.data.status === 'removed'",
        },
        style={"height": "520px"},
        className="ag-theme-alpine",
    )


def grid_legend(lang: str) -> Any:
    """What the rows' colours and the ⚠ mean (the classes of ``assets/lokus.css``: ``lokus-selected``, ...)."""
    entries = [
        html.Span([html.Span(className=f"grid-swatch {cls}"), t(f"lokus.grid.legend.{key}", lang)],
                  className="legend-entry")
        for key, cls in (("selected", "lokus-selected"), ("added", "lokus-added"), ("removed", "lokus-removed"))
    ]  # fmt: skip
    return html.Div(
        [html.Span(t("lokus.grid.legend.title", lang), className="fw-semibold"), *entries,
         html.Span(t("lokus.grid.legend.flag", lang), className="legend-entry")],
        className="lokus-grid-legend small",
    )  # fmt: skip


def adjust_bar(lang: str) -> Any:
    """Add or remove by hand, right above the grid: the village of the chosen row (or clicked on the map), the
    reason (required) and the buttons."""
    return html.Div(
        [
            html.Div(
                [
                    html.Span(t("lokus.adjust", lang), className="fw-semibold me-2"),
                    html.Span(t("lokus.adjust.none_chosen", lang), id=ID.LOKUS_CHOSEN_ROW),
                ],
                className="small",
            ),
            html.Div(t("lokus.adjust.grid_help", lang), className="small text-muted"),
            html.Div(
                [
                    dbc.Label(t("lokus.adjust.reason", lang), html_for=ID.LOKUS_REASON, className="small mb-0"),
                    dbc.Input(
                        id=ID.LOKUS_REASON,
                        placeholder=t("lokus.adjust.reason", lang),
                        size="sm",
                        className="lokus-reason",
                    ),
                    dbc.Button(t("lokus.adjust.add", lang), id=ID.LOKUS_ADD, size="sm", color="danger"),
                    dbc.Button(t("lokus.adjust.remove", lang), id=ID.LOKUS_REMOVE, size="sm", color="secondary"),
                    dbc.Button(t("lokus.adjust.clear", lang), id=ID.LOKUS_CLEAR, size="sm", color="link"),
                ],
                className="d-flex gap-2 mt-1 flex-wrap align-items-center",
            ),
            loading(html.Div(id=ID.LOKUS_ADJUST_INFO, className="small mt-1")),
        ],
        className="lokus-adjust-bar",
    )
