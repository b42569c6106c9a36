"""The data page's components: the upload zone, the kind and district choices, the buttons and the result areas."""

from __future__ import annotations

from typing import Any, cast

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard.i18n import t
from dashboard.ids import ID
from dashboard.services import Services
from dashboard.views.data_page.datasets import datasets_view, district_options
from dashboard.views.data_page.jobs import WATCHDOG_MS
from dashboard.views.data_page.uploads import ImportKind
from dashboard.views.loading import loading

__all__ = ["layout"]


def layout(services: Services, lang: str, stored: dict[str, Any] | None) -> Any:
    districts = services.source.districts()
    limit = services.settings.max_upload_mb
    # dcc.Upload gives the drop zone and file picker; assets/upload.js takes the chosen file before the
    # component reads it and streams it to POST /unggah (never base64 through a callback), then hands
    # the upload's id to the UPLOAD_TOKEN store.
    prompt: list[Any] = [
        t("data.upload.prompt", lang),
        html.A(t("data.upload.choose", lang), href="#"),
        html.Div(t("data.upload.formats", lang, limit=limit), className="small text-muted"),
    ]
    upload = _upload_zone(ID.UPLOAD, ID.UPLOAD_STATUS, prompt, lang, limit)
    # A boundary file coded by BPS is refused unless a crosswalk translates its codes, and an indicator file's
    # kode_bps column is read through one: the second zone, shown only while such a file is being imported.
    crosswalk = html.Div(
        [
            dbc.Label(t("data.crosswalk", lang), className="mt-3 d-block"),
            html.P(t("data.crosswalk.help", lang), className="small text-muted mb-1"),
            _upload_zone(
                ID.CROSSWALK_UPLOAD,
                ID.CROSSWALK_STATUS,
                [t("data.crosswalk.prompt", lang), html.A(t("data.upload.choose", lang), href="#")],
                lang,
                limit,
                compact=True,
            ),
            html.Div(id=ID.CROSSWALK_INFO, className="small mt-1"),
            dcc.Store(id=ID.CROSSWALK_TOKEN),
            html.Div(t("data.crosswalk.or", lang), className="small text-muted my-1"),
            dbc.Checkbox(id=ID.MATCH_NAMES, label=t("data.match_names", lang), value=False),
        ],
        id=ID.CROSSWALK_BLOCK,
        hidden=True,
    )
    kinds = dbc.RadioItems(
        id=ID.IMPORT_KIND,
        options=[{"label": t(f"data.kind.{kind}", lang), "value": kind} for kind in ImportKind.ALL_KINDS],
        value=ImportKind.AUTO,
    )
    # Files with codes find their own district; a district is chosen only to match village names.
    district = dcc.Dropdown(
        id=ID.IMPORT_DISTRICT,
        options=district_options(districts, lang),
        value=None,
        placeholder=t("data.district.all", lang),
        clearable=True,
    )
    # A Sigizi report with months but no year column needs its year (the command line's --year).
    # Text with a numeric keyboard, not type=number: its stepper wrapped below the digits in a narrow column.
    year = dbc.Input(
        id=ID.IMPORT_YEAR,
        type="text",
        inputMode="numeric",
        pattern="[0-9]{4}",
        maxLength=4,
        placeholder="2025",
    )
    return dbc.Container(
        [
            html.H1(t("data.title", lang), className="h3 my-3"),
            html.P(t("data.intro", lang)),
            dcc.Store(id=ID.UPLOAD_TOKEN),
            dcc.Store(id=ID.DATASETS_VERSION, data=0),
            dcc.Store(id=ID.REMOVE_TARGET),
            dcc.ConfirmDialog(id=ID.REMOVE_CONFIRM),
            dcc.Download(id=ID.TEMPLATE_DOWNLOAD),
            dbc.Row(
                [
                    dbc.Col([upload, loading(html.Div(id=ID.UPLOAD_INFO, className="mt-2")), crosswalk], lg=6),
                    dbc.Col([dbc.Label(t("data.kind", lang)), kinds], lg=3),
                    dbc.Col(
                        [
                            dbc.Label(t("data.district", lang)),
                            district,
                            dbc.Label(t("data.year", lang), html_for=ID.IMPORT_YEAR, className="mt-3 d-block"),
                            year,
                            dbc.Label(t("data.template", lang), className="mt-3 d-block"),
                            dbc.ButtonGroup(
                                [
                                    dbc.Button("CSV", id=ID.TEMPLATE_CSV, color="secondary", size="sm"),
                                    dbc.Button("XLSX", id=ID.TEMPLATE_XLSX, color="secondary", size="sm"),
                                ]
                            ),
                            # The puskesmas -> village list has its own template (kode_puskesmas, nama, kode_desa).
                            *(
                                element
                                for label, csv_id, xlsx_id in (
                                    ("data.template.puskesmas", ID.TEMPLATE_PUSKESMAS_CSV, ID.TEMPLATE_PUSKESMAS_XLSX),
                                    # The other offices' sheets (issue 18): the village scorecard and Dana Desa.
                                    ("data.template.scorecard", ID.TEMPLATE_SCORECARD_CSV, ID.TEMPLATE_SCORECARD_XLSX),
                                    ("data.template.dana_desa", ID.TEMPLATE_DANA_DESA_CSV, ID.TEMPLATE_DANA_DESA_XLSX),
                                )
                                for element in _template_buttons(t(label, lang), csv_id, xlsx_id)
                            ),
                        ],
                        lg=3,
                    ),
                ],
                className="g-3",
            ),
            html.Div(
                [
                    dbc.Button(t("data.check", lang), id=ID.CHECK, color="primary", disabled=True, className="me-2"),
                    dbc.Button(t("data.commit", lang), id=ID.COMMIT, color="success", disabled=True, className="me-2"),
                    dbc.Button(t("upload.cancel", lang), id=ID.UPLOAD_CANCEL, color="outline-secondary", disabled=True),
                ],
                className="my-3",
            ),
            dbc.Progress(id=ID.PROGRESS, value=0, label="", striped=False, animated=False, className="mb-3"),
            # On only while a check or commit runs: finds a job whose process died (jobs.py).
            dcc.Interval(id=ID.JOB_WATCHDOG, interval=WATCHDOG_MS, disabled=True),
            dcc.Store(id=ID.JOB_ACTION),
            dcc.Store(id=ID.JOB_LOST),
            loading(html.Div(id=ID.PREVIEW)),
            loading(html.Div(id=ID.MAPPING)),
            loading(html.Div(id=ID.REPORT)),
            loading(html.Div(id=ID.RESULT)),
            html.H2(t("data.datasets", lang), className="h4 mt-4"),
            loading(html.Div(datasets_view(services, lang), id=ID.DATASETS)),
        ],
        fluid=True,
    )


