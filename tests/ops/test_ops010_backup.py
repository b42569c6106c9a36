"""Backup and restore round trips on SQLite and PostgreSQL: every table back as it was, wrong files refused."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
import sqlalchemy as sa

from dashboard.cli import main
from dashboard.data import schema
from dashboard.data.accounts import Accounts
from dashboard.data.store import Store
from tests.auth_helpers import PASSWORD
from tests.ops.conftest import PARAMS
from tests.ops.helpers import fill, rows_of_every_table, table_names, writing_pairs
from tests.store.helpers import indicator_batch


def _change_everything(url: str, extra_dataset: int) -> None:
    """After the backup: an account added, the extra import removed, a scenario deleted, a new import."""
    with Store.open(url) as store:
        accounts = Accounts(store)
        accounts.create_user("baru", PASSWORD, "perencana", ["99.01"])
        assert store.remove_dataset(extra_dataset)
        draft = next(s for s in store.scenarios("99.01") if not s.is_final)
        assert draft.id is not None
        store.delete_scenario(draft.id)
        store.commit_indicators(indicator_batch([("99.01.01.2001", "2026-03", "stunting", 1, 10)], "lain.csv"))


@PARAMS
def test_ops010_round_trip_gives_back_every_table_row_by_row(
    database: str, new_database: Callable[[str], str], use_database: Callable[[str], None], tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    url = new_database("live")
    extra = fill(url)
    assert table_names(url) == sorted(schema.metadata.tables)  # the comparison below covers what the database holds
    before = rows_of_every_table(url)
    assert all(before[name] for name in ("datasets", "observations", "users", "scenarios", "commitments", "audit_log"))
    use_database(url)
    out = tmp_path / "cadangan.lokus"
    assert main(["backup", str(out)]) == 0
    assert "cadangan.lokus" in capsys.readouterr().out

    _change_everything(url, extra)
    changed = rows_of_every_table(url)
    assert {n for n in before if changed[n] != before[n]} >= {"users", "datasets", "observations", "scenarios"}

    assert main(["restore", str(out), "--yes"]) == 0
    after = rows_of_every_table(url)
    for name in before:
        if name != "audit_log":
            assert after[name] == before[name], name
    # The audit log is the one at backup time plus the restore itself, by the command line.
    new_rows = [_audit(row) for row in after["audit_log"] if row not in before["audit_log"]]
    assert [row for row in before["audit_log"] if row not in after["audit_log"]] == []
    assert [(r["action"], r["target"], r["outcome"]) for r in new_rows] == [
        ("database_restore", "cadangan.lokus", "ok")
    ]
    assert str(new_rows[0]["username"]).endswith("(baris perintah)")
    # The backup was audited in the live database (before the restore brought back the earlier log).
    assert any(_audit(row)["action"] == "database_backup" for row in changed["audit_log"])


def _audit(row: tuple[object, ...]) -> dict[str, object]:
    return dict(zip(schema.audit_log.columns.keys(), row, strict=True))


@PARAMS
def test_ops020_a_garbage_file_is_refused_and_changes_nothing(
    database: str, new_database: Callable[[str], str], use_database: Callable[[str], None], tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    url = new_database("live")
    fill(url)
    before = rows_of_every_table(url)
    use_database(url)
    garbage = tmp_path / "bukan-cadangan.bin"
    garbage.write_bytes(b"PK\x03\x04 this is a zip, not a backup " * 100)
    not_lokus = tmp_path / "lain.sqlite"
    with sqlite3.connect(not_lokus) as conn:
        conn.execute("CREATE TABLE x (a)")
    conn.close()
    for wrong in (garbage, not_lokus, tmp_path / "tidak-ada.lokus"):
        assert main(["restore", str(wrong), "--yes"]) == 1
        message = capsys.readouterr().err
        assert wrong.name in message, message
    assert "bukan cadangan Lokus" in main_message(garbage, capsys)
    assert rows_of_every_table(url) == before


def main_message(path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["restore", str(path), "--yes"]) == 1
    return capsys.readouterr().err


@pytest.mark.parametrize("database", ["sqlite"])
def test_ops030_a_backup_of_a_newer_schema_is_refused(
    database: str, new_database: Callable[[str], str], use_database: Callable[[str], None], tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    url = new_database("live")
    with Store.open(url):
        pass
    use_database(url)
    out = tmp_path / "b.lokus"
    assert main(["backup", str(out)]) == 0
    with sqlite3.connect(out) as conn:
        conn.execute("UPDATE schema_version SET version = ?", (schema.CURRENT_VERSION + 1,))
    conn.close()
    before = rows_of_every_table(url)
    message = main_message(out, capsys)
    assert f"versi {schema.CURRENT_VERSION + 1}" in message and "Perbarui Lokus" in message, message
    assert rows_of_every_table(url) == before


@PARAMS
def test_ops040_a_backup_taken_while_another_connection_writes_is_consistent(
    database: str, new_database: Callable[[str], str], use_database: Callable[[str], None], tmp_path: Path,
) -> None:  # fmt: skip
    url = new_database("live")
    with Store.open(url) as store:
        store.ensure_demo(Path(__file__).resolve().parents[2] / "geodata")
    use_database(url)
    out = tmp_path / "b.lokus"
    with writing_pairs(url) as committed:
        assert main(["backup", str(out)]) == 0
        during = len(committed)
    # Read the backup back through a restore into another database: each pair is whole or absent.
    copy = new_database("copy")
    use_database(copy)
    assert main(["restore", str(out), "--yes"]) == 0
    engine = sa.create_engine(copy)
    with engine.connect() as conn:
        a = schema.audit_log
        counts = conn.execute(
            sa.select(a.c.target, sa.func.count()).where(a.c.action == "pair").group_by(a.c.target)
        ).all()
    engine.dispose()
    assert counts, "the writer committed pairs before the backup began"
    assert {n for _, n in counts} == {2}
    assert len(counts) <= during


@PARAMS
def test_ops050_restore_asks_for_yes_in_a_script_and_refuses_the_other_kind(
    database: str, new_database: Callable[[str], str], use_database: Callable[[str], None], tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    url = new_database("live")
    with Store.open(url) as store:
        Accounts(store).create_user("rina", PASSWORD, "perencana", ["99.01"])
    use_database(url)
    out = tmp_path / "b.lokus"
    assert main(["backup", str(out)]) == 0
    with Store.open(url) as store:
        Accounts(store).create_user("baru", PASSWORD, "perencana", ["99.01"])
    before = rows_of_every_table(url)
    assert main(["restore", str(out)]) == 1  # stdin is not a terminal here: no silent replacement
    assert "--yes" in capsys.readouterr().err
    # A backup of the other database kind is named as such (a fake archive's head is no backup at all).
    other = tmp_path / "lain.lokus"
    if database == "postgresql":
        sqlite_url = f"sqlite:///{tmp_path / 'lain.sqlite'}"
        Store.open(sqlite_url).close()
        use_database(sqlite_url)
        assert main(["backup", str(other)]) == 0
        use_database(url)
        expected = "adalah cadangan sqlite, tetapi basis data ini postgresql"
    else:
        other.write_bytes(b"PGDMP" + b"\0" * 100)
        expected = "bukan cadangan Lokus"
    capsys.readouterr()
    message = main_message(other, capsys)
    assert "lain.lokus" in message and expected in message, message
    assert rows_of_every_table(url) == before
