"""The partners and case audits page's callbacks: reading with the page's permission, writing with
``Permission.RECORD_PROGRAMMES`` (and the data layer's area check on the server)."""

from __future__ import annotations

from typing import Any

from dash import Dash, Input, Output, State, ctx, no_update
from dash.exceptions import PreventUpdate

from dashboard.auth.guard import SecuredApp
from dashboard.auth.roles import Permission
from dashboard.data.case_audits import CaseAuditDraft
from dashboard.data.programmes import ProgrammeDraft, Programmes
from dashboard.ids import ID
from dashboard.services import Services
from dashboard.views.badges import demo_badge
from dashboard.views.programme_page.audits import AuditRequest, audit_change, audit_fields, audit_view
from dashboard.views.programme_page.programmes import (
    ProgrammeRequest,
    actor,
    import_sheet,
    programme_change,
    programme_fields,
    programme_view,
    template_download,
)
from dashboard.views.programme_page.reach_map import reach_props

__all__ = ["MAP_PROPS", "register"]

MAP_PROPS = ("geojson_url", "codes", "classes", "palette", "marks", "hover_text", "bounds", "view_revision",
             "export_title", "export_legend", "export_source", "export_mark", "export_filename")  # fmt: skip
FORM_FIELDS = (ID.MITRA_PARTNER, ID.MITRA_SECTOR, ID.MITRA_ACTIVITY, ID.MITRA_VILLAGES, ID.MITRA_START, ID.MITRA_END,
               ID.MITRA_BUDGET)  # fmt: skip
AUDIT_FIELDS = (ID.KASUS_VILLAGE, ID.KASUS_PERIOD, ID.KASUS_CAUSES, ID.KASUS_RECOMMENDATION, ID.KASUS_FOLLOW_UP,
                ID.KASUS_NOTE)  # fmt: skip


def _field_outputs(ids: tuple[str, ...]) -> list[Output]:
    return [Output(i, "value") for i in ids]


def register(app: SecuredApp | Dash, services: Services) -> None:
    """Register the page's callbacks; writes need ``RECORD_PROGRAMMES`` (leadership is refused by the guard,
    planners of another area by the data layer)."""
    secured = isinstance(app, SecuredApp)
    writes: dict[str, Any] = {"permission": Permission.RECORD_PROGRAMMES} if secured else {}

    @app.callback(
        Output(ID.MITRA_TABLE, "children"),
        Output(ID.MITRA_CHOOSE, "options"),
        Output(ID.MITRA_VILLAGES, "options"),
        Output(ID.MITRA_FORM_BOX, "style"),
        Output(ID.KASUS_TABLE, "children"),
        Output(ID.KASUS_COUNTS, "children"),
        Output(ID.KASUS_CHOOSE, "options"),
        Output(ID.KASUS_VILLAGE, "options"),
        Output(ID.KASUS_FORM_BOX, "style"),
        Output(ID.MITRA_DEMO_BADGE, "children"),
        Input(ID.MITRA_DISTRICT, "value"),
        Input(ID.MITRA_VERSION, "data"),
        Input(ID.MITRA_IMPORT_VERSION, "data"),
        Input(ID.KASUS_VERSION, "data"),
        State(ID.LANGUAGE, "value"),
    )
    def show(district: str | None, _v: int | None, _i: int | None, _k: int | None, lang: str) -> tuple[Any, ...]:
        programmes = programme_view(services, district, lang)
        audits = audit_view(services, district, lang)
        return (*programmes, *audits, demo_badge(services, district, lang))

    @app.callback(
        *[Output(ID.MITRA_MAP, prop) for prop in MAP_PROPS],
        Output(ID.MITRA_MAP_COUNT, "children"),
        Output(ID.MITRA_MAP_LEGEND, "children"),
        Input(ID.MITRA_DISTRICT, "value"),
        Input(ID.MITRA_PERIOD, "value"),
        Input(ID.MITRA_VERSION, "data"),
        Input(ID.MITRA_IMPORT_VERSION, "data"),
        State(ID.LANGUAGE, "value"),
    )
    def draw(district: str | None, period: str | None, _v: int | None, _i: int | None, lang: str) -> tuple[Any, ...]:
        who = actor()
        if not district:
            raise PreventUpdate
        services.require_readable(district)
        programmes = Programmes(services.require_store()).of_district(who, district)
        props, count, legend = reach_props(services, district, programmes, period, lang)
        return (*[props.get(prop, no_update) for prop in MAP_PROPS], count, legend if legend is not None else no_update)

    @app.callback(
        *_field_outputs(FORM_FIELDS),
        Input(ID.MITRA_CHOOSE, "value"),
        State(ID.MITRA_DISTRICT, "value"),
        prevent_initial_call=True,
    )
    def load(chosen: object, district: str | None) -> tuple[Any, ...]:
        return programme_fields(services, district, chosen)

    _confirm_before(app, ID.MITRA_DELETE, ID.MITRA_CONFIRM, writes)

    @app.callback(
        Output(ID.MITRA_INFO, "children"),
        Output(ID.MITRA_VERSION, "data"),
        Output(ID.MITRA_CHOOSE, "value"),
        Input(ID.MITRA_SAVE, "n_clicks"),
        Input(ID.MITRA_NEW, "n_clicks"),
        Input(ID.MITRA_CONFIRM, "submit_n_clicks"),
        State(ID.MITRA_DISTRICT, "value"),
        State(ID.MITRA_CHOOSE, "value"),
        *[State(i, "value") for i in FORM_FIELDS],
        State(ID.MITRA_VERSION, "data"),
        State(ID.LANGUAGE, "value"),
        prevent_initial_call=True,
        **writes,
    )
    def change(
        _save: int | None, _new: int | None, _confirm: int | None, district: str | None, chosen: object,
        partner: str | None, sector: str | None, activity: str | None, villages: list[str] | None,
        start: str | None, end: str | None, budget: str | None, version: int | None, lang: str,
    ) -> tuple[Any, Any, Any]:  # fmt: skip
        codes = [str(v) for v in villages] if isinstance(villages, list) else []
        draft = ProgrammeDraft(str(partner or ""), str(sector or ""), str(activity or ""), codes, str(start or ""),
                               str(end or ""), budget if isinstance(budget, str | int) else None)  # fmt: skip
        return programme_change(services, ProgrammeRequest(ctx.triggered_id, district, chosen, draft, version), lang)

    @app.callback(
        Output(ID.MITRA_IMPORT_INFO, "children"),
        Output(ID.MITRA_IMPORT_VERSION, "data"),
        Input(ID.MITRA_UPLOAD, "contents"),
        State(ID.MITRA_UPLOAD, "filename"),
        State(ID.MITRA_DISTRICT, "value"),
        State(ID.MITRA_IMPORT_VERSION, "data"),
        State(ID.LANGUAGE, "value"),
        prevent_initial_call=True,
        **writes,
    )
    def upload(contents: str | None, name: str | None, district: str | None, version: int | None,
               lang: str) -> tuple[Any, Any]:  # fmt: skip
        if not isinstance(contents, str):
            raise PreventUpdate
        return import_sheet(services, contents, name if isinstance(name, str) else None, district, version, lang)

    @app.callback(
        Output(ID.MITRA_DOWNLOAD, "data"),
        Input(ID.MITRA_TEMPLATE_CSV, "n_clicks"),
        Input(ID.MITRA_TEMPLATE_XLSX, "n_clicks"),
        prevent_initial_call=True,
    )
    def template(_csv: int | None, _xlsx: int | None) -> Any:
        return template_download(ctx.triggered_id)

    _register_audits(app, services, writes)


