"""Shared fixtures: headless Chromium for dash_duo, a real local PostgreSQL, stores on both databases, the real data."""

from __future__ import annotations

import atexit
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from selenium.webdriver.chrome.options import Options
from sqlalchemy.engine import make_url

from dashboard.data.store import Store

SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"

_LOGGING_PREFS = "goog:loggingPrefs"
_CHROMIUM_ARGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--window-size=1400,1000",
)


class _ChromiumOptions(Options):
    """Chrome options whose logging preferences merge instead of replace.

    dash_duo sets ``goog:loggingPrefs`` to ``{"browser": "SEVERE"}`` after taking our options, which would drop the
    performance log that ``tests.browser_helpers.external_requests`` reads; here both survive.
    """

    def set_capability(self, name: str, value: Any) -> None:
        if name == _LOGGING_PREFS and isinstance(value, dict):
            value = {**self.capabilities.get(_LOGGING_PREFS, {}), **value}
        super().set_capability(name, value)


def _remove_later(path: str) -> str:
    atexit.register(shutil.rmtree, path, ignore_errors=True)
    return path


def pytest_setup_options() -> Options:
    """dash_duo's browser: Debian's Chromium, headless, no traffic of its own, performance log on."""
    options = _ChromiumOptions()
    if Path("/usr/bin/chromium").exists():
        options.binary_location = "/usr/bin/chromium"
    for argument in _CHROMIUM_ARGS:
        options.add_argument(argument)
    options.add_argument(f"--user-data-dir={_remove_later(tempfile.mkdtemp(prefix='lokus-chromium-'))}")
    # dash_duo reads SEVERE browser logs; the performance log lets journeys list every request.
    options.set_capability(_LOGGING_PREFS, {"browser": "SEVERE", "performance": "ALL"})
    return options


def pytest_configure(config: pytest.Config) -> None:
    # Browser journeys always run headless here (there is no screen in CI).
    if hasattr(config.option, "headless"):
        config.option.headless = True


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The real public data beside the repository; tests that need it skip when it is absent."""
    if not (SHARED_DATA / "boundaries").is_dir():
        pytest.skip(f"real public data not found at {SHARED_DATA}")
    return SHARED_DATA


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _postgres_bin() -> Path | None:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    return found[-1].parent if found else None


def _unavailable(reason: str) -> None:
    if os.environ.get("LOKUS_REQUIRE_POSTGRES") == "1":
        pytest.fail(f"PostgreSQL is required (LOKUS_REQUIRE_POSTGRES=1) but {reason}")
    pytest.skip(reason)


def _as_postgres_prefix() -> list[str] | None:
    """How to run a command as the ``postgres`` OS user when we are root (initdb refuses root); None if we cannot."""
    if os.geteuid() != 0:
        return []
    try:
        pwd.getpwnam("postgres")
    except KeyError:
        return None
    if shutil.which("runuser"):
        return ["runuser", "-u", "postgres", "--"]
    if shutil.which("setpriv"):
        return ["setpriv", "--reuid=postgres", "--regid=postgres", "--init-groups", "--"]
    return None


def _start_server(bindir: Path, root: Path, prefix: list[str]) -> int:
    """initdb + pg_ctl start on a free 127.0.0.1 port (retrying if the port is taken meanwhile); returns the port."""
    datadir, log = root / "data", root / "server.log"

    def run(*command: str) -> None:
        subprocess.run([*prefix, *command], check=True, capture_output=True, text=True, timeout=120)

    run(str(bindir / "initdb"), "-D", str(datadir), "--auth=trust", "-U", "postgres", "-E", "UTF8", "--no-sync")
    for attempt in range(3):
        port = _free_port()
        try:
            run(
                str(bindir / "pg_ctl"), "-D", str(datadir), "-l", str(log), "-w", "-t", "60",
                "-o", f"-F -c fsync=off -c listen_addresses=127.0.0.1 -p {port} -k {root}", "start",
            )  # fmt: skip
            return port
        except subprocess.CalledProcessError as error:
            if attempt == 2:
                error.stderr = f"{error.stderr}\n{log.read_text() if log.exists() else ''}"
                raise
    raise AssertionError("unreachable")


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A SQLAlchemy URL to a real PostgreSQL: ``DASHBOARD_TEST_DATABASE_URL``, or a throwaway server started here.

    The throwaway server (initdb in a temp dir, trust auth, 127.0.0.1 only, fsync off) lives for the test session;
    its database ``lokus_test`` is empty: tests create and drop their own schemas. Without the server binaries the
    tests skip, unless ``LOKUS_REQUIRE_POSTGRES=1`` (set by scripts/test.sh), which turns that into a failure.
    """
    configured = os.environ.get("DASHBOARD_TEST_DATABASE_URL")
    if configured:
        yield configured
        return
    bindir = _postgres_bin()
    if bindir is None:
        _unavailable("no PostgreSQL server binaries under /usr/lib/postgresql (apt-get install postgresql)")
        return
    prefix = _as_postgres_prefix()
    if prefix is None:
        _unavailable("running as root, but there is no 'postgres' OS user (or no runuser/setpriv) to run initdb as")
        return
    # /tmp explicitly: the postgres user must be able to reach the directory, whatever TMPDIR says.
    root = Path(tempfile.mkdtemp(prefix="lokus-pg-", dir="/tmp" if prefix else None))
    if prefix:
        shutil.chown(root, "postgres", "postgres")
    datadir = root / "data"
    started = False
    try:
        try:
            port = _start_server(bindir, root, prefix)
            started = True
            subprocess.run(
                [*prefix, str(bindir / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "lokus_test"],
                check=True, capture_output=True, text=True, timeout=60,
            )  # fmt: skip
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as error:
            stderr = error.stderr.decode(errors="replace") if isinstance(error.stderr, bytes) else error.stderr
            _unavailable(f"PostgreSQL did not start: {' '.join(map(str, error.cmd))}: {stderr}")
            return
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/lokus_test"
    finally:
        if started:
            subprocess.run(
                [*prefix, str(bindir / "pg_ctl"), "-D", str(datadir), "-m", "immediate", "-w", "stop"],
                capture_output=True, check=False, timeout=60,
            )  # fmt: skip
        shutil.rmtree(root, ignore_errors=True)


# Every store test runs on SQLite (a file in tmp_path) and on the real PostgreSQL.
DATABASES = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param("postgresql", id="postgresql", marks=pytest.mark.postgres),
]


