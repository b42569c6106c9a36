"""Accounts on SQLite and PostgreSQL: argon2 hashes, refusals with reasons, sessions ended, the audit log."""

from __future__ import annotations

import pandas as pd
import pytest
import sqlalchemy as sa

from dashboard.auth.roles import Role
from dashboard.data import schema
from dashboard.data.accounts import AccountError, Accounts
from dashboard.data.store import Store

PASSWORD = "kata-sandi-yang-panjang"


def test_auth010_password_is_stored_as_argon2id_and_verified(store: Store) -> None:
    accounts = Accounts(store)
    record = accounts.create_user("Rina", PASSWORD, "perencana", ["5203"])
    assert (record.username, record.role, record.areas) == ("rina", Role.PERENCANA, ("52.03",))
    with store._read() as conn:
        stored = conn.execute(sa.select(schema.users.c.password_hash)).scalar_one()
    assert stored.startswith("$argon2id$") and PASSWORD not in stored
    assert accounts.verify("rina", PASSWORD) == record
    assert accounts.verify("RINA ", PASSWORD) == record
    assert accounts.verify("rina", PASSWORD + "x") is None
    assert accounts.verify("nobody", PASSWORD) is None


@pytest.mark.parametrize(
    ("name", "password", "role", "areas", "key"),
    [
        ("rina", "pendek", "perencana", ["52.03"], "account.password_short"),
        ("r", PASSWORD, "perencana", ["52.03"], "account.username_invalid"),
        ("rina/../x", PASSWORD, "perencana", ["52.03"], "account.username_invalid"),
        ("rina", PASSWORD, "perencana", [], "account.areas_required"),
        ("rina", PASSWORD, "pimpinan", ["52.03.01"], "account.area_invalid"),
        ("rina", PASSWORD, "publik", ["52.03"], "account.role_invalid"),
        ("rina", PASSWORD, "bupati", ["52.03"], "account.role_invalid"),
        ("rina", "aaaaaaaaaaaa", "perencana", ["52.03"], "account.password_weak"),
        ("rina", "1212121212", "perencana", ["52.03"], "account.password_weak"),
        ("rina", "rina-2025-sandi", "perencana", ["52.03"], "account.password_weak"),
    ],
)
def test_auth011_invalid_accounts_are_refused_with_a_reason(
    store: Store, name: str, password: str, role: str, areas: list[str], key: str
) -> None:
    with pytest.raises(AccountError) as refused:
        Accounts(store).create_user(name, password, role, areas)
    assert refused.value.key == key
    assert Accounts(store).users() == []


def test_auth012_names_are_unique_and_admins_need_no_area(store: Store) -> None:
    accounts = Accounts(store)
    admin = accounts.create_user("admin", PASSWORD, "admin")
    assert admin.areas == () and accounts.has_admin()
    with pytest.raises(AccountError) as taken:
        accounts.create_user("ADMIN", PASSWORD, "perencana", ["52.03"])
    assert taken.value.key == "account.username_taken"


def test_auth013_password_change_and_deactivation_end_sessions(store: Store) -> None:
    accounts = Accounts(store)
    first = accounts.create_user("budi", PASSWORD, "pimpinan", ["52"])
    with pytest.raises(AccountError) as same:
        accounts.set_password("budi", PASSWORD)
    assert same.value.key == "account.password_same"
    changed = accounts.set_password("budi", PASSWORD + "-baru")
    assert changed.session_generation == first.session_generation + 1
    assert accounts.verify("budi", PASSWORD) is None
    assert accounts.verify("budi", PASSWORD + "-baru") is not None
    inactive = accounts.set_active("budi", False)
    assert inactive.session_generation == changed.session_generation + 1
    assert accounts.verify("budi", PASSWORD + "-baru") is None


def test_auth014_audit_log_keeps_who_what_where_and_outcome(store: Store) -> None:
    accounts = Accounts(store)
    rina = accounts.create_user("rina", PASSWORD, "perencana", ["52.03"]).actor
    accounts.audit(None, "login", target="rina", address="10.0.0.7", outcome="refused")
    accounts.audit(rina, "import", target="laporan.csv", detail={"dataset": 4, "rows": 12}, address="10.0.0.7")
    log = accounts.audit_entries()
    assert list(log["action"]) == ["import", "login"]
    newest = log.iloc[0]
    assert (newest["username"], newest["target"], newest["address"], newest["outcome"]) == (
        "rina", "laporan.csv", "10.0.0.7", "ok",
    )  # fmt: skip
    assert newest["detail"] == {"dataset": 4, "rows": 12}
    assert log.iloc[1]["outcome"] == "refused" and pd.isna(log.iloc[1]["username"])
