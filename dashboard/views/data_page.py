"""The data page (``/data``): upload, check, confirm names and columns, commit, and the list of datasets.

Uploaded bytes are written once to ``<data dir>/uploads/<sha256>`` and the browser keeps only a small
token, so checking and committing a 200 MB file never sends it back and forth. Checking and
committing run as background callbacks with a progress bar; nothing is written to the database until
the planner presses *Impor*, and a file with errors is refused whole.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import dash_bootstrap_components as dbc
import pandas as pd
from dash import ALL, Dash, Input, Output, State, ctx, dcc, html, no_update
from dash.exceptions import PreventUpdate

from dashboard.core.indicators import CATALOGUE
from dashboard.core.quality import EXPECTED_PCT
from dashboard.data.importers.model import BoundaryBatch, DatasetKind, IndicatorBatch, Problem, Severity
from dashboard.data.source import District
from dashboard.data.store import CommitResult
from dashboard.i18n import fmt_int, fmt_number, t
from dashboard.ids import ID, Pattern, pattern_id
from dashboard.services import Services

__all__ = ["MAX_UPLOAD_MB", "ImportKind", "UploadToken", "layout", "register"]

log = logging.getLogger(__name__)

MAX_UPLOAD_MB = 200
FIXED_PERIOD_KEY = "__periode_tetap__"  # the mapping form's free-text period for the whole file
CODE_COLUMN_KEY = "__kolom_kode__"  # a boundary file's column of Kemendagri codes
REPORT_ROWS = 200  # problems shown on the page; the stored report keeps them all
BOUNDARY_SUFFIXES = {".geojson", ".json", ".gpkg", ".parquet", ".zip", ".shp"}
Progress = Callable[[tuple[int, str]], None]


class ImportKind:
    AUTO = "auto"
    BOUNDARIES = "boundaries"
    TIDY = "tidy"
    SIGIZI = "sigizi"
    MAPPED = "mapped"
    MEASUREMENTS = "measurements"
    ALL_KINDS = (AUTO, BOUNDARIES, TIDY, SIGIZI, MAPPED, MEASUREMENTS)


@dataclass(frozen=True)
class UploadToken:
    """What the browser keeps of an upload: enough to find the bytes again, nothing personal."""

    name: str
    sha256: str
    size: int

    def path(self, services: Services) -> Path:
        return upload_dir(services) / self.sha256

    def as_dict(self) -> dict[str, Any]:
        return {"name": self.name, "sha256": self.sha256, "size": self.size}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> UploadToken:
        return cls(str(data["name"]), str(data["sha256"]), int(data["size"]))


def upload_dir(services: Services) -> Path:
    path = services.settings.data_dir / "uploads"
    path.mkdir(parents=True, exist_ok=True)
    return path


def save_upload(services: Services, contents: str, file_name: str) -> UploadToken:
    """Decode a ``dcc.Upload`` data URL and keep the bytes under their hash."""
    try:
        _, encoded = contents.split(",", 1)
        content = base64.b64decode(encoded, validate=True)
    except (ValueError, binascii.Error) as error:
        raise ValueError(t("data.error.unreadable", "id", error=error)) from None
    digest = hashlib.sha256(content).hexdigest()
    token = UploadToken(Path(file_name).name, digest, len(content))
    target = token.path(services)
    if not target.exists():
        target.write_bytes(content)
    return token


def resolve_kind(kind: str, file_name: str, content: bytes | None = None) -> str:
    """``auto`` becomes boundaries for spatial files, measurements for e-PPGBM exports and posyandu registers
    (from the header of ``content``), else stays ``auto`` for the indicator importer's own detection."""
    if kind != ImportKind.AUTO:
        return kind
    if Path(file_name).suffix.lower() in BOUNDARY_SUFFIXES:
        return ImportKind.BOUNDARIES
    if content is not None:
        from dashboard.data.importers.eppgbm import detect_layout

        if detect_layout(content, file_name) is not None:
            return ImportKind.MEASUREMENTS
    return ImportKind.AUTO


