"""The data page's check and commit as background jobs (their heartbeat, a busy database) and the watchdog that
tells the planner a job was lost (:mod:`~dashboard.views.data_page.jobs` keeps the beats)."""

from __future__ import annotations

import logging
from typing import Any

import dash
import dash_bootstrap_components as dbc
from dash import no_update
from dash.exceptions import PreventUpdate

from dashboard.auth.context import current_actor
from dashboard.auth.roles import Role, covers
from dashboard.data.importers.puskesmas import PuskesmasBatch
from dashboard.data.source import DEMO_DISTRICT_CODE
from dashboard.data.store import StoreBusy
from dashboard.data.uploads import UploadMissing
from dashboard.i18n import t
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
from dashboard.views.data_page.report import Progress, report_view, result_view
from dashboard.views.data_page.uploads import CheckedBatch, ImportForm, UploadToken

__all__ = ["abandoned_alert", "busy_alert", "check_report", "commit_upload", "lost_job", "run_job", "workers_answer"]

log = logging.getLogger(__name__)


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


def workers_answer() -> bool:
    """Whether a background worker answers (the app's manager, pinged as ``/healthz`` does, ≤ 1 s); True when
    that cannot be asked (no app in this context): then a queued job gets the queue's whole patience."""
    from dashboard import health

    try:
        app = dash.get_app()
    except Exception:  # outside a running app (a unit test): no opinion
        return True
    return bool(health.check_worker(app)["status"] == "ok")


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
    waited = ticks * WATCHDOG_MS / 1000
    grace = QUEUED_GRACE_S if services.settings.celery_broker else LOCAL_GRACE_S  # a queue, or a job started at once
    if beat is None and grace > LOCAL_GRACE_S and waited > LOCAL_GRACE_S and not workers_answer():
        grace = LOCAL_GRACE_S  # a queue no worker takes from: said within 30 s, not after the queue's patience
    state = job_state(beat, waited, now, grace)
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