def _confirm_before(app: SecuredApp | Dash, button: str, dialog: str, writes: dict[str, Any]) -> None:
    """A delete button opens its confirmation; only the confirmation's answer deletes."""

    @app.callback(Output(dialog, "displayed"), Input(button, "n_clicks"), prevent_initial_call=True, **writes)
    def ask(_clicks: int | None) -> bool:
        return True


def _register_audits(app: SecuredApp | Dash, services: Services, writes: dict[str, Any]) -> None:
    @app.callback(
        *_field_outputs(AUDIT_FIELDS),
        Input(ID.KASUS_CHOOSE, "value"),
        State(ID.MITRA_DISTRICT, "value"),
        prevent_initial_call=True,
    )
    def load(chosen: object, district: str | None) -> tuple[Any, ...]:
        return audit_fields(services, district, chosen)

    _confirm_before(app, ID.KASUS_DELETE, ID.KASUS_CONFIRM, writes)

    @app.callback(
        Output(ID.KASUS_INFO, "children"),
        Output(ID.KASUS_VERSION, "data"),
        Output(ID.KASUS_CHOOSE, "value"),
        Input(ID.KASUS_SAVE, "n_clicks"),
        Input(ID.KASUS_NEW, "n_clicks"),
        Input(ID.KASUS_CONFIRM, "submit_n_clicks"),
        State(ID.KASUS_CHOOSE, "value"),
        *[State(i, "value") for i in AUDIT_FIELDS],
        State(ID.KASUS_VERSION, "data"),
        State(ID.LANGUAGE, "value"),
        prevent_initial_call=True,
        **writes,
    )
    def change(
        _save: int | None, _new: int | None, _confirm: int | None, chosen: object, village: str | None,
        period: str | None, causes: list[str] | None, recommendation: str | None, follow_up: str | None,
        note: str | None, version: int | None, lang: str,
    ) -> tuple[Any, Any, Any]:  # fmt: skip
        draft = CaseAuditDraft(str(village or ""), str(period or ""),
                               [str(c) for c in causes] if isinstance(causes, list) else [],
                               str(recommendation or ""), str(follow_up or ""), str(note or ""))  # fmt: skip
        return audit_change(services, AuditRequest(ctx.triggered_id, chosen, draft, version), lang)
