"""The schema: built by the migrations, equal to the tables the code queries, upgraded from an old version."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from dashboard.core.indicators import CATALOGUE
from dashboard.data import schema
from dashboard.data.store import Store, StoreError


def _shape(engine: sa.Engine) -> dict[str, tuple[set[str], set[str], set[tuple[str, ...]]]]:
    """Per table: column names, primary key columns, and indexed column tuples."""
    inspector = sa.inspect(engine)
    shape = {}
    for table in inspector.get_table_names():
        columns = {c["name"] for c in inspector.get_columns(table)}
        primary = set(inspector.get_pk_constraint(table)["constrained_columns"])
        indexes = {tuple(i["column_names"]) for i in inspector.get_indexes(table)}
        shape[table] = (columns, primary, indexes)
    return shape


def test_store001_fresh_database_matches_the_tables_the_code_uses(store_url: str) -> None:
    store = Store.open(store_url)
    try:
        assert store.schema_version() == schema.CURRENT_VERSION == len(schema.MIGRATIONS)
        engine = sa.create_engine(store_url)
        found = _shape(engine)
        engine.dispose()
        assert set(found) == set(schema.metadata.tables)
        for name, table in schema.metadata.tables.items():
            columns, primary, indexes = found[name]
            assert columns == {c.name for c in table.columns}, name
            assert primary == {c.name for c in table.primary_key.columns}, name
            for index in table.indexes:
                assert tuple(c.name for c in index.columns) in indexes, (name, index.name)
    finally:
        store.close()


def test_store002_old_version_database_is_upgraded_keeping_its_data(store_url: str) -> None:
    engine = sa.create_engine(store_url)
    with engine.begin() as conn:  # a database as version 1 left it, with one dataset and one region
        schema.MIGRATIONS[0](conn)
        conn.execute(sa.text("INSERT INTO schema_version (version) VALUES (1)"))
        conn.execute(
            sa.text(
                "INSERT INTO datasets (kind, file_name, sha256, created_at, user_name, rows_read, rows_imported, "
                "status, report) VALUES ('tidy', 'lama.csv', 'abc', '2025-01-01 00:00:00', 'budi', 1, 1, "
                "'imported', '{}')"
            )
        )
        conn.execute(
            sa.text(
                "INSERT INTO observations (dataset_id, code, period, indicator, numerator, denominator) "
                "VALUES (1, '52.03.01.2001', '2025-01', 'stunting', 3, 30)"
            )
        )
    engine.dispose()

    store = Store.open(store_url)
    try:
        assert store.schema_version() == schema.CURRENT_VERSION
        assert len(store.indicator_catalogue()) == len(CATALOGUE)
        [dataset] = store.datasets()
        assert (dataset.file_name, dataset.user, dataset.districts) == ("lama.csv", "budi", ("52.03",))
        observations = store.observations("52.03")
        assert observations.to_dict("records") == [
            {
                "code": "52.03.01.2001",
                "period": "2025-01",
                "indicator": "stunting",
                "numerator": 3.0,
                "denominator": 30.0,
            }
        ]
        assert store.save_aliases("52.03", {"desa satu": "52.03.01.2001"}) == 1  # a version-2 table works
    finally:
        store.close()


def test_store003_newer_database_is_refused(store_url: str) -> None:
    Store.open(store_url).close()
    engine = sa.create_engine(store_url)
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE schema_version SET version = 99"))
    engine.dispose()
    with pytest.raises(StoreError, match="version 99"):
        Store.open(store_url)


def test_store004_catalogue_is_seeded_and_opening_twice_changes_nothing(store_url: str) -> None:
    first = Store.open(store_url)
    catalogue = first.indicator_catalogue()
    first.close()
    again = Store.open(store_url)
    try:
        assert again.indicator_catalogue().equals(catalogue)
        stunting = catalogue.set_index("key").loc["stunting"]
        assert (stunting["label_id"], stunting["kind"], stunting["direction"], stunting["target"]) == (
            "Prevalensi stunting", "outcome", "lower", 14.0,
        )  # fmt: skip
        assert set(catalogue["key"]) == set(CATALOGUE)
    finally:
        again.close()
