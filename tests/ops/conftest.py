"""The operations tests' databases: a SQLite file, or a whole fresh PostgreSQL database (as a district runs it)."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import make_url

from tests.conftest import DATABASES


@pytest.fixture
def new_database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Callable[[str], str]]:
    """Makes empty databases of the test's kind (``database`` parameter): ``new_database(label) -> URL``.

    PostgreSQL ones are whole databases (pg_dump/pg_restore work per database), dropped afterwards."""
    kind = request.node.callspec.params["database"]
    made: list[str] = []
    base = request.getfixturevalue("postgres_url") if kind == "postgresql" else ""

    def make(label: str) -> str:
        if kind == "sqlite":
            folder = tmp_path / label
            folder.mkdir()
            return f"sqlite:///{folder / 'lokus.sqlite'}"
        name = f"ops_{label}_{uuid.uuid4().hex[:10]}"
        admin = sa.create_engine(base, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(sa.text(f"CREATE DATABASE {name}"))
        admin.dispose()
        made.append(name)
        return make_url(base).set(database=name).render_as_string(hide_password=False)

    yield make
    if made:
        admin = sa.create_engine(base, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            for name in made:
                conn.execute(sa.text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        admin.dispose()


@pytest.fixture
def use_database(monkeypatch: pytest.MonkeyPatch) -> Callable[[str], None]:
    """Points the commands (``python -m dashboard ...``) at a database URL, as an operator's environment would."""

    def point(url: str) -> None:
        monkeypatch.setenv("DASHBOARD_LANGUAGE", "id")
        monkeypatch.setenv("DASHBOARD_DATABASE_URL", url)
        monkeypatch.setenv("DASHBOARD_DATA_DIR", "/nonexistent-never-used")

    return point


PARAMS = pytest.mark.parametrize("database", DATABASES)