def check_upload(
    services: Services,
    token: UploadToken,
    kind: str,
    district: str | None,
    mapping: dict[str, str] | None = None,
    confirmed: dict[str, str] | None = None,
    accept_near: bool = False,
) -> BoundaryBatch | IndicatorBatch:
    """Read and check an uploaded file; never writes to the database."""
    from dashboard.data.importers.boundary_files import prepare_boundary_import
    from dashboard.data.importers.indicators import prepare_indicator_import

    content = token.path(services).read_bytes()
    kind = resolve_kind(kind, token.name, content)
    if kind == ImportKind.BOUNDARIES:
        return prepare_boundary_import(content, token.name, (mapping or {}).get("kolom_kode"))
    if kind == ImportKind.MEASUREMENTS:
        from dashboard.data.importers.eppgbm import prepare_measurement_import

        villages, aliases = _matching_context(services, district)
        return prepare_measurement_import(content, token.name, villages, aliases, district_code=district,
                                          accept_near=accept_near, confirmed=confirmed or {})  # fmt: skip
    villages, aliases = _matching_context(services, district)
    return prepare_indicator_import(
        content,
        token.name,
        villages,
        aliases,
        format=kind,
        mapping=mapping or None,
        district_code=district,
        accept_near=accept_near,
        confirmed=confirmed or {},
    )


def _matching_context(services: Services, district: str | None) -> tuple[pd.DataFrame, dict[tuple[str, str], str]]:
    codes = [district] if district else [d.code for d in services.source.districts()]
    frames = [pd.DataFrame(services.source.villages(code).drop(columns="geometry")) for code in codes]
    villages = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
    aliases: dict[tuple[str, str], str] = {}
    for code in codes:
        aliases.update(services.require_store().aliases(code))
    return villages, aliases


def problem_table(problems: list[Problem], lang: str) -> Any:
    if not problems:
        return None
    shown = problems[:REPORT_ROWS]
    columns = ("row", "column", "value", "severity", "reason", "fix")
    rows = [
        html.Tr(
            [
                html.Td("" if p.row is None else str(p.row)),
                html.Td(p.column or ""),
                html.Td(p.value or ""),
                html.Td(t(f"data.severity.{p.severity}", lang)),
                html.Td(p.reason(lang)),
                html.Td(p.fix(lang)),
            ],
            className="table-danger" if p.severity is Severity.ERROR else "table-warning",
        )
        for p in shown
    ]
    more = len(problems) - len(shown)
    return html.Div(
        [
            dbc.Table(
                [html.Thead(html.Tr([html.Th(t(f"data.report.col.{c}", lang)) for c in columns])), html.Tbody(rows)],
                size="sm",
                bordered=True,
                className="report-table",
            ),
            html.P(t("data.report.more", lang, n=more)) if more > 0 else None,
        ]
    )


def name_confirmations(batch: IndicatorBatch, services: Services, lang: str) -> Any:
    """One dropdown per unconfirmed village name, its candidates best first."""
    if not batch.suggestions:
        return None
    villages = pd.concat(
        [pd.DataFrame(services.source.villages(d.code).drop(columns="geometry")) for d in services.source.districts()]
    ).set_index("code")
    rows = []
    for suggestion in batch.suggestions:
        options = [{"label": t("data.names.skip", lang), "value": ""}]
        for code, score in zip(suggestion.candidates, suggestion.scores, strict=True):
            if code in villages.index:
                label = t(
                    "data.names.candidate",
                    lang,
                    name=villages.at[code, "name"],
                    kecamatan=villages.at[code, "kecamatan_name"],
                    score=fmt_number(100 * score, lang, 0),
                )
                options.append({"label": label, "value": code})
        rows.append(
            html.Tr(
                [
                    html.Td(suggestion.raw_name),
                    html.Td(", ".join(str(r) for r in suggestion.rows[:10])),
                    html.Td(
                        dcc.Dropdown(
                            id=pattern_id(Pattern.NAME_MATCH, suggestion.raw_name),
                            options=options,
                            value="",
                            clearable=False,
                        )
                    ),
                ]
            )
        )
    header = html.Tr([html.Th(t(f"data.names.col.{c}", lang)) for c in ("name", "rows", "choice")])
    return html.Div(
        [
            html.H3(t("data.names", lang), className="h5 mt-3"),
            html.P(t("data.names.help", lang), className="text-muted"),
            dbc.Table([html.Thead(header), html.Tbody(rows)], size="sm", className="names-table"),
        ]
    )


