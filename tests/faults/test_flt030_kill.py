"""kill -9 mid-commit, of the background job or of the server, on SQLite and PostgreSQL: the database stays whole.

A real gunicorn serves Lokus (its background jobs are the worker's children: DiskcacheManager); a signed-in client
uploads a file of about 49,000 values over HTTP and presses *Impor ke basis data*; once the job's heartbeat says it
is committing, a process is killed after a delay. A fresh Store then reads the database back: the schema is intact,
every earlier dataset keeps its values, the new dataset is absent or whole, and no value belongs to no dataset. The
client never polls the job: a planner who closed the tab (client gone) finds the import finished in the list.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest

from dashboard.config import Settings
from dashboard.data import schema
from dashboard.data.store import Store
from dashboard.views.data_page.jobs import JobKey
from tests.faults.server import Planner, Server, Snapshot, big_tidy_file, prepare, snapshot, wait_for_beat, wait_gone

JOB_KILL_DELAYS = (0.05, 1.0)  # seconds after the job's "committing" beat
# Seconds after the "committing" beat, and whether the job dies with the server (a machine lost) or goes on orphaned.
SERVER_KILLS = ((0.3, False), (1.0, True))


@pytest.fixture
def settings(store_url: str, tmp_path: Path) -> Iterator[Settings]:
    settings = Settings(data_dir=tmp_path / "instance", database_url=store_url)
    prepare(settings)
    yield settings


def _file(settings: Settings, variant: int) -> tuple[bytes, str, int]:
    with Store.open(settings=settings) as store:
        content = big_tidy_file(store, variant)
    return content, hashlib.sha256(content).hexdigest(), content.count(b"\n") - 1


def _assert_whole(before: Snapshot, after: Snapshot, sha256: str, rows: int) -> bool:
    """The database after a kill: earlier datasets untouched, the new one absent or complete. True if complete."""
    assert after.version == before.version == schema.CURRENT_VERSION
    assert after.orphans == 0
    new = {i: info for i, info in after.datasets.items() if i not in before.datasets}
    assert {i: after.datasets[i] for i in before.datasets} == before.datasets  # nothing earlier lost or changed
    assert len(new) <= 1
    for found_sha, imported, stored in new.values():
        assert (found_sha, imported, stored) == (sha256, rows, rows)  # whole, never half
    return bool(new)


def _commit_and_wait(settings: Settings, planner: Planner, variant: int) -> tuple[str, int, int, JobKey]:
    content, sha256, rows = _file(settings, variant)
    token = planner.upload(content, f"besar-{variant}.csv")
    planner.commit(token, clicks=variant + 1)
    key = JobKey(token["id"], "commit", variant + 1)
    beat = wait_for_beat(settings, key, {"committing"}, timeout=90)
    assert beat.pid is not None
    return sha256, rows, beat.pid, key


def test_flt030_a_commit_nobody_polls_finishes_and_a_job_killed_mid_commit_leaves_no_half_dataset(
    settings: Settings, tmp_path: Path
) -> None:
    """One server: first a commit whose client went away (listed when the planner comes back), then jobs killed."""
    server = Server.start(settings, tmp_path / "server.log")
    outcomes = []
    try:
        before = snapshot(settings)
        sha256, rows, _, key = _commit_and_wait(settings, Planner(server), 0)  # and nobody polls
        wait_for_beat(settings, key, {"done"}, timeout=120)
        assert _assert_whole(before, snapshot(settings), sha256, rows)  # finished, whole
        page = Planner(server).data_page()  # the planner signs in again and opens the data page
        assert "besar-0.csv" in page

        planner = Planner(server)
        for variant, delay in enumerate(JOB_KILL_DELAYS, start=1):
            before = snapshot(settings)
            sha256, rows, pid, _ = _commit_and_wait(settings, planner, variant)
            assert pid in server.jobs()  # the job is the worker's child, not the worker
            time.sleep(delay)
            psutil.Process(pid).kill()
            wait_gone(pid)
            outcomes.append(_assert_whole(before, snapshot(settings), sha256, rows))
        assert server.process.poll() is None  # the server survived its jobs
    finally:
        server.kill()
    assert not all(outcomes)  # at least one kill landed inside the transaction (else the test proves little)


def test_flt031_killing_the_server_mid_commit_leaves_the_orphaned_commit_whole_or_absent(
    settings: Settings, tmp_path: Path
) -> None:
    for variant, (delay, with_job) in enumerate(SERVER_KILLS):
        server = Server.start(settings, tmp_path / "server.log")
        try:
            before = snapshot(settings)
            sha256, rows, pid, _ = _commit_and_wait(settings, Planner(server), variant)
            time.sleep(delay)
            if with_job:
                psutil.Process(pid).kill()
        finally:
            server.kill()  # the master and the worker; a job still alive, orphaned, goes on on its own
        wait_gone(pid)
        _assert_whole(before, snapshot(settings), sha256, rows)
