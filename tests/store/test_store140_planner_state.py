"""A planner's work in progress kept per signed-in user on the server, on SQLite and PostgreSQL (issue 16)."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from dashboard.auth.roles import ANONYMOUS, Actor, Role
from dashboard.data import schema
from dashboard.data.accounts import Accounts
from dashboard.data.planner_state import MAX_BYTES, PAGE_LOKUS, PlannerStateError, PlannerStates
from dashboard.data.store import Store

FIELDS = {"top_n": int, "method": str, "criteria": list}


def _users(store: Store) -> tuple[Actor, Actor]:
    accounts = Accounts(store)
    a = accounts.create_user("perencana.a", "kata-sandi-panjang", Role.PERENCANA, ["52.03"]).actor
    b = accounts.create_user("perencana.b", "kata-sandi-panjang", Role.PERENCANA, ["52.03"]).actor
    return a, b


def test_pst001_round_trip_keeps_the_document_and_counts_revisions(store: Store) -> None:
    a, _ = _users(store)
    states = PlannerStates(store)
    document = {"top_n": 7, "method": "weighted", "criteria": [{"key": "prevalensi", "weight": 2.5}]}
    first = states.save(a, "52.03", PAGE_LOKUS, document)
    assert first is not None and first.version == 1
    second = states.save(a, "52.03", PAGE_LOKUS, {**document, "top_n": 8})
    assert second is not None and second.version == 2
    loaded = states.load(a, "52.03", PAGE_LOKUS)
    assert loaded is not None
    assert loaded.data == {**document, "top_n": 8}
    assert loaded.version == 2
    assert loaded.updated_at.tzinfo is not None
    assert states.clear(a, "52.03", PAGE_LOKUS) is True
    assert states.load(a, "52.03", PAGE_LOKUS) is None


def test_pst002_user_b_never_sees_user_a_state(store: Store) -> None:
    a, b = _users(store)
    states = PlannerStates(store)
    states.save(a, "52.03", PAGE_LOKUS, {"top_n": 3})
    assert states.load(b, "52.03", PAGE_LOKUS) is None
    assert states.latest(b, PAGE_LOKUS) is None
    states.save(b, "52.03", PAGE_LOKUS, {"top_n": 20})
    loaded_a = states.load(a, "52.03", PAGE_LOKUS)
    loaded_b = states.load(b, "52.03", PAGE_LOKUS)
    assert loaded_a is not None and loaded_a.data == {"top_n": 3}
    assert loaded_b is not None and loaded_b.data == {"top_n": 20}
    # B clearing its own state leaves A's
    states.clear(b, "52.03", PAGE_LOKUS)
    assert states.load(a, "52.03", PAGE_LOKUS) is not None


def test_pst003_anonymous_visitors_keep_nothing(store: Store) -> None:
    states = PlannerStates(store)
    assert states.save(ANONYMOUS, "52.03", PAGE_LOKUS, {"top_n": 3}) is None
    assert states.save(None, "52.03", PAGE_LOKUS, {"top_n": 3}) is None
    assert states.load(ANONYMOUS, "52.03", PAGE_LOKUS) is None
    with store._read() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(schema.planner_state)).scalar() == 0


def test_pst004_a_document_over_64_kb_is_refused_and_the_old_one_stays(store: Store) -> None:
    a, _ = _users(store)
    states = PlannerStates(store)
    states.save(a, "52.03", PAGE_LOKUS, {"top_n": 5})
    with pytest.raises(PlannerStateError, match="over the limit"):
        states.save(a, "52.03", PAGE_LOKUS, {"reason": "x" * MAX_BYTES})
    loaded = states.load(a, "52.03", PAGE_LOKUS)
    assert loaded is not None and loaded.data == {"top_n": 5} and loaded.version == 1


def test_pst005_unknown_or_stale_fields_are_dropped_on_load(store: Store) -> None:
    a, _ = _users(store)
    states = PlannerStates(store)
    states.save(a, "52.03", PAGE_LOKUS, {"top_n": "12", "method": "weighted", "bobot_lama": 3, "criteria": 7})
    loaded = states.load(a, "52.03", PAGE_LOKUS, FIELDS)
    assert loaded is not None
    assert loaded.data == {"top_n": 12, "method": "weighted"}  # an unknown field and a list that is not one: gone


def test_pst006_latest_is_the_most_recent_readable_district(store: Store) -> None:
    a, _ = _users(store)
    states = PlannerStates(store)
    states.save(a, "52.03", PAGE_LOKUS, {"top_n": 1})
    states.save(a, "64.74", PAGE_LOKUS, {"top_n": 2})
    latest = states.latest(a, PAGE_LOKUS)
    assert latest is not None and latest.district_code == "64.74"
    readable = states.latest(a, PAGE_LOKUS, districts=lambda code: code == "52.03")
    assert readable is not None and readable.data == {"top_n": 1}


def test_pst007_removing_a_user_removes_their_state(store: Store) -> None:
    a, _ = _users(store)
    PlannerStates(store).save(a, "52.03", PAGE_LOKUS, {"top_n": 1})
    with store._write() as conn:
        conn.execute(schema.users.delete().where(schema.users.c.id == a.id))
        left = conn.execute(sa.select(sa.func.count()).select_from(schema.planner_state)).scalar()
    assert left == 0


def test_pst008_version_7_database_is_upgraded_keeping_its_users(store_url: str) -> None:
    engine = sa.create_engine(store_url)
    with engine.begin() as conn:
        for migration in schema.MIGRATIONS[:7]:
            migration(conn)
        conn.execute(sa.text("INSERT INTO schema_version (version) VALUES (7)"))
        conn.execute(sa.text(
            "INSERT INTO users (username, password_hash, role, areas, active, session_generation, created_at, "
            "updated_at) VALUES ('lama', 'x', 'perencana', '52.03', TRUE, 0, '2025-01-01 00:00:00', "
            "'2025-01-01 00:00:00')"
        ))  # fmt: skip
    assert "planner_state" not in set(sa.inspect(engine).get_table_names())
    engine.dispose()
    store = Store.open(store_url)
    try:
        assert store.schema_version() == schema.CURRENT_VERSION >= 8
        user = Accounts(store).user(1)
        assert user is not None
        saved = PlannerStates(store).save(user.actor, "52.03", PAGE_LOKUS, {"top_n": 4})
        assert saved is not None and saved.version == 1
    finally:
        store.close()