def report_view(batch: BoundaryBatch | IndicatorBatch, services: Services, lang: str) -> Any:
    errors = [p for p in batch.problems if p.severity is Severity.ERROR]
    warnings = [p for p in batch.problems if p.severity is Severity.WARNING]
    if isinstance(batch, BoundaryBatch):
        summary = t(
            "data.report.boundaries",
            lang,
            villages=fmt_int(len(batch.villages), lang),
            kecamatan=fmt_int(batch.villages["kecamatan_code"].nunique() if len(batch.villages) else 0, lang),
            repaired=fmt_int(batch.repaired, lang),
        )
        names = None
    else:
        summary = t(
            "data.report.summary",
            lang,
            rows=fmt_int(batch.rows_read, lang),
            observations=fmt_int(len(batch.observations), lang),
            errors=fmt_int(len(errors), lang),
            warnings=fmt_int(len(warnings), lang),
        )
        names = name_confirmations(batch, services, lang)
        if batch.kind is DatasetKind.MEASUREMENTS:
            quality = quality_view(batch.extra.get("quality"), services, lang, ID.QUALITY_TABLE)
            names = html.Div([measurement_summary(batch, lang), names, quality])
    verdict = (
        dbc.Alert(t("data.report.ok", lang), color="success")
        if batch.ok
        else dbc.Alert(t("data.report.refused", lang), color="danger")
    )
    return html.Div(
        [html.H3(t("data.report", lang), className="h5"), html.P(summary, className="report-summary"), verdict,
         names, problem_table(batch.problems, lang)]
    )  # fmt: skip


# Quality figures shown per village, and the share above which each is marked (WHO's expectations, doubled).
_QUALITY_SHOWN: tuple[tuple[str, float | None], ...] = (
    ("rows", None),
    ("refused", None),
    ("flagged_haz_pct", 1.0),
    ("flagged_whz_pct", 1.0),
    ("haz_sd", 1.2),
    ("height_digit_0_5_pct", 2 * EXPECTED_PCT["height_digit_0_5_pct"]),
    ("birth_day_1_15_pct", 2 * EXPECTED_PCT["birth_day_1_15_pct"]),
    ("age_whole_month_pct", 2 * EXPECTED_PCT["age_whole_month_pct"]),
    ("missing_height_pct", 5.0),
    ("missing_weight_pct", 5.0),
)


def measurement_summary(batch: IndicatorBatch, lang: str) -> Any:
    """Measurements read, children counted once, refused rows and flagged z-scores, in one sentence."""
    extra: dict[str, Any] = batch.extra
    flagged: dict[str, int] = extra.get("flagged") or {}
    refused: dict[str, int] = extra.get("refused") or {}
    text = t(
        "data.measurements.summary", lang,
        measurements=fmt_int(int(extra.get("measurements", 0)), lang),
        children=fmt_int(int(extra.get("children", 0)), lang),
        refused=fmt_int(sum(int(v) for v in refused.values()), lang),
        flagged=fmt_int(sum(int(v) for v in flagged.values()), lang),
        periods=", ".join(str(p) for p in extra.get("periods") or []) or "-",
    )  # fmt: skip
    return html.P(text, className="measurement-summary")


