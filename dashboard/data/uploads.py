"""Uploaded files awaiting import: received as a stream under a random id, resolved for their owner only.

The browser and scripts send a file's raw bytes to the upload route; the bytes are written to
``<data dir>/uploads/<id>`` while they arrive (never held whole in memory) and refused beyond the size
limit. The id is random (``secrets.token_urlsafe``), recorded with the owner, and is the only thing a
client ever names: no name, hash or path from a client is used to find a file (OWASP, "Path
Traversal"). A file is deleted when it is imported or cancelled, or when its time is up: a day by
default, an hour for e-PPGBM files, which name children.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import secrets
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import IO

from dashboard.auth.roles import Actor, Forbidden, Role
from dashboard.config import Settings
from dashboard.data.accounts import Accounts, UploadRecord

__all__ = ["UploadMissing", "UploadTooLarge", "Uploads", "safe_file_name"]

log = logging.getLogger(__name__)

_CHUNK = 1 << 20
_ID = re.compile(r"^[A-Za-z0-9_-]{20,64}$")


class UploadTooLarge(ValueError):
    """More bytes arrived than ``DASHBOARD_MAX_UPLOAD_MB`` allows; nothing was kept."""

    def __init__(self, limit_mb: int) -> None:
        super().__init__(f"file larger than {limit_mb} MB")
        self.limit_mb = limit_mb


class UploadMissing(LookupError):
    """No upload with that id belongs to the asker (gone, expired, or someone else's)."""


def safe_file_name(name: str) -> str:
    """The last component of a client's file name, for display and for recognising its type only.

    >>> safe_file_name("../../etc/passwd")
    'passwd'
    >>> safe_file_name("C:\\\\data\\\\laporan gizi.xlsx")
    'laporan gizi.xlsx'
    """
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    base = "".join(ch for ch in base if ch.isprintable()).strip()
    return base[:200] or "berkas"


class Uploads:
    """The upload folder and its records; every lookup is by id and owner."""

    def __init__(self, settings: Settings, accounts: Accounts) -> None:
        self.settings = settings
        self.accounts = accounts

    @property
    def folder(self) -> Path:
        path = self.settings.data_dir / "uploads"
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
        if path.stat().st_mode & 0o077:  # e-PPGBM files name children: the server's user only
            path.chmod(0o700)
        return path

    def receive(self, stream: IO[bytes], file_name: str, owner: Actor) -> UploadRecord:
        """Write ``stream`` to a new upload owned by ``owner``; raises :class:`UploadTooLarge` past the limit and
        :class:`~dashboard.data.store.StoreBusy` when the database stayed locked (the file is deleted then)."""
        if owner.id is None:
            raise Forbidden(owner, "upload")
        self.purge()  # uploads past their time go before a new one arrives, not only at start
        limit = self.settings.max_upload_mb * 1024 * 1024
        upload_id = secrets.token_urlsafe(24)
        target = self.folder / upload_id
        digest = hashlib.sha256()
        size = 0
        try:
            with os.fdopen(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb") as out:
                while chunk := stream.read(_CHUNK):
                    size += len(chunk)
                    if size > limit:
                        raise UploadTooLarge(self.settings.max_upload_mb)
                    digest.update(chunk)
                    out.write(chunk)
        except BaseException:
            target.unlink(missing_ok=True)
            raise
        name = safe_file_name(file_name)
        personal = _is_measurement_file(target, name)
        now = datetime.now(UTC)
        hours = self.settings.personal_upload_ttl_hours if personal else self.settings.upload_ttl_hours
        record = UploadRecord(upload_id, owner.id, name, size, digest.hexdigest(), personal, now,
                              now + timedelta(hours=hours))  # fmt: skip
        try:
            self.accounts.add_upload(record)
        except BaseException:  # e.g. StoreBusy: no record, so no file either (never an upload nobody can reach)
            target.unlink(missing_ok=True)
            raise
        log.info("upload %s received (%d bytes, personal=%s)", upload_id[:6], size, personal)
        return record

    def resolve(self, upload_id: object, actor: Actor) -> tuple[UploadRecord, Path]:
        """The record and file of ``upload_id`` when ``actor`` owns it (admins: any), else :class:`UploadMissing`."""
        if not isinstance(upload_id, str) or not _ID.match(upload_id):
            raise UploadMissing(str(upload_id)[:80])
        record = self.accounts.upload(upload_id)
        if record is None or record.expires_at <= datetime.now(UTC):
            raise UploadMissing(upload_id)
        if record.owner_id != actor.id and actor.role is not Role.ADMIN:
            raise UploadMissing(upload_id)  # the same answer as a missing id: ids of others are not confirmed
        path = self.folder / record.id
        if not path.is_file():
            raise UploadMissing(upload_id)
        return record, path

    def discard(self, upload_id: str) -> None:
        """Delete the file and its record (after an import, a cancel, or when its time is up)."""
        if _ID.match(upload_id):
            (self.folder / upload_id).unlink(missing_ok=True)
        self.accounts.remove_upload(upload_id)

    def purge(self, now: datetime | None = None) -> int:
        """Delete expired uploads and any file in the folder without a record; returns how many files went."""
        removed = 0
        for record in self.accounts.expired_uploads(now):
            self.discard(record.id)
            removed += 1
        known = {record.id for record in self.accounts.uploads()}
        # A file without a record is left by an earlier version or a failed request; one still arriving has
        # no record yet either, so only files untouched for an hour go.
        settled = (now or datetime.now(UTC)).timestamp() - 3600
        for path in [entry for entry in self.folder.iterdir() if entry.is_file()]:
            if path.name not in known and path.stat().st_mtime < settled:
                path.unlink(missing_ok=True)
                removed += 1
        if removed:
            log.info("%d upload(s) deleted (expired, or left by an earlier version)", removed)
        return removed


_HEAD = 256 * 1024  # enough lines of a text table to read its header


def _is_measurement_file(path: Path, name: str) -> bool:
    """Whether the upload is an e-PPGBM export or a posyandu register (names children: a shorter life).

    A text table's header is in its first lines, so only those are read; a spreadsheet is a zip read whole.
    """
    from dashboard.data.importers.eppgbm import detect_layout

    with path.open("rb") as handle:
        head = handle.read(_HEAD)
        if head[:2] == b"PK":  # XLSX
            head += handle.read()
        elif len(head) == _HEAD:
            head = head[: head.rfind(b"\n") + 1] or head  # whole lines only
    return detect_layout(head, name) is not None