def _upload_zone(zone: ID, status: ID, prompt: list[Any], lang: str, limit: int, compact: bool = False) -> Any:
    """A drop zone and its status line; assets/upload.js streams what is dropped to POST /unggah."""
    return html.Div(
        [
            dcc.Upload(
                id=zone,
                children=html.Div(prompt),
                multiple=False,
                className="upload-zone upload-zone-compact" if compact else "upload-zone",
            ),
            html.Div(
                id=status,
                className="small mt-1",
                **cast(
                    dict[str, Any],
                    {
                        "data-limit-mb": str(limit),
                        "data-too-large": t("data.upload.too_large", lang, name="{name}", limit=limit),
                        "data-uploading": t("upload.uploading", lang, pct="{pct}"),
                        "data-failed": t("upload.failed", lang, error="{error}"),
                    },
                ),
            ),
        ]
    )


def _template_buttons(label: str, csv_id: ID, xlsx_id: ID) -> list[Any]:
    """A blank template's label and its CSV and XLSX download buttons."""
    pairs = (("CSV", csv_id), ("XLSX", xlsx_id))
    buttons = [dbc.Button(kind, id=button, color="secondary", size="sm") for kind, button in pairs]
    return [dbc.Label(label, className="mt-2 d-block"), dbc.ButtonGroup(buttons)]