def quality_view(records: object, services: Services, lang: str, table_id: str | None = None) -> Any:
    """The data-quality report per village (and, folded, per posyandu); figures far from WHO's expectations marked.

    ``records`` are the rows the measurement importer keeps in ``extra["quality"]`` (the check's batch, or a
    stored dataset's report).
    """
    if not isinstance(records, list) or not records:
        return None
    quality = pd.DataFrame(records)
    names: dict[str, str] = {}
    for district in sorted({str(code)[:5] for code in quality["code"]}):
        villages = services.source.villages(district)
        names.update(zip(villages["code"].astype(str), villages["name"].astype(str), strict=True))

    def row(record: dict[Any, Any], label: str) -> Any:
        cells = [html.Td(label)]
        for column, limit in _QUALITY_SHOWN:
            value = record.get(column)
            if value is None or (isinstance(value, float) and pd.isna(value)):
                cells.append(html.Td("–"))
                continue
            text = fmt_int(int(value), lang) if limit is None else fmt_number(float(value), lang, 1)
            high = limit is not None and float(value) > limit
            cells.append(html.Td(text, className="quality-high" if high else None))
        return html.Tr(cells)

    body = []
    for code, group in quality.groupby("code", sort=True):
        village = group[group["posyandu"].isna()]
        label = f"{names.get(str(code), str(code))} ({code})"
        if len(village):
            body.append(row(village.iloc[0].to_dict(), label))
        for record in group[group["posyandu"].notna()].to_dict(orient="records"):
            body.append(row(record, "\u2003" + t("data.quality.posyandu", lang, name=record["posyandu"])))
    header = html.Tr(
        [html.Th(t("data.quality.col.village", lang))]
        + [html.Th(t(f"data.quality.col.{column}", lang)) for column, _ in _QUALITY_SHOWN]
    )
    return html.Div(
        [
            html.H3(t("data.quality", lang), className="h6"),
            html.P(t("data.quality.help", lang), className="text-muted small"),
            html.Div(
                dbc.Table(
                    [html.Thead(header), html.Tbody(body)],
                    size="sm",
                    striped=True,
                    **({"id": table_id} if table_id else {}),
                ),
                className="table-responsive",
            ),
        ],
        className="quality-report",
    )


def _preview_table(preview: pd.DataFrame, lang: str) -> Any:
    table = dbc.Table.from_dataframe(preview.astype(str), size="sm", striped=True, className="preview-table")
    return html.Div([html.H3(t("data.preview", lang), className="h6"), html.Div(table, className="table-responsive")])


def boundary_preview_view(services: Services, token: UploadToken, lang: str) -> tuple[Any, Any]:
    """A boundary file's first attribute rows and the code column, detected and open to correction."""
    from dashboard.data.importers.boundary_files import boundary_preview

    try:
        preview, detected = boundary_preview(token.path(services).read_bytes(), token.name)
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
    return _preview_table(preview, lang), chooser


def preview_view(services: Services, token: UploadToken, kind: str, lang: str) -> tuple[Any, Any]:
    """The first rows of a table upload, and the column-mapping form when the kind asks for one."""
    content = token.path(services).read_bytes()
    resolved = resolve_kind(kind, token.name, content)
    if resolved == ImportKind.BOUNDARIES:
        return boundary_preview_view(services, token, lang)
    from dashboard.data.importers.eppgbm import MeasurementFileError, measurement_preview
    from dashboard.data.importers.indicators import read_table_preview, suggest_mapping

    try:
        if resolved == ImportKind.MEASUREMENTS:  # never the children's names, NIK or birth dates
            preview = measurement_preview(content, token.name, 20)
        else:
            preview = read_table_preview(content, token.name, 20)
    except MeasurementFileError as error:
        return dbc.Alert(error.problem.message(lang), color="danger"), None
    except Exception as error:  # any reader error becomes a message to the planner
        return dbc.Alert(t("data.error.unreadable", lang, error=error), color="danger"), None
    preview_block = _preview_table(preview, lang)
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
            dbc.Table(html.Tbody(rows), size="sm"),
            dbc.Label(t("data.mapping.fixed_period", lang), html_for=FIXED_PERIOD_KEY),
            dbc.Input(
                id=pattern_id(Pattern.MAP_COLUMN, FIXED_PERIOD_KEY),
                placeholder=t("data.mapping.fixed_period.placeholder", lang),
                value="",
            ),
        ]
    )
    return preview_block, mapping_block


