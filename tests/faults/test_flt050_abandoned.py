"""A job the page declared lost is abandoned: run later (a Celery worker that was down), it writes nothing."""

from __future__ import annotations

import dataclasses
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from dash import no_update
from dash.exceptions import PreventUpdate

from dashboard.config import Settings
from dashboard.data.importers.boundary_files import prepare_boundary_import
from dashboard.data.store import Store
from dashboard.i18n import t
from dashboard.services import Services
from dashboard.views import data_page
from dashboard.views.data_page import jobs
from dashboard.views.data_page.importing import lost_job, run_job
from dashboard.views.data_page.jobs import Beat, JobBeats, JobKey
from tests.auth_helpers import signed_in_actor
from tests.store.helpers import villages_frame, write

pytestmark = pytest.mark.usefixtures("as_admin_when_services")

TIDY = (
    "kode_wilayah,periode,indikator,pembilang,penyebut\n"
    "52.91.01.2001,2025-08,stunting,4,40\n"
    "52.91.01.2002,2025-08,stunting,6,30\n"
)
QUEUED_TICKS = int(jobs.QUEUED_GRACE_S * 1000 // jobs.WATCHDOG_MS) + 1  # a queued job that never started: lost


@pytest.fixture
def services(tmp_path: Path) -> Iterator[Services]:
    settings = Settings(data_dir=tmp_path / "instance", celery_broker="redis://127.0.0.1:6379/0")
    with Store.open(settings=settings) as store:
        store.commit(prepare_boundary_import(write(villages_frame(), tmp_path, "geojson")), "test")
        yield Services.from_store(settings, store)


def _datasets(settings: Settings) -> int:
    with sqlite3.connect(settings.data_dir / "lokus.sqlite") as conn:
        return int(conn.execute("SELECT count(*) FROM datasets").fetchone()[0])


def _upload(services: Services) -> dict[str, Any]:
    return data_page.save_upload(services, TIDY.encode(), "stunting.csv", signed_in_actor()).as_dict()


def _watch(services: Services, beats: JobBeats, stored: dict[str, Any], ticks: int, attempt: int) -> tuple[Any, ...]:
    return lost_job(services, beats, ticks, "commit", stored, {"check": 1, "commit": attempt}, 7, "id")


FORM = data_page.ImportForm(data_page.ImportKind.AUTO, None, [], [], [], [])


def test_flt050_a_commit_declared_lost_while_queued_writes_nothing_when_a_worker_runs_it(services: Services) -> None:
    beats = JobBeats.under(services.settings.data_dir)
    stored = _upload(services)
    before = _datasets(services.settings)
    waiting = _watch(services, beats, stored, 3, 1)  # the worker is down: the bar says what the page waits for
    assert waiting[4:6] == (100, t("data.job.waiting", "id"))
    assert all(value is no_update for i, value in enumerate(waiting) if i not in (4, 5))
    message, check, commit, cancel, *_, version = _watch(services, beats, stored, QUEUED_TICKS, 1)
    assert str(message.children) == t("data.job.unstarted.commit", "id")
    assert "/healthz" in str(message.children) and (check, commit, cancel) == (False, False, False)
    assert version == 7

    # The worker comes back and takes the queued job: it does nothing, and the page's list is not refreshed.
    steps: list[tuple[int, str]] = []
    answer = run_job("commit", services, beats, steps.append, 1, stored, FORM, "id", 7)
    assert str(answer[0].children) == t("data.job.lost.commit", "id")
    assert answer[1] is no_update and answer[2:] == (False, False, False)
    assert steps == [(100, t("data.progress.stopped", "id"))]
    assert beats.read(JobKey(stored["id"], "commit", 1)) is None  # it never started
    assert _datasets(services.settings) == before

    # The retry the message asks for is a new job (a new click): it imports, once.
    again = run_job("commit", services, beats, steps.append, 2, stored, FORM, "id", 7)
    assert again[1] == 8 and _datasets(services.settings) == before + 1


class _LateWatchdog(JobBeats):
    """The watchdog's tombstone lands right after the job's ``committing`` beat, before its write."""

    def write(self, key: JobKey, beat: Beat) -> None:
        super().write(key, beat)
        if beat.stage == "committing":
            self.abandon(key)


def test_flt051_a_tombstone_after_the_committing_beat_still_stops_the_write(services: Services) -> None:
    beats = _LateWatchdog(JobBeats.under(services.settings.data_dir).folder)
    stored = _upload(services)
    before = _datasets(services.settings)
    steps: list[tuple[int, str]] = []
    message, version, *buttons = run_job("commit", services, beats, steps.append, 1, stored, FORM, "id", 7)
    assert str(message.children) == t("data.job.lost.commit", "id")
    assert version == 7 and buttons == [False, False, False]
    assert steps[-1] == (100, t("data.progress.stopped", "id"))
    assert _datasets(services.settings) == before
    last = beats.read(JobKey(stored["id"], "commit", 1))
    assert last is not None and last.stage == "done"  # its answer reaches the page through Dash


class _JobBeatsFirst(JobBeats):
    """The job beats between the watchdog's reading of its beat and its tombstone."""

    def abandon(self, key: JobKey) -> None:
        self.write(key, Beat("started", time.time()))
        super().abandon(key)


def test_flt052_a_job_that_beats_while_declared_lost_is_not_reported_lost_and_stays_abandoned(
    services: Services,
) -> None:
    beats = _JobBeatsFirst(JobBeats.under(services.settings.data_dir).folder)
    stored = _upload(services)
    key = JobKey(stored["id"], "commit", 1)
    with pytest.raises(PreventUpdate):  # alive after all: the page keeps waiting for its answer
        _watch(services, beats, stored, QUEUED_TICKS, 1)
    assert beats.abandoned(key) and not beats.abandoned(JobKey(stored["id"], "commit", 2))


def test_flt053_a_commit_shows_an_importing_label_from_its_first_step(services: Services) -> None:
    steps: list[tuple[int, str]] = []
    run_job(
        "commit",
        services,
        JobBeats.under(services.settings.data_dir),
        steps.append,
        1,
        _upload(services),
        FORM,
        "id",
        0,
    )
    assert [label for _, label in steps] == [t("data.committing", "id")] * 2 + [t("data.progress.done", "id")]


def test_flt054_tombstones_go_with_the_beats_after_their_time(tmp_path: Path) -> None:
    beats = JobBeats(tmp_path / "jobs")
    key = JobKey("u1", "commit", 1)
    beats.abandon(key)
    beats.purge(older_than_s=3600)
    assert beats.abandoned(key)
    beats.purge(older_than_s=-1)
    assert not beats.abandoned(key) and list(beats.folder.iterdir()) == []


def test_flt055_the_local_pool_also_leaves_a_tombstone(services: Services) -> None:
    local = dataclasses.replace(services, settings=dataclasses.replace(services.settings, celery_broker=None))
    beats = JobBeats.under(services.settings.data_dir)
    stored = _upload(services)
    message = _watch(local, beats, stored, int(jobs.LOCAL_GRACE_S * 1000 // jobs.WATCHDOG_MS) + 1, 1)[0]
    assert str(message.children) == t("data.job.unstarted.commit", "id")
    assert beats.abandoned(JobKey(stored["id"], "commit", 1))
