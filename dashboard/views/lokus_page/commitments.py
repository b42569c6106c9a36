"""The planning page's "Komitmen rembuk" section: record, list, change and export the opened scenario's commitments."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import dash_ag_grid as dag
import dash_bootstrap_components as dbc
from dash import Dash, Input, Output, State, ctx, dcc, html, no_update
from dash.exceptions import PreventUpdate

from dashboard.auth.context import current_actor
from dashboard.auth.guard import SecuredApp
from dashboard.auth.roles import Actor, Permission, can, covers
from dashboard.data.commitments import (
    AnnexHeading,
    CommitmentDraft,
    CommitmentError,
    Commitments,
    Funding,
    Status,
    commitments_pdf,
    commitments_xlsx,
    totals_by_funding,
)
from dashboard.data.scenarios import Scenario
from dashboard.i18n import fmt_int, t
from dashboard.ids import ID
from dashboard.services import Services
from dashboard.views.loading import loading

__all__ = [
    "CommitmentRequest",
    "commitment_change",
    "commitment_export",
    "commitment_view",
    "commitments_section",
    "register",
]


def _options(kind: type[Funding] | type[Status], lang: str) -> list[dict[str, str]]:
    prefix = "commitment.funding" if kind is Funding else "commitment.status"
    return [{"label": t(f"{prefix}.{value}", lang), "value": str(value)} for value in kind]


def _columns(lang: str) -> list[dict[str, Any]]:
    keys = ("village", "activity", "responsible", "funding", "budget", "target_date", "status", "note")
    return [{"field": key, "headerName": t(f"commitment.column.{key}", lang), "wrapText": True} for key in keys]


def commitments_section(lang: str) -> Any:
    """The section's card: the form, the table with its status and delete controls, and the two exports."""

    def field(key: str, control: Any, width: int) -> Any:
        label = dbc.Label(
            t(f"commitment.field.{key}", lang), html_for=getattr(control, "id", None), className="small mb-0"
        )
        return dbc.Col([label, control], md=width)

    form = html.Fieldset(
        [
            dbc.Row(
                [
                    field("village", dcc.Dropdown(id=ID.KOM_VILLAGE, options=[]), 3),
                    field("activity", dbc.Input(id=ID.KOM_ACTIVITY, maxLength=500), 5),
                    field("responsible", dbc.Input(id=ID.KOM_RESPONSIBLE, maxLength=200), 4),
                ],
                className="g-2",
            ),
            dbc.Row(
                [
                    field(
                        "funding",
                        dcc.Dropdown(
                            id=ID.KOM_FUNDING, options=_options(Funding, lang), value=str(Funding.APBD), clearable=False
                        ),
                        2,
                    ),
                    field("budget", dbc.Input(id=ID.KOM_BUDGET, inputMode="numeric", placeholder="1.500.000"), 2),
                    field(
                        "target_date",
                        dcc.DatePickerSingle(
                            id=ID.KOM_TARGET_DATE,
                            display_format="DD/MM/YYYY",
                            placeholder=t("commitment.date.placeholder", lang),
                        ),
                        2,
                    ),
                    field(
                        "status",
                        dcc.Dropdown(
                            id=ID.KOM_STATUS,
                            options=_options(Status, lang),
                            value=str(Status.DIRENCANAKAN),
                            clearable=False,
                        ),
                        2,
                    ),
                    field("note", dbc.Input(id=ID.KOM_NOTE, maxLength=1000), 3),
                    dbc.Col(dbc.Button(t("commitment.add", lang), id=ID.KOM_ADD, size="sm", className="mt-4"), md=1),
                ],
                className="g-2 mt-1",
            ),
            dbc.Row(
                [
                    dbc.Col(
                        dcc.Dropdown(
                            id=ID.KOM_NEW_STATUS,
                            options=_options(Status, lang),
                            value=str(Status.SELESAI),
                            clearable=False,
                        ),
                        md=2,
                    ),
                    dbc.Col(
                        [
                            dbc.Button(
                                t("commitment.set_status", lang),
                                id=ID.KOM_SET_STATUS,
                                size="sm",
                                color="secondary",
                                className="me-2",
                            ),
                            dbc.Button(
                                t("commitment.delete", lang), id=ID.KOM_DELETE, size="sm", color="danger", outline=True
                            ),
                        ],
                        md=4,
                    ),
                ],
                className="g-2 mt-2",
            ),
        ],
        id=ID.KOM_FORM,
        disabled=True,
    )
    table = dag.AgGrid(
        id=ID.KOM_TABLE,
        columnDefs=_columns(lang),
        rowData=None,  # not [] (the grid would say "no commitments" before they have arrived)
        defaultColDef={"sortable": True, "resizable": True},
        dashGridOptions={
            "rowSelection": {"mode": "singleRow", "enableClickSelection": True},
            "localeText": {"noRowsToShow": t("commitment.none", lang), "loadingOoo": t("grid.loading", lang)},
            "domLayout": "autoHeight",
        },
        getRowId="String(params.data.id)",
        className="ag-theme-alpine mt-2",
    )
    exports = html.Div(
        [
            dbc.Button(t("commitment.export_xlsx", lang), id=ID.KOM_EXPORT_XLSX, size="sm", color="link"),
            dbc.Button(t("commitment.export_pdf", lang), id=ID.KOM_EXPORT_PDF, size="sm", color="link"),
            dcc.Download(id=ID.KOM_DOWNLOAD),
        ]
    )
    return dbc.Card(
        dbc.CardBody(
            [
                dcc.Store(id=ID.KOM_VERSION, data=0),
                html.H3(t("commitment.section", lang), className="h6"),
                html.P(t("commitment.section.help", lang), className="small text-muted mb-2"),
                form,
                loading(html.Div(id=ID.KOM_INFO, className="small mt-2")),
                loading(table),
                loading(html.Div(id=ID.KOM_TOTAL, className="small mt-1")),
                exports,
            ]
        ),
        id=ID.KOM_SECTION,
        className="mb-2",
    )