def datasets_view(services: Services, lang: str) -> Any:
    if services.store is None:
        return dbc.Alert(t("data.no_store", lang), color="warning")
    datasets = services.store.datasets()
    if not datasets:
        return html.P(t("data.datasets.empty", lang), className="text-muted")
    columns = ("id", "kind", "file", "user", "time", "rows", "status")
    rows = []
    for dataset in datasets:
        rows.append(
            html.Tr(
                [
                    html.Td(str(dataset.id)),
                    html.Td(str(dataset.kind)),
                    html.Td(dataset.file_name),
                    html.Td(dataset.user or ""),
                    html.Td(dataset.created_at.strftime("%Y-%m-%d %H:%M")),
                    html.Td(fmt_int(dataset.rows_imported, lang), className="text-end"),
                    html.Td(str(dataset.status)),
                    html.Td(
                        dbc.Button(
                            t("data.datasets.remove", lang),
                            id=pattern_id(Pattern.REMOVE_DATASET, dataset.id),
                            color="outline-danger",
                            size="sm",
                        )
                        if dataset.kind != DatasetKind.DEMO
                        else t("demo.badge", lang)
                    ),
                ]
            )
        )
        if dataset.kind == DatasetKind.MEASUREMENTS:  # its data-quality report stays one click away
            stored = services.store.dataset(dataset.id)
            extra = ((stored.report if stored else None) or {}).get("extra") or {}
            report = quality_view(extra.get("quality"), services, lang)
            if report is not None:
                details = html.Details([html.Summary(t("data.quality", lang)), report], className="dataset-quality")
                rows.append(html.Tr(html.Td(details, colSpan=len(columns) + 1)))
    header = html.Tr([*[html.Th(t(f"data.datasets.col.{c}", lang)) for c in columns], html.Th("")])
    return dbc.Table([html.Thead(header), html.Tbody(rows)], size="sm", hover=True, className="datasets-table")


def district_options(districts: list[District], lang: str) -> list[dict[str, str]]:
    return [
        {"label": f"{d.name} ({d.code})" + (f" — {t('demo.badge', lang)}" if d.is_demo else ""), "value": d.code}
        for d in districts
    ]


def result_view(result: CommitResult, lang: str) -> Any:
    """What a commit did, in words: the dataset, its values, and for boundaries the codes that came and went."""
    if result.duplicate_of is not None:
        return dbc.Alert(t("data.result.duplicate", lang, id=result.duplicate_of), color="info")
    lines: list[Any] = [t("data.result.ok", lang, id=result.dataset_id, rows=fmt_int(result.rows, lang))]
    for key, codes in (("appeared", result.appeared), ("disappeared", result.disappeared)):
        if codes:
            shown = ", ".join(codes[:20]) + (" …" if len(codes) > 20 else "")
            lines.append(html.Div(t(f"data.result.{key}", lang, n=fmt_int(len(codes), lang), codes=shown)))
    if result.replaced:
        lines.append(html.Div(t("data.result.replaced", lang, n=fmt_int(result.replaced, lang))))
    if result.aliases_saved:
        lines.append(html.Div(t("data.result.aliases", lang, n=fmt_int(result.aliases_saved, lang))))
    return dbc.Alert(lines, color="success")


