"""The data page's reports: a check's problems and name confirmations, the quality report, a commit's result."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import dash_bootstrap_components as dbc
import pandas as pd
from dash import dcc, html, no_update
from dash.exceptions import PreventUpdate

from dashboard.auth.context import current_actor
from dashboard.auth.roles import Role, covers
from dashboard.data.assessment import about_stored_data
from dashboard.data.importers.model import BoundaryBatch, DatasetKind, IndicatorBatch, Problem, Severity
from dashboard.data.importers.puskesmas import PuskesmasBatch
from dashboard.data.source import DEMO_DISTRICT_CODE
from dashboard.data.store import CommitResult, StoreBusy
from dashboard.data.uploads import UploadMissing
from dashboard.i18n import fmt_int, fmt_number, t
from dashboard.ids import ID, Pattern, pattern_id
from dashboard.services import Services
from dashboard.views.data_page.jobs import (
    LOCAL_GRACE_S,
    QUEUED_GRACE_S,
    WATCHDOG_MS,
    JobBeats,
    JobKey,
    JobState,
    Pulse,
    heartbeat,
    job_state,
)
from dashboard.views.data_page.quality import measurement_summary, quality_view
from dashboard.views.data_page.uploads import CheckedBatch, ImportForm, UploadToken

__all__ = [
    "AGAINST_STORED_SHOWN",
    "REPORT_ROWS",
    "Progress",
    "abandoned_alert",
    "against_stored",
    "busy_alert",
    "check_report",
    "commit_upload",
    "lost_job",
    "measurement_summary",
    "name_confirmations",
    "problem_table",
    "puskesmas_summary",
    "quality_view",
    "report_view",
    "result_view",
    "run_job",
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


def _checked(services: Services, form: ImportForm, stored: object) -> CheckedBatch | None:
    """The form's check of the upload, or None when the upload is gone (expired, cancelled, someone else's)."""
    try:
        return form.check(services, UploadToken.from_dict(stored))
    except UploadMissing:
        return None


def check_report(
    services: Services,
    set_progress: Progress,
    n_clicks: int | None,
    stored: dict[str, Any] | None,
    form: ImportForm,
    lang: str,
) -> tuple[Any, bool]:
    """Check the upload with the mapping and names chosen: the report, and whether the commit stays disabled.

    A refused check keeps the upload, so the planner can fix the mapping and check again.
    """
    if not n_clicks or not stored:
        raise PreventUpdate
    services.reset_after_fork()
    set_progress((10, t("data.checking", lang)))
    batch = _checked(services, form, stored)
    set_progress((100, t("data.progress.done" if batch is not None and batch.ok else "data.progress.stopped", lang)))
    if batch is None:
        return dbc.Alert(t("upload.expired", lang), color="warning"), True
    return report_view(batch, services, lang), not batch.ok


def commit_upload(
    services: Services,
    set_progress: Progress,
    n_clicks: int | None,
    stored: dict[str, Any] | None,
    form: ImportForm,
    version: int,
    lang: str,
    pulse: Pulse | None = None,
) -> tuple[Any, ...]:
    """Check again and, when nothing is refused, commit: the result, the datasets' version, and whether commit,
    check and cancel are disabled (all three after an import: its upload is gone).

    Nothing is written to the database until the planner presses *Impor*, and a file with errors is refused
    whole. The importer is the signed-in account (never a name typed on the page); a file with data for a
    district outside the account's areas is refused whole. A committed upload's file is deleted.

    A database another process keeps locked past SQLite's busy timeout gives :func:`busy_alert` with the three
    buttons enabled again (nothing was written). ``pulse`` (the job's heartbeat) learns the file's sha256 before the
    write, so a watchdog that finds the job lost can tell whether its commit finished; after that beat, a job the
    page has meanwhile declared lost (its tombstone, :meth:`~dashboard.views.data_page.jobs.JobBeats.abandon`)
    stops with :func:`abandoned_alert` and writes nothing.
    """
    if not n_clicks or not stored:
        raise PreventUpdate
    actor = current_actor()
    if actor is None:
        raise PreventUpdate
    services.reset_after_fork()
    set_progress((10, t("data.committing", lang)))
    batch = _checked(services, form, stored)
    if batch is None:
        set_progress((100, t("data.progress.stopped", lang)))
        return dbc.Alert(t("upload.expired", lang), color="warning"), version, True, True, True
    if not batch.ok:
        set_progress((100, t("data.progress.stopped", lang)))
        return dbc.Alert(t("data.result.refused", lang), color="danger"), version, True, no_update, no_update
    # The fictional demo is everyone's to read; only an administrator imports into it.
    outside = sorted(
        code
        for code in batch.districts
        if not covers(actor, code) or (code == DEMO_DISTRICT_CODE and actor.role is not Role.ADMIN)
    )
    accounts = services.require_accounts()
    if outside:
        set_progress((100, t("data.progress.stopped", lang)))
        try:
            accounts.audit(actor, "import", target=batch.file_name, detail={"districts": outside}, outcome="refused")
        except StoreBusy:
            log.error("refused import of %s by %s not audited: the database stayed locked", batch.file_name,
                      f"account {actor.id}")  # fmt: skip
        alert = dbc.Alert(t("import.area_refused", lang, codes=", ".join(outside)), color="danger")
        return alert, version, True, no_update, no_update
    set_progress((50, t("data.committing", lang)))
    if pulse is not None:
        pulse.beat("committing", sha256=batch.sha256)
        # Looked for after the beat: a watchdog that read the beat before it withdraws its verdict (jobs.py).
        if pulse.abandoned():
            log.warning("commit job %s was declared lost before its write: %s not imported", pulse.key.name,
                        batch.file_name)  # fmt: skip
            set_progress((100, t("data.progress.stopped", lang)))
            return abandoned_alert("commit", lang), version, False, False, False
    try:
        result = services.commit(batch, user=actor.label)
    except StoreBusy:
        set_progress((100, t("data.progress.stopped", lang)))
        return busy_alert(lang), version, False, False, False
    if pulse is not None:
        pulse.beat("committed", dataset_id=result.dataset_id)
    try:
        accounts.record_import(actor, batch.file_name, result)
    except StoreBusy:  # the import is in; only its line in the audit log waits for no one
        log.error("import of %s as dataset %s by %s not audited: the database stayed locked", batch.file_name,
                  result.dataset_id, f"account {actor.id}")  # fmt: skip
    services.require_uploads().discard(UploadToken.from_dict(stored).id)
    crosswalk = form.crosswalk_token(services)
    if crosswalk is not None and result.dataset_id is not None:  # raw uploads do not outlive their import
        services.require_uploads().discard(crosswalk.id)
    set_progress((100, t("data.progress.done", lang)))
    return result_view(result, lang, puskesmas=isinstance(batch, PuskesmasBatch)), version + 1, True, True, True


def _beating(set_progress: Progress, pulse: Pulse) -> Progress:
    """Each progress step is a heartbeat too."""

    def progress(value: tuple[int, str]) -> None:
        pulse.beat()
        set_progress(value)

    return progress


def run_job(
    action: str,
    services: Services,
    beats: JobBeats,
    set_progress: Progress,
    n_clicks: int | None,
    stored: dict[str, Any] | None,
    form: ImportForm,
    lang: str,
    version: int = 0,
) -> tuple[Any, ...]:
    """The background job of the check (:func:`check_report`) or the commit (:func:`commit_upload`, which gets
    ``version``), with a heartbeat.

    A job the page declared lost while it was queued (a Celery worker that was down takes it when it comes back)
    runs nothing and writes nothing: before its first beat it finds its tombstone, answers the lost message with
    the buttons enabled (the bar stopped) and leaves the datasets' version alone. :class:`PreventUpdate` without
    a click or an upload.
    """
    if not n_clicks or not stored:
        raise PreventUpdate
    key = JobKey(str(stored.get("id")), action, n_clicks)
    if beats.abandoned(key):
        log.warning("%s job %s was declared lost before it started: it does nothing", action, key.name)
        set_progress((100, t("data.progress.stopped", lang)))  # if the page still listens, the bar stops
        if action == "check":
            return abandoned_alert(action, lang), True
        return abandoned_alert(action, lang), no_update, False, False, False
    with heartbeat(beats, key) as pulse:
        progress = _beating(set_progress, pulse)
        if action == "check":
            return check_report(services, progress, n_clicks, stored, form, lang)
        return commit_upload(services, progress, n_clicks, stored, form, version, lang, pulse)


def busy_alert(lang: str) -> Any:
    """The database is locked by another process: try again soon; nothing was changed."""
    return dbc.Alert(t("data.busy", lang), color="warning", className="data-busy")


def abandoned_alert(action: str, lang: str) -> Any:
    """A job that the page had declared lost (``action``: ``"check"`` or ``"commit"``) ran later and did nothing."""
    return dbc.Alert(t(f"data.job.lost.{action}", lang), color="danger", className="data-job-lost")


def _waiting(lang: str) -> tuple[Any, ...]:
    """The watchdog's answer while a dispatched job has not started: the full moving bar says so."""
    return (no_update,) * 4 + (100, t("data.job.waiting", lang)) + (no_update,) * 5


def lost_job(
    services: Services,
    beats: JobBeats,
    ticks: int | None,
    action: str | None,
    stored: dict[str, Any] | None,
    clicks: dict[str, int | None],
    version: int,
    lang: str,
    now: float | None = None,
) -> tuple[Any, ...]:
    """The watchdog's verdict on the running check or commit (see :mod:`~dashboard.views.data_page.jobs`).

    Parameters
    ----------
    ticks
        The watchdog's ticks since the job was dispatched (the running job resets them to 0).
    action
        ``"check"`` or ``"commit"``, set by the running job; ``None`` when none runs.
    clicks
        The check's and the commit's click counts, by action (a job's key holds its button's count).

    Returns
    -------
    tuple
        The message, the check's, commit's and cancel's ``disabled``, the progress bar's value, label, ``animated``
        and ``striped``, the watchdog's ``disabled``, the value that cancels Dash's polling of the job, and the
        datasets' version. :class:`PreventUpdate` while the job runs; only the bar's value and label ("waiting for
        the background worker") while it has not started; only the watchdog's ``disabled`` once it ended in its
        own time.

    A lost job is abandoned first (its tombstone: a queued job that a worker takes later does nothing); if it beat
    meanwhile, it is alive and the verdict is withdrawn. A lost commit whose file is in a dataset finished: the
    message names the dataset and the list is refreshed. Otherwise nothing was changed (a commit is one
    transaction), and the buttons are enabled to try again; a job that never started says so (the worker is
    stopped or busy).
    """
    if not ticks or action not in ("check", "commit") or not stored or not stored.get("id"):
        raise PreventUpdate
    key = JobKey(str(stored["id"]), action, int(clicks.get(action) or 0))
    beat = beats.read(key)
    grace = QUEUED_GRACE_S if services.settings.celery_broker else LOCAL_GRACE_S  # a queue, or a job started at once
    state = job_state(beat, ticks * WATCHDOG_MS / 1000, now, grace)
    if state is JobState.RUNNING:
        if beat is None:
            return _waiting(lang)
        raise PreventUpdate
    if state is JobState.DONE:  # its answer comes through Dash: the watchdog only stops
        return (no_update,) * 8 + (True, no_update, no_update)
    try:
        beats.abandon(key)
    except OSError as error:  # the shared folder fails: the verdict stands, without its guard
        log.error("background %s job %s: tombstone not written: %s", action, key.name, error)
    if beats.read(key) != beat:  # it beat after all: alive; the tombstone stops it before any write
        log.warning("background %s job %s beat while declared lost; the verdict is withdrawn", action, key.name)
        raise PreventUpdate
    finished = None
    if action == "commit" and beat is not None and beat.sha256 and services.store is not None:
        finished = services.store.dataset_with_file(beat.sha256)
    log.warning("background %s job %s lost (last beat: %s); %s", action, key.name, beat,
                f"its dataset {finished.id} is stored" if finished else "nothing was changed")  # fmt: skip
    if finished is not None:
        services.invalidate()
        message = dbc.Alert(t("data.job.finished", lang, id=finished.id), color="success", className="data-job-lost")
        buttons = (True, True, True)  # the upload was imported: nothing left to check or commit
        version += 1
    else:
        reason = "lost" if beat is not None else "unstarted"  # a worker that never took it is stopped or busy
        message = dbc.Alert(t(f"data.job.{reason}.{action}", lang), color="danger", className="data-job-lost")
        buttons = (False, action == "check", False)  # retry; a lost check leaves the commit waiting for one
    progress = (100, t("data.progress.done" if finished else "data.progress.stopped", lang), False, False)
    return message, *buttons, *progress, True, key.name, version