def _opened_id(opened: object) -> int | None:
    if isinstance(opened, dict) and isinstance(opened.get("id"), int) and not isinstance(opened.get("id"), bool):
        return int(opened["id"])
    return None


def _actor() -> Actor:
    actor = current_actor()
    if actor is None:
        raise PreventUpdate
    return actor


def _readable_scenario(services: Services, opened: object) -> Scenario | None:
    """The opened scenario, when there is one the signed-in reader may read (else None, or Forbidden)."""
    scenario_id = _opened_id(opened)
    if scenario_id is None:
        return None
    scenario = services.require_store().scenario(scenario_id)
    if scenario is None:
        return None
    services.require_readable(scenario.district_code)
    return scenario


def _names(services: Services, district: str) -> dict[str, str]:
    villages = services.source.villages(district)
    return dict(zip(villages["code"].astype(str), villages["name"].astype(str), strict=True))


def commitment_view(services: Services, opened: object, lang: str) -> tuple[Any, ...]:
    """For the opened scenario: the village choices (its lokus villages), the table rows, the total line, and
    whether the form is disabled (no scenario, or a reader who may not write)."""
    actor = _actor()
    scenario = _readable_scenario(services, opened)
    if scenario is None:
        return [], [], t("commitment.need_scenario", lang), True
    names = _names(services, scenario.district_code)
    choices = [{"label": f"{names.get(code, code)} ({code})", "value": code} for code in scenario.codes]
    found = Commitments(services.require_store()).of_scenario(actor, scenario.id or 0)
    rows = [
        {
            "id": c.id,
            "village": names.get(c.village_code, c.village_code),
            "activity": c.activity,
            "responsible": c.responsible,
            "funding": t(f"commitment.funding.{c.funding}", lang),
            "budget": fmt_int(c.budget_rupiah, lang),
            "target_date": c.target_date.isoformat(),
            "status": t(f"commitment.status.{c.status}", lang),
            "note": c.note,
        }
        for c in found
    ]
    total = t("commitment.total_line", lang, total=fmt_int(sum(totals_by_funding(found).values()), lang))
    writes = can(actor, Permission.SAVE_SCENARIO) and covers(actor, scenario.district_code)
    return choices, rows, total, not writes


@dataclass(frozen=True)
class CommitmentRequest:
    """What the section sends: the button pressed, the opened scenario, the form, and the selected row."""

    trigger: object
    opened: object
    draft: CommitmentDraft
    selected: list[dict[str, Any]] | None
    new_status: str | None
    version: int | None


def commitment_change(services: Services, request: CommitmentRequest, lang: str) -> tuple[Any, Any]:
    """Add, change the status of, or delete a commitment (by the button): a message and the new table version.

    The data layer decides who may (planners of the scenario's district) and what is valid, and audits it."""
    actor = _actor()
    commitments = Commitments(services.require_store(), services.accounts)
    bumped = int(request.version or 0) + 1

    def alert(text: str, colour: str) -> Any:
        return dbc.Alert(text, color=colour, className="py-1 mb-0")

    try:
        if request.trigger == ID.KOM_ADD:
            scenario_id = _opened_id(request.opened)
            if scenario_id is None:
                return alert(t("commitment.need_scenario", lang), "warning"), no_update
            added = commitments.add(actor, scenario_id, request.draft)
            return alert(t("commitment.added", lang, activity=added.activity), "success"), bumped
        if request.trigger not in (ID.KOM_SET_STATUS, ID.KOM_DELETE):
            raise PreventUpdate
        row = request.selected[0] if request.selected else None
        if not isinstance(row, dict) or not isinstance(row.get("id"), int):
            return alert(t("commitment.need_row", lang), "warning"), no_update
        if request.trigger == ID.KOM_DELETE:
            deleted = commitments.delete(actor, int(row["id"]))
            return alert(t("commitment.deleted", lang, activity=deleted.activity), "info"), bumped
        changed = commitments.set_status(actor, int(row["id"]), str(request.new_status or ""))
        status = t(f"commitment.status.{changed.status}", lang)
        return alert(t("commitment.status_changed", lang, status=status), "success"), bumped
    except CommitmentError as error:
        return alert(t(error.key, lang, **error.params), "danger"), no_update


