"""SQLite and PostgreSQL give identical answers to the same sequence of imports."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import make_url

from dashboard.data.importers.boundary_files import prepare_boundary_import
from dashboard.data.store import Store
from tests.store.helpers import DISTRICT, indicator_batch, village_codes, villages_frame, write


@pytest.fixture
def postgres_store(postgres_url: str) -> Iterator[Store]:
    name = f"t_{uuid.uuid4().hex[:16]}"
    admin = sa.create_engine(postgres_url)
    with admin.begin() as conn:
        conn.execute(sa.text(f"CREATE SCHEMA {name}"))
    url = make_url(postgres_url).update_query_dict({"options": f"-csearch_path={name}"})
    store = Store.open(url.render_as_string(hide_password=False))
    yield store
    store.close()
    with admin.begin() as conn:
        conn.execute(sa.text(f"DROP SCHEMA {name} CASCADE"))
    admin.dispose()


def _story(store: Store, folder: Path) -> dict[str, Any]:
    """Boundaries, two overlapping indicator files, a new boundary version, a removal: what the pages see."""
    store.commit_boundaries(prepare_boundary_import(write(villages_frame(), folder, "shpzip")), "ani")
    codes = village_codes()
    first = store.commit_indicators(indicator_batch([(c, "2025-02", "stunting", i, 30) for i, c in enumerate(codes)]))
    store.commit_indicators(
        indicator_batch([(codes[0], "2025-02", "stunting", 7, 31), (codes[1], "2025-08", "wasting", 2, 9)])
    )
    second = store.commit_boundaries(
        prepare_boundary_import(write(villages_frame(per_kecamatan=4), folder / "v2", "gpkg"))
    )
    store.save_aliases(DISTRICT, {"desa satu": codes[0]})
    store.remove_dataset(first.dataset_id or 0)
    villages = store.villages(DISTRICT)
    return {
        "districts": store.districts(),
        "villages": villages.drop(columns="geometry").to_dict("records"),
        "geometry": [g.wkt for g in villages.geometry.normalize()],
        "outlines": [(r.code, r.name, round(r.geometry.area, 12)) for r in store.outlines(DISTRICT).itertuples()],
        "observations": store.observations(DISTRICT).to_dict("records"),
        "datasets": [
            (d.id, d.kind, d.file_name, d.user, d.rows_read, d.rows_imported, d.status, d.districts)
            for d in store.datasets()
        ],
        "report": {
            k: v for k, v in (store.dataset(second.dataset_id or 0).report or {}).items() if k != "boundary_version"
        },
        "aliases": store.aliases(DISTRICT),
        "version_changes": store.boundary_version(DISTRICT).split("-")[0],
    }


@pytest.mark.postgres
def test_store050_sqlite_and_postgresql_answer_the_same(postgres_store: Store, tmp_path: Path) -> None:
    sqlite = Store.open(f"sqlite:///{tmp_path / 'db' / 'lokus.sqlite'}")
    try:
        on_sqlite = _story(sqlite, tmp_path / "files")
    finally:
        sqlite.close()
    on_postgres = _story(postgres_store, tmp_path / "files")
    assert on_sqlite["observations"]  # the story left something to compare
    for key in on_sqlite:
        assert on_sqlite[key] == on_postgres[key], key
