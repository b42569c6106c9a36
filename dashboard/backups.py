"""Backups of the Lokus database and their restore: SQLite's online backup API, pg_dump/pg_restore for PostgreSQL.

- SQLite: :meth:`sqlite3.Connection.backup` copies a consistent snapshot while the app runs (in WAL mode readers
  never wait for writers); the copy is written beside ``OUT`` and moved into place only once checked. A restore first
  copies the backup into a temporary file beside the database and checks it there (a SQLite file, ``PRAGMA
  quick_check``, a Lokus ``schema_version`` no newer than the code); the checked copy then replaces the live
  database's content with the same backup API, in ONE write transaction. Not ``os.replace`` of the file: under WAL
  a running server keeps the old, unlinked inode open and would go on serving (and writing to) it, and a leftover
  ``-wal`` file would be replayed onto the new one. Through SQLite every connection sees the new content at once.
- PostgreSQL: ``pg_dump --format=custom`` and ``pg_restore --clean --if-exists --no-owner --single-transaction``
  (PostgreSQL documentation, "Backup and Restore", SQL dump), the binaries from ``PATH`` or
  ``/usr/lib/postgresql/*/bin``; the connection travels in libpq's ``PG*`` environment variables, so the password
  never appears in a process list.

Errors are :class:`BackupError`, carrying an i18n key (``ops.*``) naming the file and the fix.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import sqlite3
import subprocess
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import URL, make_url

from dashboard.data import schema

__all__ = ["BackupError", "BackupInfo", "backup_database", "backup_version", "restore_database"]

log = logging.getLogger(__name__)

SQLITE_MAGIC = b"SQLite format 3\x00"
PGDUMP_MAGIC = b"PGDMP"  # the first bytes of a pg_dump custom-format archive
_TOOL_TIMEOUT_S = 3600


class BackupError(RuntimeError):
    """A backup or restore refused or failed; ``key`` and ``params`` make the message (``t(key, lang, **params)``)."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(f"{key} {params}")
        self.key = key
        self.params = params


@dataclass(frozen=True)
class BackupInfo:
    """A written or checked backup: its file, the database kind (``sqlite``/``postgresql``), schema version, bytes."""

    path: Path
    dialect: str
    schema_version: int
    size: int


def _dialect(url: URL) -> str:
    name = url.get_backend_name()
    return "postgresql" if name in ("postgresql", "postgres") else name


# ---------------------------------------------------------------------------------------------------- checks


def _check_version(version: int | None, path: Path) -> int:
    if version is None or version < 1:
        raise BackupError("ops.restore.not_backup", file=path.name)
    if version > schema.CURRENT_VERSION:
        raise BackupError("ops.restore.newer", file=path.name, version=version, current=schema.CURRENT_VERSION)
    return version


def _sqlite_version(conn: sqlite3.Connection, path: Path) -> int:
    """The Lokus schema version of an open SQLite file; :class:`BackupError` when it is not a sound Lokus database."""
    try:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not {"schema_version", "datasets"} <= tables:
            raise BackupError("ops.restore.not_backup", file=path.name)
        if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise BackupError("ops.restore.damaged", file=path.name)
        version = conn.execute("SELECT max(version) FROM schema_version").fetchone()[0]
    except sqlite3.DatabaseError as error:
        raise BackupError("ops.restore.not_backup", file=path.name) from error
    return _check_version(None if version is None else int(version), path)


def _file_kind(path: Path) -> str:
    if not path.is_file():
        raise BackupError("ops.restore.missing", file=str(path))
    with path.open("rb") as handle:
        head = handle.read(len(SQLITE_MAGIC))
    if head.startswith(SQLITE_MAGIC):
        return "sqlite"
    if head.startswith(PGDUMP_MAGIC):
        return "postgresql"
    raise BackupError("ops.restore.not_backup", file=path.name)


