"""On Celery with Redis: a commit queued while the worker is down, declared lost, does nothing when the worker is back.

Dash's cancel (Celery's revoke) is broadcast to the workers that run; one that is down never hears it and takes the
queued job when it starts again. The watchdog's tombstone is what stops it.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from dashboard.config import Settings
from dashboard.data.store import Store
from dashboard.i18n import t
from dashboard.ids import ID
from dashboard.views.data_page import importing
from dashboard.views.data_page.jobs import JobBeats, JobKey
from tests.auth_helpers import start_signed_in
from tests.browser_helpers import wait_text
from tests.faults.server import REPO, demo_with_file, free_port

pytestmark = pytest.mark.browser
GRACE_S = 10.0  # the watchdog's wait for a queued job, shortened from 90 s for the test


@pytest.fixture
def broker(tmp_path: Path) -> Iterator[str]:
    """A throwaway redis-server on a free port (no persistence)."""
    if shutil.which("redis-server") is None:
        pytest.skip("redis-server is not installed")
    port = free_port()
    server = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
         "--dir", str(tmp_path)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    time.sleep(0.5)
    try:
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        server.terminate()
        server.wait(timeout=10)


class Worker:
    """``celery -A dashboard.worker worker`` in its own process group, with the test's ``DASHBOARD_*`` settings."""

    def __init__(self, settings: Settings, log: Path) -> None:
        self.env = {k: v for k, v in os.environ.items() if not k.startswith("DASHBOARD_")}
        self.env.update(DASHBOARD_DATA_DIR=str(settings.data_dir), DASHBOARD_CELERY_BROKER=str(settings.celery_broker),
                        PYTHONPATH=str(REPO))  # fmt: skip
        self.log = log
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        with self.log.open("ab") as out:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "celery", "-A", "dashboard.worker", "worker", "--loglevel=INFO",
                 "--concurrency=1"],
                cwd=REPO, env=self.env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
            )  # fmt: skip

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)  # a warm shutdown: the running job finishes
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)
        self.process = None

    def wait_log(self, text: str, times: int = 1, timeout: float = 120) -> None:
        """Wait until the worker's log holds ``text`` ``times`` times."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.log.read_text(errors="replace").count(text) >= times:
                return
            time.sleep(0.25)
        raise AssertionError(f"the worker never logged {text!r}:\n{self.log.read_text(errors='replace')[-3000:]}")


def test_flt057_a_commit_queued_for_a_stopped_worker_and_declared_lost_imports_nothing_when_it_returns(
    dash_duo: Any, tmp_path: Path, broker: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importing, "QUEUED_GRACE_S", GRACE_S)
    settings, before, table = demo_with_file(tmp_path, "kecil.csv", 2, periods=1)
    settings = Settings(data_dir=settings.data_dir, celery_broker=broker)
    worker = Worker(settings, tmp_path / "celery.log")
    worker.start()
    try:
        worker.wait_log("ready.")
        start_signed_in(dash_duo, settings, role="admin", name="admin-uji", next_path="/data")
        dash_duo.find_element(f"#{ID.UPLOAD} input[type=file]").send_keys(str(table))
        wait_text(dash_duo, f"#{ID.UPLOAD_INFO}", table.name)
        dash_duo.wait_for_element(f"#{ID.CHECK}:not([disabled])").click()
        wait_text(dash_duo, f"#{ID.REPORT}", "File siap diimpor", timeout=120)

        worker.stop()  # the worker goes down; the planner presses Impor
        dash_duo.wait_for_element(f"#{ID.COMMIT}:not([disabled])").click()
        wait_text(dash_duo, f"#{ID.PROGRESS} .progress-bar", t("data.job.waiting", "id"), timeout=20)
        wait_text(dash_duo, f"#{ID.RESULT}", t("data.job.unstarted.commit", "id")[:40], timeout=GRACE_S + 20)
        assert [path.name for path in (settings.data_dir / "jobs").glob("*-commit-*.json")] == [
            f"{JobKey(_only_upload(settings), 'commit', 1).name}.abandoned.json"
        ]  # the tombstone, and no beat: the job never started

        worker.start()  # the worker comes back and takes the queued commit
        worker.wait_log("was declared lost before it started")
        worker.wait_log("succeeded", times=2)  # the check's task, then the commit's
    finally:
        worker.stop()
    with Store.open(settings=settings) as store:
        assert len(store.datasets()) == before  # "nothing was changed" stays true
    assert JobBeats.under(settings.data_dir).read(JobKey(_only_upload(settings), "commit", 1)) is None


def _only_upload(settings: Settings) -> str:
    (upload,) = (settings.data_dir / "uploads").iterdir()
    return upload.name
