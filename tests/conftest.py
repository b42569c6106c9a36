"""Shared fixtures: headless Chromium for dash_duo, a real local PostgreSQL, and the real public data."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from selenium.webdriver.chrome.options import Options

SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"

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


def pytest_setup_options() -> Options:
    """dash_duo's browser: Debian's Chromium, headless, no traffic of its own, performance log on."""
    options = Options()
    if Path("/usr/bin/chromium").exists():
        options.binary_location = "/usr/bin/chromium"
    for argument in _CHROMIUM_ARGS:
        options.add_argument(argument)
    options.add_argument(f"--user-data-dir={tempfile.mkdtemp(prefix='lokus-chromium-')}")
    # dash_duo reads SEVERE browser logs; the performance log lets journeys list every request.
    options.set_capability("goog:loggingPrefs", {"browser": "SEVERE", "performance": "ALL"})
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


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A SQLAlchemy URL to a real PostgreSQL: the configured one, or a throwaway server started here."""
    configured = os.environ.get("DASHBOARD_TEST_DATABASE_URL")
    if configured:
        yield configured
        return
    bindir = _postgres_bin()
    if bindir is None:
        _unavailable("no PostgreSQL server binaries under /usr/lib/postgresql (apt-get install postgresql)")
        return
    root = Path(tempfile.mkdtemp(prefix="lokus-pg-"))
    datadir = root / "data"
    port = _free_port()
    as_postgres: list[str] = []
    if os.geteuid() == 0:  # initdb refuses to run as root
        shutil.chown(root, "postgres", "postgres")
        as_postgres = ["runuser", "-u", "postgres", "--"]
    log = root / "server.log"

    def run(*command: str) -> None:
        subprocess.run([*as_postgres, *command], check=True, capture_output=True, text=True)

    try:
        run(str(bindir / "initdb"), "-D", str(datadir), "--auth=trust", "-U", "postgres", "-E", "UTF8")
        run(
            str(bindir / "pg_ctl"), "-D", str(datadir), "-l", str(log), "-w", "-t", "60",
            "-o", f"-F -c fsync=off -c listen_addresses=127.0.0.1 -p {port} -k {root}", "start",
        )  # fmt: skip
    except subprocess.CalledProcessError as error:
        detail = log.read_text() if log.exists() else ""
        _unavailable(f"PostgreSQL did not start: {error.stderr}{detail}")
        return
    try:
        deadline = time.time() + 30
        while True:
            created = subprocess.run(
                [
                    *as_postgres,
                    str(bindir / "createdb"),
                    "-h",
                    "127.0.0.1",
                    "-p",
                    str(port),
                    "-U",
                    "postgres",
                    "lokus_test",
                ],
                capture_output=True,
                text=True,
                check=False,
            )
            if created.returncode == 0 or time.time() > deadline:
                break
            time.sleep(0.5)
        if created.returncode != 0:
            _unavailable(f"could not create the test database: {created.stderr}")
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/lokus_test"
    finally:
        subprocess.run([*as_postgres, str(bindir / "pg_ctl"), "-D", str(datadir), "-m", "immediate", "stop"],
                       capture_output=True, check=False)  # fmt: skip
        shutil.rmtree(root, ignore_errors=True)