@pytest.fixture(params=DATABASES)
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A URL to an empty database: a fresh SQLite file, or a fresh PostgreSQL schema dropped afterwards."""
    if request.param == "sqlite":
        (tmp_path / "data").mkdir()
        yield f"sqlite:///{tmp_path / 'data' / 'lokus.sqlite'}"
        return
    base = request.getfixturevalue("postgres_url")
    name = f"t_{uuid.uuid4().hex[:16]}"
    admin = sa.create_engine(base)
    with admin.begin() as conn:
        conn.execute(sa.text(f"CREATE SCHEMA {name}"))
    try:
        yield (
            make_url(base).update_query_dict({"options": f"-csearch_path={name}"}).render_as_string(hide_password=False)
        )
    finally:
        with admin.begin() as conn:
            conn.execute(sa.text(f"DROP SCHEMA {name} CASCADE"))
        admin.dispose()


@pytest.fixture
def cli_url(store_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """The commands' database: SQLite through DASHBOARD_DATA_DIR, PostgreSQL through DASHBOARD_DATABASE_URL."""
    monkeypatch.delenv("DASHBOARD_DATABASE_URL", raising=False)
    monkeypatch.setenv("DASHBOARD_LANGUAGE", "id")
    if store_url.startswith("sqlite"):
        monkeypatch.setenv("DASHBOARD_DATA_DIR", str(Path(str(make_url(store_url).database)).parent))
    else:
        monkeypatch.setenv("DASHBOARD_DATA_DIR", "/nonexistent-never-used")
        monkeypatch.setenv("DASHBOARD_DATABASE_URL", store_url)
    return store_url


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    opened = Store.open(store_url)
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture
def as_admin_when_services(request: pytest.FixtureRequest) -> Iterator[None]:
    """Page functions run for a signed-in administrator, as inside a guarded callback (when the test has
    ``services``)."""
    from tests.auth_helpers import acting_admin

    if "services" not in request.fixturenames:
        yield
        return
    with acting_admin(request.getfixturevalue("services")):
        yield
