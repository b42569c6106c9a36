"""In a browser: a commit the page had declared lost does nothing when it runs, and a new check clears its message."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from dashboard.data.store import Store
from dashboard.i18n import t
from dashboard.ids import ID
from dashboard.views.data_page.jobs import JobBeats, JobKey
from tests.auth_helpers import start_signed_in
from tests.browser_helpers import wait_text
from tests.faults.server import demo_with_file

pytestmark = pytest.mark.browser


def _upload_id(folder: Path, timeout: float = 30) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        names = [path.name for path in folder.iterdir()] if folder.exists() else []
        if len(names) == 1:
            return names[0]
        time.sleep(0.05)
    raise AssertionError(f"no single upload in {folder}")


def test_flt056_an_abandoned_commit_imports_nothing_and_a_new_check_clears_its_message(
    dash_duo: Any, tmp_path: Path
) -> None:
    settings, before, table = demo_with_file(tmp_path, "kecil.csv", 1, periods=1)
    start_signed_in(dash_duo, settings, role="admin", name="admin-uji", next_path="/data")

    dash_duo.find_element(f"#{ID.UPLOAD} input[type=file]").send_keys(str(table))
    wait_text(dash_duo, f"#{ID.UPLOAD_INFO}", table.name)
    # The page declared the first commit of this upload lost while it was queued (the watchdog's tombstone).
    JobBeats.under(settings.data_dir).abandon(JobKey(_upload_id(settings.data_dir / "uploads"), "commit", 1))
    dash_duo.wait_for_element(f"#{ID.CHECK}:not([disabled])").click()
    wait_text(dash_duo, f"#{ID.REPORT}", "File siap diimpor", timeout=60)
    dash_duo.wait_for_element(f"#{ID.COMMIT}:not([disabled])").click()
    wait_text(dash_duo, f"#{ID.RESULT}", t("data.job.lost.commit", "id")[:40], timeout=60)
    assert dash_duo.find_element(f"#{ID.PROGRESS} .progress-bar").text == t("data.progress.stopped", "id")
    with Store.open(settings=settings) as store:
        assert len(store.datasets()) == before  # the abandoned job wrote nothing

    # A new check: its report says ready, and the lost message is gone from under it.
    dash_duo.wait_for_element(f"#{ID.CHECK}:not([disabled])").click()
    wait_text(dash_duo, f"#{ID.PROGRESS} .progress-bar", t("data.progress.done", "id"), timeout=60)
    assert dash_duo.find_element(f"#{ID.RESULT}").text == ""
    assert "File siap diimpor" in dash_duo.find_element(f"#{ID.REPORT}").text
