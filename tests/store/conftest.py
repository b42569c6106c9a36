"""Store fixtures: every store test runs on SQLite (a file in tmp_path) and on the real PostgreSQL."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import make_url

from dashboard.data.store import Store

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
