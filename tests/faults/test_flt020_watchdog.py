"""The watchdog of the data page's background jobs: a lost check or commit is said within 30 s, a queued one is not."""

from __future__ import annotations

import dataclasses
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
from dashboard.views.data_page import importing, jobs
from dashboard.views.data_page.importing import lost_job
from dashboard.views.data_page.jobs import Beat, JobBeats, JobKey, JobState, heartbeat, job_state
from tests.store.helpers import villages_frame, write

UPLOAD: dict[str, Any] = {"id": "a1b2c3", "name": "stunting.csv", "size": 100}
TICK_S = jobs.WATCHDOG_MS / 1000


@pytest.fixture
def services(tmp_path: Path) -> Iterator[Services]:
    settings = Settings(data_dir=tmp_path / "instance")
    with Store.open(settings=settings) as store:
        store.commit(prepare_boundary_import(write(villages_frame(), tmp_path, "geojson")), "test")
        yield Services.from_store(settings, store)


def _watch(services: Services, action: str, ticks: int, now: float | None = None) -> tuple[Any, ...]:
    beats = JobBeats.under(services.settings.data_dir)
    return lost_job(services, beats, ticks, action, UPLOAD, {"check": 1, "commit": 2}, 7, "id", now)


def test_flt020_job_state_waits_longer_for_a_queued_job_than_for_a_silent_one() -> None:
    now = 1_000_000.0
    assert job_state(None, 60, now) is JobState.RUNNING  # queued for a busy worker: not lost yet
    assert job_state(None, jobs.QUEUED_GRACE_S + 1, now) is JobState.GONE
    assert job_state(Beat("started", now - 5), 600, now) is JobState.RUNNING  # a long import that still beats
    assert job_state(Beat("committing", now - jobs.LOST_AFTER_S - 1), 30, now) is JobState.GONE
    assert job_state(Beat("done", now - 600), 600, now) is JobState.DONE  # ended: its answer is Dash's to bring
    # Silence is noticed within 30 s of the last beat: the limit, plus one watchdog tick.
    assert jobs.LOST_AFTER_S + TICK_S <= 30 and jobs.HEARTBEAT_S * 3 < jobs.LOST_AFTER_S


def test_flt021_a_lost_commit_says_nothing_changed_and_enables_the_buttons(services: Services) -> None:
    beats = JobBeats.under(services.settings.data_dir)
    key = JobKey(UPLOAD["id"], "commit", 2)
    beats.write(key, Beat("committing", time.time(), sha256="0" * 64))
    with pytest.raises(PreventUpdate):  # beating: still running
        _watch(services, "commit", 3)
    later = time.time() + jobs.LOST_AFTER_S + 1
    message, check, commit, cancel, value, label, animated, striped, watchdog, lost, version = _watch(
        services, "commit", 5, later
    )
    assert str(message.children) == t("data.job.lost.commit", "id")
    assert (check, commit, cancel) == (False, False, False)  # retry
    assert (value, label, animated, striped) == (100, t("data.progress.stopped", "id"), False, False)
    assert watchdog is True and lost == key.name  # the watchdog stops and Dash's polling is cancelled
    assert version == 7  # the dataset list is not refreshed: nothing changed


def test_flt022_a_lost_commit_that_finished_names_its_dataset_and_refreshes_the_list(services: Services) -> None:
    store = services.require_store()
    finished = store.datasets()[0]
    beats = JobBeats.under(services.settings.data_dir)
    beats.write(JobKey(UPLOAD["id"], "commit", 2), Beat("committing", time.time() - 60, sha256=finished.sha256))
    message, check, commit, cancel, *_, version = _watch(services, "commit", 12)
    assert str(message.children) == t("data.job.finished", "id", id=finished.id)
    assert (check, commit, cancel) == (True, True, True)  # its upload is imported: nothing left to do
    assert version == 8


def test_flt025_a_job_that_ended_only_stops_the_watchdog(services: Services) -> None:
    JobBeats.under(services.settings.data_dir).write(JobKey(UPLOAD["id"], "check", 1), Beat("done", time.time()))
    answer = _watch(services, "check", 2)
    assert answer[8] is True and all(value is no_update for i, value in enumerate(answer) if i != 8)


@pytest.mark.parametrize("broker", [None, "redis://127.0.0.1:6379/0"], ids=["local-pool", "celery-queue"])
def test_flt023_a_check_that_never_started_is_lost_only_after_the_grace_of_its_manager(
    services: Services, broker: str | None
) -> None:
    """This machine's pool starts a job at once (said lost within 30 s); a Celery queue may keep it waiting longer."""
    services = dataclasses.replace(services, settings=dataclasses.replace(services.settings, celery_broker=broker))
    grace = jobs.QUEUED_GRACE_S if broker else jobs.LOCAL_GRACE_S
    assert (grace + jobs.WATCHDOG_MS / 1000 <= 30) == (broker is None)
    patient = int(grace // TICK_S)
    waiting = _watch(services, "check", patient)  # not lost yet: the bar says what it waits for
    assert waiting[4:6] == (100, t("data.job.waiting", "id"))
    message, check, commit, *_ = _watch(services, "check", patient + 1)
    assert str(message.children) == t("data.job.unstarted.check", "id")
    assert (check, commit) == (False, True)  # check again; the commit waits for a check that passes


def test_flt024_a_running_job_beats_on_a_timer_and_says_done_at_the_end(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(jobs, "HEARTBEAT_S", 0.05)
    beats = JobBeats(tmp_path / "jobs")
    key = JobKey("../x y", "commit", 1)  # an id never leaves the folder
    with heartbeat(beats, key) as pulse:
        first = beats.read(key)
        time.sleep(0.3)
        assert first is not None and first.stage == "started"
        beat = beats.read(key)
        assert beat is not None and beat.at > first.at  # the timer beat in between
        pulse.beat("committing", sha256="f" * 64)
    done = beats.read(key)
    assert done is not None and (done.stage, done.sha256) == ("done", "f" * 64)
    assert [p.name for p in (tmp_path / "jobs").iterdir()] == ["xy-commit-1.json"]


@pytest.mark.parametrize("alive", [True, False], ids=["workers-answer", "no-worker"])
def test_flt026_a_queue_no_worker_takes_from_is_said_within_30_s(
    services: Services, monkeypatch: pytest.MonkeyPatch, alive: bool
) -> None:
    """With Celery, a job that has not started waits the queue's patience only while a worker answers the ping."""
    services = dataclasses.replace(
        services, settings=dataclasses.replace(services.settings, celery_broker="redis://127.0.0.1:6379/0")
    )
    monkeypatch.setattr(importing, "workers_answer", lambda: alive)
    ticks = int(jobs.LOCAL_GRACE_S // TICK_S) + 1  # past the local grace, far inside the queue's
    assert ticks * TICK_S + TICK_S <= 30
    answer = _watch(services, "commit", ticks)
    if alive:
        assert answer[4:6] == (100, t("data.job.waiting", "id"))  # still queued behind a busy worker
    else:
        assert str(answer[0].children) == t("data.job.unstarted.commit", "id")
        assert answer[1:3] == (False, False)  # check and commit enabled: retry once a worker runs
