"""A real Lokus server for the fault tests: gunicorn in its own process group, a signed-in HTTP client, the database
read back with a fresh Store."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psutil
import requests
import sqlalchemy as sa

from dashboard.config import Settings
from dashboard.core.indicators import CATALOGUE, Counted
from dashboard.data import schema
from dashboard.data.source import DEMO_DISTRICT_CODE
from dashboard.data.store import Store
from dashboard.ids import ID
from dashboard.views.data_page.jobs import Beat, JobBeats, JobKey
from tests.auth_helpers import PASSWORD, add_user

REPO = Path(__file__).resolve().parents[2]
ADMIN = "admin-uji"  # only an administrator imports into the demo district, whose villages the big file names
START_S = 90.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def prepare(settings: Settings) -> None:
    """The database a district starts with: the demo district (boundaries, indicators, survey) and an admin."""
    with Store.open(settings=settings) as store:
        store.ensure_demo(settings.geodata_dir)
    add_user(settings, ADMIN, "admin")


_MONTHLY = (Counted.CHILDREN, Counted.HOUSEHOLDS, Counted.FAMILIES)


def big_tidy_file(store: Store, variant: int, periods: int = 12) -> bytes:
    """A tidy template for every demo village, ``periods`` months and every catalogue indicator (about 49,000 rows:
    a commit of about two seconds on SQLite). ``variant`` changes one value, so each file is a new one (new sha256)."""
    codes = list(store.villages(DEMO_DISTRICT_CODE)["code"])
    months = [f"{2015 + i // 12}-{i % 12 + 1:02d}" for i in range(periods)]
    lines = ["kode_wilayah,periode,indikator,pembilang,penyebut"]
    # The monthly report's indicators: a scorecard quarter, a yes/no KPM or Dana Desa rupiah are not 3 of 40 a month.
    monthly = [key for key, entry in CATALOGUE.items() if entry.counted in _MONTHLY]
    lines += [f"{code},{month},{key},3,40" for code in codes for month in months for key in monthly]
    lines[1] = lines[1].rsplit(",", 2)[0] + f",{variant % 40},40"
    return ("\n".join(lines) + "\n").encode()


@dataclass
class Server:
    """gunicorn (one worker, DiskcacheManager jobs as its children) on ``port``, in its own process group."""

    process: subprocess.Popen[bytes]
    port: int
    log: Path

    @classmethod
    def start(cls, settings: Settings, log: Path) -> Server:
        port = free_port()
        env = {**os.environ, "PYTHONPATH": str(REPO), "DASHBOARD_DATA_DIR": str(settings.data_dir),
               "DASHBOARD_DATABASE_URL": settings.effective_database_url, "DASHBOARD_LANGUAGE": "id"}  # fmt: skip
        command = [sys.executable, "-m", "gunicorn", "--workers", "1", "--threads", "4", "--timeout", "300",
                   "--bind", f"127.0.0.1:{port}", "app:server"]  # fmt: skip
        with log.open("ab") as out:
            process = subprocess.Popen(command, cwd=REPO, env=env, stdout=out, stderr=out, start_new_session=True)
        server = cls(process, port, log)
        deadline = time.monotonic() + START_S
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError(f"the server stopped at start:\n{log.read_text()[-3000:]}")
            try:
                if requests.get(f"{server.url}/login", timeout=10).status_code == 200:
                    return server
            except (requests.ConnectionError, requests.Timeout):
                pass
            time.sleep(0.3)
        server.kill()
        raise RuntimeError(f"the server did not answer within {START_S:.0f} s:\n{log.read_text()[-3000:]}")

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def jobs(self) -> set[int]:
        """The processes the worker started (DiskcacheManager's background jobs)."""
        return {child.pid for pid in self.pids() - {self.process.pid} for child in psutil.Process(pid).children(True)}

    def pids(self) -> set[int]:
        """The master and its gunicorn worker (not the jobs the worker started)."""
        master = psutil.Process(self.process.pid)
        return {master.pid, *(child.pid for child in master.children())}

    def kill(self) -> None:
        """kill -9 the master and its worker; a background job started by the worker is left running (orphaned)."""
        for pid in self.pids():
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        self.process.wait(timeout=30)


class Planner:
    """A signed-in browser, as far as the server can tell: the session cookie and the CSRF header."""

    def __init__(self, server: Server) -> None:
        self.server = server
        self.http = requests.Session()
        self.http.get(f"{server.url}/login", timeout=10)
        answer = self.http.post(f"{server.url}/login", data={"username": ADMIN, "password": PASSWORD},
                                allow_redirects=False, timeout=30)  # fmt: skip
        assert answer.status_code == 302, answer.text[:300]
        self.http.get(f"{server.url}/", timeout=30)
        self.http.headers["X-CSRFToken"] = str(self.http.cookies["_csrf_token"])
        self.callbacks = self.http.get(f"{server.url}/_dash-dependencies", timeout=30).json()

    def upload(self, content: bytes, name: str) -> dict[str, Any]:
        headers = {"X-File-Name": name, "Content-Type": "application/octet-stream"}
        answer = self.http.post(f"{self.server.url}/unggah", data=content, headers=headers, timeout=60)
        assert answer.status_code == 201, answer.text[:300]
        token: dict[str, Any] = answer.json()
        return token

    def _callback(self, output: str, trigger: str) -> dict[str, Any]:
        return next(c for c in self.callbacks if output in c["output"] and c["inputs"][0]["id"] == trigger)

    def post(self, output: str, trigger: str, values: Mapping[str, Any]) -> requests.Response:
        """Post the callback whose outputs hold ``output`` and whose first input is ``trigger``, as the renderer does:
        every input and state from ``values`` by id (wildcard states empty)."""
        spec = self._callback(output, trigger)
        outputs = [
            {"id": part.rsplit(".", 1)[0], "property": part.rsplit(".", 1)[1].split("@")[0]}
            for part in spec["output"].strip(".").split("...")
        ]

        def item(entry: dict[str, Any]) -> Any:
            if str(entry["id"]).startswith("{"):
                return []  # a pattern (ALL), its id JSON in the dependencies, with no component on the page
            return {**entry, "value": values.get(entry["id"])}

        body = {
            "output": spec["output"],
            "outputs": outputs if len(outputs) > 1 else outputs[0],
            "inputs": [item(i) for i in spec["inputs"]],
            "state": [item(s) for s in spec["state"]],
            "changedPropIds": [f"{trigger}.{spec['inputs'][0]['property']}"],
        }
        return self.http.post(f"{self.server.url}/_dash-update-component", json=body, timeout=60)

    def commit(self, token: dict[str, Any], clicks: int = 1) -> requests.Response:
        """Press *Impor ke basis data* for ``token``: the background job is dispatched; nobody polls it."""
        values: dict[str, Any] = {ID.COMMIT: clicks, ID.UPLOAD_TOKEN: token, ID.IMPORT_KIND: "auto",
                                  ID.MATCH_NAMES: False, ID.DATASETS_VERSION: 0, ID.LANGUAGE: "id"}  # fmt: skip
        answer = self.post(f"{ID.RESULT}.children", ID.COMMIT, values)
        assert answer.status_code == 200, answer.text[:300]
        return answer

    def data_page(self) -> str:
        """The data page as the router renders it for a planner coming back (its datasets' list included)."""
        values: dict[str, Any] = {ID.ROUTE: "/data", ID.LANGUAGE: "id", ID.MAP_STATE: None}
        answer = self.post(f"{ID.PAGE}.children", ID.ROUTE, values)
        assert answer.status_code == 200, answer.text[:300]
        return answer.text


def demo_with_file(tmp_path: Path, name: str, variant: int, periods: int = 12) -> tuple[Settings, int, Path]:
    """A data dir with the demo district, its number of datasets, and a tidy file (:func:`big_tidy_file`) to import."""
    settings = Settings(data_dir=tmp_path / "instance")
    with Store.open(settings=settings) as store:
        store.ensure_demo(settings.geodata_dir)
        table = tmp_path / name
        table.write_bytes(big_tidy_file(store, variant, periods))
        return settings, len(store.datasets()), table


def wait_for_beat(settings: Settings, key: JobKey, stages: set[str], timeout: float = 60.0) -> Beat:
    """The job's beat once it reaches one of ``stages`` (read from the heartbeat file, as the watchdog does)."""
    beats = JobBeats.under(settings.data_dir)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        beat = beats.read(key)
        if beat is not None and beat.stage in stages:
            return beat
        if beat is not None and beat.stage == "done":
            break
        time.sleep(0.05)
    raise AssertionError(f"job {key.name} never reached {stages}; last beat {beats.read(key)}")


def wait_gone(pid: int, timeout: float = 120.0) -> None:
    """Until process ``pid`` has ended (an orphan reparented to init may stay a zombie: ended too)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if psutil.Process(pid).status() == psutil.STATUS_ZOMBIE:
                return
        except psutil.NoSuchProcess:
            return
        time.sleep(0.1)
    raise AssertionError(f"process {pid} still runs after {timeout:.0f} s")


@dataclass(frozen=True)
class Snapshot:
    """What a planner relies on: every dataset with its count of values, and the schema's version."""

    datasets: dict[int, tuple[str, int, int]]  # id -> (sha256, rows_imported, its observations, estimates, regions)
    orphans: int  # observations, estimates and regions whose dataset does not exist
    version: int


def snapshot(settings: Settings) -> Snapshot:
    """The database read back with a fresh Store (a new engine: nothing cached from the server)."""
    d = schema.datasets
    with Store.open(settings=settings) as store, store._read() as conn:
        rows = conn.execute(sa.select(d.c.id, d.c.sha256, d.c.rows_imported)).all()
        stored: dict[int, int] = {}
        orphans = 0
        for table in (schema.observations, schema.estimates, schema.regions):
            for dataset_id, count in conn.execute(sa.select(table.c.dataset_id, sa.func.count()).group_by(
                    table.c.dataset_id)).all():  # fmt: skip
                stored[int(dataset_id)] = stored.get(int(dataset_id), 0) + int(count)
        known = {int(row.id) for row in rows}
        orphans = sum(count for dataset_id, count in stored.items() if dataset_id not in known)
        if store.dialect == "sqlite":
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        return Snapshot({int(r.id): (r.sha256, int(r.rows_imported), stored.get(int(r.id), 0)) for r in rows},
                        orphans, store.schema_version())  # fmt: skip


def describe(beat: Beat | None) -> str:
    return json.dumps(None if beat is None else beat.__dict__)
