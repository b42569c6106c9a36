"""The district server's stack as scripts/deploy-local.sh starts it (PostgreSQL, Redis, Celery, gunicorn), used in a
browser: a planner's import is checked and committed by the Celery worker, in the name of the signed-in account."""

from __future__ import annotations

import csv
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from dashboard.config import REPO_ROOT, Settings
from dashboard.data.accounts import Accounts
from dashboard.data.store import Store
from dashboard.ids import ID
from tests.auth_helpers import add_user, sign_in_browser
from tests.browser_helpers import external_requests, upload_check_commit, wait_text
from tests.conftest import _free_port, _postgres_bin, _unavailable

pytestmark = [pytest.mark.browser, pytest.mark.postgres]

SCRIPT = REPO_ROOT / "scripts" / "deploy-local.sh"
DEMO = "99.01"
PERIOD = "Desember 2025"  # later than the demo's last period, so the main page opens on it


@dataclass(frozen=True)
class Stack:
    """A running stack: its URL, the settings its processes share, where its logs are."""

    url: str
    settings: Settings
    state: Path


def _script(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["bash", str(SCRIPT), *args], env=env, capture_output=True, text=True, timeout=400,
                          check=False)  # fmt: skip


def _logs(state: Path) -> str:
    return "\n".join(f"--- {p.name}\n{p.read_text(errors='replace')[-3000:]}" for p in sorted(state.glob("*.log")))


@pytest.fixture(scope="module")
def stack() -> Iterator[Stack]:
    """The whole stack on free ports in a throwaway folder, stopped and removed afterwards."""
    if _postgres_bin() is None:
        _unavailable("no PostgreSQL server binaries under /usr/lib/postgresql (apt-get install postgresql)")
    if shutil.which("redis-server") is None:
        _unavailable("redis-server is not installed (apt-get install redis-server)")
    # /tmp itself: as root the script runs PostgreSQL as the postgres OS user, who must reach the folder.
    state = Path(tempfile.mkdtemp(prefix="lokus-deploy-", dir="/tmp"))
    port, pg_port, redis_port = _free_port(), _free_port(), _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("DASHBOARD_")}
    env.update(
        LOKUS_DEPLOY_DIR=str(state), LOKUS_PG_PORT=str(pg_port), LOKUS_REDIS_PORT=str(redis_port),
        LOKUS_PYTHON=sys.executable, LOKUS_CELERY_CONCURRENCY="1", DASHBOARD_DATA_DIR=str(state / "data"),
        DASHBOARD_HOST="127.0.0.1", DASHBOARD_PORT=str(port), DASHBOARD_WORKERS="2", DASHBOARD_THREADS="4",
    )  # fmt: skip
    try:
        started = _script(env)
        assert started.returncode == 0, f"{started.stdout}\n{started.stderr}\n{_logs(state)}"
        assert f"http://127.0.0.1:{port}" in started.stdout
        password = (state / "db-password").read_text().strip()
        settings = Settings(
            data_dir=state / "data", database_url=f"postgresql+psycopg://lokus:{password}@127.0.0.1:{pg_port}/lokus"
        )
        yield Stack(f"http://127.0.0.1:{port}", settings, state)
    finally:
        stopped = _script(env, "--stop")
        shutil.rmtree(state, ignore_errors=True)
    assert stopped.returncode == 0, stopped.stderr


def _demo_villages() -> list[str]:
    with (REPO_ROOT / "geodata" / "kabupaten_contoh_indikator.csv").open(encoding="utf-8") as rows:
        return sorted({row["kode_wilayah"] for row in csv.DictReader(rows)})


def test_dep001_upload_check_commit_on_the_celery_worker_then_the_map(
    stack: Stack, dash_br: Any, tmp_path: Path
) -> None:
    add_user(stack.settings, "rahmat", "admin")  # only an administrator imports into the fictional demo district
    villages = _demo_villages()
    stunted = [(i * 7) % 13 for i in range(len(villages))]
    measured = [40 + i % 30 for i in range(len(villages))]
    table = tmp_path / "stunting_desember_2025.csv"
    lines = ["kode_wilayah,periode,indikator,pembilang,penyebut"]
    lines += [f"{c},{PERIOD},stunting,{s},{m}" for c, s, m in zip(villages, stunted, measured, strict=True)]
    table.write_text("\n".join(lines) + "\n", encoding="utf-8")

    # Signed in through gunicorn's login form, then the data page.
    dash_br.server_url = stack.url
    sign_in_browser(dash_br, "rahmat", next_path="/data")
    upload_check_commit(dash_br, table, timeout=60)  # as the data journeys do, on the stack
    wait_text(dash_br, f"#{ID.DATASETS}", table.name, timeout=60)
    assert "rahmat" in dash_br.find_element(f"#{ID.DATASETS}").text

    # The check and the commit ran on the Celery worker, and the user's id travelled with the job: the dataset and
    # the import's audit record name the signed-in account and its address, not the worker's operating-system user.
    worker_log = (stack.state / "celery.log").read_text(errors="replace")
    assert worker_log.count("succeeded in") >= 2, worker_log[-2000:]
    with Store.open(settings=stack.settings) as store:
        imported = [d for d in store.datasets() if d.kind != "demo"]
        assert [(d.user, d.file_name) for d in imported] == [("rahmat", table.name)]
        record = Accounts(store).last_entry("import")
    assert record is not None
    assert (record["username"], record["target"], record["address"]) == ("rahmat", table.name, "127.0.0.1")

    # The main page opens on the new month and draws the demo district's map with the imported prevalence.
    dash_br.driver.get(f"{stack.url}/")
    expected = f"{100 * sum(stunted) / sum(measured):.1f}%".replace(".", ",")
    wait_text(dash_br, f"#{ID.KPI_PREVALENCE}", expected, timeout=60)
    dash_br.wait_for_element(f'#{ID.MAP}[data-ready="true"]', timeout=60)
    wait_text(dash_br, f"#{ID.PERIOD}", PERIOD, timeout=60)
    assert external_requests(dash_br) == []


def test_dep003_later_runs_and_the_command_line_find_the_stack_without_its_variables(
    stack: Stack, tmp_path: Path
) -> None:
    """A supervisor's restart or an operator's shell names only the folder: the first run's ports are kept, and
    ``--env`` gives the command line the stack's database (a backup of it, owner-only)."""
    kept = stack.state / "lokus.env"
    assert kept.stat().st_mode & 0o077 == 0  # URLs with passwords inside: the owner's only
    bare = {k: v for k, v in os.environ.items() if not k.startswith(("DASHBOARD_", "LOKUS_"))}
    bare.update(LOKUS_DEPLOY_DIR=str(stack.state), LOKUS_PYTHON=sys.executable)
    again = _script(bare)
    assert again.returncode == 0, again.stderr
    assert stack.url in again.stdout and "starting" not in again.stdout  # the same stack, nothing started twice

    exported = _script(bare, "--env")
    assert exported.returncode == 0, exported.stderr
    shell = f"{exported.stdout}\n{shlex.quote(sys.executable)} -m dashboard backup {tmp_path / 'lokus.backup'}"
    backup = subprocess.run(["bash", "-c", shell], env=bare, cwd=REPO_ROOT, capture_output=True, text=True,
                            timeout=120, check=False)  # fmt: skip
    assert backup.returncode == 0, backup.stderr
    assert f"{stack.settings.database_url}" in exported.stdout.replace("\\", "")
    assert (tmp_path / "lokus.backup").stat().st_mode & 0o077 == 0  # all data and password hashes: owner-only