def commitment_export(services: Services, trigger: object, opened: object, lang: str) -> dict[str, Any]:
    """The opened scenario's commitments as the rembuk minutes' annex (XLSX or PDF, by the button)."""
    actor = _actor()
    scenario = _readable_scenario(services, opened)
    if scenario is None or trigger not in (ID.KOM_EXPORT_XLSX, ID.KOM_EXPORT_PDF):
        raise PreventUpdate
    found = Commitments(services.require_store()).of_scenario(actor, scenario.id or 0)
    district = next((d for d in services.source.districts() if d.code == scenario.district_code), None)
    heading = AnnexHeading(
        district.name if district else scenario.district_code,
        scenario.district_code,
        scenario.year,
        scenario.name,
        bool(district and district.is_demo),
    )
    names = _names(services, scenario.district_code)
    stem = f"{t('commitment.annex.file', lang)}-{scenario.district_code}-{scenario.year}-{scenario.id}"
    if trigger == ID.KOM_EXPORT_XLSX:
        return dcc.send_bytes(commitments_xlsx(found, heading, names, lang), f"{stem}.xlsx")
    return dcc.send_bytes(commitments_pdf(found, heading, names, lang), f"{stem}.pdf")


def register(app: SecuredApp | Dash, services: Services) -> None:
    """The section's callbacks: reading (the page's permission) apart from writing (planners only)."""

    @app.callback(
        Output(ID.KOM_VILLAGE, "options"),
        Output(ID.KOM_TABLE, "rowData"),
        Output(ID.KOM_TOTAL, "children"),
        Output(ID.KOM_FORM, "disabled"),
        Input(ID.LOKUS_OPENED, "data"),
        Input(ID.KOM_VERSION, "data"),
        State(ID.LANGUAGE, "value"),
    )
    def show(opened: dict[str, Any] | None, _version: int | None, lang: str) -> tuple[Any, ...]:
        return commitment_view(services, opened, lang)

    secured: dict[str, Any] = {"permission": Permission.SAVE_SCENARIO} if isinstance(app, SecuredApp) else {}

    @app.callback(
        Output(ID.KOM_INFO, "children"),
        Output(ID.KOM_VERSION, "data"),
        Input(ID.KOM_ADD, "n_clicks"),
        Input(ID.KOM_SET_STATUS, "n_clicks"),
        Input(ID.KOM_DELETE, "n_clicks"),
        State(ID.LOKUS_OPENED, "data"),
        State(ID.KOM_VILLAGE, "value"),
        State(ID.KOM_ACTIVITY, "value"),
        State(ID.KOM_RESPONSIBLE, "value"),
        State(ID.KOM_FUNDING, "value"),
        State(ID.KOM_BUDGET, "value"),
        State(ID.KOM_TARGET_DATE, "date"),
        State(ID.KOM_STATUS, "value"),
        State(ID.KOM_NOTE, "value"),
        State(ID.KOM_TABLE, "selectedRows"),
        State(ID.KOM_NEW_STATUS, "value"),
        State(ID.KOM_VERSION, "data"),
        State(ID.LANGUAGE, "value"),
        prevent_initial_call=True,
        **secured,
    )
    def change(
        _add: int | None,
        _status: int | None,
        _delete: int | None,
        opened: dict[str, Any] | None,
        village: str | None,
        activity: str | None,
        responsible: str | None,
        funding: str | None,
        budget: str | None,
        target_date: str | None,
        status: str | None,
        note: str | None,
        selected: list[dict[str, Any]] | None,
        new_status: str | None,
        version: int | None,
        lang: str,
    ) -> tuple[Any, Any]:
        draft = CommitmentDraft(str(village or ""), str(activity or ""), str(responsible or ""), str(funding or ""),
                                budget, target_date, str(status or ""), str(note or ""))  # fmt: skip
        request = CommitmentRequest(ctx.triggered_id, opened, draft, selected, new_status, version)
        return commitment_change(services, request, lang)

    @app.callback(
        Output(ID.KOM_DOWNLOAD, "data"),
        Input(ID.KOM_EXPORT_XLSX, "n_clicks"),
        Input(ID.KOM_EXPORT_PDF, "n_clicks"),
        State(ID.LOKUS_OPENED, "data"),
        State(ID.LANGUAGE, "value"),
        prevent_initial_call=True,
    )
    def export(_xlsx: int | None, _pdf: int | None, opened: dict[str, Any] | None, lang: str) -> Any:
        return commitment_export(services, ctx.triggered_id, opened, lang)