def layout(services: Services, lang: str, stored: dict[str, Any] | None) -> Any:
    districts = services.source.districts()
    prompt: list[Any] = [
        t("data.upload.prompt", lang),
        html.A(t("data.upload.choose", lang), href="#"),
        html.Div(t("data.upload.formats", lang, limit=MAX_UPLOAD_MB), className="small text-muted"),
    ]
    upload = dcc.Upload(
        id=ID.UPLOAD, children=html.Div(prompt), max_size=MAX_UPLOAD_MB * 1024 * 1024, className="upload-zone"
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
                    dbc.Col([upload, html.Div(id=ID.UPLOAD_INFO, className="mt-2")], lg=6),
                    dbc.Col([dbc.Label(t("data.kind", lang)), kinds], lg=3),
                    dbc.Col(
                        [
                            dbc.Label(t("data.district", lang)),
                            district,
                            dbc.Label(t("data.user", lang), className="mt-3", html_for=ID.IMPORT_USER),
                            dbc.Input(
                                id=ID.IMPORT_USER,
                                placeholder=t("data.user.placeholder", lang),
                                persistence=True,
                                persistence_type="local",
                                maxLength=80,
                            ),
                            dbc.Label(t("data.template", lang), className="mt-3 d-block"),
                            dbc.ButtonGroup(
                                [
                                    dbc.Button("CSV", id=ID.TEMPLATE_CSV, color="secondary", size="sm"),
                                    dbc.Button("XLSX", id=ID.TEMPLATE_XLSX, color="secondary", size="sm"),
                                ]
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
                    dbc.Button(t("data.commit", lang), id=ID.COMMIT, color="success", disabled=True),
                ],
                className="my-3",
            ),
            dbc.Progress(id=ID.PROGRESS, value=0, label="", striped=True, animated=True, className="mb-3"),
            html.Div(id=ID.PREVIEW),
            html.Div(id=ID.MAPPING),
            html.Div(id=ID.REPORT),
            html.Div(id=ID.RESULT),
            html.H2(t("data.datasets", lang), className="h4 mt-4"),
            html.Div(datasets_view(services, lang), id=ID.DATASETS),
        ],
        fluid=True,
    )


def mapping_fields(values: Sequence[str | None], ids: Sequence[dict[str, str]]) -> dict[str, str]:
    """The mapping form as ``{field: column}``: each column's dropdown names its field; one text box a period."""
    fields: dict[str, str] = {}
    for value, identifier in zip(values, ids, strict=True):
        if not value:
            continue
        if identifier["key"] == FIXED_PERIOD_KEY:
            fields["periode_tetap"] = str(value).strip()
        elif identifier["key"] == CODE_COLUMN_KEY:
            fields["kolom_kode"] = str(value)
        else:
            fields[str(value)] = str(identifier["key"])
    return fields


def _confirmed(values: list[str], ids: list[dict[str, str]]) -> dict[str, str]:
    return {str(identifier["key"]): value for value, identifier in zip(values, ids, strict=True) if value}


