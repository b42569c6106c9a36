"""The partners and case audits page's forms and tables: the programme form with its sheet import, the finding
form with its privacy note, and the plain tables both registers are shown in."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard.data.case_audits import FollowUp
from dashboard.data.importers.programmes import MAX_SHEET_BYTES
from dashboard.i18n import t
from dashboard.ids import ID
from dashboard.views.loading import loading
from dashboard.views.programme_page.model import cause_options, follow_up_options, sector_options

__all__ = ["HIDDEN", "audit_form", "data_table", "programme_form"]

HIDDEN = {"display": "none"}  # a form for readers who may not record: not drawn (and refused on the server anyway)


def _field(label: str, control: Any, md: int, hint: str | None = None) -> dbc.Col:
    """A control under its label (tied by ``html_for``), with an optional hint under it."""
    parts: list[Any] = [dbc.Label(label, html_for=getattr(control, "id", None), className="small mb-0"), control]
    if hint:
        parts.append(dbc.FormText(hint))
    return dbc.Col(parts, xs=12, md=md)


def data_table(columns: Sequence[tuple[str, str]], rows: Sequence[dict[str, Any]], empty: str) -> Any:
    """Rows as a plain table (``columns``: field, header), scrolled inside its box on a narrow screen."""
    if not rows:
        return html.P(empty, className="text-muted small mb-1")
    head = html.Thead(html.Tr([html.Th(header, scope="col") for _, header in columns]))
    body = html.Tbody([html.Tr([html.Td(row.get(key, "")) for key, _ in columns]) for row in rows])
    table = dbc.Table([head, body], size="sm", striped=True, hover=True, className="mb-1 small")
    return html.Div(table, className="table-responsive")


def _buttons(save: tuple[str, str], new: tuple[str, str], delete: tuple[str, str]) -> dbc.Col:
    return dbc.Col(
        [
            dbc.Button(save[1], id=save[0], size="sm", className="me-2"),
            dbc.Button(new[1], id=new[0], size="sm", color="secondary", outline=True, className="me-2"),
            dbc.Button(delete[1], id=delete[0], size="sm", color="danger", outline=True),
        ],
        xs=12,
        className="mt-2",
    )


def programme_form(lang: str) -> Any:
    """The programme form (choose one to change, or a new one), its delete confirmation and the sheet import."""
    hint = t("mitra.field.period_hint", lang)
    form = html.Div(
        [
            html.H3(t("mitra.form", lang), className="h6 mt-3"),
            dbc.Row(
                [
                    _field(t("mitra.field.choose", lang), dcc.Dropdown(
                        id=ID.MITRA_CHOOSE, options=[], placeholder=t("mitra.field.choose.placeholder", lang),
                    ), 12),
                    _field(t("mitra.field.partner", lang), dbc.Input(id=ID.MITRA_PARTNER, maxLength=500), 4),
                    _field(t("mitra.field.sector", lang), dcc.Dropdown(
                        id=ID.MITRA_SECTOR, options=sector_options(lang), clearable=False,
                    ), 3),
                    _field(t("mitra.field.activity", lang), dbc.Input(id=ID.MITRA_ACTIVITY, maxLength=500), 5),
                    _field(t("mitra.field.villages", lang), dcc.Dropdown(
                        id=ID.MITRA_VILLAGES, options=[], multi=True,
                    ), 12),
                    _field(t("mitra.field.start", lang), dbc.Input(id=ID.MITRA_START, placeholder="2025-Q1"), 3, hint),
                    _field(t("mitra.field.end", lang), dbc.Input(id=ID.MITRA_END, placeholder="2025-Q4"), 3, hint),
                    _field(t("mitra.field.budget", lang), dbc.Input(
                        id=ID.MITRA_BUDGET, inputMode="numeric", placeholder="25.000.000",
                    ), 3),
                    _buttons((ID.MITRA_SAVE, t("mitra.save", lang)), (ID.MITRA_NEW, t("mitra.new", lang)),
                             (ID.MITRA_DELETE, t("mitra.delete", lang))),
                ],
                className="g-2",
            ),
            dcc.ConfirmDialog(id=ID.MITRA_CONFIRM, message=t("mitra.confirm_delete", lang)),
            loading(html.Div(id=ID.MITRA_INFO, className="small mt-2")),
        ]
    )  # fmt: skip
    mb = MAX_SHEET_BYTES // (1024 * 1024)
    upload = html.Div(
        [
            html.H3(t("mitra.import", lang), className="h6 mt-3"),
            html.P(t("mitra.import.help", lang), className="small text-muted mb-1"),
            dcc.Upload(
                id=ID.MITRA_UPLOAD,
                children=html.Div([
                    t("mitra.import.prompt", lang), html.A(t("mitra.import.choose", lang), href="#"),
                    html.Div(t("mitra.import.limit", lang, mb=mb), className="small text-muted"),
                ]),
                multiple=False,
                max_size=MAX_SHEET_BYTES,
                accept=".csv,.xlsx",
                className="upload-zone upload-zone-compact",
            ),
            html.Div(
                [
                    dbc.Button(t("mitra.template_csv", lang), id=ID.MITRA_TEMPLATE_CSV, size="sm", color="link"),
                    dbc.Button(t("mitra.template_xlsx", lang), id=ID.MITRA_TEMPLATE_XLSX, size="sm", color="link"),
                    dcc.Download(id=ID.MITRA_DOWNLOAD),
                ]
            ),
            loading(html.Div(id=ID.MITRA_IMPORT_INFO, className="small mt-1")),
        ]
    )  # fmt: skip
    return html.Div([form, upload], id=ID.MITRA_FORM_BOX, style=HIDDEN)


def audit_form(lang: str) -> Any:
    """The finding form (choose one to change, or a new one) and its delete confirmation."""
    form = dbc.Row(
        [
            _field(t("kasus.field.choose", lang), dcc.Dropdown(
                id=ID.KASUS_CHOOSE, options=[], placeholder=t("kasus.field.choose.placeholder", lang),
            ), 12),
            _field(t("kasus.field.village", lang), dcc.Dropdown(id=ID.KASUS_VILLAGE, options=[]), 6),
            _field(t("kasus.field.period", lang), dbc.Input(id=ID.KASUS_PERIOD, placeholder="2025-Q2"), 3,
                   t("kasus.field.period_hint", lang)),
            _field(t("kasus.field.follow_up", lang), dcc.Dropdown(
                id=ID.KASUS_FOLLOW_UP, options=follow_up_options(lang), value=str(FollowUp.BELUM), clearable=False,
            ), 3),
            _field(t("kasus.field.causes", lang), dbc.Checklist(
                id=ID.KASUS_CAUSES, options=cause_options(lang), value=[], inline=True, className="small",
            ), 12),
            _field(t("kasus.field.recommendation", lang), dbc.Textarea(
                id=ID.KASUS_RECOMMENDATION, maxLength=1000, rows=2,
            ), 6),
            _field(t("kasus.field.note", lang), dbc.Textarea(id=ID.KASUS_NOTE, maxLength=1000, rows=2), 6),
            _buttons((ID.KASUS_SAVE, t("kasus.save", lang)), (ID.KASUS_NEW, t("kasus.new", lang)),
                     (ID.KASUS_DELETE, t("kasus.delete", lang))),
        ],
        className="g-2",
    )  # fmt: skip
    return html.Div(
        [
            html.H3(t("kasus.form", lang), className="h6 mt-3"),
            form,
            dcc.ConfirmDialog(id=ID.KASUS_CONFIRM, message=t("kasus.confirm_delete", lang)),
            loading(html.Div(id=ID.KASUS_INFO, className="small mt-2")),
        ],
        id=ID.KASUS_FORM_BOX,
        style=HIDDEN,
    )
