"""The data page's reports: a check's problems and name confirmations, the quality report, a commit's result."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import dash_bootstrap_components as dbc
import pandas as pd
from dash import dcc, html

from dashboard.data.assessment import about_stored_data
from dashboard.data.importers.model import BoundaryBatch, DatasetKind, IndicatorBatch, Problem, Severity
from dashboard.data.importers.puskesmas import PuskesmasBatch
from dashboard.data.store import CommitResult
from dashboard.i18n import fmt_int, fmt_number, t
from dashboard.ids import ID, Pattern, pattern_id
from dashboard.services import Services
from dashboard.views.data_page.quality import measurement_summary, quality_view
from dashboard.views.data_page.uploads import CheckedBatch

__all__ = [
    "AGAINST_STORED_SHOWN",
    "REPORT_ROWS",
    "Progress",
    "against_stored",
    "measurement_summary",
    "name_confirmations",
    "problem_table",
    "puskesmas_summary",
    "quality_view",
    "report_view",
    "result_view",
]

log = logging.getLogger(__name__)

REPORT_ROWS = 200  # problems shown on the page; the stored report keeps them all
Progress = Callable[[tuple[int, str]], None]


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
            html.Div(  # on a phone the table scrolls in its own box, not the page
                dbc.Table(
                    [
                        html.Thead(html.Tr([html.Th(t(f"data.report.col.{c}", lang)) for c in columns])),
                        html.Tbody(rows),
                    ],
                    size="sm",
                    bordered=True,
                    className="report-table",
                ),
                className="table-responsive",
            ),
            html.P(t("data.report.more", lang, n=more)) if more > 0 else None,
        ]
    )


def name_confirmations(batch: IndicatorBatch, services: Services, lang: str) -> Any:
    """One dropdown per village name to confirm, its candidates best first; names already confirmed keep their
    dropdown with the village chosen, so a second check and the commit read the same choice."""
    if not batch.suggestions and not batch.confirmed:
        return None
    villages = pd.concat(
        [pd.DataFrame(services.source.villages(d.code).drop(columns="geometry")) for d in services.source.districts()]
    ).set_index("code")
    rows = []
    for suggestion, chosen in [*((s, "") for s in batch.suggestions), *((c, c.candidates[0]) for c in batch.confirmed)]:
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
                            value=chosen,
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
            html.Div(
                dbc.Table([html.Thead(header), html.Tbody(rows)], size="sm", className="names-table"),
                className="table-responsive",
            ),
        ]
    )


def puskesmas_summary(batch: PuskesmasBatch, lang: str) -> Any:
    """Each puskesmas of a checked list with its district and the number of villages it serves, first ones only."""
    if batch.puskesmas.empty:
        return None
    served = batch.villages.groupby("puskesmas_code").size()
    shown = batch.puskesmas.head(REPORT_ROWS)
    # A boundary file says, for each puskesmas, whether its area is its own polygon or its villages' union.
    own: list[bool | None] = (
        [bool(has) for has in shown["geometry"].notna()] if batch.boundaries else [None] * len(shown)
    )
    rows = [
        html.Tr(
            [html.Td(code), html.Td(name), html.Td(district), html.Td(fmt_int(int(served.get(code, 0)), lang))]
            + ([] if has is None else [html.Td(t(f"data.puskesmas.boundary.{'yes' if has else 'no'}", lang))])
        )
        for (district, code, name), has in zip(
            shown[["district_code", "code", "name"]].itertuples(index=False), own, strict=True
        )
    ]
    columns = ("code", "name", "district", "villages", *(("boundary",) if batch.boundaries else ()))
    header = html.Tr([html.Th(t(f"data.puskesmas.col.{c}", lang)) for c in columns])
    table = dbc.Table([html.Thead(header), html.Tbody(rows)], size="sm", className="puskesmas-table")
    return html.Div(table, className="table-responsive")


def report_view(batch: CheckedBatch, services: Services, lang: str) -> Any:
    errors = [p for p in batch.problems if p.severity is Severity.ERROR]
    warnings = [p for p in batch.problems if p.severity is Severity.WARNING]
    if isinstance(batch, PuskesmasBatch) and batch.boundaries:
        summary = t(
            "data.report.puskesmas_boundaries",
            lang,
            features=fmt_int(batch.rows_read, lang),
            puskesmas=fmt_int(int(batch.puskesmas["geometry"].notna().sum()), lang),
            errors=fmt_int(len(errors), lang),
            warnings=fmt_int(len(warnings), lang),
        )
        names = puskesmas_summary(batch, lang)
    elif isinstance(batch, PuskesmasBatch):
        summary = t(
            "data.report.puskesmas",
            lang,
            rows=fmt_int(batch.rows_read, lang),
            puskesmas=fmt_int(len(batch.puskesmas), lang),
            villages=fmt_int(len(batch.villages), lang),
            errors=fmt_int(len(errors), lang),
            warnings=fmt_int(len(warnings), lang),
        )
        names = puskesmas_summary(batch, lang)
    elif isinstance(batch, BoundaryBatch):
        summary = t(
            "data.report.boundaries",
            lang,
            villages=fmt_int(len(batch.villages), lang),
            kecamatan=fmt_int(batch.villages["kecamatan_code"].nunique() if len(batch.villages) else 0, lang),
            repaired=fmt_int(batch.repaired, lang),
        )
        if not len(batch.villages) and batch.outlines is not None and len(batch.outlines):
            # A provincial analyst's file of kabupaten (or kecamatan, province) outlines: say what it holds.
            counts = batch.outlines["level"].astype(str).value_counts()
            summary = t("data.report.outlines", lang, kabupaten=fmt_int(int(counts.get("kabupaten", 0)), lang),
                        kecamatan=fmt_int(int(counts.get("kecamatan", 0)), lang),
                        provinsi=fmt_int(int(counts.get("provinsi", 0)), lang),
                        repaired=fmt_int(batch.repaired, lang))  # fmt: skip
        names = None
    else:
        summary = t(
            "data.report.summary",
            lang,
            rows=fmt_int(batch.rows_read, lang),
            observations=fmt_int(len(batch.observations) + len(batch.estimates), lang),  # survey estimates too
            errors=fmt_int(len(errors), lang),
            warnings=fmt_int(len(warnings), lang),
        )
        names = name_confirmations(batch, services, lang)
        if batch.kind is DatasetKind.MEASUREMENTS:
            quality = quality_view(batch.extra.get("quality"), services, lang, ID.QUALITY_TABLE)
            names = html.Div([measurement_summary(batch, lang), names, quality])
    # Warnings against stored data are spelled out above the verdict of a file that can be imported, and only
    # counted in the table's place: the missing villages of an incomplete period are long enough to read once.
    above = [p for p in warnings if about_stored_data(p)][:AGAINST_STORED_SHOWN] if batch.ok else []
    if not batch.ok:
        verdict = dbc.Alert(t("data.report.refused", lang), color="danger")
    elif warnings:
        verdict = dbc.Alert([against_stored(warnings, lang), t("data.report.ok_warnings", lang, n=len(warnings))],
                            color="warning", className="report-ok-warnings")  # fmt: skip
    else:
        verdict = dbc.Alert(t("data.report.ok", lang), color="success")
    listed = [p for p in batch.problems if not any(p is q for q in above)]
    note = html.P(t("data.report.shown_above", lang, n=len(above)), className="small text-muted report-shown-above")
    return html.Div(
        [html.H3(t("data.report", lang), className="h5"), html.P(summary, className="report-summary"), verdict,
         names, note if above else None, problem_table(listed, lang)]
    )  # fmt: skip


AGAINST_STORED_SHOWN = 10  # warnings against stored data spelled out above the verdict; the table lists all


def against_stored(warnings: list[Problem], lang: str) -> Any:
    """The warnings a check raised against what is stored (a period few villages report, implausible values), said
    before the file is called ready; None when there are none."""
    found = [problem for problem in warnings if about_stored_data(problem)]
    if not found:
        return None
    items = [html.Li(f"{problem.reason(lang)}. {problem.fix(lang)}") for problem in found[:AGAINST_STORED_SHOWN]]
    more = len(found) - AGAINST_STORED_SHOWN
    if more > 0:
        items.append(html.Li(t("data.report.against_stored.more", lang, n=more)))
    return html.Div([html.P(t("data.report.against_stored", lang), className="mb-1"), html.Ul(items)])


def result_view(result: CommitResult, lang: str, *, puskesmas: bool = False) -> Any:
    """What a commit did, in words: the dataset, its values (for a puskesmas list, the villages served and the
    puskesmas replaced), and for boundaries the codes that came and went."""
    if result.duplicate_of is not None:
        return dbc.Alert(t("data.result.duplicate", lang, id=result.duplicate_of), color="info")
    prefix = "data.result.puskesmas" if puskesmas else "data.result"
    lines: list[Any] = [t(f"{prefix}.ok", lang, id=result.dataset_id, rows=fmt_int(result.rows, lang))]
    for key, codes in (("appeared", result.appeared), ("disappeared", result.disappeared)):
        if codes:
            shown = ", ".join(codes[:20]) + (" …" if len(codes) > 20 else "")
            lines.append(html.Div(t(f"data.result.{key}", lang, n=fmt_int(len(codes), lang), codes=shown)))
    if result.replaced:
        lines.append(html.Div(t(f"{prefix}.replaced", lang, n=fmt_int(result.replaced, lang))))
    if result.aliases_saved:
        lines.append(html.Div(t("data.result.aliases", lang, n=fmt_int(result.aliases_saved, lang))))
    return dbc.Alert(lines, color="success")
