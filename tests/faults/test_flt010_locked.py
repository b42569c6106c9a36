"""A database another writer keeps locked (SQLite, PostgreSQL): the import gives a clear message and a retry, writes
nothing."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import sqlalchemy as sa

from dashboard import cli
from dashboard.application import create_app
from dashboard.config import Settings
from dashboard.data import store as store_module
from dashboard.data.importers.boundary_files import prepare_boundary_import
from dashboard.data.store import Store, StoreBusy
from dashboard.i18n import t
from dashboard.services import Services
from dashboard.views import data_page
from dashboard.views.data_page.importing import commit_upload
from tests.auth_helpers import add_user, sign_in_client, signed_in_actor
from tests.store.helpers import villages_frame, write

pytestmark = pytest.mark.usefixtures("as_admin_when_services")

# A tidy template of two villages: what the planner tries to import while the database is locked.
TIDY = (
    "kode_wilayah,periode,indikator,pembilang,penyebut\n"
    "52.91.01.2001,2025-08,stunting,4,40\n"
    "52.91.01.2002,2025-08,stunting,6,30\n"
)


@pytest.fixture
def settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Settings]:
    settings = Settings(data_dir=tmp_path / "instance", db_lock_timeout=0.3)
    with Store.open(settings=settings) as store:
        store.commit(prepare_boundary_import(write(villages_frame(), tmp_path, "geojson")), "test")
    yield settings


@pytest.fixture
def services(settings: Settings) -> Iterator[Services]:
    with Store.open(settings=settings) as store:
        yield Services.from_store(settings, store)


@contextmanager
def locked(settings: Settings) -> Iterator[None]:
    """Another process's writer: ``BEGIN IMMEDIATE`` held while the block runs."""
    other = sqlite3.connect(settings.data_dir / "lokus.sqlite", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        other.execute("ROLLBACK")
        other.close()


def _counts(settings: Settings) -> tuple[int, int]:
    with sqlite3.connect(settings.data_dir / "lokus.sqlite") as conn:
        datasets = conn.execute("SELECT count(*) FROM datasets").fetchone()[0]
        observations = conn.execute("SELECT count(*) FROM observations").fetchone()[0]
    return int(datasets), int(observations)


def test_flt010_a_locked_database_gives_a_retry_message_on_the_page_and_writes_nothing(
    services: Services, settings: Settings
) -> None:
    token = data_page.save_upload(services, TIDY.encode(), "stunting.csv", signed_in_actor())
    form = data_page.ImportForm(data_page.ImportKind.AUTO, None, [], [], [], [])
    before = _counts(settings)
    with locked(settings):
        shown = commit_upload(services, lambda _: None, 1, token.as_dict(), form, 0, "id")
    message, version, *disabled = shown
    assert "Basis data sedang dipakai proses lain; coba lagi sebentar lagi" in str(message.children)
    assert version == 0 and disabled == [False, False, False]  # the list unchanged; commit, check, cancel to retry
    assert _counts(settings) == before

    # The other process is done: the same upload imports on the retry.
    again = commit_upload(services, lambda _: None, 2, token.as_dict(), form, 0, "id")
    assert again[1] == 1
    assert _counts(settings) == (before[0] + 1, before[1] + 2)


def test_flt011_the_store_raises_store_busy_not_a_raw_operational_error(settings: Settings) -> None:
    with Store.open(settings=settings) as store, locked(settings), pytest.raises(StoreBusy, match="locked"):
        store.remove_dataset(1)
    assert _counts(settings)[0] == 1  # the boundary dataset is still there


def test_flt012_the_command_line_says_try_again_with_exit_75_and_no_traceback(
    settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(settings.data_dir))
    monkeypatch.delenv("DASHBOARD_DATABASE_URL", raising=False)
    monkeypatch.setenv("DASHBOARD_DB_LOCK_TIMEOUT", "0.3")
    path = tmp_path / "stunting.csv"
    path.write_text(TIDY, encoding="utf-8")
    before = _counts(settings)
    with locked(settings):
        status = cli.main(["import-indicators", str(path)])
    err = capsys.readouterr().err
    assert status == cli.EXIT_BUSY == 75
    assert t("data.busy", Settings.from_env().language) in err
    assert "Traceback" not in err and "OperationalError" not in err
    assert _counts(settings) == before


@pytest.mark.postgres
def test_flt013_postgresql_refuses_after_its_lock_timeout_like_sqlite(postgres_url: str, tmp_path: Path) -> None:
    """Another writer holds Lokus's advisory lock: the import waits ``db_lock_timeout`` then says busy, nothing half."""
    settings = Settings(data_dir=tmp_path / "instance", database_url=postgres_url, db_lock_timeout=0.3)
    with Store.open(settings=settings) as store:
        store.commit(prepare_boundary_import(write(villages_frame(), tmp_path, "geojson")), "test")
        before = len(store.datasets())
        other = sa.create_engine(postgres_url.replace("postgresql://", "postgresql+psycopg://", 1))
        try:
            with other.connect() as conn, conn.begin():
                conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": store_module._ADVISORY_LOCK})
                with pytest.raises(StoreBusy):
                    store.remove_dataset(store.datasets()[0].id)
        finally:
            other.dispose()
        assert len(store.datasets()) == before  # refused whole; free again, the same call would go through
        store.remove_dataset(store.datasets()[0].id)
        assert len(store.datasets()) == before - 1


def test_flt014_an_upload_while_the_database_is_locked_is_answered_busy_and_leaves_no_file(settings: Settings) -> None:
    """The upload route stores a record beside the file: locked, the planner reads 'try again' (503), no traceback."""
    app = create_app(settings)
    add_user(settings, "perencana", "perencana", ("52.91",))
    client = sign_in_client(app, "perencana")
    folder = settings.data_dir / "uploads"
    before = sorted(folder.iterdir()) if folder.exists() else []
    with locked(settings):
        answer = client.post("/unggah", data=TIDY.encode(), headers={"X-File-Name": "stunting.csv"})
    assert answer.status_code == 503 and answer.headers["Retry-After"]
    assert answer.get_json()["error"] == t("data.busy", "id")
    assert (sorted(folder.iterdir()) if folder.exists() else []) == before  # nothing kept of the refused file
    again = client.post("/unggah", data=TIDY.encode(), headers={"X-File-Name": "stunting.csv"})
    assert again.status_code == 201
