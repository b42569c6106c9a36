"""Accounts, uploads awaiting import, and the audit log: the database side of access control.

Passwords are hashed with Argon2id through argon2-cffi (the algorithm OWASP's Password Storage Cheat
Sheet recommends first), never with code of our own. The audit log never holds a password or any
personal data of children; it holds who, when, what, from which address and whether it was allowed.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import pandas as pd
import sqlalchemy as sa
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from dashboard.auth.roles import Actor, AreaCodeError, Role, normalise_areas
from dashboard.data import schema
from dashboard.data.store import CommitResult, Store

__all__ = [
    "MIN_PASSWORD_LENGTH",
    "AccountError",
    "Accounts",
    "UploadRecord",
    "UserRecord",
]

log = logging.getLogger(__name__)

MIN_PASSWORD_LENGTH = 10  # OWASP ASVS 2.1.1 asks for at least 12 for new systems; 10 keeps field use possible
_USERNAME_CHARS = set("abcdefghijklmnopqrstuvwxyz0123456789._-")


class AccountError(ValueError):
    """A change to accounts the rules refuse; ``key`` names the message in the translation table."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


@dataclass(frozen=True)
class UserRecord:
    id: int
    username: str
    role: Role
    areas: tuple[str, ...]
    active: bool
    session_generation: int
    created_at: datetime

    @property
    def actor(self) -> Actor:
        return Actor(id=self.id, username=self.username, role=self.role, areas=self.areas)


@dataclass(frozen=True)
class UploadRecord:
    """An uploaded file waiting to be checked and imported; its bytes are at ``<uploads>/<id>``."""

    id: str
    owner_id: int
    file_name: str
    size: int
    sha256: str
    personal: bool
    created_at: datetime
    expires_at: datetime


def _now() -> datetime:
    return datetime.now(UTC)


