"""The database store: regions, datasets and observations in SQLite (embedded) or PostgreSQL (shared).

The store answers the pages' questions (it is a :class:`~dashboard.data.source.RegionSource`) and
commits the batches importers prepare. Every commit is one transaction: a batch with an error is
refused whole (:class:`~dashboard.data.importers.model.ImportRefused`) and nothing is written; the
same file twice (by sha256) changes nothing and names the dataset that already holds it.

Rules a planner can rely on
---------------------------
* **A later dataset wins, an earlier one is kept.** When a file brings a value for a (village,
  period, indicator) another dataset already holds, the newer value is the one the map shows; the
  older stays stored underneath and the report says how many values of which dataset were replaced.
  Removing the newer dataset brings the older values back. (Within one file the same key twice is an
  error.)
* **A new boundary version replaces the old one for each district it covers**, level by level
  (villages, kecamatan, kabupaten). Observations refer to villages by code text, so they survive; the
  report lists the codes that appeared and disappeared, and observations whose village disappeared
  stay stored (they show again if the code comes back).
* **Removing a dataset** removes what it brought: its observations and estimates, or its regions (a
  boundary dataset that has been superseded has none left). Dataset ids are never reused.
* **Survey estimates are not counts.** A file's rate-only figures (a kabupaten/kota's prevalence with
  its 95% interval and source, e.g. SSGI 2024) go to their own table in the same transaction as its
  observations; they never enter a sum. For one (region, period, indicator, source) the newer dataset
  wins, as for observations.
* **Figures of every level, never mixed.** Observations and estimates may be a kecamatan's, a kabupaten's or a
  province's (and observations a puskesmas's); :meth:`Store.observations` returns the villages' only, and
  :mod:`dashboard.data.levels` reads the others beside the sums of villages, each labelled.

Writes are serialised: ``BEGIN IMMEDIATE`` on SQLite (WAL journal, so readers never wait) and a
transaction-level advisory lock on PostgreSQL. A SQLite writer waits :data:`SQLITE_BUSY_TIMEOUT_S` for another's
lock, then gets :class:`StoreBusy` (nothing written; try again), never a raw ``database is locked``. Bulk rows go
through ``executemany`` on SQLite and ``COPY`` on PostgreSQL.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import logging
import math
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any, cast

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.pool import StaticPool

from dashboard.config import Settings
from dashboard.core.codes import Level, level_of, try_normalise_code
from dashboard.core.indicators import CATALOGUE
from dashboard.core.periods import PeriodError, parse_period
from dashboard.data import schema
from dashboard.data.boundaries import VILLAGE_COLUMNS
from dashboard.data.importers.model import (
    BATCH_ESTIMATE_COLUMNS,
    BATCH_OBSERVATION_COLUMNS,
    BoundaryBatch,
    DatasetKind,
    ImportRefused,
    IndicatorBatch,
    Problem,
    Severity,
    count_limits,
    limit_params,
    period_refusal,
)
from dashboard.data.scenarios import Scenario, ScenarioError, ScenarioVillage
from dashboard.data.source import (
    DEMO_BOUNDARY_FILE,
    DEMO_DISTRICT_CODE,
    DEMO_INDICATOR_FILE,
    DEMO_SURVEY_FILE,
    ESTIMATE_COLUMNS,
    OBSERVATION_COLUMNS,
    District,
    read_estimates_csv,
    read_tidy_csv,
)

__all__ = [
    "EXPORT_COLUMNS",
    "SQLITE_BUSY_TIMEOUT_S",
    "CommitResult",
    "DatasetInfo",
    "DatasetStatus",
    "Store",
    "StoreBusy",
    "StoreError",
]

log = logging.getLogger(__name__)

EXPORT_COLUMNS = ["kode_wilayah", "periode", "indikator", "pembilang", "penyebut"]
_BOUNDARY_KINDS = (str(DatasetKind.BOUNDARIES), str(DatasetKind.DEMO))
_ADVISORY_LOCK = 0x4C6F6B7573  # "Lokus": serialises writers on PostgreSQL
_CHUNK = 50_000
_LISTED_CODES = 20  # codes named in a report line; the report's lists keep them all
_LISTED_PROBLEMS = 200  # rows named per kind of problem when the store refuses a batch
# How long a writer waits for another writer's lock before giving up, when no settings say otherwise
# (``DASHBOARD_DB_LOCK_TIMEOUT``): long enough for any import's commit to finish, short enough that the page's job
# is not called lost.
SQLITE_BUSY_TIMEOUT_S = 30.0
_VILLAGE_CODE = 13  # characters of a dotted village code (PP.KK.CC.DDDD); shorter codes are kecamatan and above


class DatasetStatus(StrEnum):
    IMPORTED = "imported"
    SUPERSEDED = "superseded"  # a boundary dataset whose regions a later version replaced


class StoreError(RuntimeError):
    """The database cannot be used by this version of Lokus (e.g. it is newer)."""


class StoreBusy(StoreError):
    """Another writer held the lock past ``Settings.db_lock_timeout`` (SQLite's busy timeout, PostgreSQL's
    ``lock_timeout``); the transaction was rolled back whole, so trying again later is safe. The page and the command
    line say so (i18n key ``data.busy``)."""


def _locked(error: sa.exc.OperationalError) -> bool:
    """Whether the database gave up waiting for a lock: SQLite's ``SQLITE_BUSY``/``SQLITE_LOCKED`` message, or
    PostgreSQL's ``lock_not_available`` (SQLSTATE 55P03, ``lock_timeout`` reached)."""
    if getattr(error.orig, "sqlstate", None) == "55P03":
        return True
    text = str(error.orig).lower()
    return "database is locked" in text or "database table is locked" in text


@dataclass(frozen=True)
class DatasetInfo:
    """One import as the dataset list shows it; ``report`` only from :meth:`Store.dataset`."""

    id: int
    kind: str
    file_name: str
    sha256: str
    created_at: datetime
    user: str | None
    rows_read: int
    rows_imported: int
    status: str
    districts: tuple[str, ...]
    report: dict[str, Any] | None = None


@dataclass(frozen=True)
class CommitResult:
    """What a commit did: the new dataset, or the one that already holds the same file."""

    dataset_id: int | None
    rows: int
    duplicate_of: int | None = None
    districts: tuple[str, ...] = ()
    appeared: tuple[str, ...] = ()
    disappeared: tuple[str, ...] = ()
    replaced: int = 0
    aliases_saved: int = 0
    problems: tuple[Problem, ...] = field(default=())  # what the store adds to the importer's report

    @property
    def duplicate(self) -> bool:
        return self.duplicate_of is not None


# ---------------------------------------------------------------------------------------------- helpers


def _now() -> datetime:
    return datetime.now(UTC)


