"""A database worth backing up (demo, an extra import, accounts, a scenario, an audit entry) and every table's rows."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa

from dashboard.auth.roles import Actor, Role
from dashboard.config import Settings
from dashboard.data import schema
from dashboard.data.accounts import Accounts
from dashboard.data.store import Store
from tests.auth_helpers import PASSWORD
from tests.presentation.helpers import seed_briefing
from tests.store.helpers import indicator_batch

ADMIN = Actor(None, "sistem", Role.ADMIN, (), via_cli=True)


def demo_village_codes(store: Store, n: int = 5) -> list[str]:
    with store._read() as conn:
        query = sa.select(schema.regions.c.code).where(schema.regions.c.level == "desa").order_by("code").limit(n)
        return [str(code) for code in conn.execute(query).scalars()]


def fill(url: str) -> int:
    """The demo district, one extra import, two accounts, scenarios with commitments and an audit entry.

    Returns the extra import's dataset id."""
    with Store.open(url) as store:
        store.ensure_demo(Settings().geodata_dir)
        codes = demo_village_codes(store)
        result = store.commit_indicators(
            indicator_batch([(code, "2026-02", "stunting", 3, 30) for code in codes], "tambahan.csv"), "rina"
        )
        accounts = Accounts(store)
        accounts.create_user("rina", PASSWORD, "perencana", ["99.01"])
        accounts.create_user("bupati", PASSWORD, "pimpinan", ["99.01"])
        seed_briefing(store)
        accounts.audit(ADMIN, "target_set", target="99.01", detail={"year": 2026})
        assert result.dataset_id is not None
        return result.dataset_id


def table_names(url: str) -> list[str]:
    """The tables the database holds, from its own catalogue (checked against the schema by the tests)."""
    engine = sa.create_engine(url)
    try:
        return sorted(sa.inspect(engine).get_table_names())
    finally:
        engine.dispose()


def rows_of_every_table(url: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table of the schema, in a stable order (sorted by their text form)."""
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            return {
                table.name: sorted((tuple(row) for row in conn.execute(sa.select(table))), key=repr)
                for table in schema.metadata.sorted_tables
            }
    finally:
        engine.dispose()


@contextmanager
def writing_pairs(url: str) -> Iterator[list[int]]:
    """A writer that, until the block ends, commits transactions each adding TWO audit rows (``pair-<i>``).

    Yields the list of committed pair numbers; the block starts once at least one pair is committed."""
    done: list[int] = []
    stop = threading.Event()
    first = threading.Event()

    def write() -> None:
        with Store.open(url) as store:
            i = 0
            while not stop.is_set() or len(done) < 3:
                with store._write() as conn:
                    row = {
                        "at": datetime.now(UTC),
                        "action": "pair",
                        "target": f"pair-{i}",
                        "detail": {},
                        "outcome": "ok",
                    }
                    conn.execute(schema.audit_log.insert(), [row, row])
                done.append(i)
                first.set()
                i += 1

    thread = threading.Thread(target=write, name=f"pairs-{os.getpid()}", daemon=True)
    thread.start()
    assert first.wait(60)
    try:
        yield done
    finally:
        stop.set()
        thread.join(60)