def _utc(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _user(row: sa.RowMapping) -> UserRecord:
    areas = tuple(code for code in str(row["areas"] or "").split(",") if code)
    return UserRecord(
        int(row["id"]), str(row["username"]), Role(row["role"]), areas, bool(row["active"]),
        int(row["session_generation"]), _utc(row["created_at"]),
    )  # fmt: skip


def _upload(row: sa.RowMapping) -> UploadRecord:
    return UploadRecord(
        str(row["id"]), int(row["owner_id"]), str(row["file_name"]), int(row["size"]), str(row["sha256"]),
        bool(row["personal"]), _utc(row["created_at"]), _utc(row["expires_at"]),
    )  # fmt: skip


def check_username(username: str) -> str:
    """A username as stored: lower case letters, digits, ``.``, ``_``, ``-``; 2–64 characters."""
    name = username.strip().lower()
    if not 2 <= len(name) <= 64 or not set(name) <= _USERNAME_CHARS:
        raise AccountError("account.username_invalid", name=username)
    return name


def check_password(password: str, username: str) -> None:
    """Refuse a password a person or a script guesses first (OWASP ASVS 2.1): shorter than
    :data:`MIN_PASSWORD_LENGTH`, fewer than five different characters, or holding the user name.

    >>> check_password("aaaaaaaaaaaa", "rina")
    Traceback (most recent call last):
    ...
    dashboard.data.accounts.AccountError: account.password_weak
    """
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError("account.password_short", n=MIN_PASSWORD_LENGTH)
    if len(set(password.lower())) < 5 or (len(username) >= 3 and username.lower() in password.lower()):
        raise AccountError("account.password_weak")


def _role_and_areas(role: Role | str, areas: tuple[str, ...] | list[str]) -> tuple[Role, tuple[str, ...]]:
    """A role that can be given and its areas as stored; :class:`AccountError` otherwise."""
    try:
        chosen = Role(role)
    except ValueError:
        raise AccountError("account.role_invalid", role=role) from None
    if chosen is Role.PUBLIK:
        raise AccountError("account.role_invalid", role=role)
    try:
        codes = normalise_areas(areas)
    except AreaCodeError as error:
        raise AccountError("account.area_invalid", code=error.code) from None
    if chosen is not Role.ADMIN and not codes:
        raise AccountError("account.areas_required", role=chosen)
    return chosen, codes


class Accounts:
    """Users, uploads and the audit log of one :class:`~dashboard.data.store.Store`."""

    def __init__(self, store: Store) -> None:
        self.store = store
        # Argon2id with the library's defaults (RFC 9106's second recommended option).
        self._hasher = PasswordHasher()

    # --------------------------------------------------------------------------------- users

    def create_user(self, username: str, password: str, role: Role | str, areas: tuple[str, ...] | list[str] = ()
                    ) -> UserRecord:  # fmt: skip
        """A new account. Raises :class:`AccountError` for a taken or invalid name, a short password, a
        non-admin without areas or an invalid area code."""
        name = check_username(username)
        role, codes = _role_and_areas(role, areas)
        digest = self._hash(password, name)
        now = _now()
        u = schema.users
        with self.store._write() as conn:
            if conn.execute(sa.select(u.c.id).where(u.c.username == name)).first() is not None:
                raise AccountError("account.username_taken", name=name)
            conn.execute(
                u.insert().values(
                    username=name, password_hash=digest, role=str(role), areas=",".join(codes), active=True,
                    session_generation=1, created_at=now, updated_at=now,
                )
            )  # fmt: skip
        created = self.user_by_name(name)
        assert created is not None
        log.info("account %d created (%s)", created.id, role)  # the id, never the user name (a person's name)
        return created

    def _hash(self, password: str, username: str) -> str:
        check_password(password, username)
        return self._hasher.hash(password)

    def set_password(self, username: str, password: str) -> UserRecord:
        """A new password; every session of the account signed in before ends (its generation moves on).
        Refused (:class:`AccountError`) when weak or the same as the current one."""
        digest = self._hash(password, username.strip().lower())
        if self.verify(username, password) is not None:
            raise AccountError("account.password_same")
        return self._update(username, password_hash=digest, generation=True)

    def end_sessions(self, username: str) -> UserRecord:
        """Sign the account out everywhere."""
        return self._update(username, generation=True)

    def set_active(self, username: str, active: bool) -> UserRecord:
        return self._update(username, active=active, generation=True)

    def set_role(self, username: str, role: Role | str, areas: tuple[str, ...] | list[str]) -> UserRecord:
        role, codes = _role_and_areas(role, areas)
        return self._update(username, role=str(role), areas=",".join(codes), generation=True)

    def _update(self, username: str, *, generation: bool = False, **values: Any) -> UserRecord:
        u = schema.users
        name = username.strip().lower()
        with self.store._write() as conn:
            row = conn.execute(sa.select(u.c.id, u.c.session_generation).where(u.c.username == name)).first()
            if row is None:
                raise AccountError("account.not_found", name=username)
            if generation:
                values["session_generation"] = int(row.session_generation) + 1
            conn.execute(u.update().where(u.c.id == row.id).values(**values, updated_at=_now()))
        updated = self.user_by_name(name)
        assert updated is not None
        return updated

    def user(self, user_id: int) -> UserRecord | None:
        with self.store._read() as conn:
            row = conn.execute(sa.select(schema.users).where(schema.users.c.id == user_id)).first()
        return None if row is None else _user(row._mapping)

    def user_by_name(self, username: str) -> UserRecord | None:
        name = username.strip().lower()
        with self.store._read() as conn:
            row = conn.execute(sa.select(schema.users).where(schema.users.c.username == name)).first()
        return None if row is None else _user(row._mapping)

    def users(self) -> list[UserRecord]:
        with self.store._read() as conn:
            rows = conn.execute(sa.select(schema.users).order_by(schema.users.c.username)).all()
        return [_user(row._mapping) for row in rows]

    def has_admin(self) -> bool:
        u = schema.users
        with self.store._read() as conn:
            return conn.execute(sa.select(u.c.id).where(u.c.role == str(Role.ADMIN)).limit(1)).first() is not None

    def verify(self, username: str, password: str) -> UserRecord | None:
        """The active account with this name and password, else None (the same work either way, so the
        time taken does not tell which names exist)."""
        name = username.strip().lower()
        with self.store._read() as conn:
            row = conn.execute(sa.select(schema.users).where(schema.users.c.username == name)).first()
        if row is None:
            with contextlib.suppress(VerificationError, InvalidHashError):
                self._hasher.verify(self._dummy_hash(), password)
            return None
        record = row._mapping
        try:
            self._hasher.verify(str(record["password_hash"]), password)
        except (VerificationError, InvalidHashError):
            return None
        if not record["active"]:
            return None
        if self._hasher.check_needs_rehash(str(record["password_hash"])):
            with self.store._write() as conn:
                conn.execute(
                    schema.users.update()
                    .where(schema.users.c.id == record["id"])
                    .values(password_hash=self._hasher.hash(password))
                )
        return _user(record)

    def _dummy_hash(self) -> str:
        if not hasattr(self, "_dummy"):
            self._dummy = self._hasher.hash("lokus-dummy-password-for-timing")
        return self._dummy

    # ------------------------------------------------------------------------------- uploads

    def add_upload(self, record: UploadRecord) -> None:
        with self.store._write() as conn:
            conn.execute(
                schema.uploads.insert().values(
                    id=record.id, owner_id=record.owner_id, file_name=record.file_name, size=record.size,
                    sha256=record.sha256, personal=record.personal, created_at=record.created_at,
                    expires_at=record.expires_at,
                )
            )  # fmt: skip

    def upload(self, upload_id: str) -> UploadRecord | None:
        with self.store._read() as conn:
            row = conn.execute(sa.select(schema.uploads).where(schema.uploads.c.id == upload_id)).first()
        return None if row is None else _upload(row._mapping)

    def remove_upload(self, upload_id: str) -> bool:
        with self.store._write() as conn:
            result = conn.execute(schema.uploads.delete().where(schema.uploads.c.id == upload_id))
        return bool(result.rowcount)

    def uploads(self) -> list[UploadRecord]:
        with self.store._read() as conn:
            rows = conn.execute(sa.select(schema.uploads)).all()
        return [_upload(row._mapping) for row in rows]

    def expired_uploads(self, now: datetime | None = None) -> list[UploadRecord]:
        moment = now or _now()
        return [record for record in self.uploads() if record.expires_at <= moment]

    # ----------------------------------------------------------------------------- audit log

    def audit(self, actor: Actor | None, action: str, target: str | None = None,
              detail: Mapping[str, object] | None = None, address: str | None = None,
              outcome: str = "ok") -> None:  # fmt: skip
        """Record one event. ``detail`` holds ids, counts and codes, never passwords or children's data;
        ``address`` defaults to the actor's (the request's client address)."""
        if address is None and actor is not None:
            address = actor.address
        with self.store._write() as conn:
            conn.execute(
                schema.audit_log.insert().values(
                    at=_now(), user_id=None if actor is None else actor.id,
                    username=None if actor is None else (actor.label or None), action=action, target=target,
                    detail=dict(detail or {}), address=address, outcome=outcome,
                )
            )  # fmt: skip

    def audit_entries(self, limit: int | None = None, since: datetime | None = None) -> pd.DataFrame:
        """The log newest first: ``at`` (UTC), ``username``, ``action``, ``target``, ``detail``, ``address``,
        ``outcome``."""
        a = schema.audit_log
        query = sa.select(a.c.id, a.c.at, a.c.username, a.c.action, a.c.target, a.c.detail, a.c.address,
                          a.c.outcome).order_by(a.c.id.desc())  # fmt: skip
        if since is not None:
            query = query.where(a.c.at >= since)
        if limit is not None:
            query = query.limit(limit)
        with self.store._read() as conn:
            rows = conn.execute(query).all()
        frame = pd.DataFrame(
            [dict(row._mapping) for row in rows],
            columns=["id", "at", "username", "action", "target", "detail", "address", "outcome"],
        )
        return frame

    def record_import(self, actor: Actor, file_name: str, result: CommitResult) -> None:
        """Audit one committed import: ids, counts and district codes, nothing personal."""
        detail = {"dataset": result.dataset_id, "rows": result.rows, "districts": list(result.districts),
                  "duplicate_of": result.duplicate_of}  # fmt: skip
        self.audit(actor, "import", target=file_name, detail=detail)

    def last_entry(self, action: str) -> dict[str, Any] | None:
        """The newest entry of ``action`` as a dict (columns of :meth:`audit_entries`), or None."""
        a = schema.audit_log
        query = sa.select(a).where(a.c.action == action).order_by(a.c.id.desc()).limit(1)
        with self.store._read() as conn:
            row = conn.execute(query).first()
        return None if row is None else dict(row._mapping)