def _utc(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _jsonable(value: object) -> object:
    """Plain JSON values: numpy scalars unwrapped, NaN/inf as null (PostgreSQL's json refuses them)."""
    if isinstance(value, Mapping):
        return {str(key): _jsonable(item) for key, item in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [_jsonable(item) for item in value]
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, datetime | pd.Timestamp):
        return value.isoformat()
    if value is pd.NA or value is pd.NaT:
        return None
    return str(value)


def _problem_record(problem: Problem) -> dict[str, object]:
    record = problem.as_record("id")
    record["key"] = problem.key
    record["params"] = {key: _jsonable(value) for key, value in problem.params}
    return record


def _listed(codes: Sequence[str]) -> str:
    shown = ", ".join(codes[:_LISTED_CODES])
    return shown + (f", … (+{len(codes) - _LISTED_CODES})" if len(codes) > _LISTED_CODES else "")


def _chunks(rows: Iterable[tuple[object, ...]], size: int = _CHUNK) -> Iterator[list[tuple[object, ...]]]:
    iterator = iter(rows)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def _tuples(result: Iterable[Any]) -> list[tuple[Any, ...]]:
    """A query's rows as plain tuples: pandas builds a frame from SQLAlchemy rows ten times slower (it probes each
    row's attributes; 0.55 s against 0.05 s for the demo district's 24,000 observations, on every page's first
    read of a district)."""
    return [tuple(row) for row in result]


def _district_range(district_code: str) -> tuple[str, str]:
    """Codes under a district sort between ``'PP.KK.'`` and ``'PP.KK/'`` ('/' follows '.')."""
    return f"{district_code}.", f"{district_code}/"


def _row_of(value: object) -> int | None:
    """A file row as a problem names it (None for a row the batch does not know)."""
    return None if value is None or pd.isna(cast(Any, value)) else int(cast(Any, value))


def _period_problems(file_name: str, frame: pd.DataFrame) -> list[Problem]:
    """Refusals of the periods that are not ``YYYY-MM``/``YYYY`` or that no data can have, each with its first row."""
    problems = []
    for period, rows in frame.groupby("period", sort=True)["source_row"]:
        try:
            refusal = period_refusal(str(period))
        except PeriodError:
            refusal = "indicators.bad_period", ()
        if refusal is not None:
            key, params = refusal
            problems.append(
                Problem(file_name, _row_of(rows.iloc[0]), "periode", str(period), key, (*params, ("rows", len(rows))))
            )
    return problems


def _duplicate_problems(file_name: str, frame: pd.DataFrame, key: str) -> list[Problem]:
    """Refusals (``key``) of each later row of a (code, period, indicator) the batch holds twice."""
    keys = ["code", "period", "indicator"]
    twice = frame.duplicated(keys, keep=False).to_numpy()
    if not twice.any():
        return []
    first_rows = frame[twice].groupby(keys, sort=False)["source_row"].transform("first")
    later = frame[twice].duplicated(keys, keep="first").to_numpy()
    return [
        Problem(file_name, _row_of(item["source_row"]), "kode_wilayah",
                f"{item['code']} {item['period']} {item['indicator']}", key, (("first", _row_of(first)),))
        for (_, item), first in list(zip(frame[twice][later].iterrows(), first_rows[later], strict=True))[:200]
    ]  # fmt: skip


def _batch_frame(batch_frame: pd.DataFrame, expected: Sequence[str], numbers: Sequence[str]) -> pd.DataFrame:
    """A batch's rows as the store checks them: code, period and indicator as text, ``numbers`` as floats (NaN where
    unreadable), and the file row (None where the batch has none). A frame without the ``expected`` columns (the
    file row aside) is a programming error."""
    missing = [c for c in expected if c != "source_row" and c not in batch_frame.columns]
    if missing:
        raise ValueError(f"batch frame lacks columns {missing}; expected {list(expected)}")
    rows = batch_frame["source_row"].to_numpy() if "source_row" in batch_frame.columns else None
    return pd.DataFrame(
        {
            **{c: batch_frame[c].astype(str).to_numpy(dtype=object) for c in ("code", "period", "indicator")},
            **{c: pd.to_numeric(batch_frame[c], errors="coerce").to_numpy(dtype=float) for c in numbers},
            "source_row": np.full(len(batch_frame), None, dtype=object) if rows is None else rows,
        }
    )


def _refused_rows(file_name: str, frame: pd.DataFrame, hit: np.ndarray, key: str, column: str | None,
                  value: str | None, *params: tuple[str, object]) -> list[Problem]:  # fmt: skip
    """A refusal for each of the first rows ``hit`` selects: its file row, ``column`` (None: the row's indicator),
    and the cell of ``value`` (a frame column) as shown."""
    problems = []
    for position in np.flatnonzero(hit)[:_LISTED_PROBLEMS]:
        item = frame.iloc[position]
        shown = None if value is None else str(item[value])
        where = str(item["indicator"]) if column is None else column
        problems.append(Problem(file_name, _row_of(item["source_row"]), where, shown, key, params))
    return problems


def _text_or_none(value: object) -> str | None:
    return None if value is None or pd.isna(cast(Any, value)) else str(value)


def _no_outlines() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {"code": [], "name": [], "level": [], "parent": [], "district_code": []}, geometry=[], crs=4326
    )


def _levels_by_district(villages: gpd.GeoDataFrame, outlines: gpd.GeoDataFrame) -> dict[str | None, set[str]]:
    """The levels a batch brings for each district (``None``: provinces), which it replaces there."""
    levels: dict[str | None, set[str]] = {}
    for district in villages["district_code"].tolist():
        levels.setdefault(str(district), set()).add(str(Level.DESA))
    for district, level in zip(outlines["district_code"].tolist(), outlines["level"].tolist(), strict=True):
        levels.setdefault(_text_or_none(district), set()).add(str(level))
    return levels


def _normalise_url(url: str) -> str:
    # psycopg 3 is the driver Lokus ships; a plain postgresql:// URL would ask for psycopg2.
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


# ------------------------------------------------------------------------------------------------ store


