"""What the data page shows of an upload before its check: the first rows and the column-mapping form."""

from __future__ import annotations

import logging
import re
from typing import Any

import dash_bootstrap_components as dbc
import pandas as pd
from dash import dcc, html
from dash.exceptions import PreventUpdate

from dashboard.auth.context import current_actor
from dashboard.core.indicators import CATALOGUE
from dashboard.core.personal import drop_for_preview
from dashboard.data.uploads import UploadMissing
from dashboard.i18n import fmt_number, t
from dashboard.ids import Pattern, pattern_id
from dashboard.services import Services
from dashboard.views.data_page.uploads import (
    CODE_COLUMN_KEY,
    FIXED_PERIOD_KEY,
    ImportForm,
    ImportKind,
    UploadToken,
    is_spatial,
    resolve_kind,
    table_header,
)

__all__ = [
    "boundary_preview_view",
    "bps_coded_table",
    "cancel_upload",
    "crosswalk_view",
    "preview_view",
    "receive_upload",
]

log = logging.getLogger(__name__)

PREVIEW_ROWS = 20  # the first rows a preview shows (its heading says so)


# A boundary file's attributes describe places: its name and type columns are the villages', not people's.
_PLACE_HEADER = re.compile(
    r"^(nama|name|namobj|wadm\w*|jenis|desa|kelurahan|kecamatan|kabupaten|kab_?kota)(\b|_)", re.IGNORECASE
)


def _preview_table(preview: pd.DataFrame, lang: str, places: bool = False) -> Any:
    """The first rows, never a personal column (names, NIK, birth dates, parents, addresses, phones),
    whatever kind the planner chose: recognised by header and by content. ``places``: a boundary file, whose
    name columns (``nama``, ``NAMOBJ``, ``WADMKD``, ``jenis``, ...) name villages and are shown."""
    place_columns = [c for c in preview.columns if places and _PLACE_HEADER.match(str(c).strip())]
    shown, hidden = drop_for_preview(preview.drop(columns=place_columns))
    if place_columns:
        shown = preview[[c for c in preview.columns if c in place_columns or c in shown.columns]]
    table = dbc.Table.from_dataframe(shown.astype(str), size="sm", striped=True, className="preview-table")
    note = (
        html.P(t("data.preview.hidden", lang, columns=", ".join(hidden)), className="text-muted small preview-hidden")
        if hidden
        else None
    )
    return html.Div(
        [html.H3(t("data.preview", lang), className="h6"), note, html.Div(table, className="table-responsive")]
    )


def boundary_preview_view(services: Services, token: UploadToken, lang: str) -> tuple[Any, Any]:
    """A boundary file's first attribute rows and the code column, detected and open to correction."""
    from dashboard.data.importers.boundary_files import boundary_preview

    try:
        preview, detected = boundary_preview(token.path(services).read_bytes(), token.name, rows=PREVIEW_ROWS)
    except Exception as error:  # any reader error becomes a message to the planner
        return dbc.Alert(t("data.error.unreadable", lang, error=error), color="danger"), None
    columns = [str(c) for c in preview.columns]
    chooser = html.Div(
        [
            dbc.Label(t("data.code_column", lang), html_for=CODE_COLUMN_KEY),
            dcc.Dropdown(
                id=pattern_id(Pattern.MAP_COLUMN, CODE_COLUMN_KEY),
                options=[{"label": c, "value": c} for c in columns],
                value=detected,
                placeholder=t("data.code_column.none", lang),
            ),
        ],
        className="mb-3",
    )
    return _preview_table(preview, lang, places=True), chooser


def preview_view(services: Services, token: UploadToken, kind: str, lang: str) -> tuple[Any, Any]:
    """The first rows of a table upload, and the column-mapping form when the kind asks for one."""
    content = token.path(services).read_bytes()
    resolved = resolve_kind(kind, token.name, content)
    if resolved == ImportKind.BOUNDARIES:
        return boundary_preview_view(services, token, lang)
    if resolved == ImportKind.PUSKESMAS and is_spatial(token.name):  # service-area polygons: no code column to choose
        table, _chooser = boundary_preview_view(services, token, lang)
        note = html.P(t("data.preview.puskesmas_boundaries", lang), className="text-muted small preview-puskesmas")
        return html.Div([note, table]), None
    from dashboard.data.importers.eppgbm import MeasurementFileError, measurement_preview
    from dashboard.data.importers.indicators import read_table_preview, suggest_mapping

    try:
        if resolved == ImportKind.MEASUREMENTS:  # never the children's names, NIK or birth dates
            preview = measurement_preview(content, token.name, PREVIEW_ROWS)
        else:
            preview = read_table_preview(content, token.name, PREVIEW_ROWS)
    except MeasurementFileError as error:
        return dbc.Alert(error.problem.message(lang), color="danger"), None
    except Exception as error:  # any reader error becomes a message to the planner
        return dbc.Alert(t("data.error.unreadable", lang, error=error), color="danger"), None
    preview_block = _preview_table(preview, lang)
    if resolved == ImportKind.PUSKESMAS:  # said, so a list is never taken for figures (or the other way round)
        note = html.P(t("data.preview.puskesmas", lang), className="text-muted small preview-puskesmas")
        return html.Div([note, preview_block]), None
    if resolved == ImportKind.MEASUREMENTS:
        note = html.P(t("data.preview.private", lang), className="text-muted small")
        return html.Div([preview_block, note]), None
    if kind != ImportKind.MAPPED:
        return preview_block, None
    suggested = suggest_mapping([str(c) for c in preview.columns])
    by_column = {column: field for field, column in suggested.items()}
    options = [{"label": t("data.mapping.ignore", lang), "value": ""}]
    fields = ("kode_wilayah", "nama_desa", "kecamatan", "puskesmas", "periode", "bulan", "tahun")
    options += [{"label": t(f"data.field.{f}", lang), "value": f} for f in fields]
    for key, indicator in CATALOGUE.items():
        options.append(
            {"label": t("data.mapping.numerator", lang, label=indicator.label(lang)), "value": f"{key}.pembilang"}
        )
        options.append(
            {"label": t("data.mapping.denominator", lang, label=indicator.label(lang)), "value": f"{key}.penyebut"}
        )
    rows = [
        html.Tr(
            [
                html.Td(str(column)),
                html.Td(
                    dcc.Dropdown(
                        id=pattern_id(Pattern.MAP_COLUMN, str(column)),
                        options=options,
                        value=by_column.get(str(column), ""),
                        clearable=False,
                    )
                ),
            ]
        )
        for column in preview.columns
    ]
    mapping_block = html.Div(
        [
            html.H3(t("data.mapping", lang), className="h6"),
            html.P(t("data.mapping.help", lang), className="text-muted"),
            html.Div(dbc.Table(html.Tbody(rows), size="sm"), className="table-responsive"),
            dbc.Label(t("data.mapping.fixed_period", lang), html_for=FIXED_PERIOD_KEY),
            dbc.Input(
                id=pattern_id(Pattern.MAP_COLUMN, FIXED_PERIOD_KEY),
                placeholder=t("data.mapping.fixed_period.placeholder", lang),
                value="",
            ),
        ]
    )
    return preview_block, mapping_block


