"""The schema upgrade to version 7 (puskesmas) keeps a version-6 database's data, on SQLite and PostgreSQL."""

from __future__ import annotations

import sqlalchemy as sa

from dashboard.data import schema
from dashboard.data.levels import puskesmas_list
from dashboard.data.store import Store


def test_lev060_version_6_database_is_upgraded_in_place_keeping_its_data(store_url: str) -> None:
    assert schema.CURRENT_VERSION >= 7
    engine = sa.create_engine(store_url)
    with engine.begin() as conn:
        for migration in schema.MIGRATIONS[:6]:
            migration(conn)
        conn.execute(sa.text("INSERT INTO schema_version (version) VALUES (6)"))
        conn.execute(sa.text(
            "INSERT INTO datasets (kind, file_name, sha256, created_at, user_name, rows_read, rows_imported, status, "
            "report, districts) VALUES ('tidy', 'lama.csv', 'abc', '2025-01-01 00:00:00', 'budi', 1, 1, 'imported', "
            "'{}', '52.03')"
        ))  # fmt: skip
        conn.execute(sa.text(
            "INSERT INTO observations (dataset_id, code, period, indicator, numerator, denominator) "
            "VALUES (1, '52.03.01.2001', '2025-01', 'stunting', 3, 30)"
        ))  # fmt: skip
    inspector_before = set(sa.inspect(engine).get_table_names())
    engine.dispose()
    assert "puskesmas" not in inspector_before
    store = Store.open(store_url)
    try:
        assert store.schema_version() == schema.CURRENT_VERSION
        assert store.observations("52.03")[["code", "numerator"]].values.tolist() == [["52.03.01.2001", 3.0]]
        assert puskesmas_list(store).empty
        engine = sa.create_engine(store_url)
        assert {"puskesmas", "puskesmas_villages"} <= set(sa.inspect(engine).get_table_names())
        engine.dispose()
    finally:
        store.close()