class Store:
    """Regions, datasets and observations in one database; see the module docstring for the rules."""

    def __init__(self, engine: Engine, lock_timeout: float = SQLITE_BUSY_TIMEOUT_S) -> None:
        """Use :meth:`open`; this only wraps an engine whose schema is already current.

        ``lock_timeout``: seconds a PostgreSQL writer waits for another's lock (SQLite's is set on the engine).
        """
        self._engine = engine
        self._postgres = engine.dialect.name == "postgresql"
        self._lock_timeout_ms = max(1, round(lock_timeout * 1000))

    # -------------------------------------------------------------------------------- opening

    @classmethod
    def open(cls, url: str | None = None, *, settings: Settings | None = None) -> Store:
        """Connect, then create or upgrade the schema. Default URL: ``settings.effective_database_url``.

        A SQLite file's folder is created when missing. A plain ``postgresql://`` URL uses psycopg 3.
        """
        settings = settings or Settings.from_env()
        if url is None:
            url = settings.effective_database_url
        engine = cls._engine_for(_normalise_url(url), settings.db_lock_timeout)
        store = cls(engine, settings.db_lock_timeout)
        store._upgrade()
        store._private_file()
        return store

    def _private_file(self) -> None:
        """A SQLite file (password hashes, the audit log) readable by the server's user only; its WAL and
        shared-memory files take the database file's permissions."""
        database = self._engine.url.database if self.dialect == "sqlite" else None
        if database and database != ":memory:":
            path = Path(database).expanduser()
            if path.exists() and path.stat().st_mode & 0o077:
                path.chmod(0o600)

    @classmethod
    def from_settings(cls, settings: Settings) -> Store:
        return cls.open(settings.effective_database_url, settings=settings)

    @staticmethod
    def _engine_for(url: str, lock_timeout: float = SQLITE_BUSY_TIMEOUT_S) -> Engine:
        parsed = make_url(url)
        if parsed.get_backend_name() != "sqlite":
            return sa.create_engine(parsed, pool_pre_ping=True)
        database = parsed.database
        memory = database in (None, "", ":memory:")
        if not memory:
            Path(str(database)).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = sa.create_engine(
            parsed,
            connect_args={"timeout": lock_timeout, "check_same_thread": False},
            **({"poolclass": StaticPool} if memory else {}),
        )

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_connection: Any, _record: Any) -> None:
            # Transactions are begun explicitly below (pysqlite's own BEGIN handling would defer the
            # write lock and skip DDL); foreign keys are off by default in SQLite.
            dbapi_connection.isolation_level = None
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            if not memory:
                cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _on_begin(conn: Connection) -> None:
            immediate = conn.get_execution_options().get("lokus_write", False)
            conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

        return engine

    def close(self) -> None:
        self._engine.dispose()

    def after_fork(self) -> None:
        """Drop pooled connections inherited from a parent process (background callbacks, gunicorn)."""
        self._engine.dispose(close=False)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @property
    def url(self) -> str:
        return self._engine.url.render_as_string(hide_password=True)

    @property
    def dialect(self) -> str:
        return self._engine.dialect.name

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        """One write transaction, serialised with every other writer of the database.

        Raises :class:`StoreBusy` when SQLite's lock stayed taken past the busy timeout (the transaction is
        rolled back: nothing of it is written).
        """
        try:
            with self._engine.connect() as conn:
                conn.execution_options(lokus_write=True)
                with conn.begin():
                    if self._postgres:  # another writer's lock waited for as long as SQLite would, then refused
                        conn.exec_driver_sql(f"SET LOCAL lock_timeout = {self._lock_timeout_ms}")
                        conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": _ADVISORY_LOCK})
                    yield conn
        except sa.exc.OperationalError as error:
            if not _locked(error):
                raise
            log.warning("the database stayed locked by another process; nothing written: %s", error.orig)
            raise StoreBusy(str(error.orig)) from error

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        with self._engine.connect() as conn:
            yield conn

    # ------------------------------------------------------------------------------- schema

    def schema_version(self) -> int:
        with self._read() as conn:
            return self._version(conn)

    @staticmethod
    def _version(conn: Connection) -> int:
        inspector = sa.inspect(conn)
        if not inspector.has_table("schema_version"):
            if inspector.has_table("datasets"):
                raise StoreError("the database has Lokus tables but no schema_version; it cannot be upgraded safely")
            return 0
        value = conn.execute(sa.select(sa.func.max(schema.schema_version.c.version))).scalar()
        return int(value or 0)

    def _catalogue_rows(self) -> list[dict[str, object]]:
        return [
            {
                "key": entry.key,
                "label_id": entry.label_id,
                "label_en": entry.label_en,
                "kind": str(entry.kind),
                "direction": str(entry.direction),
                "target": entry.target,
                "unit": entry.unit,
                "numerator_id": entry.numerator_id,
                "numerator_en": entry.numerator_en,
                "denominator_id": entry.denominator_id,
                "denominator_en": entry.denominator_en,
            }
            for entry in CATALOGUE.values()
        ]

    def _catalogue_current(self, conn: Connection) -> bool:
        stored = [dict(row._mapping) for row in conn.execute(sa.select(schema.indicators).order_by("key"))]
        return stored == sorted(self._catalogue_rows(), key=lambda row: str(row["key"]))

    def _upgrade(self) -> None:
        with self._read() as conn:
            version = self._version(conn)
            if version > schema.CURRENT_VERSION:
                raise StoreError(
                    f"the database is at schema version {version}, newer than this Lokus ({schema.CURRENT_VERSION})"
                )
            if version == schema.CURRENT_VERSION and self._catalogue_current(conn):
                return
        with self._write() as conn:
            version = self._version(conn)  # again, under the write lock: another process may have upgraded
            for target in range(version + 1, schema.CURRENT_VERSION + 1):
                log.info("upgrading the database schema to version %d", target)
                schema.MIGRATIONS[target - 1](conn)
            if version < schema.CURRENT_VERSION:
                conn.execute(schema.schema_version.delete())
                conn.execute(schema.schema_version.insert(), {"version": schema.CURRENT_VERSION})
            if not self._catalogue_current(conn):
                conn.execute(schema.indicators.delete())
                conn.execute(schema.indicators.insert(), self._catalogue_rows())

    def indicator_catalogue(self) -> pd.DataFrame:
        """The catalogue as stored (key, labels, kind, direction, target, unit, numerator/denominator labels)."""
        with self._read() as conn:
            rows = conn.execute(sa.select(schema.indicators).order_by("key")).all()
        return pd.DataFrame([dict(row._mapping) for row in rows], columns=list(schema.indicators.c.keys()))

    # -------------------------------------------------------------------------- bulk writes

    def _bulk_insert(
        self, conn: Connection, table: sa.Table, columns: Sequence[str], rows: Iterable[tuple[object, ...]]
    ) -> int:
        """Insert many rows fast: COPY on PostgreSQL, executemany in chunks on SQLite."""
        names = ", ".join(columns)
        count = 0
        if self._postgres:
            raw = conn.connection.driver_connection
            assert raw is not None
            with raw.cursor() as cursor, cursor.copy(f"COPY {table.name} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
                    count += 1
            return count
        sql = f"INSERT INTO {table.name} ({names}) VALUES ({', '.join('?' * len(columns))})"
        for chunk in _chunks(rows):
            conn.exec_driver_sql(sql, chunk)
            count += len(chunk)
        return count

    def _new_dataset(
        self,
        conn: Connection,
        kind: str,
        file_name: str,
        sha256: str,
        user: str | None,
        rows_read: int,
        rows_imported: int,
    ) -> int:
        result = conn.execute(
            schema.datasets.insert().returning(schema.datasets.c.id),
            {
                "kind": kind,
                "file_name": file_name,
                "sha256": sha256,
                "created_at": _now(),
                "user_name": user,
                "rows_read": rows_read,
                "rows_imported": rows_imported,
                "status": str(DatasetStatus.IMPORTED),
                "report": {},
            },
        )
        return int(result.scalar_one())

    def _finish_dataset(
        self, conn: Connection, dataset_id: int, report: Mapping[str, object], districts: Iterable[str]
    ) -> None:
        conn.execute(
            schema.datasets.update().where(schema.datasets.c.id == dataset_id),
            {"report": _jsonable(report), "districts": ",".join(sorted(set(districts)))},
        )

    def _duplicate(self, conn: Connection, sha256: str, file_name: str) -> CommitResult | None:
        row = conn.execute(
            sa.select(schema.datasets.c.id, schema.datasets.c.file_name, schema.datasets.c.created_at).where(
                schema.datasets.c.sha256 == sha256
            )
        ).first()
        if row is None:
            return None
        when = _utc(row.created_at).strftime("%Y-%m-%d %H:%M UTC")
        params = (("id", row.id), ("file", row.file_name), ("when", when))
        problem = Problem(file_name, None, None, None, "store.duplicate_file", params, Severity.WARNING)
        log.info("%s: already imported as dataset %d; nothing changed", file_name, row.id)
        return CommitResult(dataset_id=None, rows=0, duplicate_of=int(row.id), problems=(problem,))

    # -------------------------------------------------------------------------- boundaries

    def commit(self, batch: BoundaryBatch | IndicatorBatch, user: str | None = None) -> CommitResult:
        """Commit either kind of batch (what the data page calls)."""
        if isinstance(batch, BoundaryBatch):
            return self.commit_boundaries(batch, user)
        return self.commit_indicators(batch, user)

    def commit_boundaries(
        self, batch: BoundaryBatch, user: str | None = None, *, kind: DatasetKind = DatasetKind.BOUNDARIES
    ) -> CommitResult:
        """Replace, for every district the batch covers, the levels it brings; one transaction.

        Raises :class:`ImportRefused` for a batch with errors (nothing written). The same file again
        returns a result with ``duplicate_of`` set and changes nothing.
        """
        if not batch.ok:
            raise ImportRefused(batch.file_name, batch.errors)
        with self._write() as conn:
            self._forget_superseded(conn, batch.sha256)
            duplicate = self._duplicate(conn, batch.sha256, batch.file_name)
            if duplicate is not None:
                return duplicate
            return self._commit_boundaries(conn, batch, user, kind)

    @staticmethod
    def _forget_superseded(conn: Connection, sha256: str) -> None:
        """A boundary file imported before and since replaced (superseded: none of its regions is on the map)
        may be imported again, to bring its map back after a partial or wrong file: its old dataset row, which
        holds nothing any more, makes way for the new import."""
        d = schema.datasets
        row = conn.execute(sa.select(d.c.id, d.c.status).where(d.c.sha256 == sha256)).first()
        if row is None or row.status != DatasetStatus.SUPERSEDED:
            return
        for table in (schema.regions, schema.districts):
            conn.execute(table.delete().where(table.c.dataset_id == row.id))
        conn.execute(d.delete().where(d.c.id == row.id))

    def _commit_boundaries(
        self, conn: Connection, batch: BoundaryBatch, user: str | None, kind: DatasetKind
    ) -> CommitResult:
        villages = batch.villages
        outlines = batch.outlines if batch.outlines is not None else _no_outlines()
        features = batch.features or (len(villages) + len(outlines))
        dataset_id = self._new_dataset(
            conn, str(kind), batch.file_name, batch.sha256, user, features, len(villages) or len(outlines)
        )
        version = f"{dataset_id}-{batch.sha256[:10]}"
        levels = _levels_by_district(villages, outlines)
        touched = sorted(d for d in levels if d is not None)

        r, d = schema.regions, schema.districts
        previous = dict(
            conn.execute(
                sa.select(r.c.code, r.c.district_code).where(r.c.level == Level.DESA, r.c.district_code.in_(touched))
            ).all()
        )
        known = {str(code) for code in conn.execute(sa.select(d.c.code).where(d.c.code.in_(touched))).scalars()}
        old_datasets = set(
            conn.execute(sa.select(r.c.dataset_id).where(r.c.district_code.in_(touched)).distinct()).scalars()
        )
        new_codes = set(villages["code"].tolist())
        villages_replaced = {district for district in touched if Level.DESA in levels[district]}
        appeared = sorted(code for code in new_codes if code[:5] in known and code not in previous)
        disappeared = sorted(
            c for c, district in previous.items() if district in villages_replaced and c not in new_codes
        )

        self._replace_regions(conn, levels, villages, outlines, version, dataset_id)
        self._replace_districts(conn, touched, villages, outlines, version, dataset_id, kind)
        self._mark_superseded(conn, old_datasets - {dataset_id})

        added = []
        for key, codes in (("store.codes_appeared", appeared), ("store.codes_disappeared", disappeared)):
            if codes:
                params = (("count", len(codes)), ("codes", _listed(codes)))
                added.append(Problem(batch.file_name, None, None, None, key, params, Severity.WARNING))
        level_counts = outlines["level"].astype(str).value_counts().to_dict()
        report = {
            "problems": [_problem_record(p) for p in [*batch.problems, *added]],
            "counts": {
                "features": features,
                "villages": len(villages),
                **{str(level): level_counts.get(str(level), 0) for level in (Level.KECAMATAN, Level.KABUPATEN)},
                "repaired": batch.repaired,
                "orphaned_observations": self._count_observations(conn, disappeared),
            },
            "boundary_version": version,
            "districts": touched,
            "new_districts": sorted(set(touched) - known),
            "appeared": appeared,
            "disappeared": disappeared,
            "code_column": batch.code_column,
            "source_crs": batch.source_crs,
        }
        self._finish_dataset(conn, dataset_id, report, touched)
        log.info(
            "%s: dataset %d, %d villages in %d districts (%d appeared, %d disappeared)",
            batch.file_name, dataset_id, len(villages), len(touched), len(appeared), len(disappeared),
        )  # fmt: skip
        return CommitResult(
            dataset_id=dataset_id,
            rows=len(villages),
            districts=tuple(touched),
            appeared=tuple(appeared),
            disappeared=tuple(disappeared),
            problems=tuple(added),
        )

    def _replace_regions(
        self,
        conn: Connection,
        levels: Mapping[str | None, set[str]],
        villages: gpd.GeoDataFrame,
        outlines: gpd.GeoDataFrame,
        version: str,
        dataset_id: int,
    ) -> None:
        """Delete, per district, the levels the batch brings, then insert the batch's regions."""
        r = schema.regions
        pairs = [{"d": district, "l": level} for district, found in levels.items() if district for level in found]
        if pairs:
            conn.execute(
                r.delete().where(r.c.district_code == sa.bindparam("d"), r.c.level == sa.bindparam("l")), pairs
            )
        provinces = outlines.loc[outlines["level"] == Level.PROVINSI, "code"].tolist()
        if provinces:
            conn.execute(r.delete().where(r.c.code.in_(provinces)))
        rows = itertools.chain(
            zip(
                villages["code"].tolist(),
                villages["name"].astype(str).tolist(),
                itertools.repeat(str(Level.DESA)),
                villages["kecamatan_code"].tolist(),
                villages["district_code"].tolist(),
                shapely.to_wkb(np.asarray(villages.geometry.values, dtype=object)).tolist(),
                itertools.repeat(version),
                itertools.repeat(dataset_id),
            ),
            zip(
                outlines["code"].tolist(),
                outlines["name"].astype(str).tolist(),
                outlines["level"].astype(str).tolist(),
                [_text_or_none(parent) for parent in outlines["parent"].tolist()],
                [_text_or_none(district) for district in outlines["district_code"].tolist()],
                shapely.to_wkb(np.asarray(outlines.geometry.values, dtype=object)).tolist(),
                itertools.repeat(version),
                itertools.repeat(dataset_id),
            ),
        )
        columns = ("code", "name", "level", "parent", "district_code", "geometry", "boundary_version", "dataset_id")
        self._bulk_insert(conn, r, columns, rows)

    @staticmethod
    def _replace_districts(
        conn: Connection,
        touched: list[str],
        villages: gpd.GeoDataFrame,
        outlines: gpd.GeoDataFrame,
        version: str,
        dataset_id: int,
        kind: DatasetKind,
    ) -> None:
        """The districts the app lists: every touched district that has villages now, at the new version."""
        r, d = schema.regions, schema.districts
        with_villages = conn.execute(
            sa.select(r.c.district_code).where(r.c.level == Level.DESA, r.c.district_code.in_(touched)).distinct()
        ).scalars()
        names = dict(
            zip(villages["district_code"].tolist(), villages["district_name"].astype(str).tolist(), strict=True)
        )
        kabupaten = outlines[outlines["level"] == Level.KABUPATEN]
        names.update(zip(kabupaten["code"].tolist(), kabupaten["name"].astype(str).tolist(), strict=True))
        old_names = dict(conn.execute(sa.select(d.c.code, d.c.name).where(d.c.code.in_(touched))).all())
        conn.execute(d.delete().where(d.c.code.in_(touched)))
        now = _now()
        rows = []
        for code in sorted(with_villages):
            name = names.get(code) or code
            if name == code and old_names.get(code):
                name = old_names[code]  # a file without names keeps the name the district had
            is_demo = kind is DatasetKind.DEMO or code == DEMO_DISTRICT_CODE
            rows.append({"code": code, "name": name, "boundary_version": version, "dataset_id": dataset_id,
                         "is_demo": is_demo, "updated_at": now})  # fmt: skip
        if rows:
            conn.execute(d.insert(), rows)

    @staticmethod
    def _mark_superseded(conn: Connection, candidates: set[int]) -> None:
        """Boundary datasets with no region left on the map are superseded."""
        if not candidates:
            return
        r = schema.regions
        still = set(conn.execute(sa.select(r.c.dataset_id).where(r.c.dataset_id.in_(candidates)).distinct()).scalars())
        gone = sorted(candidates - still)
        if gone:
            conn.execute(
                schema.datasets.update().where(schema.datasets.c.id.in_(gone)), {"status": DatasetStatus.SUPERSEDED}
            )

    @staticmethod
    def _count_observations(conn: Connection, codes: Sequence[str]) -> int:
        o = schema.observations
        count = 0
        for start in range(0, len(codes), 500):
            query = sa.select(sa.func.count()).select_from(o).where(o.c.code.in_(codes[start : start + 500]))
            count += int(conn.execute(query).scalar_one())
        return count

    # -------------------------------------------------------------------------- indicators

    def commit_indicators(self, batch: IndicatorBatch, user: str | None = None) -> CommitResult:
        """Store a checked indicator batch as one dataset, in one transaction.

        Raises :class:`ImportRefused` for a batch with errors, or with a key twice or an empty count
        (nothing written). The same file again returns ``duplicate_of`` and changes nothing. Names the
        importer matched by a near match or a confirmation (``batch.new_aliases``) are saved as aliases.
        """
        if not batch.ok:
            raise ImportRefused(batch.file_name, batch.errors)
        frame, dropped = self._checked_observations(batch)
        estimates = self._checked_estimates(batch)
        with self._write() as conn:
            duplicate = self._duplicate(conn, batch.sha256, batch.file_name)
            if duplicate is not None:
                return duplicate
            return self._commit_observations(conn, batch, frame, user, dropped, estimates)

    @staticmethod
    def _checked_observations(batch: IndicatorBatch) -> tuple[pd.DataFrame, list[Problem]]:
        """The batch's observations as stored, and a warning for each value of 0 over 0 left out.

        The last line of defence for a batch built by code: a key twice, an empty, infinite, negative or
        too large count (:attr:`~dashboard.core.indicators.Indicator.max_count`), or a period that is not
        ``YYYY-MM``/``YYYY`` or that no data can have (in the future, before 2000) refuses the batch whole.
        """
        frame = _batch_frame(batch.observations, BATCH_OBSERVATION_COLUMNS, ("numerator", "denominator"))
        problems: list[Problem] = []

        def refuse_rows(hit: np.ndarray, key: str, value: str | None, *params: tuple[str, object]) -> None:
            problems.extend(_refused_rows(batch.file_name, frame, hit, key, None, value, *params))

        counts = frame[["numerator", "denominator"]].to_numpy(dtype=float)
        empty = np.isnan(counts).any(axis=1)
        refuse_rows(empty, "store.missing_count", None)
        limits = count_limits(frame["indicator"])
        for role in ("numerator", "denominator"):
            values = frame[role].to_numpy(dtype=float)
            refuse_rows(np.isinf(values), "problem.not_finite", role)
            refuse_rows(values < 0, "indicators.negative", role)
            for limit in np.unique(limits):
                refuse_rows(
                    np.isfinite(values) & (values > limits) & (limits == limit),
                    "problem.count_too_large",
                    role,
                    *limit_params(limit),
                )
        problems += _period_problems(batch.file_name, frame)
        problems += _duplicate_problems(batch.file_name, frame, "store.duplicate_key")
        if problems:
            raise ImportRefused(batch.file_name, problems)
        # 0/0 says nothing (a village reports only with a denominator above zero): not stored.
        nothing = (counts == 0).all(axis=1)
        listed = frame.loc[nothing, ["source_row", "indicator"]].head(_LISTED_PROBLEMS)
        dropped = [
            Problem(batch.file_name, _row_of(row), "pembilang", "0/0", "problem.zero_over_zero",
                    (("indicator", indicator),), Severity.WARNING)
            for row, indicator in listed.itertuples(index=False)
        ]  # fmt: skip
        if nothing.any():
            log.warning("%s: %d values of 0/0 not stored", batch.file_name, int(nothing.sum()))
        return frame[~nothing].reset_index(drop=True), dropped

    @staticmethod
    def _checked_estimates(batch: IndicatorBatch) -> pd.DataFrame:
        """The batch's rate-only estimates as stored (:data:`BATCH_ESTIMATE_COLUMNS`).

        The last line of defence, as for observations: a village's code (or no region code), a value or bound
        that is not a percentage (0-100), one bound without the other, bounds that do not hold the value, an
        empty source, a period that is not ``YYYY-MM``/``YYYY`` or that no data can have, or a key twice refuses
        the batch whole.
        """
        frame = _batch_frame(batch.estimates, BATCH_ESTIMATE_COLUMNS, ("value", "lower", "upper"))
        frame["source"] = [str(v).strip() if isinstance(v, str) else "" for v in batch.estimates["source"]]
        problems: list[Problem] = []

        def refuse(hit: np.ndarray, key: str, column: str, value: str | None, *params: tuple[str, object]) -> None:
            problems.extend(_refused_rows(batch.file_name, frame, hit, key, column, value, *params))

        codes = [try_normalise_code(code) for code in frame["code"]]
        levels = [None if code is None else level_of(code) for code in codes]
        unreadable = np.array([code != written for code, written in zip(codes, frame["code"], strict=True)])
        refuse(unreadable, "indicators.estimate_bad_code", "kode_wilayah", "code", ("rows", 1))
        for level in {level for level in levels if level is Level.DESA}:  # a kecamatan, kabupaten or province
            other = ~unreadable & np.array([found is level for found in levels])
            refuse(other, "indicators.estimate_not_district_code", "kode_wilayah", "code", ("level", str(level)),
                   ("rows", 1))  # fmt: skip
        for role, column in (("value", "nilai"), ("lower", "batas_bawah"), ("upper", "batas_atas")):
            values = frame[role].to_numpy(dtype=float)
            refuse(np.isinf(values) | (np.isnan(values) & (role == "value")), "indicators.estimate_not_a_number",
                   column, role)  # fmt: skip
            refuse(np.isfinite(values) & ((values < 0) | (values > 100)), "indicators.estimate_out_of_range",
                   column, role)  # fmt: skip
        value, lower, upper = (frame[c].to_numpy(dtype=float) for c in ("value", "lower", "upper"))
        refuse(np.isnan(lower) != np.isnan(upper), "indicators.estimate_one_bound", "batas_bawah", None)
        refuse((lower > value) | (value > upper), "indicators.estimate_bounds_order", "nilai", "value")
        refuse(frame["source"].to_numpy() == "", "indicators.estimate_missing_source", "sumber", None)
        problems += _period_problems(batch.file_name, frame)
        problems += _duplicate_problems(batch.file_name, frame, "indicators.estimate_duplicate_key")
        if problems:
            raise ImportRefused(batch.file_name, problems)
        return frame

    def _commit_observations(
        self,
        conn: Connection,
        batch: IndicatorBatch,
        frame: pd.DataFrame,
        user: str | None,
        dropped: Sequence[Problem] = (),
        estimates: pd.DataFrame | None = None,
    ) -> CommitResult:
        """Write a checked batch as one dataset: its observations (``frame``) and its estimates, in ``conn``'s
        transaction."""
        o = schema.observations
        estimates = batch.estimates.iloc[:0] if estimates is None else estimates
        others_exist = conn.execute(sa.select(o.c.dataset_id).limit(1)).first() is not None
        dataset_id = self._new_dataset(
            conn, str(batch.kind), batch.file_name, batch.sha256, user, batch.rows_read, len(frame) + len(estimates)
        )
        rows = zip(
            itertools.repeat(dataset_id),
            frame["code"].tolist(),
            frame["period"].tolist(),
            frame["indicator"].tolist(),
            frame["numerator"].tolist(),
            frame["denominator"].tolist(),
        )
        self._bulk_insert(conn, o, ("dataset_id", "code", "period", "indicator", "numerator", "denominator"), rows)

        added: list[Problem] = list(dropped)
        replaced: dict[int, int] = {}
        if len(estimates):
            replaced = self._insert_estimates(conn, dataset_id, estimates)
        if others_exist:
            new, old = o.alias("new"), o.alias("old")
            query = (
                sa.select(old.c.dataset_id, sa.func.count())
                .select_from(
                    new.join(
                        old,
                        sa.and_(
                            old.c.code == new.c.code,
                            old.c.period == new.c.period,
                            old.c.indicator == new.c.indicator,
                            old.c.dataset_id != new.c.dataset_id,
                        ),
                    )
                )
                .where(new.c.dataset_id == dataset_id)
                .group_by(old.c.dataset_id)
            )
            for old_id, count in conn.execute(query):
                replaced[int(old_id)] = replaced.get(int(old_id), 0) + int(count)
        if replaced:
            files = dict(
                conn.execute(
                    sa.select(schema.datasets.c.id, schema.datasets.c.file_name).where(
                        schema.datasets.c.id.in_(replaced)
                    )
                ).all()
            )
            for old_id, count in sorted(replaced.items()):
                params = (("count", count), ("id", old_id), ("file", files.get(old_id, "?")))
                added.append(Problem(batch.file_name, None, None, None, "store.replaced", params, Severity.WARNING))
        saved = self._save_aliases(conn, batch.new_aliases, user)
        districts = batch.districts
        report = {
            "problems": [_problem_record(p) for p in [*batch.problems, *added]],
            "counts": {
                "rows_read": batch.rows_read,
                "observations": len(frame),
                "estimates": len(estimates),
                "skipped_rows": batch.skipped_rows,
                "matched_by_alias": batch.matched_by_alias,
                "matched_by_near_name": batch.matched_by_near_name,
                "aliases_saved": saved,
                "replaced": sum(replaced.values()),
            },
            "replaced": {str(k): v for k, v in replaced.items()},
            "periods": sorted({*frame["period"].tolist(), *estimates["period"].tolist()}),
            "indicators": sorted({*frame["indicator"].tolist(), *estimates["indicator"].tolist()}),
            "extra": batch.extra,
        }
        self._finish_dataset(conn, dataset_id, report, districts)
        log.info(
            "%s: dataset %d, %d observations, %d estimates (%d replaced)",
            batch.file_name,
            dataset_id,
            len(frame),
            len(estimates),
            sum(replaced.values()),
        )
        return CommitResult(
            dataset_id=dataset_id,
            rows=len(frame) + len(estimates),
            districts=tuple(districts),
            replaced=sum(replaced.values()),
            aliases_saved=saved,
            problems=tuple(added),
        )

    def _insert_estimates(self, conn: Connection, dataset_id: int, estimates: pd.DataFrame) -> dict[int, int]:
        """Insert a dataset's checked estimates; returns, per earlier dataset, how many of its estimates (same
        region, period, indicator and source) the new ones replace."""
        e = schema.estimates
        rows = zip(
            itertools.repeat(dataset_id),
            *(estimates[c].tolist() for c in ("code", "period", "indicator", "value")),
            *([None if math.isnan(v) else v for v in estimates[c].tolist()] for c in ("lower", "upper")),
            estimates["source"].tolist(),
        )
        columns = ("dataset_id", "code", "period", "indicator", "value", "lower", "upper", "source")
        self._bulk_insert(conn, e, columns, rows)
        new, old = e.alias("new"), e.alias("old")
        same = [old.c[c] == new.c[c] for c in ("code", "period", "indicator", "source")]
        query = (
            sa.select(old.c.dataset_id, sa.func.count())
            .select_from(new.join(old, sa.and_(*same, old.c.dataset_id != new.c.dataset_id)))
            .where(new.c.dataset_id == dataset_id)
            .group_by(old.c.dataset_id)
        )
        return {int(d): int(n) for d, n in conn.execute(query)}

    # ----------------------------------------------------------------------------- datasets

    def datasets(self) -> list[DatasetInfo]:
        """Every dataset, newest first, without its report."""
        d = schema.datasets
        columns = [c for c in d.c if c.name != "report"]
        with self._read() as conn:
            rows = conn.execute(sa.select(*columns).order_by(d.c.id.desc())).all()
        return [self._info(row._mapping, None) for row in rows]

    def dataset_with_file(self, sha256: str) -> DatasetInfo | None:
        """The dataset that holds the file whose content has this sha256 (hex), without its report, or ``None``.

        How the data page tells, after a job was lost, whether its commit finished.
        """
        d = schema.datasets
        columns = [c for c in d.c if c.name != "report"]
        with self._read() as conn:
            row = conn.execute(sa.select(*columns).where(d.c.sha256 == sha256).order_by(d.c.id.desc())).first()
        return None if row is None else self._info(row._mapping, None)

    def dataset(self, dataset_id: int) -> DatasetInfo | None:
        """One dataset with its stored report, or ``None``."""
        with self._read() as conn:
            row = conn.execute(sa.select(schema.datasets).where(schema.datasets.c.id == dataset_id)).first()
        if row is None:
            return None
        report = row.report if isinstance(row.report, dict) else json.loads(row.report or "{}")
        return self._info(row._mapping, report)

    @staticmethod
    def _info(row: sa.RowMapping, report: dict[str, Any] | None) -> DatasetInfo:
        return DatasetInfo(
            id=int(row["id"]),
            kind=str(row["kind"]),
            file_name=str(row["file_name"]),
            sha256=str(row["sha256"]),
            created_at=_utc(row["created_at"]),
            user=row["user_name"],
            rows_read=int(row["rows_read"]),
            rows_imported=int(row["rows_imported"]),
            status=str(row["status"]),
            districts=tuple(filter(None, (row["districts"] or "").split(","))),
            report=report,
        )

    def remove_dataset(self, dataset_id: int) -> bool:
        """Remove a dataset and what it brought (observations and estimates, or regions); False when there is none."""
        with self._write() as conn:
            found = conn.execute(sa.select(schema.datasets.c.id).where(schema.datasets.c.id == dataset_id)).first()
            if found is None:
                return False
            # Explicit deletes rather than relying on ON DELETE CASCADE: clear, and the same on both databases.
            conn.execute(schema.observations.delete().where(schema.observations.c.dataset_id == dataset_id))
            conn.execute(schema.estimates.delete().where(schema.estimates.c.dataset_id == dataset_id))
            for table in (schema.puskesmas_villages, schema.puskesmas):
                conn.execute(table.delete().where(table.c.dataset_id == dataset_id))
            conn.execute(schema.districts.delete().where(schema.districts.c.dataset_id == dataset_id))
            conn.execute(schema.regions.delete().where(schema.regions.c.dataset_id == dataset_id))
            conn.execute(schema.datasets.delete().where(schema.datasets.c.id == dataset_id))
        log.info("dataset %d removed", dataset_id)
        return True

    # ------------------------------------------------------------------------------ aliases

    def save_aliases(self, district_code: str, names: Mapping[str, str], user: str | None = None) -> int:
        """Remember that, in this district, the normalised ``name`` means village ``code``; returns how many."""
        with self._write() as conn:
            return self._save_aliases(conn, {(district_code, name): code for name, code in names.items()}, user)

    def _save_aliases(self, conn: Connection, aliases: Mapping[tuple[str, str], str], user: str | None) -> int:
        if not aliases:
            return 0
        a = schema.name_aliases
        keys = [{"d": district, "n": name} for district, name in aliases]
        conn.execute(a.delete().where(a.c.district_code == sa.bindparam("d"), a.c.name == sa.bindparam("n")), keys)
        now = _now()
        conn.execute(
            a.insert(),
            [
                {"district_code": district, "name": name, "village_code": code, "created_at": now, "user_name": user}
                for (district, name), code in aliases.items()
            ],
        )
        return len(aliases)

    def aliases(self, district_code: str | None = None) -> dict[tuple[str, str], str]:
        """``(district code, normalised name) -> village code`` for one district (or all)."""
        a = schema.name_aliases
        query = sa.select(a.c.district_code, a.c.name, a.c.village_code)
        if district_code is not None:
            query = query.where(a.c.district_code == district_code)
        with self._read() as conn:
            return {(row.district_code, row.name): row.village_code for row in conn.execute(query)}

    # ---------------------------------------------------------------------------- scenarios

    def save_scenario(self, scenario: Scenario) -> Scenario:
        """Insert a new scenario (``id`` None) or update one; a final scenario is never changed."""
        sc = schema.scenarios
        now = _now()
        values = {
            "district_code": scenario.district_code,
            "year": scenario.year,
            "period": scenario.period,
            "name": scenario.name.strip(),
            "method": scenario.method,
            "settings": _jsonable(scenario.settings),
            "villages": _jsonable([village.as_dict() for village in scenario.villages]),
            "author": scenario.author,
            "updated_at": now,
        }
        if not values["name"]:
            raise ScenarioError("scenario.name_required")
        with self._write() as conn:
            if scenario.id is None:
                new_id = conn.execute(sc.insert().values(**values, created_at=now, is_final=False)).inserted_primary_key
                scenario_id = int(new_id[0])  # type: ignore[index]
            else:
                scenario_id = scenario.id
                final = conn.execute(sa.select(sc.c.is_final).where(sc.c.id == scenario_id)).scalar_one_or_none()
                if final is None:
                    raise ScenarioError("scenario.not_found", id=scenario_id)
                if final:
                    raise ScenarioError("scenario.final_read_only", name=scenario.name)
                conn.execute(sc.update().where(sc.c.id == scenario_id).values(**values))
        log.info("scenario %d saved: %s, %d villages", scenario_id, scenario.name, len(scenario.villages))
        saved = self.scenario(scenario_id)
        assert saved is not None
        return saved

    def scenario(self, scenario_id: int) -> Scenario | None:
        with self._read() as conn:
            row = conn.execute(sa.select(schema.scenarios).where(schema.scenarios.c.id == scenario_id)).first()
        return None if row is None else self._scenario(row._mapping)

    def scenarios(self, district_code: str, year: int | None = None) -> list[Scenario]:
        """A district's scenarios, newest first (of one year when given)."""
        sc = schema.scenarios
        query = sa.select(sc).where(sc.c.district_code == district_code)
        if year is not None:
            query = query.where(sc.c.year == year)
        with self._read() as conn:
            rows = conn.execute(query.order_by(sc.c.year.desc(), sc.c.id.desc())).all()
        return [self._scenario(row._mapping) for row in rows]

    def finalise_scenario(self, scenario_id: int) -> Scenario:
        """Mark the year's final list; refused when the district already has a final scenario for that year."""
        sc = schema.scenarios
        with self._write() as conn:
            row = conn.execute(sa.select(sc).where(sc.c.id == scenario_id)).first()
            if row is None:
                raise ScenarioError("scenario.not_found", id=scenario_id)
            other = conn.execute(
                sa.select(sc.c.name).where(
                    sc.c.district_code == row.district_code, sc.c.year == row.year, sc.c.is_final.is_(True),
                    sc.c.id != scenario_id,
                )
            ).scalar_one_or_none()  # fmt: skip
            if other is not None:
                raise ScenarioError("scenario.final_exists", year=row.year, name=other)
            conn.execute(sc.update().where(sc.c.id == scenario_id).values(is_final=True, updated_at=_now()))
        log.info("scenario %d marked final", scenario_id)
        final = self.scenario(scenario_id)
        assert final is not None
        return final

    def delete_scenario(self, scenario_id: int) -> Scenario:
        """Delete a draft; a final scenario is never deleted (reopen it first)."""
        sc = schema.scenarios
        with self._write() as conn:
            row = conn.execute(sa.select(sc).where(sc.c.id == scenario_id)).first()
            if row is None:
                raise ScenarioError("scenario.not_found", id=scenario_id)
            if row.is_final:
                raise ScenarioError("scenario.final_read_only", name=row.name)
            conn.execute(sc.delete().where(sc.c.id == scenario_id))
        log.info("scenario %d deleted", scenario_id)
        return self._scenario(row._mapping)

    def reopen_scenario(self, scenario_id: int) -> Scenario:
        """Make a final scenario a draft again (an administrator's decision, audited by the caller)."""
        sc = schema.scenarios
        with self._write() as conn:
            found = conn.execute(sa.select(sc.c.id).where(sc.c.id == scenario_id)).first()
            if found is None:
                raise ScenarioError("scenario.not_found", id=scenario_id)
            conn.execute(sc.update().where(sc.c.id == scenario_id).values(is_final=False, updated_at=_now()))
        log.info("scenario %d reopened", scenario_id)
        reopened = self.scenario(scenario_id)
        assert reopened is not None
        return reopened

    @staticmethod
    def _scenario(row: sa.RowMapping) -> Scenario:
        settings = row["settings"] if isinstance(row["settings"], dict) else json.loads(row["settings"] or "{}")
        villages = row["villages"] if isinstance(row["villages"], list) else json.loads(row["villages"] or "[]")
        return Scenario(
            district_code=str(row["district_code"]),
            year=int(row["year"]),
            period=str(row["period"]),
            name=str(row["name"]),
            method=str(row["method"]),
            settings=settings,
            villages=tuple(ScenarioVillage.from_dict(v) for v in villages),
            author=str(row["author"]),
            id=int(row["id"]),
            created_at=_utc(row["created_at"]),
            updated_at=_utc(row["updated_at"]),
            is_final=bool(row["is_final"]),
        )

    # ------------------------------------------------------------------------- RegionSource

    def districts(self) -> list[District]:
        """Districts with village boundaries: imported ones first (by code), the demo last."""
        d = schema.districts
        with self._read() as conn:
            rows = conn.execute(sa.select(d.c.code, d.c.name, d.c.is_demo).order_by(d.c.is_demo, d.c.code)).all()
        return [District(row.code, row.name, bool(row.is_demo)) for row in rows]

    def villages(self, district_code: str) -> gpd.GeoDataFrame:
        """Standard village columns (see :mod:`dashboard.data.boundaries`) in EPSG:4326, by code."""
        r = schema.regions
        with self._read() as conn:
            rows = conn.execute(
                sa.select(r.c.code, r.c.name, r.c.parent, r.c.geometry)
                .where(r.c.district_code == district_code, r.c.level == str(Level.DESA))
                .order_by(r.c.code)
            ).all()
            kecamatan = dict(
                conn.execute(
                    sa.select(r.c.code, r.c.name).where(
                        r.c.district_code == district_code, r.c.level == str(Level.KECAMATAN)
                    )
                ).all()
            )
            district_name = conn.execute(
                sa.select(schema.districts.c.name).where(schema.districts.c.code == district_code)
            ).scalar()
        codes = [row.code for row in rows]
        parents = [row.parent or code[:8] for row, code in zip(rows, codes, strict=True)]
        frame = gpd.GeoDataFrame(
            {
                "code": codes,
                "name": [row.name for row in rows],
                "kecamatan_code": parents,
                "kecamatan_name": [kecamatan.get(parent, parent) for parent in parents],
                "district_code": [district_code] * len(rows),
                "district_name": [district_name or district_code] * len(rows),
            },
            geometry=shapely.from_wkb([bytes(row.geometry) for row in rows]) if rows else [],
            crs=4326,
        )
        return frame[VILLAGE_COLUMNS]

    def outlines(self, district_code: str, level: str = Level.KECAMATAN) -> gpd.GeoDataFrame:
        """Kecamatan (or kabupaten) outlines of a district: code, name, level, parent, geometry."""
        r = schema.regions
        with self._read() as conn:
            rows = conn.execute(
                sa.select(r.c.code, r.c.name, r.c.level, r.c.parent, r.c.geometry)
                .where(r.c.district_code == district_code, r.c.level == str(level))
                .order_by(r.c.code)
            ).all()
        return gpd.GeoDataFrame(
            {
                "code": [row.code for row in rows],
                "name": [row.name for row in rows],
                "level": [row.level for row in rows],
                "parent": [row.parent for row in rows],
            },
            geometry=shapely.from_wkb([bytes(row.geometry) for row in rows]) if rows else [],
            crs=4326,
        )

    def data_version(self) -> str:
        """Changes whenever a dataset is added or removed: caches of derived figures key on it."""
        d = schema.datasets
        with self._read() as conn:
            row = conn.execute(sa.select(sa.func.max(d.c.id), sa.func.count(d.c.id))).one()
        return f"{row[0] or 0}-{row[1]}"

    def boundary_version(self, district_code: str) -> str:
        """The version of the district's current boundaries (changes with every boundary import)."""
        with self._read() as conn:
            version = conn.execute(
                sa.select(schema.districts.c.boundary_version).where(schema.districts.c.code == district_code)
            ).scalar()
        return str(version) if version is not None else "none"

    def observations(self, district_code: str) -> pd.DataFrame:
        """:data:`OBSERVATION_COLUMNS` of the district's villages, the latest dataset's value for each key.

        Villages only: figures imported for a kecamatan or the kabupaten itself are read through
        :mod:`dashboard.data.levels`, labelled, and never added to the villages' (a village code is 13 characters).
        """
        o = schema.observations
        low, high = _district_range(district_code)
        return self._current_observations(o.c.code >= low, o.c.code < high, sa.func.length(o.c.code) == _VILLAGE_CODE)

    def estimates(self, district_code: str) -> pd.DataFrame:
        """Survey estimates of the district itself: :data:`ESTIMATE_COLUMNS` and the ``dataset_id`` that brought
        each, sorted by code, period, indicator and source. For one (code, period, indicator, source) the newest
        dataset's figure wins; removed datasets have none left. Estimates of its kecamatan are read through
        :func:`dashboard.data.levels.estimates_at`."""
        e = schema.estimates
        columns = ["dataset_id", "code", "period", "indicator", "value", "lower", "upper", "source"]
        query = sa.select(*(e.c[c] for c in columns)).where(e.c.code == district_code)
        with self._read() as conn:
            frame = pd.DataFrame.from_records(_tuples(conn.execute(query)), columns=columns)
        frame = frame.astype({"value": float, "lower": float, "upper": float, "dataset_id": "int64"})
        frame = frame.sort_values("dataset_id", kind="stable").drop_duplicates(
            ["code", "period", "indicator", "source"], keep="last"
        )
        frame = frame.sort_values(["code", "period", "indicator", "source"], kind="stable").reset_index(drop=True)
        return frame[[*ESTIMATE_COLUMNS, "dataset_id"]]

    def datasets_for(self, district_code: str, indicators: Collection[str]) -> set[int]:
        """Ids of the datasets that hold the district's outlines or observations of ``indicators``: the sources
        of a printed figure (the brief's and the annex's source line), not every import that touched the district."""
        o, r = schema.observations, schema.regions
        low, high = _district_range(district_code)
        with self._read() as conn:
            observed = sa.select(o.c.dataset_id).where(o.c.code >= low, o.c.code < high, o.c.indicator.in_(indicators))
            outlined = sa.select(r.c.dataset_id).where(r.c.district_code == district_code)
            rows = conn.execute(sa.union(observed.distinct(), outlined.distinct())).all()
        return {int(row[0]) for row in rows if row[0] is not None}

    def periods(self, district_code: str) -> list[str]:
        """Periods with observations under the district, oldest first."""
        o = schema.observations
        low, high = _district_range(district_code)
        with self._read() as conn:
            query = sa.select(o.c.period).where(
                o.c.code >= low, o.c.code < high, sa.func.length(o.c.code) == _VILLAGE_CODE
            )
            rows = conn.execute(query.distinct()).all()
        return sorted(str(row.period) for row in rows)

    def _current_observations(self, *conditions: sa.ColumnElement[bool]) -> pd.DataFrame:
        o = schema.observations
        query = sa.select(o.c.dataset_id, o.c.code, o.c.period, o.c.indicator, o.c.numerator, o.c.denominator)
        with self._read() as conn:
            rows = _tuples(conn.execute(query.where(*conditions)))
        frame = pd.DataFrame.from_records(
            rows, columns=["dataset_id", "code", "period", "indicator", "numerator", "denominator"]
        )
        if frame.empty:
            return pd.DataFrame(
                {c: pd.Series(dtype=float if c in ("numerator", "denominator") else str) for c in OBSERVATION_COLUMNS}
            )
        # A later dataset's value wins; the older stays stored for when the later one is removed.
        frame = frame.sort_values("dataset_id", kind="stable").drop_duplicates(
            ["code", "period", "indicator"], keep="last"
        )
        frame = frame.sort_values(["code", "period", "indicator"], kind="stable").reset_index(drop=True)
        frame["numerator"] = frame["numerator"].astype(float)
        frame["denominator"] = frame["denominator"].astype(float)
        return frame[OBSERVATION_COLUMNS]

    # -------------------------------------------------------------------------------- export

    def export_observations(self, path: str | Path, district_code: str | None = None) -> int:
        """Write the current observations (all, or one district's) in the tidy template; returns the rows.

        A puskesmas's own figure (stored under ``52.03#P…``, :func:`dashboard.core.levels.puskesmas_key`) is written
        as the template reads it: its district in ``kode_wilayah`` and its code in a ``kode_puskesmas`` column, which
        is added only when there is such a row; so the file imports back unchanged.
        """
        from dashboard.core.levels import is_puskesmas_key, split_puskesmas_key

        frame = self._current_observations() if district_code is None else self.observations(district_code)
        codes = frame["code"].astype(str).tolist()
        split = [split_puskesmas_key(code) if is_puskesmas_key(code) else (code, "") for code in codes]
        out = pd.DataFrame(
            {
                "kode_wilayah": [region for region, _ in split],
                "kode_puskesmas": [puskesmas for _, puskesmas in split],
                "periode": frame["period"].to_numpy(),
                "indikator": frame["indicator"].to_numpy(),
                "pembilang": _counts_as_text(frame["numerator"]).to_numpy(),
                "penyebut": _counts_as_text(frame["denominator"]).to_numpy(),
            }
        )
        columns = (
            [EXPORT_COLUMNS[0], "kode_puskesmas", *EXPORT_COLUMNS[1:]] if any(p for _, p in split) else EXPORT_COLUMNS
        )
        out = out[columns]
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        from dashboard.core.spreadsheet import neutralise_frame  # text cells never start a formula (OWASP)

        neutralise_frame(out).to_csv(path, index=False, encoding="utf-8")
        log.info("%d observations exported to %s", len(out), path)
        return len(out)

    # ---------------------------------------------------------------------------------- demo

    def ensure_demo(self, geodata_dir: str | Path) -> bool:
        """Import the embedded demo district (kind ``demo``) when it is absent or its files changed.

        Returns True when it imported something. Without the demo files it logs a warning and does nothing.
        """
        folder = Path(geodata_dir)
        boundary_path, table_path = folder / DEMO_BOUNDARY_FILE, folder / DEMO_INDICATOR_FILE
        if not boundary_path.is_file() or not table_path.is_file():
            log.warning("demo files not found in %s; the demo district is not available", folder)
            return False
        boundary_bytes, table_bytes = boundary_path.read_bytes(), table_path.read_bytes()
        wanted = {hashlib.sha256(boundary_bytes).hexdigest(), hashlib.sha256(table_bytes).hexdigest()}
        survey = _demo_survey(folder)  # optional: the fictional survey estimate beside the routine figures
        if survey is not None:
            wanted.add(survey.sha256)
        offices = _demo_offices(folder)  # optional: the other offices' fictional files, a dataset each
        wanted.update(batch.sha256 for batch in offices)
        programmes = _demo_programmes(folder)  # optional: the partners' register, as a dataset of no observations
        if programmes is not None:
            wanted.add(programmes[0].sha256)
        current = {d.sha256 for d in self.datasets() if d.kind == DatasetKind.DEMO}
        if current == wanted:
            return False
        from dashboard.data.importers.boundary_files import prepare_boundary_import

        boundaries = prepare_boundary_import(boundary_bytes, DEMO_BOUNDARY_FILE)
        if not boundaries.ok:
            raise ImportRefused(DEMO_BOUNDARY_FILE, boundaries.errors)
        tidy = read_tidy_csv(table_path)
        indicators = IndicatorBatch(
            file_name=DEMO_INDICATOR_FILE,
            sha256=hashlib.sha256(table_bytes).hexdigest(),
            kind=DatasetKind.DEMO,
            observations=tidy.assign(source_row=np.arange(2, len(tidy) + 2)),
            rows_read=len(tidy),
        )
        frame, dropped = self._checked_observations(indicators)
        survey_estimates = None if survey is None else self._checked_estimates(survey)
        office_frames = [self._checked_observations(batch) for batch in offices]
        with self._write() as conn:
            stale = [
                int(row.id)
                for row in conn.execute(
                    sa.select(schema.datasets.c.id, schema.datasets.c.sha256).where(
                        schema.datasets.c.kind == str(DatasetKind.DEMO)
                    )
                )
                if row.sha256 not in wanted
            ]
            present = {
                row.sha256
                for row in conn.execute(sa.select(schema.datasets.c.sha256).where(schema.datasets.c.sha256.in_(wanted)))
            }
            if not stale and present == wanted:
                return False  # another process did it meanwhile
            for dataset_id in stale:
                for table in (schema.observations, schema.estimates, schema.districts, schema.regions,
                              schema.partner_programmes):  # fmt: skip
                    conn.execute(table.delete().where(table.c.dataset_id == dataset_id))
                conn.execute(schema.datasets.delete().where(schema.datasets.c.id == dataset_id))
            if boundaries.sha256 not in present:
                self._commit_boundaries(conn, boundaries, "demo", DatasetKind.DEMO)
            if indicators.sha256 not in present:
                self._commit_observations(conn, indicators, frame, "demo", dropped)
            if survey is not None and survey.sha256 not in present:
                self._commit_observations(conn, survey, frame.iloc[:0], "demo", (), survey_estimates)
            for batch, (office_frame, office_dropped) in zip(offices, office_frames, strict=True):
                if batch.sha256 not in present:
                    self._commit_observations(conn, batch, office_frame, "demo", office_dropped)
            if programmes is not None and programmes[0].sha256 not in present:
                result = self._commit_observations(conn, programmes[0], frame.iloc[:0], "demo", ())
                assert result.dataset_id is not None
                _insert_demo_programmes(conn, programmes[1], result.dataset_id)
        log.info("demo district %s imported from %s", DEMO_DISTRICT_CODE, folder)
        return True


def _demo_offices(folder: Path) -> list[IndicatorBatch]:
    """The other offices' fictional files present in ``folder`` (tidy template), each a batch of kind ``demo``."""
    from dashboard.data.demo import DEMO_OFFICE_FILES

    batches = []
    for name in DEMO_OFFICE_FILES:
        path = folder / name
        if path.is_file():
            tidy = read_tidy_csv(path)
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            rows = tidy.assign(source_row=np.arange(2, len(tidy) + 2))
            batches.append(IndicatorBatch(name, digest, DatasetKind.DEMO, rows, rows_read=len(tidy)))
    return batches


def _demo_programmes(folder: Path) -> tuple[IndicatorBatch, pd.DataFrame] | None:
    """The demo's partners' register (its sheet template) and an empty demo batch naming the file, or None."""
    from dashboard.data.demo import DEMO_PROGRAMME_FILE

    path = folder / DEMO_PROGRAMME_FILE
    if not path.is_file():
        return None
    sheet = pd.read_csv(path, dtype=str)
    batch = IndicatorBatch(DEMO_PROGRAMME_FILE, hashlib.sha256(path.read_bytes()).hexdigest(), DatasetKind.DEMO,
                           pd.DataFrame({c: [] for c in BATCH_OBSERVATION_COLUMNS}), rows_read=len(sheet))  # fmt: skip
    return batch, sheet


def _insert_demo_programmes(conn: Connection, sheet: pd.DataFrame, dataset_id: int) -> None:
    """The demo register's rows, written as the demo (author ``demo``), removed with their dataset."""
    when = _now()
    for row in sheet.itertuples(index=False):
        inserted = conn.execute(
            schema.partner_programmes.insert().values(
                district_code=DEMO_DISTRICT_CODE, partner=row.mitra, sector=row.sektor, activity=row.kegiatan,
                period_start=parse_period(row.periode_mulai), period_end=parse_period(row.periode_selesai),
                budget_rupiah=int(str(row.anggaran)), author="demo", created_at=when, updated_at=when,
                dataset_id=dataset_id,
            )
        ).inserted_primary_key  # fmt: skip
        assert inserted is not None
        codes = sorted({code.strip() for code in str(row.kode_desa).split(";") if code.strip()})
        conn.execute(schema.partner_programme_villages.insert(),
                     [{"programme_id": int(inserted[0]), "village_code": code} for code in codes])  # fmt: skip


def _demo_survey(folder: Path) -> IndicatorBatch | None:
    """The demo's survey estimates (:data:`DEMO_SURVEY_FILE`) as a batch of kind ``demo``, or None without the file."""
    path = folder / DEMO_SURVEY_FILE
    if not path.is_file():
        return None
    estimates = read_estimates_csv(path)
    return IndicatorBatch(
        file_name=DEMO_SURVEY_FILE,
        sha256=hashlib.sha256(path.read_bytes()).hexdigest(),
        kind=DatasetKind.DEMO,
        observations=pd.DataFrame({c: [] for c in BATCH_OBSERVATION_COLUMNS}),
        rows_read=len(estimates),
        estimates=estimates.assign(source_row=np.arange(2, len(estimates) + 2)),
    )


def _counts_as_text(values: pd.Series) -> pd.Series:
    """Whole counts without a trailing ``.0``; fractions (modelled estimates) as they are."""
    numbers = values.astype(float)
    whole = np.isfinite(numbers.to_numpy()) & (numbers.to_numpy() % 1 == 0)
    text = numbers.map(repr)
    text[whole] = numbers[whole].astype(np.int64).astype(str)
    return text