def register(app: Dash, services: Services) -> None:
    @app.callback(
        Output(ID.UPLOAD_TOKEN, "data"),
        Output(ID.UPLOAD_INFO, "children"),
        Output(ID.PREVIEW, "children"),
        Output(ID.MAPPING, "children"),
        Output(ID.REPORT, "children", allow_duplicate=True),
        Output(ID.RESULT, "children", allow_duplicate=True),
        Output(ID.CHECK, "disabled"),
        Output(ID.COMMIT, "disabled", allow_duplicate=True),
        Input(ID.UPLOAD, "contents"),
        Input(ID.IMPORT_KIND, "value"),
        State(ID.UPLOAD, "filename"),
        State(ID.UPLOAD_TOKEN, "data"),
        State(ID.LANGUAGE, "value"),
        prevent_initial_call=True,
    )
    def receive(contents: str | None, kind: str, file_name: str | None, stored: dict[str, Any] | None,
                lang: str) -> tuple[Any, ...]:  # fmt: skip
        if ctx.triggered_id == ID.UPLOAD:
            if not contents or not file_name:
                raise PreventUpdate
            token = save_upload(services, contents, file_name)
            log.info("upload received: %s (%d bytes)", token.name, token.size)
        elif stored:
            token = UploadToken.from_dict(stored)
        else:
            raise PreventUpdate
        size = f"{fmt_number(token.size / 1e6, lang, 1)} MB"
        preview, mapping = preview_view(services, token, kind, lang)
        info = dbc.Alert(t("data.upload.received", lang, name=token.name, size=size), color="light")
        return token.as_dict(), info, preview, mapping, None, None, False, True

    @app.callback(
        Output(ID.REPORT, "children"),
        Output(ID.COMMIT, "disabled"),
        Input(ID.CHECK, "n_clicks"),
        State(ID.UPLOAD_TOKEN, "data"),
        State(ID.IMPORT_KIND, "value"),
        State(ID.IMPORT_DISTRICT, "value"),
        State({"type": Pattern.MAP_COLUMN, "key": ALL}, "value"),
        State({"type": Pattern.MAP_COLUMN, "key": ALL}, "id"),
        State({"type": Pattern.NAME_MATCH, "key": ALL}, "value"),
        State({"type": Pattern.NAME_MATCH, "key": ALL}, "id"),
        State(ID.LANGUAGE, "value"),
        background=True,
        running=[(Output(ID.CHECK, "disabled"), True, False)],
        progress=[Output(ID.PROGRESS, "value"), Output(ID.PROGRESS, "label")],
        prevent_initial_call=True,
    )
    def check(set_progress: Progress, n_clicks: int | None, stored: dict[str, Any] | None, kind: str,
              district: str | None, map_values: list[str], map_ids: list[dict[str, str]], name_values: list[str],
              name_ids: list[dict[str, str]], lang: str) -> tuple[Any, bool]:  # fmt: skip
        if not n_clicks or not stored:
            raise PreventUpdate
        services.reset_after_fork()
        set_progress((10, t("data.checking", lang)))
        token = UploadToken.from_dict(stored)
        batch = check_upload(
            services, token, kind, district, mapping_fields(map_values, map_ids), _confirmed(name_values, name_ids)
        )
        set_progress((100, ""))
        return report_view(batch, services, lang), not batch.ok

    @app.callback(
        Output(ID.RESULT, "children"),
        Output(ID.DATASETS_VERSION, "data"),
        Output(ID.COMMIT, "disabled", allow_duplicate=True),
        Input(ID.COMMIT, "n_clicks"),
        State(ID.UPLOAD_TOKEN, "data"),
        State(ID.IMPORT_KIND, "value"),
        State(ID.IMPORT_DISTRICT, "value"),
        State({"type": Pattern.MAP_COLUMN, "key": ALL}, "value"),
        State({"type": Pattern.MAP_COLUMN, "key": ALL}, "id"),
        State({"type": Pattern.NAME_MATCH, "key": ALL}, "value"),
        State({"type": Pattern.NAME_MATCH, "key": ALL}, "id"),
        State(ID.DATASETS_VERSION, "data"),
        State(ID.IMPORT_USER, "value"),
        State(ID.LANGUAGE, "value"),
        background=True,
        running=[(Output(ID.COMMIT, "disabled"), True, False)],
        progress=[Output(ID.PROGRESS, "value"), Output(ID.PROGRESS, "label")],
        prevent_initial_call=True,
    )
    def commit(set_progress: Progress, n_clicks: int | None, stored: dict[str, Any] | None, kind: str,
               district: str | None, map_values: list[str], map_ids: list[dict[str, str]], name_values: list[str],
               name_ids: list[dict[str, str]], version: int, user: str | None,
               lang: str) -> tuple[Any, int, bool]:  # fmt: skip
        if not n_clicks or not stored:
            raise PreventUpdate
        if not (user or "").strip():
            return dbc.Alert(t("data.user.required", lang), color="warning"), version, False
        services.reset_after_fork()
        set_progress((10, t("data.checking", lang)))
        token = UploadToken.from_dict(stored)
        batch = check_upload(
            services, token, kind, district, mapping_fields(map_values, map_ids), _confirmed(name_values, name_ids)
        )
        if not batch.ok:
            set_progress((100, ""))
            return dbc.Alert(t("data.result.refused", lang), color="danger"), version, True
        set_progress((50, t("data.committing", lang)))
        result = services.commit(batch, user=(user or "").strip())
        set_progress((100, ""))
        return result_view(result, lang), version + 1, True

    @app.callback(
        Output(ID.DATASETS, "children"),
        Output(ID.IMPORT_DISTRICT, "options"),
        Input(ID.DATASETS_VERSION, "data"),
        State(ID.LANGUAGE, "value"),
        prevent_initial_call=True,
    )
    def refresh_datasets(_: int, lang: str) -> tuple[Any, list[dict[str, str]]]:
        services.invalidate()  # the commit ran in another process
        return datasets_view(services, lang), district_options(services.source.districts(), lang)

    @app.callback(
        Output(ID.REMOVE_CONFIRM, "displayed"),
        Output(ID.REMOVE_CONFIRM, "message"),
        Output(ID.REMOVE_TARGET, "data"),
        Input({"type": Pattern.REMOVE_DATASET, "key": ALL}, "n_clicks"),
        State(ID.LANGUAGE, "value"),
        prevent_initial_call=True,
    )
    def ask_remove(clicks: list[int | None], lang: str) -> tuple[bool, str, int]:
        if not any(clicks) or not isinstance(ctx.triggered_id, dict):
            raise PreventUpdate
        dataset_id = int(ctx.triggered_id["key"])
        dataset = services.require_store().dataset(dataset_id)
        if dataset is None:
            raise PreventUpdate
        return True, t("data.datasets.remove.confirm", lang, id=dataset_id, file=dataset.file_name), dataset_id

    @app.callback(
        Output(ID.DATASETS_VERSION, "data", allow_duplicate=True),
        Output(ID.RESULT, "children", allow_duplicate=True),
        Input(ID.REMOVE_CONFIRM, "submit_n_clicks"),
        State(ID.REMOVE_TARGET, "data"),
        State(ID.DATASETS_VERSION, "data"),
        State(ID.LANGUAGE, "value"),
        prevent_initial_call=True,
    )
    def remove(submitted: int | None, dataset_id: int | None, version: int, lang: str) -> tuple[int, Any]:
        if not submitted or dataset_id is None:
            raise PreventUpdate
        services.require_store().remove_dataset(dataset_id)
        services.invalidate()
        return version + 1, dbc.Alert(t("data.datasets.removed", lang, id=dataset_id), color="info")

    @app.callback(
        Output(ID.TEMPLATE_DOWNLOAD, "data"),
        Input(ID.TEMPLATE_CSV, "n_clicks"),
        Input(ID.TEMPLATE_XLSX, "n_clicks"),
        prevent_initial_call=True,
    )
    def template(csv_clicks: int | None, xlsx_clicks: int | None) -> Any:
        from dashboard.data.importers.indicators import blank_template_csv, blank_template_xlsx

        if ctx.triggered_id == ID.TEMPLATE_XLSX:
            return dcc.send_bytes(blank_template_xlsx(), "templat_indikator_lokus.xlsx")
        if ctx.triggered_id == ID.TEMPLATE_CSV:
            return dcc.send_bytes(blank_template_csv(), "templat_indikator_lokus.csv")
        return no_update