def receive_upload(services: Services, stored: object, kind: str, lang: str) -> tuple[Any, ...]:
    """A new upload, or a new kind for the last one: what was received, the preview, the mapping form.

    ``stored`` is the browser's token; the server resolves its id for the signed-in owner, so a forged or
    someone else's id shows "gone" and reads nothing. The last report and result are cleared, the check
    and cancel enabled and the commit disabled until the next check.
    """
    if not stored:
        raise PreventUpdate
    try:
        token = UploadToken.from_dict(stored)
        token.record(services)
    except UploadMissing:
        gone = dbc.Alert(t("upload.expired", lang), color="warning")
        return gone, None, None, None, None, True, True, True
    size = f"{fmt_number(token.size / 1e6, lang, 1)} MB"
    preview, mapping = preview_view(services, token, kind, lang)
    info = dbc.Alert(t("data.upload.received", lang, name=token.name, size=size), color="light")
    return info, preview, mapping, None, None, False, True, False


def cancel_upload(services: Services, stored: object, lang: str) -> tuple[Any, ...]:
    """Delete the upload's file and record now (the planner's "cancel"); the page forgets it."""
    try:
        token = UploadToken.from_dict(stored)
        token.record(services)
    except UploadMissing:
        raise PreventUpdate from None
    services.require_uploads().discard(token.id)
    actor = current_actor()
    if actor is not None:
        services.require_accounts().audit(actor, "upload_cancel", target=token.name)
    done = dbc.Alert(t("upload.cancelled", lang), color="info")
    return None, done, None, None, None, None, True, True, True


def crosswalk_view(services: Services, stored: object, kind: str, crosswalk: object, lang: str) -> tuple[bool, Any]:
    """Whether the crosswalk zone is hidden, and a line naming the crosswalk chosen. It shows while a boundary file
    is being imported, or an indicator file with a column of BPS codes (:func:`bps_coded_table`: a provincial
    analyst's kabupaten series coded by BPS, as Papua's are). Both tokens are resolved for the signed-in owner;
    a stale one shows nothing."""
    try:
        token = UploadToken.from_dict(stored)
    except UploadMissing:
        return True, None
    resolved = resolve_kind(kind, token.name)
    if resolved == ImportKind.BOUNDARIES:  # a polygon file of puskesmas areas has no BPS village codes to translate
        try:
            resolved = resolve_kind(kind, token.name, token.path(services).read_bytes())
        except UploadMissing:
            return True, None
        if resolved != ImportKind.BOUNDARIES:
            return True, None
    indicators = resolved != ImportKind.BOUNDARIES and bps_coded_table(services, token, kind)
    if resolved != ImportKind.BOUNDARIES and not indicators:
        return True, None
    note = html.Div(t("data.crosswalk.indicators", lang), className="text-muted crosswalk-indicators")
    form = ImportForm(kind, None, (), (), (), (), crosswalk=crosswalk)
    chosen = form.crosswalk_token(services)
    if chosen is None:
        return False, note if indicators else None
    size = f"{fmt_number(chosen.size / 1e3, lang, 1)} kB"
    line = html.Span(t("data.crosswalk.chosen", lang, name=chosen.name, size=size), className="text-success")
    return False, html.Div([note, line]) if indicators else line


def bps_coded_table(services: Services, token: UploadToken, kind: str) -> bool:
    """Whether an indicator upload (the tidy template, or a kind still to detect) has a column of BPS region codes
    (``kode_bps``), which the check reads through a crosswalk; False for anything else or an unreadable file."""
    if kind not in (ImportKind.AUTO, ImportKind.TIDY):
        return False
    from dashboard.data.importers.indicators import bps_code_column

    try:
        content = token.path(services).read_bytes()
    except UploadMissing:
        return False
    if resolve_kind(kind, token.name, content) not in (ImportKind.AUTO, ImportKind.TIDY):
        return False
    return bps_code_column(table_header(content, token.name)) is not None