def backup_version(path: Path) -> BackupInfo:
    """Check a backup file without touching any database.

    Returns
    -------
    BackupInfo
        Its kind (from the file's first bytes), Lokus schema version and size in bytes.

    Raises
    ------
    BackupError
        Missing, not a SQLite file or pg_dump archive, not a Lokus database, damaged, or a schema newer than the code.
    """
    kind = _file_kind(path)
    if kind == "sqlite":
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
            version = _sqlite_version(conn, path)
    else:
        version = _archive_version(path)
    return BackupInfo(path, kind, version, path.stat().st_size)


# ---------------------------------------------------------------------------------------------------- SQLite


def _sqlite_file(url: URL) -> Path:
    database = url.database
    if not database or database == ":memory:":
        raise BackupError("ops.backup.memory")
    return Path(database).expanduser()


def _temp_beside(path: Path, what: str) -> Path:
    return path.with_name(f".{path.name}.{what}-{os.getpid()}.tmp")


def _sqlite_backup(url: URL, temp: Path) -> int:
    source_path = _sqlite_file(url)
    if not source_path.is_file():
        raise BackupError("ops.backup.no_database", file=str(source_path))
    with closing(sqlite3.connect(source_path, timeout=60)) as source, closing(sqlite3.connect(temp)) as copy:
        source.backup(copy)  # one step: a consistent snapshot, writers go on (WAL)
        copy.execute("PRAGMA journal_mode=DELETE")  # the backup is one self-contained file
        return _sqlite_version(copy, source_path)


def _sqlite_restore(url: URL, backup: Path) -> BackupInfo:
    target = _sqlite_file(url)
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = _temp_beside(target, "restore")
    try:
        try:
            with (
                closing(sqlite3.connect(f"file:{backup}?mode=ro", uri=True)) as source,
                closing(sqlite3.connect(temp)) as checked,
            ):
                source.backup(checked)
        except sqlite3.DatabaseError as error:
            raise BackupError("ops.restore.not_backup", file=backup.name) from error
        with closing(sqlite3.connect(temp)) as checked:
            version = _sqlite_version(checked, backup)
            if not target.exists():
                checked.close()
                os.replace(temp, target)
                target.chmod(0o600)
            else:
                with closing(sqlite3.connect(target, timeout=60)) as live:
                    checked.backup(live)  # one write transaction: every connection sees all of it or none
    finally:
        temp.unlink(missing_ok=True)
    return BackupInfo(backup, "sqlite", version, backup.stat().st_size)


# ---------------------------------------------------------------------------------------------------- PostgreSQL


def find_tool(name: str) -> str:
    """The path of a PostgreSQL client program (``pg_dump``, ``pg_restore``): ``PATH`` first, then the newest
    ``/usr/lib/postgresql/<version>/bin``. Raises :class:`BackupError` naming the package to install."""
    found = shutil.which(name)
    if found:
        return found
    versions = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"), key=lambda p: _major(p.parent.parent.name))
    if versions:
        return str(versions[-1])
    raise BackupError("ops.tool_missing", tool=name)


def _major(text: str) -> int:
    return int(text) if text.isdigit() else -1


def _pg_env(url: URL) -> dict[str, str]:
    """libpq's environment for ``url``: host, port, user, database, password (never on the command line)."""
    env = dict(os.environ)
    for key, value in (("PGHOST", url.host), ("PGPORT", url.port), ("PGUSER", url.username),
                       ("PGDATABASE", url.database), ("PGPASSWORD", url.password)):  # fmt: skip
        if value not in (None, ""):
            env[key] = str(value)
    for option, variable in (("sslmode", "PGSSLMODE"), ("options", "PGOPTIONS"), ("sslrootcert", "PGSSLROOTCERT")):
        option_value = url.query.get(option)
        if isinstance(option_value, str):
            env[variable] = option_value
    return env


def _run_tool(tool: str, args: list[str], env: dict[str, str], file: Path) -> str:
    command = [find_tool(tool), *args]
    log.debug("running %s", tool)
    try:
        done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=_TOOL_TIMEOUT_S, check=False)
    except subprocess.TimeoutExpired as error:
        raise BackupError("ops.tool_failed", tool=tool, file=file.name, error="timeout") from error
    if done.returncode != 0:
        message = " ".join(done.stderr.strip().splitlines()[-3:])[:500]
        raise BackupError("ops.tool_failed", tool=tool, file=file.name, error=message)
    return done.stdout


