"""In a browser: a commit whose job is killed is reported within 30 s, the bar stops, and the retry imports."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import psutil
import pytest

from dashboard.data.store import Store
from dashboard.i18n import t
from dashboard.ids import ID
from tests.auth_helpers import start_signed_in
from tests.browser_helpers import wait_text
from tests.faults.server import demo_with_file, wait_gone

pytestmark = pytest.mark.browser


def _committing_job(jobs: Path, timeout: float = 60) -> int:
    """The pid of the commit job once its heartbeat says it is writing."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for path in jobs.glob("*-commit-*.json"):
            beat = json.loads(path.read_text(encoding="utf-8"))
            if beat["stage"] == "committing":
                return int(beat["pid"])
        time.sleep(0.05)
    raise AssertionError("the commit job never started writing")


def test_flt040_a_killed_commit_job_is_reported_within_30_s_and_the_retry_imports(
    dash_duo: Any, tmp_path: Path
) -> None:
    settings, before, table = demo_with_file(tmp_path, "besar.csv", 0)
    start_signed_in(dash_duo, settings, role="admin", name="admin-uji", next_path="/data")

    dash_duo.find_element(f"#{ID.UPLOAD} input[type=file]").send_keys(str(table))
    wait_text(dash_duo, f"#{ID.UPLOAD_INFO}", table.name)
    dash_duo.wait_for_element(f"#{ID.CHECK}:not([disabled])").click()
    wait_text(dash_duo, f"#{ID.REPORT}", "File siap diimpor", timeout=60)
    dash_duo.wait_for_element(f"#{ID.COMMIT}:not([disabled])").click()

    pid = _committing_job(settings.data_dir / "jobs")
    psutil.Process(pid).kill()
    wait_gone(pid)
    killed = time.monotonic()
    wait_text(dash_duo, f"#{ID.RESULT}", t("data.job.lost.commit", "id")[:40], timeout=30)
    assert time.monotonic() - killed <= 30
    bar = dash_duo.find_element(f"#{ID.PROGRESS} .progress-bar")
    assert "progress-bar-animated" not in (bar.get_attribute("class") or "")
    assert bar.text == t("data.progress.stopped", "id")
    with Store.open(settings=settings) as store:
        assert len(store.datasets()) == before  # nothing changed

    # Retry: the same upload imports, and the polling of the lost job no longer runs the page.
    dash_duo.wait_for_element(f"#{ID.COMMIT}:not([disabled])").click()
    wait_text(dash_duo, f"#{ID.RESULT}", "Impor berhasil", timeout=60)
    wait_text(dash_duo, f"#{ID.DATASETS}", table.name)
    with Store.open(settings=settings) as store:
        assert len(store.datasets()) == before + 1