_COPY_HEAD = re.compile(r"^COPY \S*schema_version \(version\) FROM stdin;$")


def _archive_version(path: Path) -> int:
    """The schema version inside a pg_dump archive, read by pg_restore (to SQL text, no database involved)."""
    env = dict(os.environ)
    try:
        listing = _run_tool("pg_restore", ["--list", str(path)], env, path)
    except BackupError as error:
        if error.key == "ops.tool_failed":
            raise BackupError("ops.restore.not_backup", file=path.name) from error
        raise
    if not re.search(r"TABLE DATA \S+ schema_version ", listing):
        raise BackupError("ops.restore.not_backup", file=path.name)
    sql = _run_tool("pg_restore", ["--data-only", "--table=schema_version", "--file=-", str(path)], env, path)
    lines = sql.splitlines()
    versions = []
    for index, line in enumerate(lines):
        if _COPY_HEAD.match(line):
            for value in lines[index + 1 :]:
                if value == "\\.":
                    break
                if value.strip().isdigit():
                    versions.append(int(value))
    return _check_version(max(versions) if versions else None, path)


def _pg_backup(url: URL, temp: Path) -> int:
    _run_tool("pg_dump", ["--format=custom", f"--file={temp}"], _pg_env(url), temp)
    return _archive_version(temp)


def _pg_restore(url: URL, backup: Path) -> BackupInfo:
    version = _archive_version(backup)
    env = _pg_env(url)
    _run_tool(
        "pg_restore",
        ["--clean", "--if-exists", "--no-owner", "--single-transaction", "--exit-on-error",
         f"--dbname={env.get('PGDATABASE', '')}", str(backup)],
        env, backup,
    )  # fmt: skip
    return BackupInfo(backup, "postgresql", version, backup.stat().st_size)


# ---------------------------------------------------------------------------------------------------- API


def backup_database(url: str, out: Path) -> BackupInfo:
    """Write a backup of the database at ``url`` to ``out`` (replaced only once the new backup is checked).

    SQLite: a SQLite file (the online backup API, consistent while the app runs). PostgreSQL: a ``pg_dump``
    custom-format archive. The file is readable by its owner only (mode 0600). Raises :class:`BackupError` (no
    database, folder missing, tool missing or failing).
    """
    parsed = make_url(url)
    out = out.expanduser().absolute()
    if not out.parent.is_dir():
        raise BackupError("ops.backup.no_folder", file=str(out))
    dialect = _dialect(parsed)
    if dialect not in ("sqlite", "postgresql"):
        raise BackupError("ops.unsupported", dialect=dialect)
    temp = _temp_beside(out, "backup")
    try:
        version = (_sqlite_backup if dialect == "sqlite" else _pg_backup)(parsed, temp)
        temp.chmod(0o600)  # every table, password hashes and the audit log: the owner's only, like the database
        os.replace(temp, out)  # an earlier backup of that name stays whole until the new one is checked
    finally:
        temp.unlink(missing_ok=True)
    return BackupInfo(out, dialect, version, out.stat().st_size)


def restore_database(url: str, backup: Path) -> BackupInfo:
    """Replace every table of the database at ``url`` with the content of ``backup``, all or nothing.

    The file is checked first (a backup of the same database kind, a Lokus schema no newer than the code); a
    refused or failed restore leaves the database as it was. An older schema is upgraded at the next start.

    Raises
    ------
    BackupError
        The file is missing, not a Lokus backup, of the other database kind, newer, or the restore failed.
    """
    parsed = make_url(url)
    backup = backup.expanduser().absolute()
    kind = _file_kind(backup)
    dialect = _dialect(parsed)
    if dialect not in ("sqlite", "postgresql"):
        raise BackupError("ops.unsupported", dialect=dialect)
    if kind != dialect:
        raise BackupError("ops.restore.wrong_kind", file=backup.name, kind=kind, dialect=dialect)
    if dialect == "sqlite":
        return _sqlite_restore(parsed, backup)
    return _pg_restore(parsed, backup)
